// CaseFile: the store read at the domain level — resolved persons, every
// event with its subjects re-keyed from record references to person ids,
// parent/child relationships with their evidence, family units, and the
// court orders — the one input of the case-file queries (case_queries.h),
// the caseworker actions (case_actions.h) and the reports read from the store
// (report_input_store.h).
//
// How the store becomes the domain (docs/reunification.md, "The case file"):
//  * persons: the active rows of `persons` (resolution); `child` when the
//    age group is child; birth date from `dob` when it is an ISO date.
//  * events: every event of the log whose type is in the case vocabulary
//    (cases/event.h); resolution and review events are not case events. A
//    subject that is a record reference ("e3/EID…") becomes the person
//    holding the record; a subject that is already a person id stays; an
//    unresolved subject is dropped (counted in `unresolved_subjects`), and an
//    event left without subjects is skipped. The custodian's agency comes from
//    the event's source (e3 border, ice immigration, orr shelter, usao
//    prosecution, ngo ngo; decision-log decisions: prosecution, border,
//    immigration by decision type) or, for events reunite wrote itself, from
//    payload.agency. Event id = the log's seq as text.
//  * decision events' payload.affected_children, the children as the office
//    wrote them ("NAME (A-number); NAME; …"), become person ids: by A-number
//    (letter and leading zeros ignored) among all persons, else by name
//    (folded first given name and a shared surname, one typing error allowed
//    in a surname of 4+ letters; all given names equal beats the first alone)
//    among the children related to the decision's subject or sharing a
//    family unit with them. An entry matching no one, or several equally
//    well, is left out and counted.
//  * separations recorded only in a separation memo: each
//    separation_decision yields a `separated` event (id "<seq>/separated",
//    payload.derived_from = the decision's id, origin = the decision's) for
//    its subject and, when the outcome is children_separated, the children
//    it affected (named, else the subject's children by the relationships),
//    leaving out anyone with an own `separated` event on or before that
//    date (the e3 marker exists only from April 2018).
//  * event order: by date; same-day events by custody stage (apprehension,
//    referral and decisions, separation, charge, criminal custody, sentence,
//    the rest), then in log order — the log's order of one day is the order
//    the exports were imported in.
//  * relationships: the `relationships` rows between active persons (kind
//    mother/father/parent -> parent, guardian -> legal guardian, others ->
//    other relative).
//  * directives: the ids decision events cite (the store holds no directive
//    texts); orders: *.json from `orders_dir`.
//
// Thread-compatible: a loaded CaseFile is read-only and may be shared.
#ifndef REUNITE_SERVICE_CASE_FILE_H_
#define REUNITE_SERVICE_CASE_FILE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "report/report_input.h"
#include "storage/connection.h"
#include "storage/event_log.h"

namespace reunite::service {

struct CasePerson {
  std::string person_id;
  std::string given_name, surnames, dob, sex, a_number, nationality;
  std::string age_group;             // adult | child | unknown
  std::vector<std::string> records;  // record references, sorted
  std::vector<std::string> family_units;
};

struct CaseRelationship {
  std::string parent_id, child_id;
  std::string kind, evidence, status, source;
  nlohmann::json evidence_items = nlohmann::json::array();
};

struct CaseFamilyUnit {
  std::string family_unit;  // the agency's number
  std::string status;       // open | split | closed
  std::string apprehended_on;
  std::vector<std::pair<std::string, std::string>> members;  // person id, role
};

// Where one case event came from (parallel to CaseFile::input.events).
struct CaseEventOrigin {
  int64_t seq = 0;
  std::vector<std::string> record_refs;  // the event's subjects as stored
  nlohmann::json sources;                // the stored sources array
  std::string recorded_at;
};

struct CaseFileOptions {
  // Directory of court orders (*.json). Empty: no orders (statuses are still
  // derived; no deadlines).
  std::string orders_dir;
};

struct CaseFile {
  report::ReportInput input;  // persons in `persons` order
  std::vector<CasePerson> persons;
  std::vector<CaseRelationship> relationships;         // parallel to input.relationships
  std::vector<CaseFamilyUnit> family_units;            // by family unit number
  std::vector<CaseEventOrigin> origins;                // parallel to input.events
  int64_t last_seq = 0;                                // the log's last seq when loaded
  int64_t unresolved_subjects = 0;                     // event subjects naming no resolved person
  int64_t skipped_events = 0;                          // events left without any subject
  int64_t affected_mapped = 0, affected_unmapped = 0;  // affected_children entries
  int64_t derived_separations = 0;                     // separated events read from memos

  const CasePerson* FindPerson(std::string_view person_id) const;
  // input.persons' entry of the person, by person_index (ReportInput's own
  // FindPerson scans the list).
  const report::ReportPerson* FindReportPerson(std::string_view person_id) const;
  const CaseFamilyUnit* FindFamilyUnit(std::string_view family_unit) const;
  // The person holding a record reference, or "".
  std::string PersonOfRecord(std::string_view record_ref) const;

  // Indices into input.events naming the person, ascending (log order after
  // the load's sort, then the events appended since); empty for a person
  // named by no event.
  const std::vector<size_t>& EventsOf(std::string_view person_id) const;
  // Indices into relationships (and input.relationships) with the person at
  // either end, ascending.
  const std::vector<size_t>& RelationshipsOf(std::string_view person_id) const;
  // Adds input.events[from..] to the per-person event index (LoadCaseFile
  // indexes every event; CaseFileCache the events it appends).
  void IndexEvents(size_t from);

  std::map<std::string, size_t, std::less<>> person_index;
  std::map<std::string, std::string, std::less<>> person_of_record;
  std::map<std::string, size_t, std::less<>> family_index;
  std::map<std::string, std::vector<size_t>, std::less<>> events_of_person;
  std::map<std::string, std::vector<size_t>, std::less<>> relationships_of_person;
};

// Reads the whole case file. kFailedPrecondition (naming the store) when the
// store has no resolved persons; database errors as storage returns them;
// kInvalidArgument naming the file for a bad order.
Result<CaseFile> LoadCaseFile(storage::Connection& db, const CaseFileOptions& options);

// The case-vocabulary form of one stored event, subjects as stored (record
// references or person ids). kInvalidArgument naming the seq when the type is
// not a case event or a field is malformed.
Result<cases::Event> CaseEventFromStored(const storage::Event& e);
// The stored form of a case event reunite writes (caseworker actions):
// subjects are person ids, sources "[]", the custodian's agency in
// payload.agency.
storage::EventDraft StoredDraftFromCase(const cases::Event& e);

// The last CaseFile loaded, reloaded when the event log has grown since
// (one cheap query per call when nothing changed).
// Thread-safety: Current() may be called from several threads, each with its
// own connection; callers keep the file they were given.
class CaseFileCache {
 public:
  explicit CaseFileCache(CaseFileOptions options) : options_(std::move(options)) {}
  Result<std::shared_ptr<const CaseFile>> Current(storage::Connection& db);
  // Forgets the loaded file (the next Current() reloads).
  void Invalidate();

 private:
  CaseFileOptions options_;
  std::mutex mu_;
  std::shared_ptr<const CaseFile> file_;
};

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_CASE_FILE_H_
