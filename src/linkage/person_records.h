// Canonical source records -> the RecordTable that models/person.json reads.
// This is THE one conversion from what the store holds (each source record's
// canonical fields, exactly as the ingest normaliser produced them: see
// src/ingest/normalizer.h and mappings/*.toml) to linkage input; `reunite
// resolve`, the benchmarks and services building a LinkageIndex all use it.
// It lives in linkage, not in service, because it needs no ingest or storage
// type: a record is plain (source, record key, field list) values.
//
//   canonical field                 -> person column
//   given_name                      -> given_name
//   family_name                     -> paternal_surname (names::SplitSurnameFields
//                                      splits "GARCIA LOPEZ" when preparing)
//   paternal_surname, maternal_surname -> the same
//   full_name                       -> full_name (split by names::SplitFullName
//                                      when preparing, for records without
//                                      given or surname fields)
//   dob                             -> dob (ISO, as ingest normalises it)
//   sex                             -> sex ("female"/"male"; "unknown" -> missing)
//   nationality, else country       -> country
//   a_number                        -> a_number
//   phone                           -> phone (outreach and tracing logs)
//   apprehended_on, booked_in,      -> custody_date (the first present): the
//   referred_on, filed_on              day the agency's custody or case began;
//                                      one person's records begin days apart
//                                      (apprehension, referral, prosecution).
//                                      Outreach attempts are not custody dates.
// Other fields are not read. Record ids are "source/record_key".
//
// Thread-safety: pure functions. Errors: none (a missing field is missing).
#ifndef REUNITE_LINKAGE_PERSON_RECORDS_H_
#define REUNITE_LINKAGE_PERSON_RECORDS_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkage/records.h"

namespace reunite::linkage {

// One stored source record: its source ("e3"), its key in that source
// ("EID000000123") and its canonical fields (field -> normalised value).
struct SourceRecord {
  std::string source;
  std::string record_key;
  std::vector<std::pair<std::string, std::string>> fields;
};

// The columns of a person table, in order: given_name, paternal_surname,
// maternal_surname, full_name, dob, sex, country, a_number, phone, custody_date.
const std::vector<std::string>& PersonColumns();

// "source/record_key": the id of a record in a person table.
std::string PersonRecordId(std::string_view source, std::string_view record_key);

// A table ready for LinkJob / LinkageIndex::FromTable with models/person.json:
// one record per input record, in input order, date order ISO, source
// "records" (line numbers 0).
RecordTable PersonRecordTable(std::span<const SourceRecord> records);

// The person columns of one record's canonical fields, as a query for
// LinkageIndex::Match (empty values omitted).
std::map<std::string, std::string> PersonQuery(
    const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace reunite::linkage

#endif  // REUNITE_LINKAGE_PERSON_RECORDS_H_
