// Fuzzes source mappings (src/ingest/mapping.h): TOML text as a data officer
// writes it. Checks: a failure is kParseError or kInvalidArgument and names
// the file; a mapping that loads has a source, a record id and fields that
// are all named, with column names and unique canonical names.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "ingest/mapping.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "mapping_fuzz: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto m = reunite::ingest::ParseMapping(text, "fuzz.toml");
  if (!m.ok()) {
    auto c = m.status().code();
    Check(c == reunite::ErrorCode::kParseError || c == reunite::ErrorCode::kInvalidArgument,
          "unexpected error code");
    Check(m.status().message().rfind("fuzz.toml", 0) == 0, "error does not name the file");
    return 0;
  }
  Check(!m->source.empty(), "mapping without a source");
  Check(!m->record_id.empty(), "mapping without a record id");
  std::set<std::string> names;
  for (const auto& f : m->fields) {
    Check(!f.name.empty() && !f.column.empty(), "field without a name or column");
    Check(names.insert(f.name).second, "two fields with one canonical name");
    Check(m->Field(f.name) == &f, "Field() does not find a field");
    for (const auto& [key, value] : f.codes) {
      Check(reunite::ingest::CodeKey(key) == key, "code list key not in CodeKey form");
    }
  }
  return 0;
}
