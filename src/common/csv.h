// Streaming CSV reading and writing (RFC 4180 with the habits of real exports).
//
// CsvReader reads one record at a time from a file or a string, keeping the
// physical line on which each record starts so that every error can name the
// file, line and field. Quoted fields may hold delimiters, doubled quotes and
// newlines; CRLF and a UTF-8 byte-order mark are accepted. The reader does not
// check the number of fields: callers decide what a wrong count means
// (quarantine, error). A reader is not thread-safe; use one per thread.
#ifndef REUNITE_COMMON_CSV_H_
#define REUNITE_COMMON_CSV_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reunite/status.h"

namespace reunite {

struct CsvOptions {
  char delimiter = ',';
  // Strip spaces and tabs around unquoted fields (FEBRL writes ", " between fields).
  bool trim_spaces = false;
  // The first record is a header; header() returns it and Next() skips it.
  bool has_header = true;
};

class CsvReader {
 public:
  // Opens `path`. Errors: kNotFound / kIoError naming the path; kParseError if
  // the header is malformed.
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path, CsvOptions options = {});
  // Reads from memory; `name` stands for the file name in messages.
  static Result<std::unique_ptr<CsvReader>> FromString(std::string data, std::string name,
                                                       CsvOptions options = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  const std::vector<std::string>& header() const { return header_; }
  // Index of a header column, or -1.
  int ColumnIndex(std::string_view name) const;

  // Reads the next record into `fields`. Returns false at the end of input.
  // An unterminated quoted field is a kParseError naming file and line.
  Result<bool> Next(std::vector<std::string>& fields);

  // Physical line (1-based) on which the last record returned by Next() began.
  int64_t line() const { return record_line_; }
  // The bytes of the last record as they were in the file, without the line end.
  std::string_view raw() const { return raw_; }
  const std::string& name() const { return name_; }
  // "name:line" of the last record, for messages.
  std::string Where() const;

 private:
  CsvReader(std::string name, CsvOptions options) : name_(std::move(name)), options_(options) {}
  bool Fill();  // refills buf_ from file_; false at EOF
  int Peek();   // next byte or -1
  int Get();    // consume next byte or -1
  Result<bool> ReadRecord(std::vector<std::string>& fields);

  std::string name_;
  CsvOptions options_;
  std::FILE* file_ = nullptr;
  size_t chunk_ = size_t{1} << 20;  // bytes read per Fill()
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  int64_t current_line_ = 1;
  int64_t record_line_ = 0;
  std::string raw_;
  std::vector<std::string> header_;
};

// Buffered CSV writer. Fields are quoted only when they need to be.
class CsvWriter {
 public:
  static Result<std::unique_ptr<CsvWriter>> Open(const std::string& path, char delimiter = ',');
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void WriteRow(const std::vector<std::string>& fields);
  void WriteRow(std::initializer_list<std::string_view> fields);
  // Flushes and closes; reports a write error (e.g. a full disk) naming the path.
  Status Close();

 private:
  CsvWriter(std::string path, std::FILE* f, char delimiter)
      : path_(std::move(path)), file_(f), delimiter_(delimiter) {}
  void AppendField(std::string_view field);
  void EndRow();

  std::string path_;
  std::FILE* file_;
  char delimiter_;
  std::string buf_;
  bool failed_ = false;
};

// Appends `field` to `out`, quoted if it holds the delimiter, a quote or a line break.
void AppendCsvField(std::string& out, std::string_view field, char delimiter = ',');

}  // namespace reunite

#endif  // REUNITE_COMMON_CSV_H_
