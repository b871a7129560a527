#include "service/case_queries.h"

#include <algorithm>
#include <set>

#include "linkage/model.h"
#include "linkage/person_records.h"
#include "linkage/records.h"
#include "names/ids.h"
#include "report/case_index.h"
#include "service/case_actions.h"
#include "storage/source_records.h"

namespace reunite::service {
namespace {

using cases::EventType;
using nlohmann::json;

bool IsCustodyEvent(EventType t) {
  switch (t) {
    case EventType::kApprehended:
    case EventType::kDetained:
    case EventType::kCustodyTransferred:
    case EventType::kCriminalCustody:
    case EventType::kReleased:
    case EventType::kRemoved:
    case EventType::kPlacedWithSponsor:
    case EventType::kAgedOut:
    case EventType::kHospitalized:
    case EventType::kReunified:
    case EventType::kSeparated:
      return true;
    default:
      return false;
  }
}

PersonSummary Summary(const CasePerson& p) {
  return {p.person_id,   p.given_name, p.surnames,     p.dob, p.sex,    p.a_number,
          p.nationality, p.age_group,  p.family_units, "",    p.records};
}

// The events naming `person_id`, in time order (stable: log order on a day).
std::vector<size_t> EventsOf(const CaseFile& f, const std::string& person_id) {
  std::vector<size_t> out = f.EventsOf(person_id);
  std::stable_sort(out.begin(), out.end(), [&](size_t a, size_t b) {
    return f.input.events[a].occurred_at < f.input.events[b].occurred_at;
  });
  return out;
}

std::optional<CustodyNow> CustodyOf(const CaseFile& f, const std::vector<size_t>& events,
                                    Date as_of) {
  std::optional<CustodyNow> now;
  for (size_t i : events) {
    const cases::Event& e = f.input.events[i];
    if (as_of < e.occurred_at || !IsCustodyEvent(e.type)) continue;
    now = CustodyNow{e.id, std::string(cases::EventTypeName(e.type)), e.custodian.agency,
                     e.custodian.facility, e.occurred_at};
  }
  return now;
}

// The child's status when it is separated (or its separation is under review).
std::optional<cases::ChildStatus> StatusOf(const CaseFile& f, const std::string& person_id,
                                           Date as_of) {
  const report::ReportPerson* p = f.FindReportPerson(person_id);
  if (p == nullptr || !p->child) return std::nullopt;
  auto state = ChildStateOf(f, person_id);
  if (!state.ok()) return std::nullopt;
  auto status = cases::EvaluateChild(state->View(person_id, as_of), f.input.orders);
  if (!status.ok() || status->finding.status == cases::ReunificationStatus::kNotSeparated) {
    return std::nullopt;
  }
  return std::move(status).value();
}

bool Open(const cases::ChildStatus& s) { return s.days_remaining || s.days_overdue; }

std::string Trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

json TextOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }

json CustodyJson(const std::optional<CustodyNow>& c) {
  if (!c) return nullptr;
  return {{"event_id", c->event_id},
          {"type", c->type},
          {"agency", c->agency},
          {"facility", c->facility},
          {"on", c->on.ToIso()}};
}

json StatusJson(const std::optional<cases::ChildStatus>& s) {
  return s ? cases::ChildStatusToJson(*s) : json(nullptr);
}

}  // namespace

// ---- Children's statuses ----

ChildStatuses EvaluateChildren(const CaseFile& file, Date as_of) {
  ChildStatuses out;
  const report::CaseIndex index(file.input);
  auto assessed = report::AssessChildren(index, as_of);
  if (!assessed.ok()) return out;
  for (const report::ChildAssessment& a : *assessed) {
    if (!a.separated()) continue;
    out.emplace(a.person->person_id, cases::EvaluateChildCase(a.child_case, file.input.orders));
  }
  return out;
}

std::shared_ptr<const ChildStatuses> ChildStatusCache::Current(
    const std::shared_ptr<const CaseFile>& file, Date as_of) {
  std::lock_guard<std::mutex> lock(mu_);
  if (file_ != file) {
    file_ = file;
    by_date_.clear();
  }
  auto it = by_date_.find(as_of);
  if (it != by_date_.end()) return it->second;
  if (by_date_.size() >= kDates) by_date_.erase(by_date_.begin());  // the earliest date
  auto statuses = std::make_shared<const ChildStatuses>(EvaluateChildren(*file, as_of));
  by_date_.emplace(as_of, statuses);
  return statuses;
}

// ---- PersonNameIndex ----

Result<std::unique_ptr<PersonNameIndex>> PersonNameIndex::Build(storage::Connection& db,
                                                                const CaseFile& file,
                                                                const std::string& model_path) {
  REUNITE_ASSIGN_OR_RETURN(linkage::Model model, linkage::LoadModel(model_path));
  std::vector<linkage::SourceRecord> records;
  auto index = std::make_unique<PersonNameIndex>();
  storage::SourceRecordStore store(db);
  REUNITE_RETURN_IF_ERROR(store.ScanRecords("", [&](const storage::SourceRecord& r) {
    const std::string ref = linkage::PersonRecordId(r.source, r.record_key);
    std::string person = file.PersonOfRecord(ref);
    if (person.empty() || index->person_of_record_.contains(ref)) return Status::Ok();
    json fields = json::parse(r.fields, nullptr, false);
    if (!fields.is_object()) return Status::Ok();
    linkage::SourceRecord rec{r.source, r.record_key, {}};
    for (const auto& [k, v] : fields.items()) {
      if (v.is_string()) rec.fields.emplace_back(k, v.get<std::string>());
    }
    index->person_of_record_.emplace(ref, std::move(person));
    records.push_back(std::move(rec));
    return Status::Ok();
  }));
  if (records.empty()) {
    return FailedPrecondition(db.Describe() + ": no resolved record to search by name");
  }
  linkage::IndexOptions options;
  options.threads = 1;
  REUNITE_ASSIGN_OR_RETURN(index->index_, linkage::LinkageIndex::FromTable(
                                              model, linkage::PersonRecordTable(records), options));
  index->built_at_seq_ = file.last_seq;
  return index;
}

Result<std::vector<PersonNameIndex::Hit>> PersonNameIndex::Match(const std::string& name,
                                                                 size_t limit) const {
  REUNITE_ASSIGN_OR_RETURN(auto candidates, index_->Match({{"full_name", name}}, limit * 4 + 8));
  std::vector<Hit> hits;
  std::set<std::string> seen;
  for (const linkage::MatchCandidate& c : candidates) {
    auto it = person_of_record_.find(c.record_id);
    if (it == person_of_record_.end() || !seen.insert(it->second).second) continue;
    hits.push_back({it->second, c.match_probability, c.match_weight, c.record_id});
    if (hits.size() == limit) break;
  }
  return hits;
}

Result<std::shared_ptr<const PersonNameIndex>> PersonNameIndexCache::Current(
    storage::Connection& db, const CaseFile& file) {
  std::lock_guard<std::mutex> lock(mu_);
  if (index_ == nullptr || index_->built_at_seq() != file.last_seq) {
    REUNITE_ASSIGN_OR_RETURN(auto built, PersonNameIndex::Build(db, file, model_path_));
    index_ = std::move(built);
  }
  return index_;
}

// ---- Search ----

Result<std::vector<SearchHit>> SearchPersons(const CaseFile& file, const PersonNameIndex* names,
                                             const std::string& raw_query,
                                             const SearchOptions& options) {
  const std::string q = Trim(raw_query);
  if (q.empty()) return InvalidArgument("search: the query is empty");
  if (q.size() > 200) return InvalidArgument("search: the query is longer than 200 characters");
  const size_t limit = std::clamp<size_t>(options.limit, 1, 200);
  std::vector<SearchHit> hits;
  std::set<std::string> seen;
  auto add = [&](const std::string& id, const char* by, const std::string& what) {
    const CasePerson* p = file.FindPerson(id);
    if (p == nullptr || hits.size() >= limit || !seen.insert(id).second) return;
    SearchHit h{Summary(*p), by, what, std::nullopt};
    if (auto s = StatusOf(file, id, options.as_of)) {
      h.person.status = std::string(cases::ReunificationStatusName(s->finding.status));
    }
    hits.push_back(std::move(h));
  };
  add(q, "person_id", q);
  if (const std::string a = names::NormalizeANumber(q); !a.empty()) {
    for (const CasePerson& p : file.persons) {
      if (names::NormalizeANumber(p.a_number) == a) add(p.person_id, "a_number", a);
    }
  }
  if (std::string person = file.PersonOfRecord(q); !person.empty()) add(person, "record", q);
  if (q.find('/') == std::string::npos && q.find(' ') == std::string::npos) {
    // A bare agency record key or case number: any source.
    for (const auto& [ref, person] : file.person_of_record) {
      const size_t slash = ref.find('/');
      if (slash != std::string::npos && ref.compare(slash + 1, std::string::npos, q) == 0) {
        add(person, "record", ref);
      }
    }
    if (const CaseFamilyUnit* unit = file.FindFamilyUnit(q)) {
      for (const auto& [member, role] : unit->members) add(member, "family_unit", q);
    }
  }
  if (!hits.empty() || names == nullptr) return hits;
  REUNITE_ASSIGN_OR_RETURN(auto by_name, names->Match(q, limit));
  for (const PersonNameIndex::Hit& h : by_name) {
    add(h.person_id, "name", h.record_ref);
    if (!hits.empty() && hits.back().person.person_id == h.person_id) {
      hits.back().match_probability = h.match_probability;
    }
  }
  return hits;
}

// ---- One person ----

Result<PersonView> GetPerson(const CaseFile& file, const std::string& person_id, Date as_of) {
  const CasePerson* p = file.FindPerson(person_id);
  if (p == nullptr) return NotFound("no resolved person '" + person_id + "'");
  PersonView v;
  v.person = Summary(*p);
  v.records = p->records;
  for (size_t i : file.RelationshipsOf(person_id)) {
    const CaseRelationship& r = file.relationships[i];
    if (r.parent_id == person_id) {
      v.relationships.push_back(
          {r.child_id, "child", r.kind, r.evidence, r.status, r.source, r.evidence_items});
    } else if (r.child_id == person_id) {
      v.relationships.push_back(
          {r.parent_id, "parent", r.kind, r.evidence, r.status, r.source, r.evidence_items});
    }
  }
  v.custody = CustodyOf(file, EventsOf(file, person_id), as_of);
  v.status = StatusOf(file, person_id, as_of);
  if (v.status)
    v.person.status = std::string(cases::ReunificationStatusName(v.status->finding.status));
  return v;
}

Result<std::vector<TimelineEntry>> PersonTimeline(const CaseFile& file,
                                                  const std::string& person_id) {
  if (file.FindPerson(person_id) == nullptr) {
    return NotFound("no resolved person '" + person_id + "'");
  }
  std::vector<TimelineEntry> out;
  for (size_t i : EventsOf(file, person_id)) {
    const cases::Event& e = file.input.events[i];
    const CaseEventOrigin& o = file.origins[i];
    out.push_back({e.id, o.seq, e.occurred_at, std::string(cases::EventTypeName(e.type)),
                   e.custodian.agency, e.custodian.facility, e.reason, e.actor, e.authority,
                   e.family_unit, e.subjects, o.record_refs, o.sources, e.payload, o.recorded_at});
  }
  return out;
}

// ---- Families ----

Result<FamilyView> GetFamily(const CaseFile& file, const std::string& family_unit, Date as_of) {
  const CaseFamilyUnit* unit = file.FindFamilyUnit(family_unit);
  if (unit == nullptr) return NotFound("no family unit '" + family_unit + "'");
  FamilyView v{unit->family_unit, unit->status, unit->apprehended_on, {}, {}, std::nullopt, ""};
  std::set<std::string> members;
  for (const auto& [id, role] : unit->members) {
    const CasePerson* p = file.FindPerson(id);
    if (p == nullptr) continue;
    members.insert(id);
    FamilyMemberView m{Summary(*p), role, CustodyOf(file, EventsOf(file, id), as_of),
                       StatusOf(file, id, as_of)};
    if (m.status) {
      m.person.status = std::string(cases::ReunificationStatusName(m.status->finding.status));
      if (Open(*m.status) && m.status->due_date &&
          (!v.next_due || *m.status->due_date < *v.next_due)) {
        v.next_due = m.status->due_date;
        v.next_due_child = id;
      }
    }
    v.members.push_back(std::move(m));
  }
  std::set<size_t> related;  // ascending: the file's order
  for (const std::string& id : members) {
    for (size_t i : file.RelationshipsOf(id)) related.insert(i);
  }
  for (size_t i : related) v.relationships.push_back(file.relationships[i]);
  return v;
}

FamilyList ListFamilies(const CaseFile& file, const FamilyListOptions& options) {
  return ListFamilies(file, EvaluateChildren(file, options.as_of), options);
}

FamilyList ListFamilies(const CaseFile& file, const ChildStatuses& statuses,
                        const FamilyListOptions& options) {
  std::vector<FamilySummary> all;
  for (const CaseFamilyUnit& unit : file.family_units) {
    FamilySummary s{unit.family_unit, unit.status, unit.apprehended_on, 0, 0, 0, 0,
                    std::nullopt,     std::nullopt};
    for (const auto& [id, role] : unit.members) {
      ++s.members;
      const report::ReportPerson* p = file.FindReportPerson(id);
      if (p == nullptr || !p->child) continue;
      ++s.children;
      auto it = statuses.find(id);
      if (it == statuses.end()) continue;
      ++s.separated_children;
      s.reunified_children += it->second.finding.status == cases::ReunificationStatus::kReunified;
      const cases::ChildStatus& c = it->second;
      if (Open(c) && c.due_date && (!s.next_due || *c.due_date < *s.next_due)) {
        s.next_due = c.due_date;
        s.days_overdue = c.days_overdue;
      }
    }
    if (options.separated_only && s.separated_children == 0) continue;
    if (options.overdue_only && !s.days_overdue) continue;
    all.push_back(std::move(s));
  }
  std::stable_sort(all.begin(), all.end(), [](const FamilySummary& a, const FamilySummary& b) {
    const int da = a.days_overdue.value_or(-1), db = b.days_overdue.value_or(-1);
    if (da != db) return da > db;
    if (a.next_due.has_value() != b.next_due.has_value()) return a.next_due.has_value();
    if (a.next_due && *a.next_due != *b.next_due) return *a.next_due < *b.next_due;
    return a.family_unit < b.family_unit;
  });
  FamilyList out;
  out.total = all.size();
  const size_t limit = std::clamp<size_t>(options.limit, 1, 500);
  for (size_t i = options.offset; i < all.size() && out.families.size() < limit; ++i) {
    out.families.push_back(std::move(all[i]));
  }
  return out;
}

// ---- Dashboard ----

Dashboard GetDashboard(const CaseFile& file, Date as_of) {
  return GetDashboard(file, EvaluateChildren(file, as_of), as_of);
}

Dashboard GetDashboard(const CaseFile& file, const ChildStatuses& statuses, Date as_of) {
  Dashboard d;
  d.as_of = as_of;
  for (const report::ReportPerson& p : file.input.persons) d.children += p.child;
  d.separated = static_cast<int>(statuses.size());
  for (const auto& [id, s] : statuses) {
    ++d.by_status[std::string(cases::ReunificationStatusName(s.finding.status))];
    if (!s.days_overdue || !s.due_date) continue;
    const CasePerson* p = file.FindPerson(id);
    OverdueChild o;
    o.child_id = id;
    o.name = p ? p->given_name + " " + p->surnames : id;
    o.order_id = s.due_order_id;
    o.due_date = *s.due_date;
    o.days_overdue = *s.days_overdue;
    if (p != nullptr && !p->family_units.empty()) o.family_unit = p->family_units.front();
    o.status = std::string(cases::ReunificationStatusName(s.finding.status));
    d.overdue.push_back(std::move(o));
  }
  std::stable_sort(d.overdue.begin(), d.overdue.end(),
                   [](const OverdueChild& a, const OverdueChild& b) {
                     return a.days_overdue != b.days_overdue ? a.days_overdue > b.days_overdue
                                                             : a.child_id < b.child_id;
                   });
  // Separations and reunifications of children per month (first of each per child).
  std::map<std::string, MonthCount> months;
  std::set<std::string> separated, reunified;
  for (const cases::Event& e : file.input.events) {
    if (as_of < e.occurred_at) continue;
    const bool sep = e.type == EventType::kSeparated;
    const bool reu = e.type == EventType::kReunified;
    if (!sep && !reu) continue;
    for (const std::string& s : e.subjects) {
      const report::ReportPerson* p = file.FindReportPerson(s);
      if (p == nullptr || !p->child) continue;
      if (!(sep ? separated : reunified).insert(s).second) continue;
      const std::string month = e.occurred_at.ToIso().substr(0, 7);
      MonthCount& m = months[month];
      m.month = month;
      (sep ? m.separations : m.reunifications) += 1;
    }
  }
  for (auto& [month, m] : months) d.by_month.push_back(m);
  return d;
}

// ---- JSON ----

json PersonSummaryJson(const PersonSummary& p) {
  const std::string name = Trim(p.given_name + " " + p.surnames);
  json sources = json::array();
  for (const std::string& ref : p.records) {
    const size_t slash = ref.find('/');
    if (slash == std::string::npos) continue;
    sources.push_back({{"source", ref.substr(0, slash)}, {"record_key", ref.substr(slash + 1)}});
  }
  return {{"id", p.person_id},
          {"display_name", name.empty() ? p.person_id : name},
          {"dob", TextOrNull(p.dob)},
          {"sex", TextOrNull(p.sex)},
          {"nationality", TextOrNull(p.nationality)},
          {"kind", p.age_group == "child" || p.age_group == "adult" ? p.age_group : "unknown"},
          {"family_units", p.family_units},
          {"sources", sources},
          {"status", TextOrNull(p.status)}};
}

json SearchJson(const std::vector<SearchHit>& hits) {
  json persons = json::array();
  for (const SearchHit& h : hits) {
    json j = PersonSummaryJson(h.person);
    j["matched_by"] = h.matched_by;
    j["score"] = h.match_probability.value_or(1.0);
    persons.push_back(std::move(j));
  }
  return {{"persons", persons}, {"next_cursor", nullptr}};
}

json RelationshipJson(const std::string& parent_id, const std::string& child_id,
                      const std::string& kind, const std::string& status,
                      const std::string& evidence, const std::string& source,
                      const json& evidence_items) {
  json items = json::array();
  if (evidence_items.is_array()) {
    for (const auto& e : evidence_items) {
      if (!e.is_object()) continue;
      json item = {{"kind", e.value("kind", evidence)}};
      if (e.contains("source") && e["source"].is_string()) item["source"] = e["source"];
      if (e.contains("detail") && e["detail"].is_string()) item["detail"] = e["detail"];
      items.push_back(std::move(item));
    }
  }
  if (items.empty()) items.push_back({{"kind", evidence}, {"source", source}});
  return {{"parent_id", parent_id}, {"child_id", child_id}, {"kind", kind},
          {"status", status},       {"evidence", items},    {"status_since", nullptr}};
}

json RelationshipJson(const CaseRelationship& r) {
  return RelationshipJson(r.parent_id, r.child_id, r.kind, r.status, r.evidence, r.source,
                          r.evidence_items);
}

json PersonViewJson(const PersonView& v) {
  json s = PersonSummaryJson(v.person);
  json rels = json::array();
  for (const PersonRelation& r : v.relationships) {
    const bool other_is_parent = r.role == "parent";
    rels.push_back(RelationshipJson(other_is_parent ? r.other_id : v.person.person_id,
                                    other_is_parent ? v.person.person_id : r.other_id, r.kind,
                                    r.status, r.evidence, r.source, r.evidence_items));
  }
  return {{"id", s["id"]},
          {"display_name", s["display_name"]},
          {"names", json::array({s["display_name"]})},
          {"dob", s["dob"]},
          {"sex", s["sex"]},
          {"nationality", s["nationality"]},
          {"kind", s["kind"]},
          {"status", s["status"]},
          {"records", v.records},
          {"relationships", rels},
          {"family_units", v.person.family_units},
          {"custody", CustodyJson(v.custody)},
          {"reunification", StatusJson(v.status)}};
}

json TimelineJson(const std::string& person_id, const std::vector<TimelineEntry>& t) {
  json events = json::array();
  for (const TimelineEntry& e : t) {
    events.push_back({{"event_id", e.event_id},
                      {"seq", e.seq},
                      {"occurred_at", e.occurred_at.ToIso()},
                      {"recorded_at", e.recorded_at},
                      {"type", e.type},
                      {"agency", e.agency},
                      {"custodian", TextOrNull(e.facility)},
                      {"reason", TextOrNull(e.reason)},
                      {"actor", e.actor},
                      {"authority", TextOrNull(e.authority)},
                      {"family_unit", TextOrNull(e.family_unit)},
                      {"subjects", e.record_refs.empty() ? e.subjects : e.record_refs},
                      {"sources", e.sources},
                      {"payload", e.payload}});
  }
  return {{"person_id", person_id}, {"events", events}};
}

json FamilyViewJson(const FamilyView& f) {
  json members = json::array();
  for (const FamilyMemberView& m : f.members) {
    json j = PersonSummaryJson(m.person);
    j["role"] = m.role;
    j["custody"] = CustodyJson(m.custody);
    j["reunification"] = StatusJson(m.status);
    members.push_back(std::move(j));
  }
  json rels = json::array();
  for (const CaseRelationship& r : f.relationships) {
    rels.push_back({{"parent_id", r.parent_id},
                    {"child_id", r.child_id},
                    {"kind", r.kind},
                    {"evidence", r.evidence},
                    {"status", r.status},
                    {"source", r.source},
                    {"evidence_items", r.evidence_items}});
  }
  return {{"family_unit", f.family_unit},
          {"status", f.status},
          {"apprehended_on", f.apprehended_on},
          {"members", members},
          {"relationships", rels},
          {"next_due", DateOrNull(f.next_due)},
          {"next_due_child", f.next_due_child.empty() ? json(nullptr) : json(f.next_due_child)}};
}

json FamilyListJson(const FamilyList& l) {
  json families = json::array();
  for (const FamilySummary& s : l.families) {
    families.push_back({{"family_unit", s.family_unit},
                        {"status", s.status},
                        {"apprehended_on", s.apprehended_on},
                        {"members", s.members},
                        {"children", s.children},
                        {"separated_children", s.separated_children},
                        {"reunified_children", s.reunified_children},
                        {"next_due", DateOrNull(s.next_due)},
                        {"days_overdue", s.days_overdue ? json(*s.days_overdue) : json(nullptr)}});
  }
  return {{"total", l.total}, {"families", families}};
}

json DashboardJson(const Dashboard& d) {
  json overdue = json::array();
  for (const OverdueChild& o : d.overdue) {
    overdue.push_back({{"child_id", o.child_id},
                       {"name", o.name},
                       {"family_unit", o.family_unit},
                       {"order_id", o.order_id},
                       {"status", o.status},
                       {"due_date", o.due_date.ToIso()},
                       {"days_overdue", o.days_overdue}});
  }
  json months = json::array();
  for (const MonthCount& m : d.by_month) {
    months.push_back(
        {{"month", m.month}, {"separations", m.separations}, {"reunifications", m.reunifications}});
  }
  return {{"as_of", d.as_of.ToIso()}, {"children", d.children}, {"separated", d.separated},
          {"by_status", d.by_status}, {"overdue", overdue},     {"by_month", months}};
}

}  // namespace reunite::service
