// Applies a SourceMapping to one raw row: each declared field is read from
// its column, checked against its type and normalised (dates to ISO, A-numbers
// to nine digits, codes to their canonical meaning, text trimmed); the row
// becomes a CanonicalRecord or a Rejection naming the field and the reason.
// Immutable after Create(); Normalize() is thread-safe.
#ifndef REUNITE_INGEST_NORMALIZER_H_
#define REUNITE_INGEST_NORMALIZER_H_

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ingest/export_reader.h"
#include "ingest/mapping.h"

namespace reunite::ingest {

struct CanonicalRecord {
  std::string record_key;  // the source's own record id
  // Canonical field -> normalised value, in mapping order; empty values omitted.
  std::vector<std::pair<std::string, std::string>> fields;
  // Fields blanked by on_error = "blank", with why (kept in the record's notes).
  std::vector<std::pair<std::string, std::string>> blanked;

  const std::string* Get(const std::string& name) const;
};

struct Rejection {
  std::string field;   // canonical field (or column) at fault; empty for the whole row
  std::string reason;  // human-readable, quoting the value
};

class RowNormalizer {
 public:
  // Checks that every mapped column and the record id column are in
  // `columns`; the error names the mapping key and the file.
  static Result<RowNormalizer> Create(const SourceMapping& mapping,
                                      const std::vector<std::string>& columns,
                                      const std::string& file);

  std::variant<CanonicalRecord, Rejection> Normalize(const RawRow& row) const;

 private:
  RowNormalizer(const SourceMapping& m) : mapping_(&m) {}
  const SourceMapping* mapping_;
  int id_index_ = -1;
  std::vector<int> field_index_;  // per mapping field
};

}  // namespace reunite::ingest

#endif  // REUNITE_INGEST_NORMALIZER_H_
