#include "cases/commands.h"

#include <algorithm>
#include <array>

#include "cases/status_rules.h"

namespace reunite::cases {
namespace {

// The state a command validates against, and the overridable rules it broke.
class Validation {
 public:
  explicit Validation(const CommandContext& ctx) : ctx_(ctx) {}

  // Checks an overridable rule: error unless an admin gave a reason.
  Status Rule(bool violated, std::string_view id, const std::string& message) {
    if (!violated) return Status::Ok();
    if (ctx_.override_reason.empty()) {
      return FailedPrecondition(message + " (rule '" + std::string(id) +
                                "'; an admin may override it with a reason)");
    }
    overridden_.emplace_back(id);
    return Status::Ok();
  }

  Event NewEvent(EventType type, Date on, std::vector<std::string> subjects,
                 std::string authority) const {
    Event e;
    e.type = type;
    e.occurred_at = on;
    e.subjects = std::move(subjects);
    e.actor = ctx_.actor_id;
    e.authority = std::move(authority);
    if (!overridden_.empty()) {
      e.payload["override"] = {{"reason", ctx_.override_reason}, {"rules", overridden_}};
    }
    return e;
  }

  ChildCase child_case;
  StatusFinding status;

 private:
  const CommandContext& ctx_;
  std::vector<std::string> overridden_;
};

// Role, date and separation checks shared by every command.
Status Begin(const CaseState& state, const CommandContext& ctx, Date on, std::string_view command,
             Validation& v) {
  if (!MayAct(ctx.role)) {
    return PermissionDenied(std::string(command) + ": role '" + std::string(RoleName(ctx.role)) +
                            "' may not record actions (admin or caseworker only)");
  }
  if (!ctx.override_reason.empty() && !MayOverride(ctx.role)) {
    return PermissionDenied(std::string(command) + ": only an admin may override a rule");
  }
  if (!on.IsValid()) return InvalidArgument(std::string(command) + ": invalid date");
  if (!ctx.today.IsValid()) return InvalidArgument(std::string(command) + ": invalid today");
  if (on > ctx.today) {
    return InvalidArgument(std::string(command) + ": date " + on.ToIso() +
                           " is in the future (today is " + ctx.today.ToIso() + ")");
  }
  CaseInput now = state;
  now.as_of = ctx.today;
  Result<ChildCase> c = BuildChildCase(now);
  if (!c.ok()) return c.status().WithContext(command);
  v.child_case = std::move(c).value();
  v.status = DeriveStatus(v.child_case);
  if (v.status.status == ReunificationStatus::kNotSeparated) {
    return FailedPrecondition(std::string(command) + ": child " + state.child_id +
                              " has no separation on record");
  }
  const Date separated_on = v.child_case.separation ? v.child_case.separation->occurred_at
                                                    : v.child_case.parent_separation->occurred_at;
  if (on < separated_on) {
    return InvalidArgument(std::string(command) + ": date " + on.ToIso() +
                           " is before the separation on " + separated_on.ToIso());
  }
  return Status::Ok();
}

Result<Relationship> RelationshipTo(const CaseState& state, const std::string& parent_id,
                                    std::string_view command) {
  if (parent_id.empty()) return InvalidArgument(std::string(command) + ": parent id is empty");
  for (const Relationship& r : state.relationships) {
    if (r.child_id == state.child_id && r.parent_id == parent_id) return r;
  }
  return FailedPrecondition(std::string(command) + ": no relationship between adult " + parent_id +
                            " and child " + state.child_id);
}

Status NotYetReunified(const Validation& v, std::string_view command) {
  if (!v.child_case.reunified) return Status::Ok();
  return FailedPrecondition(
      std::string(command) + ": child " + v.child_case.child_id + " was already reunified on " +
      v.child_case.reunified->occurred_at.ToIso() + " (event " + v.child_case.reunified->id + ")");
}

template <size_t N>
Status OneOf(const std::array<std::string_view, N>& allowed, const std::string& value,
             std::string_view command, std::string_view field) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return Status::Ok();
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return InvalidArgument(std::string(command) + ": " + std::string(field) + " '" + value +
                         "' is not one of " + list);
}

bool ParentWasReached(const CaseState& state, const std::string& parent_id, Date until) {
  return std::any_of(state.events.begin(), state.events.end(), [&](const Event& e) {
    if (!e.Involves(parent_id) || e.occurred_at > until) return false;
    return e.type == EventType::kPhoneContact || e.type == EventType::kLocated ||
           (e.type == EventType::kContactAttempt && e.PayloadString("outcome") == "reached");
  });
}

constexpr std::array<std::string_view, 6> kChannels{"phone",     "whatsapp", "video",
                                                    "in_person", "letter",   "email"};
constexpr std::array<std::string_view, 3> kVoiceChannels{"phone", "whatsapp", "video"};
constexpr std::array<std::string_view, 4> kWishes{"reunify", "waive", "decline", "undecided"};
constexpr std::array<std::string_view, 2> kMethods{"documents", "dna"};
constexpr std::array<std::string_view, 2> kWhere{"in_country", "abroad"};

}  // namespace

Result<std::vector<Event>> RecordContactAttempt(const CaseState& state, const CommandContext& ctx,
                                                const ContactAttempt& cmd) {
  constexpr std::string_view kCmd = "contact attempt";
  Validation v(ctx);
  REUNITE_RETURN_IF_ERROR(Begin(state, ctx, cmd.on, kCmd, v));
  REUNITE_RETURN_IF_ERROR(OneOf(kChannels, cmd.channel, kCmd, "channel"));
  if (cmd.outcome.empty()) return InvalidArgument(std::string(kCmd) + ": outcome is empty");
  REUNITE_RETURN_IF_ERROR(RelationshipTo(state, cmd.parent_id, kCmd).status());
  std::vector<Event> out;
  Event attempt = v.NewEvent(EventType::kContactAttempt, cmd.on, {cmd.parent_id, state.child_id},
                             cmd.authority);
  attempt.custodian.facility = cmd.channel;
  attempt.payload["channel"] = cmd.channel;
  attempt.payload["outcome"] = cmd.outcome;
  out.push_back(attempt);
  const bool voice =
      std::find(kVoiceChannels.begin(), kVoiceChannels.end(), cmd.channel) != kVoiceChannels.end();
  if (voice && cmd.outcome == "reached") {
    Event call = v.NewEvent(EventType::kPhoneContact, cmd.on, {cmd.parent_id, state.child_id},
                            cmd.authority);
    call.payload["channel"] = cmd.channel;
    out.push_back(std::move(call));
  }
  return out;
}

Result<std::vector<Event>> RecordPreference(const CaseState& state, const CommandContext& ctx,
                                            const PreferenceStatement& cmd) {
  constexpr std::string_view kCmd = "reunification preference";
  Validation v(ctx);
  REUNITE_RETURN_IF_ERROR(Begin(state, ctx, cmd.on, kCmd, v));
  REUNITE_RETURN_IF_ERROR(OneOf(kWishes, cmd.wish, kCmd, "wish"));
  REUNITE_ASSIGN_OR_RETURN(Relationship rel, RelationshipTo(state, cmd.parent_id, kCmd));
  REUNITE_RETURN_IF_ERROR(NotYetReunified(v, kCmd));
  REUNITE_RETURN_IF_ERROR(v.Rule(rel.status == RelationshipStatus::kRefuted, "relationship_refuted",
                                 std::string(kCmd) + ": the relationship of " + cmd.parent_id +
                                     " to " + state.child_id + " is refuted"));
  const bool gives_up = cmd.wish == "waive" || cmd.wish == "decline";
  REUNITE_RETURN_IF_ERROR(v.Rule(gives_up && !ParentWasReached(state, cmd.parent_id, cmd.on),
                                 "no_contact",
                                 std::string(kCmd) + ": a " + cmd.wish +
                                     " needs a recorded contact with parent " + cmd.parent_id));
  Event e = v.NewEvent(EventType::kReunificationPreference, cmd.on, {cmd.parent_id, state.child_id},
                       cmd.authority);
  e.reason = cmd.wish;
  e.payload["wish"] = cmd.wish;
  return std::vector<Event>{std::move(e)};
}

Result<std::vector<Event>> RecordEligibility(const CaseState& state, const CommandContext& ctx,
                                             const EligibilityDecision& cmd) {
  constexpr std::string_view kCmd = "eligibility decision";
  Validation v(ctx);
  REUNITE_RETURN_IF_ERROR(Begin(state, ctx, cmd.on, kCmd, v));
  if (!cmd.eligible && cmd.reason.empty()) {
    return InvalidArgument(std::string(kCmd) +
                           ": an ineligible decision needs a reason (safety, not_the_parent, ...)");
  }
  REUNITE_RETURN_IF_ERROR(NotYetReunified(v, kCmd));
  Event e = v.NewEvent(EventType::kEligibilityDetermined, cmd.on, {state.child_id}, cmd.authority);
  e.reason = cmd.eligible ? "eligible" : "ineligible: " + cmd.reason;
  e.payload["eligible"] = cmd.eligible;
  if (!cmd.reason.empty()) e.payload["reason"] = cmd.reason;
  return std::vector<Event>{std::move(e)};
}

Result<std::vector<Event>> RecordParentageVerification(const CaseState& state,
                                                       const CommandContext& ctx,
                                                       const ParentageVerification& cmd) {
  constexpr std::string_view kCmd = "parentage verification";
  Validation v(ctx);
  REUNITE_RETURN_IF_ERROR(Begin(state, ctx, cmd.on, kCmd, v));
  REUNITE_RETURN_IF_ERROR(OneOf(kMethods, cmd.method, kCmd, "method"));
  REUNITE_ASSIGN_OR_RETURN(Relationship rel, RelationshipTo(state, cmd.parent_id, kCmd));
  REUNITE_RETURN_IF_ERROR(v.Rule(rel.status == RelationshipStatus::kRefuted, "relationship_refuted",
                                 std::string(kCmd) + ": the relationship of " + cmd.parent_id +
                                     " to " + state.child_id + " is refuted"));
  Event e = v.NewEvent(EventType::kParentageVerified, cmd.on, {cmd.parent_id, state.child_id}, "");
  e.reason = cmd.method;
  e.payload["method"] = cmd.method;
  return std::vector<Event>{std::move(e)};
}

Result<std::vector<Event>> RecordReunification(const CaseState& state, const CommandContext& ctx,
                                               const Reunification& cmd) {
  constexpr std::string_view kCmd = "reunification";
  Validation v(ctx);
  REUNITE_RETURN_IF_ERROR(Begin(state, ctx, cmd.on, kCmd, v));
  REUNITE_RETURN_IF_ERROR(OneOf(kWhere, cmd.where, kCmd, "where"));
  REUNITE_ASSIGN_OR_RETURN(Relationship rel, RelationshipTo(state, cmd.parent_id, kCmd));
  REUNITE_RETURN_IF_ERROR(NotYetReunified(v, kCmd));
  const std::string pair = cmd.parent_id + " to " + state.child_id;
  REUNITE_RETURN_IF_ERROR(
      v.Rule(rel.status == RelationshipStatus::kRefuted, "relationship_refuted",
             std::string(kCmd) + ": the relationship of " + pair + " is refuted"));
  const bool disputed =
      rel.status == RelationshipStatus::kDisputed &&
      !(v.child_case.relationship && v.child_case.relationship->parent_id == cmd.parent_id &&
        v.child_case.relationship->status == RelationshipStatus::kVerified);
  REUNITE_RETURN_IF_ERROR(v.Rule(disputed, "relationship_disputed",
                                 std::string(kCmd) + ": the relationship of " + pair +
                                     " is disputed; verify parentage first"));
  REUNITE_RETURN_IF_ERROR(v.Rule(v.status.status == ReunificationStatus::kIneligible, "ineligible",
                                 std::string(kCmd) + ": child " + state.child_id +
                                     " was found ineligible (" + v.status.reason + ")"));
  REUNITE_RETURN_IF_ERROR(v.Rule(v.status.status == ReunificationStatus::kParentDeclined,
                                 "parent_declined",
                                 std::string(kCmd) + ": the parent stated '" + v.status.reason +
                                     "' (event " + v.status.set_by_event + ")"));
  Event e =
      v.NewEvent(EventType::kReunified, cmd.on, {state.child_id, cmd.parent_id}, cmd.authority);
  e.payload["where"] = cmd.where;
  e.payload["parent"] = cmd.parent_id;
  return std::vector<Event>{std::move(e)};
}

}  // namespace reunite::cases
