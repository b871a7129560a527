#include "service/report_input_store.h"

#include "service/case_file.h"

namespace reunite::service {

Result<int64_t> CountResolvedPersons(storage::Connection& db) {
  const std::string_view exists =
      db.dialect() == storage::Dialect::kSqlite
          ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'persons'"
          : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'persons' "
            "AND table_schema = current_schema()";
  REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query(exists));
  if (rows.empty() || rows[0].Int(0) == 0) return int64_t{0};
  REUNITE_ASSIGN_OR_RETURN(auto count, db.Query("SELECT COUNT(*) FROM persons"));
  return count.empty() ? int64_t{0} : count[0].Int(0);
}

Result<report::ReportInput> LoadStoreReportInput(storage::Connection& db,
                                                 const std::string& orders_dir) {
  REUNITE_ASSIGN_OR_RETURN(CaseFile file, LoadCaseFile(db, {orders_dir}));
  return std::move(file.input);
}

}  // namespace reunite::service
