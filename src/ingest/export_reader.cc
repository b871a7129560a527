#include "ingest/export_reader.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace reunite::ingest {

Result<std::unique_ptr<ExportReader>> ExportReader::Open(const std::string& path, FileFormat format,
                                                         std::vector<std::string> columns) {
  std::unique_ptr<ExportReader> r(new ExportReader(path, format));
  if (format == FileFormat::kCsv) {
    REUNITE_ASSIGN_OR_RETURN(r->csv_, CsvReader::Open(path));
    r->columns_ = r->csv_->header();
    for (size_t i = 0; i < r->columns_.size(); ++i) {
      if (!IsValidUtf8(r->columns_[i])) {
        return ParseError(path + ":1: header column " + std::to_string(i + 1) + " is not UTF-8");
      }
    }
    return r;
  }
  r->file_ = std::fopen(path.c_str(), "rb");
  if (r->file_ == nullptr) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    return err == ENOENT ? NotFound(msg) : IoError(msg);
  }
  r->columns_ = std::move(columns);
  return r;
}

ExportReader::~ExportReader() {
  if (file_ != nullptr) std::fclose(file_);
  std::free(line_buf_);
}

Result<bool> ExportReader::Next(RawRow& row) {
  row.problem.clear();
  row.problem_field.clear();
  if (format_ == FileFormat::kJsonLines) return NextJsonLine(row);
  REUNITE_ASSIGN_OR_RETURN(bool got, csv_->Next(row.values));
  if (!got) return false;
  row.line = csv_->line();
  row.raw.assign(csv_->raw());
  size_t bad = 0;
  if (!IsValidUtf8(row.raw, &bad)) {
    row.problem = "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the row";
    for (size_t i = 0; i < row.values.size(); ++i) {
      if (!IsValidUtf8(row.values[i])) {
        row.problem_field = i < columns_.size() ? columns_[i] : std::to_string(i + 1);
        break;
      }
    }
  } else if (row.values.size() != columns_.size()) {
    row.problem = "expected " + std::to_string(columns_.size()) + " fields, found " +
                  std::to_string(row.values.size());
  }
  return true;
}

Result<bool> ExportReader::NextJsonLine(RawRow& row) {
  while (true) {
    ssize_t n = getline(&line_buf_, &line_cap_, file_);
    if (n < 0) {
      if (std::ferror(file_)) return IoError(path_ + ": read error: " + std::strerror(errno));
      return false;
    }
    buf_.assign(line_buf_, static_cast<size_t>(n));
    if (!buf_.empty() && buf_.back() == '\n') buf_.pop_back();
    ++line_;
    if (!buf_.empty() && buf_.back() == '\r') buf_.pop_back();
    bool blank = buf_.find_first_not_of(" \t") == std::string::npos;
    if (blank) continue;  // blank lines carry no record
    row.line = line_;
    row.raw = buf_;
    row.values.assign(columns_.size(), std::string());
    size_t bad = 0;
    if (!IsValidUtf8(row.raw, &bad)) {
      row.problem = "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line";
      return true;
    }
    nlohmann::json obj = nlohmann::json::parse(row.raw, nullptr, /*allow_exceptions=*/false);
    if (obj.is_discarded() || !obj.is_object()) {
      row.problem = "not a JSON object";
      return true;
    }
    for (size_t i = 0; i < columns_.size(); ++i) {
      auto it = obj.find(columns_[i]);
      if (it == obj.end() || it->is_null()) continue;
      if (it->is_string()) {
        row.values[i] = it->get<std::string>();
      } else if (it->is_primitive()) {
        row.values[i] = it->dump();
      } else {
        row.problem = "expected a string or number";
        row.problem_field = columns_[i];
        return true;
      }
    }
    return true;
  }
}

}  // namespace reunite::ingest
