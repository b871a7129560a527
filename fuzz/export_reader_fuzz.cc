// Fuzzes the export reader (src/ingest/export_reader.h) and the row
// normaliser over each shipped mapping (mappings/*.toml), as `reunite import`
// uses them: the first byte picks the mapping (and so CSV or JSON Lines), the
// rest is the export file. The file is written to a memfd and read through
// /proc/self/fd, so the reader's own file path (buffered fread) is what runs.
// Checks: failures are only kParseError/kInvalidArgument, every row that is
// not quarantined by the reader normalises to a record or a rejection naming
// a field, and row lines increase.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "ingest/export_reader.h"
#include "ingest/mapping.h"
#include "ingest/normalizer.h"

namespace {

using reunite::ingest::SourceMapping;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "export_reader_fuzz: %s\n", what);
    std::abort();
  }
}

std::vector<SourceMapping>& Mappings() {
  static std::vector<SourceMapping> mappings = [] {
    std::vector<SourceMapping> out;
    for (const char* name : {"e3", "ice", "orr", "usao", "dlog", "ngo"}) {
      std::string path = std::string(REUNITE_SOURCE_DIR) + "/mappings/" + name + ".toml";
      auto m = reunite::ingest::LoadMapping(path);
      if (!m.ok()) {
        std::fprintf(stderr, "export_reader_fuzz: %s\n", m.status().ToString().c_str());
        std::abort();
      }
      out.push_back(std::move(*m));
    }
    return out;
  }();
  return mappings;
}

// The columns `reunite import` asks a JSON Lines reader for
// (service/import_service.cc): the record id, then each field's column.
std::vector<std::string> MappedColumns(const SourceMapping& m) {
  std::vector<std::string> cols = {m.record_id};
  for (const auto& f : m.fields) cols.push_back(f.column);
  return cols;
}

// One memfd for the process, rewritten per input.
const std::string& WriteInput(const uint8_t* data, size_t size) {
  static int fd = memfd_create("export", 0);
  static std::string path = "/proc/self/fd/" + std::to_string(fd);
  Check(fd >= 0, "memfd_create failed");
  Check(ftruncate(fd, 0) == 0, "ftruncate failed");
  size_t done = 0;
  while (done < size) {
    ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
    Check(n > 0, "pwrite failed");
    done += static_cast<size_t>(n);
  }
  return path;
}

bool Expected(reunite::ErrorCode c) {
  return c == reunite::ErrorCode::kParseError || c == reunite::ErrorCode::kInvalidArgument;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Mappings();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const SourceMapping& mapping = Mappings()[data[0] % Mappings().size()];
  const std::string& path = WriteInput(data + 1, size - 1);

  auto reader = reunite::ingest::ExportReader::Open(path, mapping.format, MappedColumns(mapping));
  if (!reader.ok()) {
    Check(Expected(reader.status().code()), "open: unexpected error code");
    return 0;
  }
  auto normalizer = reunite::ingest::RowNormalizer::Create(mapping, (*reader)->columns(), path);
  reunite::ingest::RawRow row;
  int64_t last_line = 0;
  while (true) {
    auto got = (*reader)->Next(row);
    if (!got.ok()) {
      Check(Expected(got.status().code()), "next: unexpected error code");
      return 0;
    }
    if (!*got) break;
    Check(row.line > last_line, "row lines do not increase");
    last_line = row.line;
    if (!row.problem.empty() || !normalizer.ok()) continue;
    Check(row.values.size() == (*reader)->columns().size(), "row values not aligned");
    auto result = normalizer->Normalize(row);
    if (auto* rec = std::get_if<reunite::ingest::CanonicalRecord>(&result)) {
      for (const auto& [field, value] : rec->fields) {
        Check(!field.empty(), "canonical record with an unnamed field");
        Check(mapping.Field(field) != nullptr, "canonical field not in the mapping");
      }
    } else {
      Check(!std::get<reunite::ingest::Rejection>(result).reason.empty(),
            "rejection without a reason");
    }
  }
  return 0;
}
