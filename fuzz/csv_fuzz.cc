// Fuzzes the CSV reader (src/common/csv.h) from memory. The first byte picks
// the options (delimiter, trimming, header); the rest is the file. Checks the
// reader's promises: it never fails except with kParseError, every record's
// line is after the previous one, raw() is a slice of the input, and what
// CsvWriter's quoting writes reads back as the same fields.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/csv.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "csv_fuzz: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using reunite::CsvOptions;
  CsvOptions options;
  const uint8_t flags = data[0];
  static constexpr char kDelimiters[] = {',', ';', '\t', '|'};
  options.delimiter = kDelimiters[flags & 3];
  options.trim_spaces = (flags & 4) != 0;
  options.has_header = (flags & 8) != 0;
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto reader = reunite::CsvReader::FromString(input, "fuzz.csv", options);
  if (!reader.ok()) {
    Check(reader.status().code() == reunite::ErrorCode::kParseError, "open: not a parse error");
    return 0;
  }
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  int64_t last_line = 0;
  while (true) {
    auto got = (*reader)->Next(fields);
    if (!got.ok()) {
      Check(got.status().code() == reunite::ErrorCode::kParseError, "next: not a parse error");
      return 0;
    }
    if (!*got) break;
    Check((*reader)->line() > last_line, "record lines do not increase");
    last_line = (*reader)->line();
    Check(input.find((*reader)->raw()) != std::string::npos, "raw() is not part of the input");
    records.push_back(fields);
  }

  // Round trip: quote what was read as the writer does, read it back.
  if (options.trim_spaces) return 0;  // trimming is not reversible
  std::string out;
  for (const auto& r : records) {
    for (size_t i = 0; i < r.size(); ++i) {
      if (i > 0) out.push_back(options.delimiter);
      reunite::AppendCsvField(out, r[i], options.delimiter);
    }
    out.push_back('\n');
  }
  CsvOptions plain = options;
  plain.has_header = false;
  auto again = reunite::CsvReader::FromString(out, "again.csv", plain);
  Check(again.ok(), "re-reading written CSV failed to open");
  for (const auto& r : records) {
    auto got = (*again)->Next(fields);
    Check(got.ok() && *got, "written CSV has fewer records");
    // A record of one empty field is written as an empty line.
    if (r.size() == 1 && r[0].empty()) continue;
    Check(fields == r, "written CSV reads back different fields");
  }
  return 0;
}
