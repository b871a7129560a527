// The resolution read model as a projection of the event log: applying one
// event to the tables of migrations 3-5, clearing them, and the event
// payloads that Resolve() and the review commands write (so writer and
// projection share one definition of each event's shape).
//
// Every Apply* runs inside the caller's write transaction. Applying the same
// events in the same order to empty tables always yields the same rows
// (RebuildProjections relies on it). Thread-safety: as the Connection.
#ifndef REUNITE_RESOLUTION_PROJECTION_H_
#define REUNITE_RESOLUTION_PROJECTION_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "resolution/resolution.h"
#include "storage/connection.h"
#include "storage/event_log.h"

namespace reunite::resolution {

// Event types of resolution (see resolution.h) and of review (review.h).
inline constexpr char kPersonResolved[] = "person_resolved";
inline constexpr char kPersonMerged[] = "person_merged";
inline constexpr char kPersonSplit[] = "person_split";
inline constexpr char kFamilyUnitResolved[] = "family_unit_resolved";
inline constexpr char kRelationshipResolved[] = "relationship_resolved";
inline constexpr char kRelationshipRetracted[] = "relationship_retracted";
inline constexpr char kReviewQueued[] = "review_queued";
inline constexpr char kReviewAccepted[] = "review_accepted";
inline constexpr char kReviewRejected[] = "review_rejected";

// True for the event types above.
bool IsResolutionEvent(std::string_view type);
// The event types above, as a list (for queries that select only them).
std::span<const std::string_view> ResolutionEventTypes();

// A person as a resolution event states it: exactly these records.
struct PersonState {
  Person attributes;                 // person_id and the displayed fields (seq fields unused)
  std::vector<std::string> records;  // sorted record references
};

struct QueuedPair {
  std::string left_ref, right_ref;  // left_ref < right_ref
  std::string left_person, right_person;
  double match_weight = 0, match_probability = 0;
  double priority = 0;  // larger first
  std::string why;      // what a decision would change, in words
};

// Builders of event drafts (payload JSON, subjects, sources). `type` is
// kPersonResolved, kPersonMerged or kPersonSplit; `retired` lists the ids
// that end (merged away, or split with no part keeping the id).
storage::EventDraft PersonEvent(const char* type, const std::vector<PersonState>& persons,
                                const std::vector<std::string>& retired, const std::string& actor,
                                const std::string& occurred_at);
storage::EventDraft FamilyUnitEvent(const FamilyUnit& unit, const std::string& actor,
                                    const std::string& occurred_at);
storage::EventDraft RelationshipEvent(const Relationship& rel, const std::string& actor,
                                      const std::string& occurred_at);
storage::EventDraft RelationshipRetractedEvent(const std::string& parent_id,
                                               const std::string& child_id, const std::string& why,
                                               const std::string& actor,
                                               const std::string& occurred_at);
storage::EventDraft ReviewQueuedEvent(const std::vector<QueuedPair>& pairs,
                                      const std::string& actor, const std::string& occurred_at);
storage::EventDraft ReviewDecisionEvent(bool accept, const std::string& left_ref,
                                        const std::string& right_ref, const std::string& note,
                                        const std::string& actor, const std::string& occurred_at);

// Applies one stored event (ignored unless IsResolutionEvent). kCorruption when
// a resolution event's payload is malformed (names the seq).
Status ApplyEvent(storage::Connection& db, const storage::Event& event);
// ApplyEvent without recording the event as projected: for a replay that
// calls SetProjectedSeq once per batch, in the same transaction.
Status ApplyEventRows(storage::Connection& db, const storage::Event& event);
// Deletes every row of the resolution tables.
Status ClearProjections(storage::Connection& db);

// The seq of the last resolution event applied (0 when none).
Result<int64_t> ProjectedSeq(storage::Connection& db);
Status SetProjectedSeq(storage::Connection& db, int64_t seq);

// The whole current read model, for Resolve()'s diff and the rebuild test.
struct ProjectionSnapshot {
  std::map<std::string, std::string> person_of_record;  // active persons only
  std::map<std::string, std::vector<std::string>> records_of_person;
  std::map<std::pair<std::string, std::string>, Relationship> relationships;
  std::map<std::string, FamilyUnit> family_units;
  std::map<std::pair<std::string, std::string>, std::string> decisions;  // -> accepted|rejected
  std::vector<QueuedPair> queue;                                         // by priority
  std::vector<std::string> retired_persons;
  std::map<std::string, int64_t> created_seq;  // every person, active or retired
};
Result<ProjectionSnapshot> LoadSnapshot(storage::Connection& db);

// Every row of every resolution table as text, table by table, in key order
// (tests compare it before and after a rebuild).
Result<std::string> DumpProjections(storage::Connection& db);

}  // namespace reunite::resolution

#endif  // REUNITE_RESOLUTION_PROJECTION_H_
