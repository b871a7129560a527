// `reunite import --source NAME FILE…`: each agency export into the store,
// all or nothing per file, idempotent. See docs/ingest.md.
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "common/progress.h"
#include "ingest/mapping.h"
#include "service/import_service.h"
#include "storage/migrations.h"

namespace reunite::cli {
namespace {

struct ImportFlags {
  std::string source;
  std::string mapping;
  std::string mappings_dir = "mappings";
  std::string db = "reunite.db";
  std::string actor;
  std::vector<std::string> files;
  bool progress = false;
};

Status RunImport(const ImportFlags& f) {
  std::string mapping_path = f.mapping;
  if (mapping_path.empty()) {
    mapping_path = (std::filesystem::path(f.mappings_dir) / (f.source + ".toml")).string();
  }
  REUNITE_ASSIGN_OR_RETURN(ingest::SourceMapping mapping, ingest::LoadMapping(mapping_path));
  if (!f.source.empty() && mapping.source != f.source) {
    return InvalidArgument(mapping_path + ": source: mapping is for '" + mapping.source +
                           "', not '" + f.source + "'");
  }
  REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenAndMigrate(f.db));
  service::ImportOptions options;
  const char* user = std::getenv("USER");
  options.actor = !f.actor.empty() ? f.actor : (user ? user : "import");
  for (const std::string& file : f.files) {
    Progress progress("import " + std::filesystem::path(file).filename().string(),
                      f.progress ? ProgressMode::kAlways : ProgressMode::kAuto);
    progress.Stage("rows", 0, "rows");
    options.progress = &progress;
    auto s = service::ImportFile(*db, mapping, file, options);
    progress.Done();
    if (!s.ok()) {
      return s.status().WithContext("import stopped; " + file +
                                    " was not imported (nothing of it is stored)");
    }
    if (s->already_imported) {
      std::printf("%s: already imported (file %lld), nothing added\n", file.c_str(),
                  static_cast<long long>(s->file_id));
      continue;
    }
    double rate = s->seconds > 0 ? s->rows_read / s->seconds : 0;
    std::printf(
        "%s: %s rows read, %s new, %s already stored, %s quarantined, %s events (%.2fs, "
        "%s rows/s)\n",
        file.c_str(), WithThousands(s->rows_read).c_str(), WithThousands(s->rows_new).c_str(),
        WithThousands(s->rows_duplicate).c_str(), WithThousands(s->rows_quarantined).c_str(),
        WithThousands(s->events_appended).c_str(), s->seconds,
        WithThousands(static_cast<uint64_t>(rate)).c_str());
  }
  return Status::Ok();
}

}  // namespace

void AddImportCommand(CLI::App& app, CommandResult& result) {
  auto f = std::make_shared<ImportFlags>();
  CLI::App* sub = app.add_subcommand(
      "import",
      "Import agency export files (CSV or JSON Lines) through a source mapping.\n"
      "Every raw row is kept with its hash, file and line; bad rows are\n"
      "quarantined with the field and reason (see `reunite quarantine`). Each\n"
      "file is imported all or nothing; re-importing the same bytes adds nothing.");
  sub->add_option("--source", f->source,
                  "Source name; its mapping is MAPPINGS/NAME.toml unless --mapping is given");
  sub->add_option("--mapping", f->mapping, "Source mapping file (TOML)");
  sub->add_option("--mappings", f->mappings_dir, "Directory of source mappings")
      ->capture_default_str();
  sub->add_option("--db", f->db, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  sub->add_option("--actor", f->actor, "Who runs the import (default: $USER)");
  sub->add_flag("--progress", f->progress, "Show progress even when stderr is not a terminal");
  sub->add_option("files", f->files, "Export files")->required();
  sub->callback([f, &result] {
    if (f->source.empty() && f->mapping.empty()) {
      result.status = InvalidArgument("import: give --source NAME or --mapping FILE");
      return;
    }
    result.status = RunImport(*f);
  });
}

}  // namespace reunite::cli
