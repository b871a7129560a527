// Case-file queries: what the caseworker UI reads (docs/reunification.md,
// "Case-file queries"), as service functions over a loaded CaseFile with
// plain result structs and their JSON encoders. The HTTP server exposes them:
//   GET /persons?q=            SearchPersons
//   GET /persons/{id}          GetPerson
//   GET /persons/{id}/timeline PersonTimeline
//   GET /families              ListFamilies
//   GET /families/{id}         GetFamily
//   GET /dashboard             GetDashboard
// The functions neither audit nor redact: the caller (the HTTP dispatcher)
// passes each JSON reply through AccessPolicy::Redact and audits the read.
// Location fields are named "facility" (a location-class field in
// config/roles.json); agencies and dates are never redacted.
//
// Pure functions of their inputs; thread-safe on a shared CaseFile.
// PersonNameIndexCache is thread-safe.
#ifndef REUNITE_SERVICE_CASE_QUERIES_H_
#define REUNITE_SERVICE_CASE_QUERIES_H_

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/child_status.h"
#include "reunite/linkage.h"
#include "service/case_file.h"

namespace reunite::service {

// ---- Children's statuses ----

// Every separated child's derived status as of a date, by person id, folded
// once over the whole file: the input of the family list and the dashboard.
using ChildStatuses = std::map<std::string, cases::ChildStatus>;
ChildStatuses EvaluateChildren(const CaseFile& file, Date as_of);

// EvaluateChildren of the latest case file for the last few dates asked:
// computed once per (file, date) and shared, because folding every child of
// a 100,000-family store takes seconds, too long for each request of the
// family list or the dashboard. A new file forgets the old one's statuses.
// Thread-safe (one computation at a time); callers keep what they were given.
class ChildStatusCache {
 public:
  std::shared_ptr<const ChildStatuses> Current(const std::shared_ptr<const CaseFile>& file,
                                               Date as_of);

 private:
  static constexpr size_t kDates = 8;
  std::mutex mu_;
  std::shared_ptr<const CaseFile> file_;
  std::map<Date, std::shared_ptr<const ChildStatuses>> by_date_;
};

// ---- Search ----

// The fuzzy name index: a LinkageIndex (models/person.json) over the source
// records of the resolved persons; a hit on any record is a hit on its person.
class PersonNameIndex {
 public:
  // Reads the records of `file`'s persons from the store. kNotFound naming
  // the model file; kFailedPrecondition when no resolved record has a name.
  static Result<std::unique_ptr<PersonNameIndex>> Build(storage::Connection& db,
                                                        const CaseFile& file,
                                                        const std::string& model_path);
  struct Hit {
    std::string person_id;
    double match_probability = 0;
    double match_weight = 0;
    std::string record_ref;  // the best-matching record
  };
  // Persons best first (each once, by their best record), at most `limit`.
  Result<std::vector<Hit>> Match(const std::string& name, size_t limit) const;
  int64_t built_at_seq() const { return built_at_seq_; }

 private:
  std::unique_ptr<linkage::LinkageIndex> index_;
  std::map<std::string, std::string> person_of_record_;
  int64_t built_at_seq_ = 0;
};

// The name index of the latest case file: rebuilt when the file's last seq
// differs from the one the index was built at. Thread-safe; callers keep the
// index they were given.
class PersonNameIndexCache {
 public:
  explicit PersonNameIndexCache(std::string model_path) : model_path_(std::move(model_path)) {}
  Result<std::shared_ptr<const PersonNameIndex>> Current(storage::Connection& db,
                                                         const CaseFile& file);

 private:
  std::string model_path_;
  std::mutex mu_;
  std::shared_ptr<const PersonNameIndex> index_;
};

struct PersonSummary {
  std::string person_id;
  std::string given_name, surnames, dob, sex, a_number, nationality, age_group;
  std::vector<std::string> family_units;
  std::string status;                // a separated child's derived status, else ""
  std::vector<std::string> records;  // record references "source/key", sorted
};

struct SearchHit {
  PersonSummary person;
  std::string matched_by;                   // person_id | a_number | record | family_unit | name
  std::string matched;                      // what matched (the record ref, the family unit, ...)
  std::optional<double> match_probability;  // name hits only
};

struct SearchOptions {
  size_t limit = 20;  // 1..200
  Date as_of;         // for the status of children
};

// Search by any ID first — a person id, an A-number with or without the
// letter and leading zeros, a record reference "source/key" or a bare agency
// record key or case number, a family unit number — and, when nothing has
// that ID, by name through `names` (nullptr: no name search). An empty query
// is kInvalidArgument.
Result<std::vector<SearchHit>> SearchPersons(const CaseFile& file, const PersonNameIndex* names,
                                             const std::string& query,
                                             const SearchOptions& options);

// ---- One person ----

struct CustodyNow {
  std::string event_id, type, agency, facility;
  Date on;
};

struct PersonRelation {
  std::string other_id;  // the other end
  std::string role;      // parent | child (of the other end relative to this person)
  std::string kind, evidence, status, source;
  nlohmann::json evidence_items;
};

struct PersonView {
  PersonSummary person;
  std::vector<std::string> records;
  std::vector<PersonRelation> relationships;
  std::optional<CustodyNow> custody;         // the latest custody event, if any
  std::optional<cases::ChildStatus> status;  // children with a separation or a related separation
};

// kNotFound when `person_id` is not an active resolved person.
Result<PersonView> GetPerson(const CaseFile& file, const std::string& person_id, Date as_of);

struct TimelineEntry {
  std::string event_id;
  int64_t seq = 0;
  Date occurred_at;
  std::string type, agency, facility, reason, actor, authority, family_unit;
  std::vector<std::string> subjects;     // person ids
  std::vector<std::string> record_refs;  // the subjects as stored
  nlohmann::json sources;                // [{"source","record_key","file_id","line",...}]
  nlohmann::json payload;
  std::string recorded_at;
};

// Every event naming the person, in time order (log order on a day), across
// agencies. kNotFound for an unknown person.
Result<std::vector<TimelineEntry>> PersonTimeline(const CaseFile& file,
                                                  const std::string& person_id);

// ---- Families ----

struct FamilyMemberView {
  PersonSummary person;
  std::string role;  // adult | child
  std::optional<CustodyNow> custody;
  std::optional<cases::ChildStatus> status;  // children
};

struct FamilyView {
  std::string family_unit, status, apprehended_on;
  std::vector<FamilyMemberView> members;
  std::vector<CaseRelationship> relationships;  // with either end a member
  std::optional<Date> next_due;                 // the earliest open reunify deadline of a child
  std::string next_due_child;
};

Result<FamilyView> GetFamily(const CaseFile& file, const std::string& family_unit, Date as_of);

struct FamilySummary {
  std::string family_unit, status, apprehended_on;
  int members = 0, children = 0, separated_children = 0, reunified_children = 0;
  std::optional<Date> next_due;
  std::optional<int> days_overdue;  // of next_due, when passed
};

struct FamilyListOptions {
  Date as_of;
  bool separated_only = false;  // only families with a separated child
  bool overdue_only = false;    // only families with an overdue deadline
  size_t offset = 0;
  size_t limit = 50;  // 1..500
};

struct FamilyList {
  size_t total = 0;                     // matching families before offset/limit
  std::vector<FamilySummary> families;  // overdue first (most days), then by next due, then number
};

FamilyList ListFamilies(const CaseFile& file, const FamilyListOptions& options);
// The same from statuses already evaluated as of options.as_of.
FamilyList ListFamilies(const CaseFile& file, const ChildStatuses& statuses,
                        const FamilyListOptions& options);

// ---- Dashboard ----

struct OverdueChild {
  std::string child_id, name, family_unit, order_id;
  std::string status;  // the child's derived reunification status
  Date due_date;
  int days_overdue = 0;
};

struct MonthCount {
  std::string month;  // YYYY-MM
  int separations = 0, reunifications = 0;
};

struct Dashboard {
  Date as_of;
  int children = 0, separated = 0;
  std::map<std::string, int> by_status;  // status name -> separated children
  std::vector<OverdueChild> overdue;     // most days overdue first
  std::vector<MonthCount> by_month;      // children separated / reunified per month
};

Dashboard GetDashboard(const CaseFile& file, Date as_of);
// The same from statuses already evaluated as of `as_of`.
Dashboard GetDashboard(const CaseFile& file, const ChildStatuses& statuses, Date as_of);

// ---- JSON ----
// The shapes of the API (api/openapi.json): PersonSummary, PersonPage,
// Person (its "records" are the references; the server replaces them with
// the stored records, redacted), Timeline, Dashboard; FamilyView and
// FamilyList as documented in docs/reunification.md.

nlohmann::json PersonSummaryJson(const PersonSummary& p);
// {"persons": [PersonSummary + score, matched_by], "next_cursor": null}; an id hit scores 1.
nlohmann::json SearchJson(const std::vector<SearchHit>& hits);
nlohmann::json PersonViewJson(const PersonView& v);
// The API's Relationship (evidence as items; a relationship without items
// has one, its evidence and source).
nlohmann::json RelationshipJson(const CaseRelationship& r);
nlohmann::json TimelineJson(const std::string& person_id, const std::vector<TimelineEntry>& t);
nlohmann::json FamilyViewJson(const FamilyView& f);
nlohmann::json FamilyListJson(const FamilyList& l);
nlohmann::json DashboardJson(const Dashboard& d);

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_CASE_QUERIES_H_
