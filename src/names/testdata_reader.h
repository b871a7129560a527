// Test-only: reads the golden TSV files in src/names/testdata.
#ifndef REUNITE_NAMES_TESTDATA_READER_H_
#define REUNITE_NAMES_TESTDATA_READER_H_

#include <fstream>
#include <string>
#include <vector>

namespace reunite::names::testing {

// Rows of a tab-separated file under REUNITE_NAMES_TESTDATA, skipping blank
// lines and lines starting with '#'. Empty result if the file is missing
// (the caller asserts it is not empty).
inline std::vector<std::vector<std::string>> ReadTsv(const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(std::string(REUNITE_NAMES_TESTDATA) + "/" + name);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace reunite::names::testing

#endif  // REUNITE_NAMES_TESTDATA_READER_H_
