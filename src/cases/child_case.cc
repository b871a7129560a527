#include "cases/child_case.h"

#include <algorithm>

namespace reunite::cases {

std::string_view ParentLocationName(ParentLocation l) {
  switch (l) {
    case ParentLocation::kUnknown:
      return "unknown";
    case ParentLocation::kImmigrationCustody:
      return "immigration_custody";
    case ParentLocation::kCriminalCustody:
      return "criminal_custody";
    case ParentLocation::kReleasedInterior:
      return "released_interior";
    case ParentLocation::kRemoved:
      return "removed";
  }
  return "unknown";
}

namespace {

// Events on or before as_of, in time order (stable: same-day events keep input order).
std::vector<const Event*> Timeline(std::span<const Event> events, Date as_of) {
  std::vector<const Event*> out;
  for (const Event& e : events) {
    if (e.occurred_at <= as_of) out.push_back(&e);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Event* a, const Event* b) { return a->occurred_at < b->occurred_at; });
  return out;
}

bool IsCriminalAgency(const std::string& agency) {
  return agency == "prosecution" || agency == "marshals" || agency == "criminal";
}

// How one event of the parent moves their location; nullopt when it does not.
std::optional<ParentLocation> LocationAfter(const Event& e, ParentLocation current) {
  switch (e.type) {
    case EventType::kApprehended:
    case EventType::kDetained:
      return ParentLocation::kImmigrationCustody;
    case EventType::kSeparated:
      // Separation happens in border custody; it does not undo a prosecution referral.
      if (current == ParentLocation::kUnknown) return ParentLocation::kImmigrationCustody;
      return std::nullopt;
    case EventType::kCustodyTransferred:
      return IsCriminalAgency(e.custodian.agency) ? ParentLocation::kCriminalCustody
                                                  : ParentLocation::kImmigrationCustody;
    case EventType::kReferredForProsecution:
    case EventType::kCharged:
    case EventType::kCriminalCustody:
    case EventType::kSentenced:
      return ParentLocation::kCriminalCustody;
    case EventType::kReleased:
      return ParentLocation::kReleasedInterior;
    case EventType::kRemoved:
      return ParentLocation::kRemoved;
    default:
      return std::nullopt;
  }
}

}  // namespace

Result<ChildCase> BuildChildCase(const CaseInput& input) {
  if (input.child_id.empty()) return InvalidArgument("child case: empty child id");
  if (!input.as_of.IsValid()) return InvalidArgument("child case: invalid as-of date");
  ChildCase c;
  c.child_id = input.child_id;
  c.birth_date = input.child_birth_date;
  c.as_of = input.as_of;
  const std::vector<const Event*> timeline = Timeline(input.events, input.as_of);

  for (const Event* e : timeline) {
    if (e->type == EventType::kSeparated && e->Involves(c.child_id)) {
      c.separation = *e;
      break;
    }
  }

  // Relationships of this child, and the effective status of each as of as_of:
  // a parentage_verified event about the adult (alone or with the child)
  // upgrades asserted/disputed to verified. Refuted stays refuted.
  std::vector<Relationship> related;
  for (const Relationship& r : input.relationships) {
    if (r.child_id != c.child_id) continue;
    Relationship eff = r;
    if (eff.status_since && input.as_of < *eff.status_since) {
      eff.status = RelationshipStatus::kAsserted;
    }
    if (eff.status != RelationshipStatus::kRefuted) {
      for (const Event* e : timeline) {
        if (e->type == EventType::kParentageVerified && e->Involves(r.parent_id) &&
            (e->Involves(c.child_id) || e->subjects.size() == 1)) {
          eff.status = RelationshipStatus::kVerified;
        }
      }
    }
    related.push_back(std::move(eff));
  }
  std::vector<const Relationship*> candidates;
  for (const Relationship& r : related) {
    if (r.status != RelationshipStatus::kRefuted) {
      candidates.push_back(&r);
    } else if (!c.refuted_relationship) {
      c.refuted_relationship = r;
    }
  }
  c.all_relationships_refuted = !related.empty() && candidates.empty();

  auto has_separation = [&](const std::string& id) {
    return std::any_of(timeline.begin(), timeline.end(), [&](const Event* e) {
      return e->type == EventType::kSeparated && e->Involves(id);
    });
  };
  const Relationship* parent = nullptr;
  for (const Relationship* r : candidates) {
    if (c.separation && c.separation->Involves(r->parent_id)) parent = parent ? parent : r;
  }
  for (const Relationship* r : candidates) {
    if (!parent && has_separation(r->parent_id)) parent = r;
  }
  for (const Relationship* r : candidates) {
    if (!parent && r->status == RelationshipStatus::kVerified) parent = r;
  }
  if (!parent && !candidates.empty()) parent = candidates.front();
  if (parent) {
    c.parent_id = parent->parent_id;
    c.relationship = *parent;
  }

  const Date separated_on = c.separation ? c.separation->occurred_at : Date{};
  for (const Event* e : timeline) {
    const bool about_child = e->Involves(c.child_id);
    const bool about_parent = !c.parent_id.empty() && e->Involves(c.parent_id);
    if (about_parent) {
      if (e->type == EventType::kSeparated && !c.parent_separation) c.parent_separation = *e;
      if (std::optional<ParentLocation> next = LocationAfter(*e, c.parent_location)) {
        c.parent_location = *next;
        c.parent_location_event = *e;
        if (*next == ParentLocation::kRemoved) c.parent_removed_on = e->occurred_at;
      }
      if (e->type == EventType::kReunificationPreference) c.preference = *e;
    }
    if (!c.separation) continue;
    const bool after_separation = e->occurred_at >= separated_on;
    if (about_child && after_separation) {
      switch (e->type) {
        case EventType::kReunified:
          if (!c.reunified) c.reunified = *e;
          break;
        case EventType::kPlacedWithSponsor:
        case EventType::kAgedOut:
          c.discharged = *e;
          break;
        case EventType::kEligibilityDetermined:
          c.eligibility = *e;
          break;
        default:
          break;
      }
    }
    if ((about_child || about_parent) && after_separation && e->type == EventType::kPhoneContact) {
      c.phone_contacts.push_back(*e);
    }
  }
  return c;
}

}  // namespace reunite::cases
