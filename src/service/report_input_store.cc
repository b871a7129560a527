#include "service/report_input_store.h"

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
  (void)orders_dir;
  REUNITE_ASSIGN_OR_RETURN(int64_t persons, CountResolvedPersons(db));
  if (persons == 0) {
    return FailedPrecondition(db.Describe() +
                              ": the store has no resolved persons yet; reports count persons, "
                              "not raw agency records: run `reunite resolve` first (or report on "
                              "a synthetic scenario with --scenario DIR)");
  }
  return FailedPrecondition(db.Describe() + ": the store has " + std::to_string(persons) +
                            " resolved persons, but reading reports from the store is not wired "
                            "yet; use --scenario DIR");
}

}  // namespace reunite::service
