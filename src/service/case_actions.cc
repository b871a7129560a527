#include "service/case_actions.h"

#include <algorithm>
#include <set>

#include "service/audit_trail.h"
#include "storage/hash_chain.h"

namespace reunite::service {
namespace {

using nlohmann::json;

class Fields {
 public:
  Fields(const json& body, std::string_view where) : body_(body), where_(where) {}

  Result<std::string> Text(std::string_view key, bool required) const {
    auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) {
      if (required)
        return InvalidArgument(where_ + ": field '" + std::string(key) + "' is missing");
      return std::string();
    }
    if (!it->is_string()) {
      return InvalidArgument(where_ + ": field '" + std::string(key) + "' must be a string");
    }
    return it->get<std::string>();
  }

  Result<Date> Day(std::string_view key) const {
    REUNITE_ASSIGN_OR_RETURN(std::string text, Text(key, true));
    auto d = Date::ParseIso(text);
    if (!d.ok()) {
      return InvalidArgument(where_ + ": field '" + std::string(key) + "' must be a date " +
                             "YYYY-MM-DD, got '" + text + "'");
    }
    return *d;
  }

 private:
  const json& body_;
  std::string where_;
};

template <typename T>
Result<std::vector<cases::Event>> Run(const cases::CaseState& state,
                                      const cases::CommandContext& ctx, const T& cmd) {
  if constexpr (std::is_same_v<T, cases::ContactAttempt>) {
    return cases::RecordContactAttempt(state, ctx, cmd);
  } else if constexpr (std::is_same_v<T, cases::PreferenceStatement>) {
    return cases::RecordPreference(state, ctx, cmd);
  } else if constexpr (std::is_same_v<T, cases::EligibilityDecision>) {
    return cases::RecordEligibility(state, ctx, cmd);
  } else if constexpr (std::is_same_v<T, cases::ParentageVerification>) {
    return cases::RecordParentageVerification(state, ctx, cmd);
  } else {
    return cases::RecordReunification(state, ctx, cmd);
  }
}

std::string ParentOf(const CaseAction& a) {
  return std::visit(
      [](const auto& c) -> std::string {
        if constexpr (requires { c.parent_id; }) {
          return c.parent_id;
        } else {
          return "";
        }
      },
      a.command);
}

}  // namespace

std::string_view CaseActionKind(const CaseAction& action) {
  switch (action.command.index()) {
    case 0:
      return "contact_attempt";
    case 1:
      return "preference";
    case 2:
      return "eligibility";
    case 3:
      return "parentage_verification";
    default:
      return "reunification";
  }
}

Result<CaseAction> CaseActionFromJson(const json& body, std::string_view where) {
  if (!body.is_object())
    return InvalidArgument(std::string(where) + ": the body must be an object");
  Fields f(body, where);
  CaseAction a;
  REUNITE_ASSIGN_OR_RETURN(std::string kind, f.Text("kind", true));
  REUNITE_ASSIGN_OR_RETURN(a.override_reason, f.Text("override_reason", false));
  REUNITE_ASSIGN_OR_RETURN(Date on, f.Day("on"));
  REUNITE_ASSIGN_OR_RETURN(std::string authority, f.Text("authority", false));
  if (kind == "contact_attempt") {
    cases::ContactAttempt c;
    REUNITE_ASSIGN_OR_RETURN(c.parent_id, f.Text("parent_id", true));
    REUNITE_ASSIGN_OR_RETURN(c.channel, f.Text("channel", true));
    REUNITE_ASSIGN_OR_RETURN(c.outcome, f.Text("outcome", true));
    c.on = on;
    c.authority = authority;
    a.command = c;
  } else if (kind == "preference") {
    cases::PreferenceStatement c;
    REUNITE_ASSIGN_OR_RETURN(c.parent_id, f.Text("parent_id", true));
    REUNITE_ASSIGN_OR_RETURN(c.wish, f.Text("wish", true));
    c.on = on;
    c.authority = authority;
    a.command = c;
  } else if (kind == "eligibility") {
    cases::EligibilityDecision c;
    auto it = body.find("eligible");
    if (it == body.end() || !it->is_boolean()) {
      return InvalidArgument(std::string(where) + ": field 'eligible' must be true or false");
    }
    c.eligible = it->get<bool>();
    REUNITE_ASSIGN_OR_RETURN(c.reason, f.Text("reason", false));
    c.on = on;
    c.authority = authority;
    a.command = c;
  } else if (kind == "parentage_verification") {
    cases::ParentageVerification c;
    REUNITE_ASSIGN_OR_RETURN(c.parent_id, f.Text("parent_id", true));
    REUNITE_ASSIGN_OR_RETURN(c.method, f.Text("method", true));
    c.on = on;
    a.command = c;
  } else if (kind == "reunification") {
    cases::Reunification c;
    REUNITE_ASSIGN_OR_RETURN(c.parent_id, f.Text("parent_id", true));
    REUNITE_ASSIGN_OR_RETURN(c.where, f.Text("where", true));
    c.on = on;
    c.authority = authority;
    a.command = c;
  } else {
    return InvalidArgument(std::string(where) + ": kind '" + kind +
                           "' is not one of contact_attempt, preference, eligibility, "
                           "parentage_verification, reunification");
  }
  return a;
}

json ActionOutcomeJson(const ActionOutcome& o) {
  json events = json::array();
  for (const storage::Event& e : o.events) {
    events.push_back({{"seq", e.seq},
                      {"type", e.type},
                      {"occurred_at", e.occurred_at},
                      {"subjects", json::parse(e.subjects, nullptr, false)}});
  }
  return {{"events", events}, {"status", cases::ChildStatusToJson(o.status)}};
}

cases::CaseState ChildState::View(const std::string& child_id, Date as_of) const {
  cases::CaseState s;
  s.child_id = child_id;
  s.child_birth_date = birth_date;
  s.events = events;
  s.relationships = relationships;
  s.as_of = as_of;
  return s;
}

Result<ChildState> ChildStateOf(const CaseFile& file, const std::string& child_id) {
  const CasePerson* child = file.FindPerson(child_id);
  if (child == nullptr) return NotFound("no resolved person '" + child_id + "'");
  ChildState s;
  std::set<std::string, std::less<>> people = {child_id};
  for (size_t i : file.RelationshipsOf(child_id)) {
    const cases::Relationship& r = file.input.relationships[i];
    if (r.child_id != child_id) continue;
    s.relationships.push_back(r);
    people.insert(r.parent_id);
  }
  std::set<size_t> events;  // ascending: the file's order
  for (const std::string& p : people) {
    for (size_t i : file.EventsOf(p)) events.insert(i);
  }
  s.events.reserve(events.size());
  for (size_t i : events) s.events.push_back(file.input.events[i]);
  if (const report::ReportPerson* p = file.FindReportPerson(child_id)) s.birth_date = p->birth_date;
  return s;
}

Result<ActionOutcome> CaseActions::Apply(storage::Connection& db, const Caller& caller,
                                         const std::string& child_id, const CaseAction& action,
                                         Date today) {
  if (!caller.role) {
    return PermissionDenied("case action: the caller has no role (admin or caseworker only)");
  }
  cases::CommandContext ctx{caller.username, *caller.role, today, action.override_reason};
  ActionOutcome out;
  Status s = storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_RETURN_IF_ERROR(storage::LockChainHead(db, "chain_head").status());
    REUNITE_ASSIGN_OR_RETURN(auto file, cache_.Current(db));
    REUNITE_ASSIGN_OR_RETURN(ChildState state, ChildStateOf(*file, child_id));
    REUNITE_ASSIGN_OR_RETURN(
        std::vector<cases::Event> produced,
        std::visit([&](const auto& cmd) { return Run(state.View(child_id, today), ctx, cmd); },
                   action.command));
    std::vector<storage::EventDraft> drafts;
    for (const cases::Event& e : produced) drafts.push_back(StoredDraftFromCase(e));
    storage::EventLog log(db);
    REUNITE_ASSIGN_OR_RETURN(out.events, log.AppendInTransaction(drafts));
    std::vector<std::string> subjects = {child_id};
    if (std::string parent = ParentOf(action); !parent.empty()) subjects.push_back(parent);
    std::string detail(CaseActionKind(action));
    if (!action.override_reason.empty()) detail += " (override)";
    return RecordAuditInTransaction(db, caller, subjects, "ok", detail);
  });
  if (!s.ok()) return s;
  REUNITE_ASSIGN_OR_RETURN(auto file, cache_.Current(db));
  REUNITE_ASSIGN_OR_RETURN(ChildState state, ChildStateOf(*file, child_id));
  REUNITE_ASSIGN_OR_RETURN(out.status,
                           cases::EvaluateChild(state.View(child_id, today), file->input.orders));
  return out;
}

}  // namespace reunite::service
