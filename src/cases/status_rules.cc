#include "cases/status_rules.h"

#include <array>
#include <string>

namespace reunite::cases {
namespace {

StatusFinding Found(ReunificationStatus s, std::string reason, const std::optional<Event>& by) {
  StatusFinding f;
  f.status = s;
  f.reason = std::move(reason);
  if (by) {
    f.set_by_event = by->id;
    f.set_on = by->occurred_at;
  }
  return f;
}

bool Separated(const ChildCase& c) { return c.separation.has_value(); }

std::string StripPrefix(std::string s, std::string_view prefix) {
  if (s.rfind(prefix, 0) != 0) return s;
  s.erase(0, prefix.size());
  while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.erase(0, 1);
  return s;
}

// An eligibility event says "ineligible" by payload {"eligible": false} or by
// a reason starting with "ineligible" (the simulator's "ineligible: safety").
bool SaysIneligible(const Event& e) {
  if (e.payload.is_object() && e.payload.contains("eligible") &&
      e.payload["eligible"].is_boolean()) {
    return !e.payload["eligible"].get<bool>();
  }
  return e.reason.rfind("ineligible", 0) == 0;
}

std::string Wish(const Event& e) {
  std::string w = e.PayloadString("wish");
  if (w.empty()) w = e.reason;
  if (w == "waive" || w == "waived") return "waive";
  if (w == "decline" || w == "declined") return "decline";
  return w;
}

std::optional<StatusFinding> NotSeparated(const ChildCase& c) {
  if (Separated(c) || c.parent_separation) return std::nullopt;
  return Found(ReunificationStatus::kNotSeparated, "", std::nullopt);
}

std::optional<StatusFinding> Reunified(const ChildCase& c) {
  if (!c.reunified) return std::nullopt;
  std::string where = c.reunified->PayloadString("where");
  if (where != "in_country" && where != "abroad") {
    where = c.parent_removed_on && *c.parent_removed_on <= c.reunified->occurred_at ? "abroad"
                                                                                    : "in_country";
  }
  return Found(ReunificationStatus::kReunified, where, c.reunified);
}

std::optional<StatusFinding> DischargedOther(const ChildCase& c) {
  if (!c.discharged) return std::nullopt;
  return Found(ReunificationStatus::kDischargedOther,
               c.discharged->type == EventType::kAgedOut ? "aged_out" : "sponsor", c.discharged);
}

std::optional<StatusFinding> UnderReview(const ChildCase& c) {
  if (!Separated(c) && c.parent_separation) {
    return Found(ReunificationStatus::kSeparationUnderReview, "no_child_separation_record",
                 c.parent_separation);
  }
  if (Separated(c) && c.relationship && c.relationship->status == RelationshipStatus::kDisputed) {
    return Found(ReunificationStatus::kSeparationUnderReview, "relationship_disputed",
                 c.separation);
  }
  return std::nullopt;
}

std::optional<StatusFinding> Ineligible(const ChildCase& c) {
  if (c.eligibility && SaysIneligible(*c.eligibility)) {
    std::string reason = c.eligibility->PayloadString("reason");
    if (reason.empty()) reason = StripPrefix(c.eligibility->reason, "ineligible");
    StatusFinding f = Found(ReunificationStatus::kIneligible, reason, c.eligibility);
    f.decided_by = c.eligibility->actor;
    return f;
  }
  if (c.all_relationships_refuted) {
    StatusFinding f = Found(ReunificationStatus::kIneligible, "not_the_parent", c.separation);
    f.decided_by = c.refuted_relationship ? c.refuted_relationship->source : "";
    return f;
  }
  return std::nullopt;
}

std::optional<StatusFinding> ParentDeclined(const ChildCase& c) {
  if (!c.preference) return std::nullopt;
  const std::string wish = Wish(*c.preference);
  if (wish != "waive" && wish != "decline") return std::nullopt;
  return Found(ReunificationStatus::kParentDeclined, wish, c.preference);
}

std::optional<StatusFinding> ParentAt(const ChildCase& c, ParentLocation where,
                                      ReunificationStatus status) {
  if (c.parent_location != where) return std::nullopt;
  std::string reason;
  const Event& e = *c.parent_location_event;
  if (where == ParentLocation::kRemoved) {
    reason = e.PayloadString("country");
    if (reason.empty()) reason = e.custodian.facility;
  } else if (where == ParentLocation::kReleasedInterior) {
    reason = e.custodian.facility.empty() ? "interior" : e.custodian.facility;
  }
  return Found(status, reason, c.parent_location_event);
}

std::optional<StatusFinding> LocationUnknown(const ChildCase& c) {
  return Found(ReunificationStatus::kParentLocationUnknown,
               c.parent_id.empty() ? "no_parent_identified" : "no_parent_custody_record",
               c.separation);
}

const std::array<StatusRule, 11>& Table() {
  static const std::array<StatusRule, 11> kRules{{
      {"not_separated",
       "A child with no separation on record (theirs or their parent's) as of the date is not "
       "a case yet; reproducing an as-of date before the separation must say so.",
       NotSeparated},
      {"reunified",
       "Reunification is the outcome every order demands; once it happened nothing later "
       "(a sponsor placement, a parent's removal) changes that the child was returned.",
       Reunified},
      {"discharged_other",
       "A child released to a sponsor or aged out left federal custody without the parent; the "
       "case is closed to the shelter but must be reported apart from reunifications.",
       DischargedOther},
      {"possible_separation_under_review",
       "The 2018 records often lacked the child's separation marker or the parentage was "
       "disputed; such cases are flagged rather than silently counted or dropped.",
       UnderReview},
      {"ineligible",
       "A recorded decision (safety, not the parent, ...) or a refuted relationship stops the "
       "reunification clock; who decided is kept because the decision can be challenged.",
       Ineligible},
      {"parent_declined",
       "A parent who waived or declined reunification (their latest stated preference) is "
       "not overdue; a later wish to reunify reopens the case.",
       ParentDeclined},
      {"parent_removed",
       "A parent removed from the country is the hardest case (outreach abroad); the country "
       "is the reason.",
       [](const ChildCase& c) {
         return ParentAt(c, ParentLocation::kRemoved, ReunificationStatus::kParentRemoved);
       }},
      {"parent_in_criminal_custody",
       "A parent held by the Marshals or serving a sentence cannot receive the child until "
       "released.",
       [](const ChildCase& c) {
         return ParentAt(c, ParentLocation::kCriminalCustody,
                         ReunificationStatus::kParentInCriminalCustody);
       }},
      {"parent_in_immigration_custody",
       "A parent in border or immigration detention: reunification in custody is possible.",
       [](const ChildCase& c) {
         return ParentAt(c, ParentLocation::kImmigrationCustody,
                         ReunificationStatus::kParentInImmigrationCustody);
       }},
      {"parent_released",
       "A parent released into the interior must be found and vetted as the child's sponsor.",
       [](const ChildCase& c) {
         return ParentAt(c, ParentLocation::kReleasedInterior,
                         ReunificationStatus::kParentReleased);
       }},
      {"parent_location_unknown",
       "Catch-all: no identified parent, or no custody record for them; the case needs "
       "tracing before anything else.",
       LocationUnknown},
  }};
  return kRules;
}

}  // namespace

std::span<const StatusRule> StatusRules() { return Table(); }

StatusFinding DeriveStatus(const ChildCase& child_case) {
  for (const StatusRule& rule : StatusRules()) {
    if (std::optional<StatusFinding> f = rule.apply(child_case)) {
      f->rule = std::string(rule.id);
      return *f;
    }
  }
  StatusFinding f;  // unreachable: the last rule always applies
  f.status = ReunificationStatus::kParentLocationUnknown;
  return f;
}

}  // namespace reunite::cases
