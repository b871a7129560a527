// Records as read for linkage: the id and the canonical columns a model
// reads, one string per record, with the source line of each record so every
// later message can name file and line.
//
// A RecordTable is a plain value, immutable once read; share it read-only.
#ifndef REUNITE_LINKAGE_RECORDS_H_
#define REUNITE_LINKAGE_RECORDS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "names/dates.h"
#include "reunite/status.h"

namespace reunite::linkage {

// The column holding a whole name in one field ("GARCIA LOPEZ, MARIA JOSE",
// "Maria Jose Garcia-Lopez"). ReadRecords reads it whenever the file has it
// (or --map names it), although no comparison names it; PREPARE splits it
// with names::SplitFullName for records whose given-name or surname columns
// are empty (prepare.h).
inline constexpr char kFullNameColumn[] = "full_name";
// At most this many record groups (sources) get their own priors; records of
// further sources share the first group's.
inline constexpr size_t kMaxGroups = 16;

struct RecordTable {
  std::string source;                          // file name (or "query")
  std::vector<std::string> columns;            // canonical column names
  std::vector<std::vector<std::string>> data;  // data[column][record], raw text
  std::vector<std::string> ids;                // record id per record
  std::vector<int64_t> lines;                  // physical line per record (0 if none)
  // Optional: the agency (source) of each record, as an index into
  // group_names. When a table has two or more groups, a trained dedupe
  // estimates the prior per pair of groups (LinkJob): agencies overlap very
  // unequally (a court's defendants are all in detention; one agency rarely
  // holds the same person twice), so one prior for all pairs is wrong for most.
  std::vector<uint8_t> groups;
  std::vector<std::string> group_names;
  // The order used to read the date columns of this file.
  names::DateOrder date_order = names::DateOrder::kAuto;

  size_t size() const { return ids.size(); }
  int ColumnIndex(const std::string& name) const;
  // The raw value, or "" when the column is absent.
  const std::string& Value(int column, size_t record) const;
  std::string Where(size_t record) const { return source + ":" + std::to_string(lines[record]); }
};

struct ReadOptions {
  std::string id_column;  // required
  // canonical column -> CSV header name ("given_name=first"); unmapped
  // columns are looked up by their canonical name.
  std::map<std::string, std::string> column_map;
  // Columns the model reads. A column absent from the file is read as all
  // missing (reported in `missing_columns`); "paternal_surname" falls back to
  // "family_name" when only that exists. kFullNameColumn is added when the
  // file has it.
  std::vector<std::string> columns;
  // Strip spaces around unquoted fields (FEBRL writes ", "). Default on.
  bool trim = true;
};

struct ReadReport {
  std::vector<std::string> missing_columns;
};

// Reads a CSV export. Errors name file, line and field:
//   "a.csv:17: field 'rec_id': empty record id",
//   "a.csv:9: expected 11 fields, found 10", "a.csv: no id column 'rec_id'".
Result<RecordTable> ReadRecords(const std::string& path, const ReadOptions& options,
                                ReadReport* report = nullptr);
// As ReadRecords, from CSV text in memory; `name` stands for the file name.
Result<RecordTable> ReadRecordsFromString(std::string csv, const std::string& name,
                                          const ReadOptions& options, ReadReport* report = nullptr);

// Parses "a=b,c=d" (--map). Errors name the bad item.
Result<std::map<std::string, std::string>> ParseColumnMap(const std::string& text);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_RECORDS_H_
