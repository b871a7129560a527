#include "service/case_file.h"

#include <algorithm>
#include <set>

#include "cases/court_order.h"
#include "linkage/string_similarity.h"
#include "names/names.h"
#include "service/report_input_store.h"

namespace reunite::service {
namespace {

using nlohmann::json;

// The agency of an event from the export it came from.
std::string AgencyOf(std::string_view source, cases::EventType type) {
  using cases::EventType;
  if (source == "dlog") {
    switch (type) {
      case EventType::kProsecutionDecision:
        return "prosecution";
      case EventType::kSeparationDecision:
        return "border";
      case EventType::kRemovalDecision:
        return "immigration";
      default:
        return "border";
    }
  }
  if (source == "e3") return "border";
  if (source == "ice") return "immigration";
  if (source == "orr") return "shelter";
  if (source == "usao") return "prosecution";
  if (source == "ngo") return "ngo";
  return std::string(source);
}

Result<json> ParseJson(const std::string& text, int64_t seq, std::string_view field) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return InvalidArgument("event " + std::to_string(seq) + ": " + std::string(field) +
                           " is not JSON");
  }
  return j;
}

std::vector<std::string> Tokens(const std::string& folded) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (j > i) out.push_back(folded.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// "NAME (A-number)" -> {name, normalised A-number or ""}.
std::pair<std::string, std::string> SplitAffectedEntry(std::string_view entry) {
  std::string name(entry), a_number;
  const size_t open = entry.rfind('(');
  const size_t close = entry.rfind(')');
  if (open != std::string_view::npos && close != std::string_view::npos && open < close) {
    a_number = names::NormalizeANumber(entry.substr(open + 1, close - open - 1));
    name = std::string(entry.substr(0, open));
  }
  return {name, a_number};
}

// How well a written name designates this person: 0 = not at all; else the
// folded first given name is equal and a surname is shared (equal, or one
// typing error apart in a surname of 4+ letters), and 2 when every given
// name is equal (tells "José Ángel" from his brother "José").
int NameDesignates(const names::PersonName& written, const CasePerson& p) {
  const std::vector<std::string> given = Tokens(written.given);
  const std::vector<std::string> person_given = Tokens(names::FoldText(p.given_name));
  if (given.empty() || person_given.empty() || given[0] != person_given[0]) return 0;
  const std::vector<std::string> person_surnames = Tokens(names::FoldText(p.surnames));
  bool shared = false;
  for (const std::string* s : {&written.surnames.paternal, &written.surnames.maternal}) {
    for (const std::string& t : Tokens(*s)) {
      for (const std::string& u : person_surnames) {
        shared |=
            t == u || (t.size() >= 4 && u.size() >= 4 && linkage::DamerauLevenshtein(t, u, 1) <= 1);
      }
    }
  }
  if (!shared) return 0;
  return given == person_given ? 2 : 1;
}

// Converts a stored case event, re-keys its subjects to persons and records
// its origin in `f`; nullopt (counted) when no subject is a resolved person.
Result<std::optional<cases::Event>> RekeyEvent(CaseFile& f, const storage::Event& stored) {
  REUNITE_ASSIGN_OR_RETURN(cases::Event e, CaseEventFromStored(stored));
  CaseEventOrigin origin{stored.seq, e.subjects, json::array(), stored.recorded_at};
  REUNITE_ASSIGN_OR_RETURN(origin.sources, ParseJson(stored.sources, stored.seq, "sources"));
  std::vector<std::string> persons;
  for (const std::string& s : e.subjects) {
    std::string person = f.person_index.contains(s) ? s : f.PersonOfRecord(s);
    if (person.empty()) {
      ++f.unresolved_subjects;
      continue;
    }
    if (std::find(persons.begin(), persons.end(), person) == persons.end()) {
      persons.push_back(std::move(person));
    }
  }
  if (persons.empty()) {
    ++f.skipped_events;
    return std::optional<cases::Event>();
  }
  e.subjects = std::move(persons);
  f.origins.push_back(std::move(origin));
  return std::optional<cases::Event>(std::move(e));
}

bool IsDecisionType(cases::EventType t) {
  return t == cases::EventType::kProsecutionDecision ||
         t == cases::EventType::kSeparationDecision || t == cases::EventType::kRemovalDecision;
}

class Loader {
 public:
  Loader(storage::Connection& db, CaseFile& file) : db_(db), f_(file) {}

  Status Run(const CaseFileOptions& options) {
    REUNITE_ASSIGN_OR_RETURN(int64_t persons, CountResolvedPersons(db_));
    if (persons == 0) {
      return FailedPrecondition(db_.Describe() +
                                ": the store has no resolved persons yet: run `reunite resolve` "
                                "first");
    }
    storage::EventLog log(db_);
    REUNITE_ASSIGN_OR_RETURN(f_.last_seq, log.LastSeq());
    REUNITE_RETURN_IF_ERROR(LoadPersons());
    REUNITE_RETURN_IF_ERROR(LoadFamilies());
    REUNITE_RETURN_IF_ERROR(LoadRelationships());
    REUNITE_RETURN_IF_ERROR(log.Scan(0, [&](const storage::Event& e) { return AddEvent(e); }));
    DeriveSeparations();
    OrderSameDayEvents();
    f_.IndexEvents(0);
    std::set<std::string> directives;
    for (const cases::Event& e : f_.input.events) {
      if (!e.authority.empty() && IsDecision(e.type)) directives.insert(e.authority);
    }
    for (const std::string& d : directives) f_.input.directives.push_back({d, "", {}, "", ""});
    if (!options.orders_dir.empty()) {
      REUNITE_ASSIGN_OR_RETURN(f_.input.orders, cases::LoadCourtOrders(options.orders_dir));
    }
    f_.input.source = "store " + db_.Describe();
    return report::ValidateReportInput(f_.input);
  }

 private:
  static bool IsDecision(cases::EventType t) { return IsDecisionType(t); }

  Status LoadPersons() {
    REUNITE_RETURN_IF_ERROR(db_.QueryEach(
        "SELECT person_id, given_name, surnames, dob, sex, a_number, nationality, age_group "
        "FROM persons WHERE status = 'active' ORDER BY person_id",
        {}, [&](const storage::Row& r) {
          CasePerson p{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4),
                       r.Text(5), r.Text(6), r.Text(7), {},        {}};
          f_.person_index.emplace(p.person_id, f_.persons.size());
          report::ReportPerson rp{p.person_id, std::nullopt, p.age_group == "child"};
          if (auto dob = Date::ParseIso(p.dob); dob.ok()) rp.birth_date = *dob;
          const std::string a = names::NormalizeANumber(p.a_number);
          if (!a.empty()) by_a_number_[a].push_back(p.person_id);
          f_.input.persons.push_back(std::move(rp));
          f_.persons.push_back(std::move(p));
          return Status::Ok();
        }));
    return db_.QueryEach("SELECT record_ref, person_id FROM person_records ORDER BY record_ref", {},
                         [&](const storage::Row& r) {
                           auto it = f_.person_index.find(r.Text(1));
                           if (it == f_.person_index.end()) return Status::Ok();
                           f_.persons[it->second].records.push_back(r.Text(0));
                           f_.person_of_record.emplace(r.Text(0), r.Text(1));
                           return Status::Ok();
                         });
  }

  Status LoadFamilies() {
    REUNITE_RETURN_IF_ERROR(db_.QueryEach(
        "SELECT family_unit, status, apprehended_on FROM family_units ORDER BY family_unit", {},
        [&](const storage::Row& r) {
          f_.family_index.emplace(r.Text(0), f_.family_units.size());
          f_.family_units.push_back({r.Text(0), r.Text(1), r.Text(2), {}});
          return Status::Ok();
        }));
    return db_.QueryEach(
        "SELECT family_unit, person_id, member_role FROM family_members "
        "ORDER BY family_unit, person_id",
        {}, [&](const storage::Row& r) {
          auto fam = f_.family_index.find(r.Text(0));
          auto person = f_.person_index.find(r.Text(1));
          if (fam == f_.family_index.end() || person == f_.person_index.end()) return Status::Ok();
          f_.family_units[fam->second].members.emplace_back(r.Text(1), r.Text(2));
          f_.persons[person->second].family_units.push_back(r.Text(0));
          return Status::Ok();
        });
  }

  Status LoadRelationships() {
    return db_.QueryEach(
        "SELECT parent_id, child_id, kind, evidence, status, source, evidence_items "
        "FROM relationships ORDER BY child_id, parent_id",
        {}, [&](const storage::Row& r) {
          CaseRelationship rel{r.Text(0), r.Text(1), r.Text(2),    r.Text(3),
                               r.Text(4), r.Text(5), json::array()};
          if (!f_.person_index.contains(rel.parent_id) || !f_.person_index.contains(rel.child_id)) {
            return Status::Ok();
          }
          json items = json::parse(r.Text(6), nullptr, false);
          if (items.is_array()) rel.evidence_items = std::move(items);
          cases::Relationship c;
          c.parent_id = rel.parent_id;
          c.child_id = rel.child_id;
          c.kind = rel.kind == "guardian" || rel.kind == "legal_guardian"
                       ? cases::RelationshipKind::kLegalGuardian
                   : rel.kind == "mother" || rel.kind == "father" || rel.kind == "parent"
                       ? cases::RelationshipKind::kParent
                       : cases::RelationshipKind::kOtherRelative;
          c.status = rel.status == "verified"   ? cases::RelationshipStatus::kVerified
                     : rel.status == "disputed" ? cases::RelationshipStatus::kDisputed
                     : rel.status == "refuted"  ? cases::RelationshipStatus::kRefuted
                                                : cases::RelationshipStatus::kAsserted;
          c.evidence = rel.evidence == "dna"             ? cases::Evidence::kDna
                       : rel.evidence == "document"      ? cases::Evidence::kDocument
                       : rel.evidence == "agency_record" ? cases::Evidence::kAgencyRecord
                                                         : cases::Evidence::kClaimed;
          c.source = rel.source;
          children_of_[c.parent_id].push_back(c.child_id);
          f_.relationships_of_person[c.parent_id].push_back(f_.relationships.size());
          if (c.child_id != c.parent_id) {
            f_.relationships_of_person[c.child_id].push_back(f_.relationships.size());
          }
          f_.input.relationships.push_back(std::move(c));
          f_.relationships.push_back(std::move(rel));
          return Status::Ok();
        });
  }

  Status AddEvent(const storage::Event& stored) {
    if (!cases::ParseEventType(stored.type).ok()) return Status::Ok();
    REUNITE_ASSIGN_OR_RETURN(std::optional<cases::Event> e, RekeyEvent(f_, stored));
    if (e && IsDecision(e->type)) MapAffectedChildren(*e);
    if (e) f_.input.events.push_back(std::move(*e));
    return Status::Ok();
  }

  void MapAffectedChildren(cases::Event& e) {
    auto it = e.payload.find("affected_children");
    if (it == e.payload.end() || !it->is_string()) return;
    const std::string text = it->get<std::string>();
    std::vector<std::string> ids;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find(';', start);
      if (end == std::string::npos) end = text.size();
      std::string entry = text.substr(start, end - start);
      start = end + 1;
      if (entry.find_first_not_of(" \t") == std::string::npos) continue;
      std::string id = MapEntry(entry, e.subjects);
      if (id.empty()) {
        ++f_.affected_unmapped;
      } else {
        ++f_.affected_mapped;
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
      }
    }
    e.payload["affected_children_as_written"] = text;
    e.payload["affected_children"] = ids;
  }

  // A separation memo is the record of a separation: the border agency's
  // system had no separation marker before April 2018, so the memo is often
  // the only one. Each separation decision yields a `separated` event (id
  // "<decision id>/separated", same date, reason, custodian, directive and
  // decider) for its subject and, when its outcome is children_separated,
  // for the children it affected (those the record named, else the subject's
  // children by the relationships) — leaving out anyone who already has a
  // `separated` event of their own on or before that date.
  void DeriveSeparations() {
    std::map<std::string, Date> separated_on;  // person -> earliest own separation
    for (const cases::Event& e : f_.input.events) {
      if (e.type != cases::EventType::kSeparated) continue;
      for (const std::string& s : e.subjects) {
        auto [it, added] = separated_on.try_emplace(s, e.occurred_at);
        if (!added && e.occurred_at < it->second) it->second = e.occurred_at;
      }
    }
    auto has_own = [&](const std::string& person, Date on) {
      auto it = separated_on.find(person);
      return it != separated_on.end() && !(on < it->second);
    };
    const size_t n = f_.input.events.size();
    for (size_t i = 0; i < n; ++i) {
      const cases::Event& d = f_.input.events[i];
      if (d.type != cases::EventType::kSeparationDecision) continue;
      std::vector<std::string> subjects;
      for (const std::string& s : d.subjects) {
        if (!has_own(s, d.occurred_at)) subjects.push_back(s);
      }
      if (d.PayloadString("outcome") == "children_separated") {
        std::vector<std::string> children;
        if (auto it = d.payload.find("affected_children"); it != d.payload.end()) {
          for (const json& c : *it) {
            if (c.is_string()) children.push_back(c.get<std::string>());
          }
        }
        if (d.PayloadString("affected_children_as_written").empty()) {
          for (const std::string& adult : d.subjects) {
            for (const std::string& c : children_of_[adult]) {
              const CasePerson* p = f_.FindPerson(c);
              if (p != nullptr && p->age_group == "child") children.push_back(c);
            }
          }
        }
        for (const std::string& c : children) {
          if (!has_own(c, d.occurred_at) &&
              std::find(subjects.begin(), subjects.end(), c) == subjects.end()) {
            subjects.push_back(c);
          }
        }
      }
      if (subjects.empty()) continue;
      cases::Event e;
      e.id = d.id + "/separated";
      e.type = cases::EventType::kSeparated;
      e.occurred_at = d.occurred_at;
      e.subjects = std::move(subjects);
      e.custodian = d.custodian;
      e.family_unit = d.family_unit;
      e.reason = d.reason;
      e.actor = d.actor;
      e.authority = d.authority;
      e.payload = json{{"derived_from", d.id}};
      CaseEventOrigin origin = f_.origins[i];
      f_.input.events.push_back(std::move(e));
      f_.origins.push_back(std::move(origin));
      ++f_.derived_separations;
    }
  }

  // Where an event falls among the same day's events of one custody: the
  // border's apprehension and referral, the separation, then the criminal
  // case (charge, marshals' custody, sentence), then everything else (an
  // immigration book-in on the day of a sentence follows it). The log's order
  // of same-day events is the order the exports were imported in, which
  // says nothing about the custody.
  static int SameDayStage(cases::EventType t) {
    using cases::EventType;
    switch (t) {
      case EventType::kApprehended:
        return 0;
      case EventType::kReferredForProsecution:
      case EventType::kProsecutionDecision:
      case EventType::kSeparationDecision:
        return 1;
      case EventType::kSeparated:
        return 2;
      case EventType::kCharged:
        return 3;
      case EventType::kCriminalCustody:
        return 4;
      case EventType::kSentenced:
        return 5;
      default:
        return 6;
    }
  }

  // Events by date, same-day events by stage, then in log order; origins
  // follow their events.
  void OrderSameDayEvents() {
    std::vector<size_t> order(f_.input.events.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::vector<cases::Event>& ev = f_.input.events;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (ev[a].occurred_at != ev[b].occurred_at) return ev[a].occurred_at < ev[b].occurred_at;
      return SameDayStage(ev[a].type) < SameDayStage(ev[b].type);
    });
    std::vector<cases::Event> events;
    std::vector<CaseEventOrigin> origins;
    events.reserve(order.size());
    origins.reserve(order.size());
    for (size_t i : order) {
      events.push_back(std::move(f_.input.events[i]));
      origins.push_back(std::move(f_.origins[i]));
    }
    f_.input.events = std::move(events);
    f_.origins = std::move(origins);
  }

  std::string MapEntry(const std::string& entry, const std::vector<std::string>& subjects) {
    const auto [name, a_number] = SplitAffectedEntry(entry);
    if (!a_number.empty()) {
      auto it = by_a_number_.find(a_number);
      if (it != by_a_number_.end() && it->second.size() == 1) return it->second.front();
    }
    const names::FullName written = names::SplitFullName(name);
    std::set<std::string> candidates;
    for (const std::string& adult : subjects) {
      for (const std::string& c : children_of_[adult]) candidates.insert(c);
      const CasePerson* p = f_.FindPerson(adult);
      if (p == nullptr) continue;
      for (const std::string& unit : p->family_units) {
        for (const auto& [member, role] : f_.FindFamilyUnit(unit)->members) {
          if (member != adult) candidates.insert(member);
        }
      }
    }
    std::string found;
    int best = 0;
    bool tie = false;
    for (const std::string& c : candidates) {
      const CasePerson* p = f_.FindPerson(c);
      if (p == nullptr) continue;
      const int score = NameDesignates(written.name, *p);
      if (score == 0 || score < best) continue;
      tie = score == best;
      best = score;
      found = c;
    }
    return tie ? "" : found;  // several designated equally well: ambiguous
  }

  storage::Connection& db_;
  CaseFile& f_;
  std::map<std::string, std::vector<std::string>> by_a_number_;
  std::map<std::string, std::vector<std::string>> children_of_;
};

}  // namespace

const CasePerson* CaseFile::FindPerson(std::string_view person_id) const {
  auto it = person_index.find(person_id);
  return it == person_index.end() ? nullptr : &persons[it->second];
}

const report::ReportPerson* CaseFile::FindReportPerson(std::string_view person_id) const {
  auto it = person_index.find(person_id);
  return it == person_index.end() ? nullptr : &input.persons[it->second];
}

const CaseFamilyUnit* CaseFile::FindFamilyUnit(std::string_view family_unit) const {
  auto it = family_index.find(family_unit);
  return it == family_index.end() ? nullptr : &family_units[it->second];
}

std::string CaseFile::PersonOfRecord(std::string_view record_ref) const {
  auto it = person_of_record.find(record_ref);
  return it == person_of_record.end() ? "" : it->second;
}

namespace {
const std::vector<size_t> kNoIndices;
}  // namespace

const std::vector<size_t>& CaseFile::EventsOf(std::string_view person_id) const {
  auto it = events_of_person.find(person_id);
  return it == events_of_person.end() ? kNoIndices : it->second;
}

const std::vector<size_t>& CaseFile::RelationshipsOf(std::string_view person_id) const {
  auto it = relationships_of_person.find(person_id);
  return it == relationships_of_person.end() ? kNoIndices : it->second;
}

void CaseFile::IndexEvents(size_t from) {
  for (size_t i = from; i < input.events.size(); ++i) {
    for (const std::string& s : input.events[i].subjects) {
      std::vector<size_t>& mine = events_of_person[s];
      if (mine.empty() || mine.back() != i) mine.push_back(i);
    }
  }
}

Result<cases::Event> CaseEventFromStored(const storage::Event& s) {
  const std::string where = "event " + std::to_string(s.seq);
  auto type = cases::ParseEventType(s.type);
  if (!type.ok()) return type.status().WithContext(where);
  cases::Event e;
  e.id = std::to_string(s.seq);
  e.type = *type;
  auto on = Date::ParseIso(std::string_view(s.occurred_at).substr(0, 10));
  if (!on.ok())
    return InvalidArgument(where + ": occurred_at '" + s.occurred_at + "' is not a date");
  e.occurred_at = *on;
  REUNITE_ASSIGN_OR_RETURN(json subjects, ParseJson(s.subjects, s.seq, "subjects"));
  if (!subjects.is_array()) return InvalidArgument(where + ": subjects is not an array");
  for (const json& j : subjects) {
    if (j.is_string()) e.subjects.push_back(j.get<std::string>());
  }
  REUNITE_ASSIGN_OR_RETURN(e.payload, ParseJson(s.payload, s.seq, "payload"));
  if (!e.payload.is_object()) return InvalidArgument(where + ": payload is not an object");
  REUNITE_ASSIGN_OR_RETURN(json sources, ParseJson(s.sources, s.seq, "sources"));
  std::string source;
  if (sources.is_array() && !sources.empty() && sources[0].is_object()) {
    source = sources[0].value("source", "");
  }
  e.custodian.agency = source.empty() ? e.PayloadString("agency") : AgencyOf(source, e.type);
  e.custodian.facility = s.custodian;
  e.family_unit = s.family_unit;
  e.reason = s.reason;
  e.actor = s.actor;
  e.authority = s.authority;
  return e;
}

storage::EventDraft StoredDraftFromCase(const cases::Event& e) {
  storage::EventDraft d;
  d.type = std::string(cases::EventTypeName(e.type));
  d.occurred_at = e.occurred_at.ToIso();
  d.subjects = json(e.subjects).dump();
  d.family_unit = e.family_unit;
  d.custodian = e.custodian.facility;
  d.reason = e.reason;
  d.actor = e.actor;
  d.authority = e.authority;
  json payload = e.payload.is_object() ? e.payload : json::object();
  if (!e.custodian.agency.empty()) payload["agency"] = e.custodian.agency;
  d.payload = payload.dump();
  return d;
}

Result<CaseFile> LoadCaseFile(storage::Connection& db, const CaseFileOptions& options) {
  CaseFile file;
  Loader loader(db, file);
  REUNITE_RETURN_IF_ERROR(loader.Run(options));
  return file;
}

Result<std::shared_ptr<const CaseFile>> CaseFileCache::Current(storage::Connection& db) {
  storage::EventLog log(db);
  REUNITE_ASSIGN_OR_RETURN(int64_t last, log.LastSeq());
  std::lock_guard<std::mutex> lock(mu_);
  if (file_ != nullptr && file_->last_seq == last) return file_;
  if (file_ != nullptr && file_->last_seq < last) {
    // Only case events without affected children appended since (caseworker
    // actions, imports of resolved records' events): apply the tail.
    auto grown = std::make_shared<CaseFile>(*file_);
    bool reload = false;
    REUNITE_RETURN_IF_ERROR(log.Scan(file_->last_seq, [&](const storage::Event& e) -> Status {
      if (reload) return Status::Ok();
      auto type = cases::ParseEventType(e.type);
      if (!type.ok() || IsDecisionType(*type)) {
        reload = true;
        return Status::Ok();
      }
      REUNITE_ASSIGN_OR_RETURN(std::optional<cases::Event> ce, RekeyEvent(*grown, e));
      if (ce) grown->input.events.push_back(std::move(*ce));
      grown->last_seq = e.seq;
      return Status::Ok();
    }));
    if (!reload) {
      grown->IndexEvents(file_->input.events.size());
      file_ = std::move(grown);
      return file_;
    }
  }
  REUNITE_ASSIGN_OR_RETURN(CaseFile loaded, LoadCaseFile(db, options_));
  file_ = std::make_shared<const CaseFile>(std::move(loaded));
  return file_;
}

void CaseFileCache::Invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  file_.reset();
}

}  // namespace reunite::service
