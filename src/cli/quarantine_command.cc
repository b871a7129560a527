// `reunite quarantine`: list or export the rows that imports could not use,
// with file, line, field and reason, so they can be fixed and re-imported.
#include <cstdio>

#include "cli/command.h"
#include "common/csv.h"
#include "storage/migrations.h"
#include "storage/source_records.h"

namespace reunite::cli {

void AddQuarantineCommand(CLI::App& app, CommandResult& result) {
  struct Flags {
    std::string db = "reunite.db";
    std::string source;
    std::string out;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub =
      app.add_subcommand("quarantine",
                         "List quarantined rows (file:line, field, reason), or export them as CSV\n"
                         "with the raw row so they can be fixed and re-imported.");
  sub->add_option("--db", f->db, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  sub->add_option("--source", f->source, "Only this source");
  sub->add_option("--out", f->out,
                  "Write CSV (source,file,line,field,reason,raw) to this file instead of listing");
  sub->callback([f, &result] {
    result.status = [&]() -> Status {
      REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenAndMigrate(f->db));
      storage::SourceRecordStore store(*db);
      std::unique_ptr<CsvWriter> csv;
      if (!f->out.empty()) {
        REUNITE_ASSIGN_OR_RETURN(csv, CsvWriter::Open(f->out));
        csv->WriteRow({"source", "file", "line", "field", "reason", "raw"});
      }
      int64_t n = 0;
      REUNITE_RETURN_IF_ERROR(
          store.ScanQuarantine(f->source, [&](const storage::QuarantinedRow& q) {
            ++n;
            if (csv) {
              csv->WriteRow({q.source, q.path, std::to_string(q.line), q.field, q.reason, q.raw});
            } else {
              std::string field = q.field.empty() ? "" : "field '" + q.field + "': ";
              std::printf("%s:%lld: %s%s\n", q.path.c_str(), static_cast<long long>(q.line),
                          field.c_str(), q.reason.c_str());
            }
            return Status::Ok();
          }));
      if (csv) {
        REUNITE_RETURN_IF_ERROR(csv->Close());
        std::printf("quarantine: %lld rows written to %s\n", static_cast<long long>(n),
                    f->out.c_str());
      } else {
        std::printf("quarantine: %lld rows\n", static_cast<long long>(n));
      }
      return Status::Ok();
    }();
  });
}

}  // namespace reunite::cli
