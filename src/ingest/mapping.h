// Source mappings: how one agency's export becomes canonical records and
// events. A mapping is a TOML data file (mappings/*.toml), written by a data
// officer, not code: columns to canonical fields with a type, date order, code
// lists, required fields, and which row yields which events. The format is
// documented in docs/ingest.md.
//
// Loading validates everything up front; an error names the file, the line
// and the key ("mappings/e3.toml:14: fields.dob.type: unknown type 'datum'
// (expected text, name, date, a_number, code, integer)").
// A SourceMapping is an immutable value; share it read-only across threads.
#ifndef REUNITE_INGEST_MAPPING_H_
#define REUNITE_INGEST_MAPPING_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "names/dates.h"
#include "reunite/status.h"

namespace reunite::ingest {

enum class FileFormat { kCsv, kJsonLines };
enum class FieldType { kText, kName, kDate, kANumber, kCode, kInteger };
// What a value that fails its type does to the row: quarantine it, keep the
// row without the value (noted), or — code fields only — keep the value as
// written when it is not in the code table (a list that normalises the known
// spellings of a free-text column).
enum class OnError { kQuarantine, kBlank, kKeep };

struct FieldSpec {
  std::string name;    // canonical field name
  std::string column;  // the export's column (CSV header or JSON key)
  FieldType type = FieldType::kText;
  bool required = false;
  OnError on_error = OnError::kQuarantine;
  names::DateOrder date_order = names::DateOrder::kAuto;  // for kDate
  std::map<std::string, std::string> codes;  // for kCode: CodeKey(source code) -> canonical
};

// A condition on a canonical field's value: equals one of `values`
// (case-insensitive), or is non-empty when `values` is empty.
struct Condition {
  std::string field;
  std::vector<std::string> values;
};

struct EventSpec {
  std::string type;
  std::string occurred_at;  // canonical date field
  // All must hold for the row to yield the event (`when` is one table or an
  // array of them); empty: every row.
  std::vector<Condition> when;
  std::string family_unit;  // canonical field, optional
  std::string custodian;    // canonical field, optional
  std::string reason;       // canonical field, optional
  std::string authority;    // canonical field, optional
  // Canonical field naming who decided (e.g. the decider of a decision log
  // row); optional. Empty field or value: the actor is "source:<source>".
  std::string actor;
  std::vector<std::string> payload;  // canonical fields copied into the payload
};

struct SourceMapping {
  std::string path;    // where it was loaded from
  std::string source;  // short source name stored with every record ("e3")
  std::string title;
  FileFormat format = FileFormat::kCsv;
  std::string record_id;                      // column with the source's own record id
  std::vector<std::string> expected_columns;  // CSV: the header, in order (optional)
  std::vector<FieldSpec> fields;
  std::vector<EventSpec> events;

  const FieldSpec* Field(const std::string& name) const;
};

Result<SourceMapping> LoadMapping(const std::string& path);
// As LoadMapping, from TOML text; `name` stands for the file in messages.
Result<SourceMapping> ParseMapping(std::string_view toml_text, const std::string& name);

std::string_view FieldTypeName(FieldType t);

// The key a code list is stored and looked up under (ASCII upper case), so
// that codes match case-insensitively: FieldSpec::codes holds CodeKey(code).
std::string CodeKey(std::string_view code);

}  // namespace reunite::ingest

#endif  // REUNITE_INGEST_MAPPING_H_
