#include "common/csv.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace reunite {
namespace {
constexpr size_t kChunk = 1 << 20;

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path, CsvOptions options) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    return err == ENOENT ? NotFound(msg) : IoError(msg);
  }
  std::unique_ptr<CsvReader> r(new CsvReader(path, options));
  r->file_ = f;
  // A small file gets a buffer of its size, not a whole chunk (an import of
  // many small files, and fuzz_export_reader, would zero 1 MiB per file).
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<uint64_t>(st.st_size) < kChunk) {
    r->chunk_ = static_cast<size_t>(st.st_size) + 1;
  }
  r->buf_.reserve(r->chunk_);
  if (options.has_header) {
    auto got = r->ReadRecord(r->header_);
    if (!got.ok()) return got.status();
    if (!*got) return ParseError(path + ": empty file, expected a header line");
    for (auto& h : r->header_) h = std::string(TrimSpaces(h));
  }
  return r;
}

Result<std::unique_ptr<CsvReader>> CsvReader::FromString(std::string data, std::string name,
                                                         CsvOptions options) {
  std::unique_ptr<CsvReader> r(new CsvReader(std::move(name), options));
  r->buf_ = std::move(data);
  r->eof_ = true;
  if (options.has_header) {
    auto got = r->ReadRecord(r->header_);
    if (!got.ok()) return got.status();
    if (!*got) return ParseError(r->name_ + ": empty input, expected a header line");
    for (auto& h : r->header_) h = std::string(TrimSpaces(h));
  }
  return r;
}

CsvReader::~CsvReader() {
  if (file_ != nullptr) std::fclose(file_);
}

int CsvReader::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string CsvReader::Where() const { return name_ + ":" + std::to_string(record_line_); }

bool CsvReader::Fill() {
  if (eof_) return false;
  buf_.erase(0, pos_);
  pos_ = 0;
  size_t old = buf_.size();
  buf_.resize(old + chunk_);
  size_t n = std::fread(buf_.data() + old, 1, chunk_, file_);
  buf_.resize(old + n);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  return true;
}

int CsvReader::Peek() {
  if (pos_ >= buf_.size() && !Fill()) return -1;
  return static_cast<unsigned char>(buf_[pos_]);
}

int CsvReader::Get() {
  int c = Peek();
  if (c >= 0) {
    ++pos_;
    raw_.push_back(static_cast<char>(c));
    if (c == '\n') ++current_line_;
  }
  return c;
}

Result<bool> CsvReader::Next(std::vector<std::string>& fields) { return ReadRecord(fields); }

Result<bool> CsvReader::ReadRecord(std::vector<std::string>& fields) {
  fields.clear();
  raw_.clear();
  // Skip a UTF-8 byte-order mark at the very start.
  if (current_line_ == 1 && pos_ == 0 && record_line_ == 0) {
    if (Peek() == 0xEF && buf_.size() >= 3 && buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }
  if (Peek() < 0) return false;
  record_line_ = current_line_;
  std::string field;
  bool quoted = false;
  while (true) {
    int c = Get();
    if (c < 0) break;
    if (quoted) {
      if (c == '"') {
        if (Peek() == '"') {
          Get();
          field.push_back('"');
        } else {
          quoted = false;
        }
      } else {
        field.push_back(static_cast<char>(c));
      }
      continue;
    }
    if (c == options_.delimiter) {
      fields.push_back(options_.trim_spaces ? std::string(TrimSpaces(field)) : field);
      field.clear();
    } else if (c == '"' && TrimSpaces(field).empty()) {
      field.clear();
      quoted = true;
    } else if (c == '\n') {
      raw_.pop_back();
      if (!raw_.empty() && raw_.back() == '\r') {
        raw_.pop_back();
        if (!field.empty() && field.back() == '\r') field.pop_back();
      }
      fields.push_back(options_.trim_spaces ? std::string(TrimSpaces(field)) : field);
      return true;
    } else {
      field.push_back(static_cast<char>(c));
    }
  }
  if (quoted) {
    return ParseError(Where() + ": unterminated quoted field " + std::to_string(fields.size() + 1));
  }
  if (!raw_.empty() && raw_.back() == '\r') {
    raw_.pop_back();
    if (!field.empty() && field.back() == '\r') field.pop_back();
  }
  fields.push_back(options_.trim_spaces ? std::string(TrimSpaces(field)) : field);
  return true;
}

void AppendCsvField(std::string& out, std::string_view field, char delimiter) {
  // A leading byte-order mark is quoted too: unquoted at the start of a file,
  // the reader would take it for the file's BOM and drop it (found by fuzz_csv).
  bool needs_quotes =
      field.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos ||
      field.substr(0, 3) == "\xEF\xBB\xBF";
  if (!needs_quotes) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

Result<std::unique_ptr<CsvWriter>> CsvWriter::Open(const std::string& path, char delimiter) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return IoError(path + ": " + std::strerror(errno));
  return std::unique_ptr<CsvWriter>(new CsvWriter(path, f, delimiter));
}

CsvWriter::~CsvWriter() {
  if (file_ != nullptr) (void)Close();
}

void CsvWriter::AppendField(std::string_view field) { AppendCsvField(buf_, field, delimiter_); }

void CsvWriter::EndRow() {
  buf_.push_back('\n');
  if (buf_.size() >= kChunk) {
    if (std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) failed_ = true;
    buf_.clear();
  }
}

void CsvWriter::WriteRow(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) buf_.push_back(delimiter_);
    AppendField(fields[i]);
  }
  EndRow();
}

void CsvWriter::WriteRow(std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) buf_.push_back(delimiter_);
    first = false;
    AppendField(f);
  }
  EndRow();
}

Status CsvWriter::Close() {
  if (file_ == nullptr) return Status::Ok();
  if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
    failed_ = true;
  }
  buf_.clear();
  if (std::fflush(file_) != 0) failed_ = true;
  if (std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
  if (failed_) return IoError(path_ + ": write failed: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace reunite
