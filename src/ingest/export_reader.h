// Reads an agency export row by row, as received: CSV (via common/csv.h) or
// JSON Lines. Each row keeps its physical line and its raw bytes (hashed and
// stored forever). Problems confined to one row — a wrong number of columns,
// invalid UTF-8, a line that is not a JSON object — are returned with the row
// (RawRow::problem) so the caller can quarantine it; only problems that stop
// the whole file (cannot open, unterminated quote at the end, a header missing
// a mapped column) are errors. Not thread-safe.
#ifndef REUNITE_INGEST_EXPORT_READER_H_
#define REUNITE_INGEST_EXPORT_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "common/csv.h"
#include "ingest/mapping.h"

namespace reunite::ingest {

struct RawRow {
  int64_t line = 0;
  std::string raw;                  // the row's bytes without the line end
  std::vector<std::string> values;  // aligned with ExportReader::columns()
  std::string problem;              // non-empty: the row is unusable, and why
  std::string problem_field;        // the field the problem is in, if one
};

class ExportReader {
 public:
  // `columns` is used for JSON Lines (the keys to extract); CSV takes its
  // header from the file.
  static Result<std::unique_ptr<ExportReader>> Open(const std::string& path, FileFormat format,
                                                    std::vector<std::string> columns);
  ~ExportReader();
  ExportReader(const ExportReader&) = delete;
  ExportReader& operator=(const ExportReader&) = delete;

  const std::vector<std::string>& columns() const { return columns_; }
  const std::string& path() const { return path_; }
  // Reads the next row; false at the end of the file.
  Result<bool> Next(RawRow& row);

 private:
  ExportReader(std::string path, FileFormat format) : path_(std::move(path)), format_(format) {}
  Result<bool> NextJsonLine(RawRow& row);

  std::string path_;
  FileFormat format_;
  std::vector<std::string> columns_;
  std::unique_ptr<CsvReader> csv_;
  std::FILE* file_ = nullptr;  // JSON Lines
  int64_t line_ = 0;
  std::string buf_;
  char* line_buf_ = nullptr;  // getline's buffer (JSON Lines)
  size_t line_cap_ = 0;
};

}  // namespace reunite::ingest

#endif  // REUNITE_INGEST_EXPORT_READER_H_
