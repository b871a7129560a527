// Resolution: stored source records -> persons, family units and
// parent-child relationships, with a review queue for the uncertain pairs.
//
//   auto db = storage::OpenAndMigrate(url);
//   resolution::ResolveOptions options;            // models/person.json, p >= 0.5
//   auto summary = resolution::Resolve(**db, options);
//   auto person = resolution::PersonOfRecord(**db, "e3/EID000000123");
//
// The event log is the truth. Resolve() reads every source record, runs the
// linkage engine (EM training, scoring, average-linkage clustering, with
// review decisions as must-link / cannot-link), derives family units and
// relationships, and appends ONLY what changed as events:
//   person_resolved   a person with exactly these records (new, or grown)
//   person_merged     several persons became one ("from" -> "into")
//   person_split      one person became several (a wrong merge undone)
//   family_unit_resolved   a unit's members (a unit is never deleted; its
//                          status is open, split or closed)
//   relationship_resolved  parent -> child with kind, evidence, status, source
//   relationship_retracted a relationship that no longer holds (a person id
//                          retired by a merge or split), with its history
//   review_queued          the review queue as of this run
// Review decisions are events too (review_accepted / review_rejected, see
// review.h), so they survive re-runs. Re-running on unchanged data appends
// nothing.
//
// Person ids are stable: "P" + 16 hex digits of a hash of the smallest
// record reference of the cluster when first seen; a cluster that keeps its
// membership (or only gains new records) keeps its id; after a merge the id
// of the person contributing most records survives; a split gives each part
// the id of the person it overlaps most, else its own minted id (so
// undoing a merge gives back the ids from before it).
//
// The read model (tables persons, person_records, family_units,
// family_members, relationships, review_queue, review_decisions; migrations
// 3-5) is a projection of those events: RebuildProjections() drops and
// rebuilds it from the log and yields identical rows.
//
// Thread-safety: functions take a Connection and follow its rules (one
// thread at a time). Errors: kFailedPrecondition when the store has no
// source records, or when another writer appended resolution events during
// the run (retry); the model's errors name its JSON path; database errors as
// storage returns them. Every write is one transaction: all or nothing.
#ifndef REUNITE_RESOLUTION_RESOLUTION_H_
#define REUNITE_RESOLUTION_RESOLUTION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "reunite/status.h"
#include "storage/connection.h"

namespace reunite::resolution {

struct ResolveOptions {
  // The person model (linkage JSON). Relative paths are read as given.
  std::string model_path = "models/person.json";
  // Match probability at or above which a pair joins a person.
  double threshold = 0.5;
  // Pairs with probability in [review_threshold, threshold) are queued for
  // review; lower pairs are rejected without review.
  double review_threshold = 0.05;
  // At most this many pairs stay in the queue (highest priority first).
  size_t review_limit = 5000;
  int threads = 2;
  ProgressMode progress = ProgressMode::kAuto;
  std::string actor = "reunite resolve";  // recorded on every event appended
};

struct ResolveSummary {
  int64_t records = 0;          // source records read
  int64_t persons = 0;          // active persons after the run
  int64_t persons_new = 0;      // person_resolved for an id not seen before
  int64_t persons_changed = 0;  // person_resolved for a grown person
  int64_t merges = 0, splits = 0;
  int64_t family_units = 0;
  int64_t relationships = 0;          // active parent-child relationships
  int64_t relationships_changed = 0;  // relationship_resolved + _retracted appended
  int64_t review_pairs = 0;           // pairs in the queue
  int64_t events_appended = 0;        // 0 when nothing changed
  int64_t candidate_pairs = 0, matched_pairs = 0;
  double seconds = 0;
};

// Runs resolution over every stored source record (see the file comment).
Result<ResolveSummary> Resolve(storage::Connection& db, const ResolveOptions& options);

struct RebuildSummary {
  int64_t events_read = 0;     // every event in the log (replayed or skipped)
  int64_t events_applied = 0;  // resolution and review events
  int64_t persons = 0, relationships = 0, family_units = 0, review_pairs = 0;
  double seconds = 0;
};

// Drops the resolution read model and rebuilds it from the event log, in one
// write transaction.
Result<RebuildSummary> RebuildProjections(storage::Connection& db,
                                          ProgressMode progress = ProgressMode::kAuto);

// ---- Lookups on the read model (what the case file and the server use) ----

// A record reference is "source/record_key" (linkage::PersonRecordId), the
// form used in events' subjects by the import.

// The active person holding a record, or nullopt when the record is not
// resolved (yet).
Result<std::optional<std::string>> PersonOfRecord(storage::Connection& db,
                                                  const std::string& record_ref);
// The record references of a person, sorted; empty when the person is
// unknown or retired.
Result<std::vector<std::string>> RecordsOfPerson(storage::Connection& db,
                                                 const std::string& person_id);

struct Person {
  std::string person_id;
  std::string status;  // active | retired
  int64_t record_count = 0;
  // Displayed attributes: per field, the value most records agree on
  // (ties: the source ranked first in e3, ice, orr, usao, dlog, ngo).
  std::string given_name, surnames, dob, sex, a_number, nationality;
  std::string age_group;                     // adult | child | unknown (from ages and agencies)
  int64_t created_seq = 0, updated_seq = 0;  // events that created / last changed it
};
Result<std::optional<Person>> FindPerson(storage::Connection& db, const std::string& person_id);

struct Relationship {
  std::string parent_id, child_id;
  std::string kind;            // mother | father | grandmother | grandfather | parent | guardian
  std::string evidence;        // strongest: dna | document | agency_record | claimed
  std::string status;          // asserted | verified | disputed | refuted
  std::string source;          // where the strongest evidence came from ("e3/RGV181234567")
  std::string evidence_items;  // JSON array: [{"kind":..., "source":..., "detail":...}]
  int64_t updated_seq = 0;
};
// Relationships where the person is the parent or the child.
Result<std::vector<Relationship>> RelationshipsOf(storage::Connection& db,
                                                  const std::string& person_id);

struct FamilyMember {
  std::string person_id;
  std::string role;  // adult | child
};
struct FamilyUnit {
  std::string family_unit;  // the agency's number, e.g. "RGV181234567"
  std::string status;       // open | split | closed
  std::string apprehended_on;
  std::vector<FamilyMember> members;
};
Result<std::optional<FamilyUnit>> FindFamilyUnit(storage::Connection& db,
                                                 const std::string& family_unit);
// The family units a person was ever a member of.
Result<std::vector<std::string>> FamilyUnitsOf(storage::Connection& db,
                                               const std::string& person_id);

}  // namespace reunite::resolution

#endif  // REUNITE_RESOLUTION_RESOLUTION_H_
