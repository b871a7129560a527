// Source records as resolution reads them: every stored record with its
// reference ("source/record_key"), canonical fields and, for the JSON
// exports, the raw row (declared children lists are read from it); their
// conversion to linkage input; and the per-record facts resolution uses
// (the name split into given names and surnames, adult or child).
//
// Thread-safety: pure functions except LoadStoredRecords (a Connection).
#ifndef REUNITE_RESOLUTION_STORED_RECORDS_H_
#define REUNITE_RESOLUTION_STORED_RECORDS_H_

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkage/person_records.h"
#include "names/full_name.h"
#include "resolution/resolution.h"
#include "storage/connection.h"

namespace reunite::resolution {

struct StoredRecord {
  std::string ref;  // "source/record_key"
  std::string source, key;
  std::vector<std::pair<std::string, std::string>> fields;  // sorted by field name
  std::string raw;  // kept for the "ngo" source only (its children list)
  // The value of a canonical field, "" when absent.
  const std::string& Field(std::string_view name) const;
};

// Every stored source record in record_id order. When one source holds the
// same record key twice (a corrected re-export), the newest row wins.
Result<std::vector<StoredRecord>> LoadStoredRecords(storage::Connection& db);

// The linkage input for linkage::PersonRecordTable: the records' canonical
// fields as stored (the mappings name a whole name `full_name`).
std::vector<linkage::SourceRecord> LinkageRecords(std::span<const StoredRecord> records);

// The record's name, folded and split (full_name, or given_name and the
// surname fields).
names::PersonName NameOf(const StoredRecord& record);

// "child" for shelter records and e3 juveniles, "adult" for the other
// sources and e3 adults.
std::string AgeGroupOf(const StoredRecord& record);

// The displayed attributes of a person holding `records` (see Person).
Person PersonAttributes(const std::string& person_id,
                        const std::vector<const StoredRecord*>& records);

}  // namespace reunite::resolution

#endif  // REUNITE_RESOLUTION_STORED_RECORDS_H_
