#include "linkage/records.h"

#include <algorithm>
#include <memory>

#include "common/csv.h"

namespace reunite::linkage {
namespace {

Result<RecordTable> ReadFrom(std::unique_ptr<CsvReader> reader, const ReadOptions& options,
                             ReadReport* report) {
  RecordTable table;
  table.source = reader->name();
  const std::vector<std::string>& header = reader->header();
  auto column_of = [&](const std::string& canonical) {
    auto it = options.column_map.find(canonical);
    return reader->ColumnIndex(it == options.column_map.end() ? canonical : it->second);
  };
  int id_index = reader->ColumnIndex(options.id_column);
  if (id_index < 0) {
    return InvalidArgument(table.source + ": no id column '" + options.id_column +
                           "' in the header (use --id)");
  }
  std::vector<std::string> columns = options.columns;
  if (std::find(columns.begin(), columns.end(), kFullNameColumn) == columns.end() &&
      (column_of(kFullNameColumn) >= 0 || options.column_map.count(kFullNameColumn) > 0)) {
    columns.push_back(kFullNameColumn);
  }
  for (const auto& [canonical, csv_name] : options.column_map) {
    if (reader->ColumnIndex(csv_name) < 0 &&
        std::find(columns.begin(), columns.end(), canonical) != columns.end()) {
      return InvalidArgument(table.source + ": --map " + canonical + "=" + csv_name +
                             ": no column '" + csv_name + "' in the header");
    }
  }
  std::vector<int> source_index;
  for (const std::string& c : columns) {
    int idx = column_of(c);
    if (idx < 0 && c == "paternal_surname") idx = column_of("family_name");
    if (idx < 0 && report != nullptr) report->missing_columns.push_back(c);
    table.columns.push_back(c);
    source_index.push_back(idx);
  }
  table.data.resize(table.columns.size());
  std::vector<std::string> fields;
  while (true) {
    REUNITE_ASSIGN_OR_RETURN(bool more, reader->Next(fields));
    if (!more) break;
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != header.size()) {
      return InvalidArgument(reader->Where() + ": expected " + std::to_string(header.size()) +
                             " fields, found " + std::to_string(fields.size()));
    }
    std::string& id = fields[static_cast<size_t>(id_index)];
    if (id.empty()) {
      return InvalidArgument(reader->Where() + ": field '" + options.id_column +
                             "': empty record id");
    }
    table.ids.push_back(std::move(id));
    table.lines.push_back(reader->line());
    for (size_t c = 0; c < source_index.size(); ++c) {
      int idx = source_index[c];
      if (idx < 0) {
        table.data[c].emplace_back();
      } else {
        table.data[c].push_back(std::move(fields[static_cast<size_t>(idx)]));
      }
    }
  }
  return table;
}

CsvOptions CsvOptionsFor(const ReadOptions& options) {
  CsvOptions csv;
  csv.trim_spaces = options.trim;
  return csv;
}

}  // namespace

int RecordTable::ColumnIndex(const std::string& name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

const std::string& RecordTable::Value(int column, size_t record) const {
  static const std::string kEmpty;
  if (column < 0 || static_cast<size_t>(column) >= data.size()) return kEmpty;
  return data[static_cast<size_t>(column)][record];
}

Result<RecordTable> ReadRecords(const std::string& path, const ReadOptions& options,
                                ReadReport* report) {
  REUNITE_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path, CsvOptionsFor(options)));
  return ReadFrom(std::move(reader), options, report);
}

Result<RecordTable> ReadRecordsFromString(std::string csv, const std::string& name,
                                          const ReadOptions& options, ReadReport* report) {
  REUNITE_ASSIGN_OR_RETURN(auto reader,
                           CsvReader::FromString(std::move(csv), name, CsvOptionsFor(options)));
  return ReadFrom(std::move(reader), options, report);
}

Result<std::map<std::string, std::string>> ParseColumnMap(const std::string& text) {
  std::map<std::string, std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    if (!item.empty()) {
      size_t eq = item.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
        return InvalidArgument("--map: '" + item + "': expected canonical=column");
      }
      out[item.substr(0, eq)] = item.substr(eq + 1);
    }
    start = end + 1;
  }
  return out;
}

}  // namespace reunite::linkage
