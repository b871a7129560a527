#include "synth/custody_simulation.h"

#include <algorithm>
#include <cmath>

namespace reunite::synth {
namespace {

constexpr Date kEoDate{2018, 6, 20};
constexpr Date kZtDate{2018, 4, 6};
constexpr Date kFuDate{2018, 5, 4};
constexpr Date kPilotStart{2017, 7, 1};
constexpr Date kPilotEnd{2017, 11, 30};
constexpr Date kOutreachStart{2018, 8, 1};

bool Before(const Date& a, const Date& b) { return a.ToDays() < b.ToDays(); }
Date Later(const Date& a, int64_t lo, int64_t hi, Rng& rng) {
  return a.AddDays(rng.Between(lo, hi));
}
Date MinValid(const Date& a, const Date& b) {
  if (!a.IsValid()) return b;
  if (!b.IsValid()) return a;
  return Before(a, b) ? a : b;
}

struct Policy {
  std::string_view directive;  // empty: no referral policy for family units
  double referral = 0;
  double decline = 0;
  bool age_declines = false;  // young children make prosecutors decline
};

Policy PolicyOn(const Date& d, int sector) {
  const bool el_paso = Sectors()[sector].code == "EPT" || Sectors()[sector].code == "LBS";
  if (el_paso && InWindow(d, kPilotStart, kPilotEnd)) return {kElPasoInitiative, 0.55, 0.25, true};
  if (InWindow(d, kZtDate, kFuDate.AddDays(-1))) return {kZeroTolerance, 0.50, 0.15, true};
  if (InWindow(d, kFuDate, kEoDate.AddDays(-1))) return {kNoAgeDeclinations, 0.75, 0.05, false};
  return {};
}

class Simulator {
 public:
  Simulator(Rng& rng, const ScenarioOptions& o, Family& f) : rng_(rng), o_(o), f_(f) {}

  void Run();

 private:
  void Event(int m, const Date& d, std::string_view type, std::string_view agency,
             std::string place, std::string_view directive = {}, std::string decider = {},
             std::string reason = {}) {
    f_.events.push_back(
        {m, d, type, agency, std::move(place), directive, std::move(decider), std::move(reason)});
  }
  std::string SectorPlace() const {
    const Sector& s = Sectors()[f_.sector];
    return std::string(s.code) + "/" + std::string(s.stations[f_.station]);
  }
  std::string Prosecutor() {
    return "AUSA " +
           OfficialName(static_cast<uint64_t>(Sectors()[f_.sector].district) * 8 + rng_.Below(8));
  }
  std::string Agent() {
    return "SBPA " + OfficialName(100 + static_cast<uint64_t>(f_.sector) * 6 + rng_.Below(6));
  }
  std::string NextDecisionId() {
    return f_.family_unit_id + "-D" + std::to_string(f_.decisions.size() + 1);
  }
  std::vector<int> Children() const {
    std::vector<int> out;
    for (size_t i = 0; i < f_.persons.size(); ++i) {
      if (f_.persons[i].role == Role::kChild) out.push_back(static_cast<int>(i));
    }
    return out;
  }

  // Adult custody after separation or processing: returns the date the adult
  // left detention (invalid if still detained at snapshot) and how.
  struct AdultOutcome {
    Date out;
    bool removed = false;
    bool in_criminal_custody_until_set = false;
    Date detained_from;
  };
  AdultOutcome DetainAdult(int m, const Date& book_in, bool family_facility);
  void Prosecute(int m, const Date& decided, std::string_view directive, Date& released_from_usms);
  void ChildToShelter(int child, int adult, const Date& separated, bool class_member,
                      const AdultOutcome& parent);
  void RemoveAdult(int m, const Date& when, const std::vector<int>& children_left);
  void Outreach(int parent, const Date& removed, Date& reached, std::string_view& wish);
  void FinishChildStay(ShelterStay& stay, const Date& discharge, std::string_view type,
                       std::string_view relation);
  void FinalizeAgainstSnapshot();

  void DecideDetentionReunion(int adult, const Date& base);

  Rng& rng_;
  const ScenarioOptions& o_;
  Family& f_;
  int facility_ = 0;
  std::string prosecutor_;
  int youngest_separated_age_ = 17;
  // Per separated parent (one per family): outreach and reunification in detention.
  bool outreach_done_ = false;
  Date reached_;
  std::string_view wish_;
  bool detention_decided_ = false;
  Date detention_reunion_;  // invalid: no reunification in detention
  Date detention_release_;
  bool detention_removed_ = false;
  int detention_facility_ = 6;
};

void Simulator::DecideDetentionReunion(int adult, const Date& base) {
  detention_decided_ = true;
  if (!rng_.Chance(0.93)) return;  // found ineligible (safety) or parent declined in detention
  Date call = Later(base, 1, rng_.Chance(0.85) ? kPhoneContactDays : 25, rng_);
  // The detention facility arranges the call: a parent still serving a
  // sentence calls once booked in.
  bool detained_then = false;
  Date next_book_in;
  for (const IceStay& s : f_.ice) {
    if (s.member != adult) continue;
    if (!Before(call, s.book_in) && (!s.book_out.IsValid() || !Before(s.book_out, call))) {
      detained_then = true;
    } else if (Before(call, s.book_in) &&
               (!next_book_in.IsValid() || Before(s.book_in, next_book_in))) {
      next_book_in = s.book_in;
    }
  }
  if (!detained_then && next_book_in.IsValid()) call = next_book_in;
  Event(adult, call, "phone_contact", "immigration", std::string(Facilities()[facility_].name),
        kCourtOrderId);
  const bool young = youngest_separated_age_ < 5;
  const bool on_time = rng_.Chance(young ? 0.88 : 0.85);
  const int limit = young ? kDeadlineUnder5Days : kDeadline5To17Days;
  detention_reunion_ =
      on_time ? Later(base, limit / 3, limit, rng_) : Later(base, limit + 1, limit + 45, rng_);
  // A parent still serving a sentence is reunited only once booked into detention.
  for (const IceStay& s : f_.ice) {
    if (s.member == adult && !Before(s.book_in, detention_reunion_)) {
      detention_reunion_ = Later(s.book_in, 1, 5, rng_);
    }
  }
  // The order halts removal: the parent's last booking ends in a transfer to a family facility.
  for (IceStay& s : f_.ice) {
    if (s.member == adult && s.book_out_reason != "TRANSFERRED") {
      s.book_out = detention_reunion_;
      s.book_out_reason = "TRANSFERRED";
      s.removal_country = {};
    }
  }
  detention_facility_ = 6 + static_cast<int>(rng_.Below(3));
  detention_release_ = Later(detention_reunion_, 3, 25, rng_);
  detention_removed_ = rng_.Chance(0.15);
  f_.ice.push_back({adult, detention_facility_, detention_reunion_, detention_release_,
                    detention_removed_ ? "REMOVED" : "RELEASED",
                    detention_removed_ ? f_.nationality : std::string_view{}});
  Event(adult, detention_reunion_, "reunified", "immigration",
        std::string(Facilities()[detention_facility_].name), kCourtOrderId);
  Event(adult, detention_release_, detention_removed_ ? "removed" : "released", "immigration",
        detention_removed_ ? std::string(f_.nationality) : "interior");
}

Simulator::AdultOutcome Simulator::DetainAdult(int m, const Date& book_in, bool family_facility) {
  AdultOutcome out;
  out.detained_from = book_in;
  int facility =
      family_facility ? 6 + static_cast<int>(rng_.Below(3)) : AdultFacilityFor(f_.sector);
  IceStay stay{m, facility, book_in, {}, {}, {}};
  Event(m, book_in, "detained", "immigration", std::string(Facilities()[facility].name));
  // A transfer between facilities now and then: a second booking.
  if (!family_facility && rng_.Chance(0.10)) {
    stay.book_out = Later(book_in, 3, 20, rng_);
    stay.book_out_reason = "TRANSFERRED";
    f_.ice.push_back(stay);
    facility = 5 - facility % 3;
    stay = IceStay{m, facility, f_.ice.back().book_out, {}, {}, {}};
    Event(m, stay.book_in, "custody_transferred", "immigration",
          std::string(Facilities()[facility].name));
  }
  const double u = rng_.Uniform();
  if (u < 0.40) {
    out.out = Later(stay.book_in, 15, 80, rng_);
    out.removed = true;
  } else if (u < 0.70) {
    out.out = Later(stay.book_in, 5, 60, rng_);
  } else {
    out.out = Later(stay.book_in, 90, 200, rng_);
    out.removed = rng_.Chance(0.5);
  }
  stay.book_out = out.out;
  stay.book_out_reason = out.removed ? "REMOVED" : "RELEASED";
  stay.removal_country = out.removed ? f_.nationality : std::string_view{};
  f_.ice.push_back(stay);
  facility_ = facility;
  return out;
}

void Simulator::Prosecute(int m, const Date& decided, std::string_view directive,
                          Date& released_from_usms) {
  ProsecutionCase c;
  c.member = m;
  c.sector = f_.sector;
  c.filed = decided;
  c.prosecutor = prosecutor_;  // the AUSA who accepted the referral charges it
  const double u = rng_.Uniform();
  const District& district = Districts()[Sectors()[f_.sector].district];
  Event(m, decided, "charged", "prosecution", std::string(district.name), directive, c.prosecutor,
        "8 U.S.C. 1325(a)");
  Event(m, decided, "criminal_custody", "marshals", "USMS " + std::string(district.name));
  if (u < 0.85) {
    c.plea = "Guilty";
    c.disposition = "Time served";
    c.disposition_date = Later(decided, 0, 2, rng_);
    released_from_usms = c.disposition_date;
  } else if (u < 0.95) {
    c.plea = "Guilty";
    const int days = static_cast<int>(rng_.Between(10, 75));
    c.disposition = std::to_string(days) + " days";
    c.disposition_date = Later(decided, 1, 3, rng_);
    released_from_usms = c.disposition_date.AddDays(days);
  } else {
    c.plea = "Not guilty";
    c.disposition = "Dismissed";
    c.disposition_date = Later(decided, 1, 5, rng_);
    released_from_usms = c.disposition_date;
  }
  Event(m, c.disposition_date, "sentenced", "prosecution", std::string(district.name), directive,
        c.prosecutor, c.disposition);
  f_.cases.push_back(std::move(c));
}

void Simulator::RemoveAdult(int m, const Date& when, const std::vector<int>& children_left) {
  Decision d;
  d.decision_id = NextDecisionId();
  d.type = "removal";
  d.date = when.AddDays(-static_cast<int64_t>(rng_.Between(1, 10)));
  const bool expedited = rng_.Chance(0.6);
  d.decider = expedited ? "SDDO " + OfficialName(200 + rng_.Below(12))
                        : "IJ " + OfficialName(300 + rng_.Below(12));
  d.district = std::string(Sectors()[f_.sector].immigration_court);
  d.subject = m;
  d.affected_children = children_left;
  d.outcome = expedited ? "expedited_removal" : "removal_order";
  f_.decisions.push_back(std::move(d));
  Event(m, when, "removed", "immigration", std::string(f_.nationality));
  // Some removed adults try again.
  if (rng_.Chance(0.05)) {
    const Date again = Later(when, 30, 200, rng_);
    f_.reentries.emplace_back(m, again);
    Event(m, again, "apprehended", "border", "re-entry");
  }
}

void Simulator::FinishChildStay(ShelterStay& stay, const Date& discharge, std::string_view type,
                                std::string_view relation) {
  stay.discharge = discharge;
  stay.discharge_type = type;
  stay.sponsor_relation = relation;
}

void Simulator::Outreach(int parent, const Date& removed, Date& reached, std::string_view& wish) {
  Date d = Later(std::max(kOutreachStart, removed.AddDays(7)), 0, 75, rng_);
  const int attempts = static_cast<int>(rng_.Between(1, 6));
  const bool reach = rng_.Chance(0.85);
  constexpr std::string_view kFailures[] = {"no answer", "number disconnected", "wrong number",
                                            "message left"};
  for (int i = 0; i < attempts; ++i) {
    const bool last = i + 1 == attempts;
    OutreachAttempt a{parent,
                      d,
                      rng_.Chance(0.8)   ? "phone"
                      : rng_.Chance(0.5) ? "whatsapp"
                                         : "in person",
                      {},
                      {}};
    if (last && reach) {
      a.outcome = "reached";
      const double w = rng_.Uniform();
      a.wish = w < 0.55 ? "reunify" : w < 0.90 ? "waive" : "undecided";
      reached = d;
      wish = a.wish;
      Event(parent, d, "located", "ngo", std::string(f_.home.village));
      Event(parent, d, "reunification_preference", "ngo", std::string(f_.home.village),
            kCourtOrderId, "", std::string(a.wish));
    } else {
      a.outcome = kFailures[rng_.Below(4)];
      Event(parent, d, "contact_attempt", "ngo", std::string(a.channel), {}, "",
            std::string(a.outcome));
    }
    f_.outreach.push_back(a);
    d = Later(d, 3, 20, rng_);
  }
}

void Simulator::ChildToShelter(int child, int adult, const Date& separated, bool class_member,
                               const AdultOutcome& parent) {
  Person& c = f_.persons[child];
  ShelterStay stay;
  stay.member = child;
  stay.parent = adult;
  stay.shelter = static_cast<int>(rng_.Below(Shelters().size()));
  stay.referral = Later(separated, 1, 4, rng_);
  Event(child, stay.referral, "custody_transferred", "shelter",
        std::string(Shelters()[stay.shelter].name));
  // A transfer between shelters: a second referral row.
  if (rng_.Chance(0.05)) {
    ShelterStay first = stay;
    first.discharge = Later(stay.referral, 7, 40, rng_);
    first.discharge_type = "Transfer";
    f_.shelter.push_back(first);
    stay.shelter = (stay.shelter + 1 + static_cast<int>(rng_.Below(Shelters().size() - 1))) %
                   static_cast<int>(Shelters().size());
    stay.referral = first.discharge;
    Event(child, stay.referral, "custody_transferred", "shelter",
          std::string(Shelters()[stay.shelter].name));
  }
  // Nothing leaves the shelter before the child arrives there.
  const Date floor = stay.referral.AddDays(1);
  auto at_least = [&floor](const Date& d) { return Before(d, floor) ? floor : d; };
  const Date age_out = at_least(
      Date{c.dob.year + 18, c.dob.month, c.dob.month == 2 && c.dob.day == 29 ? 28 : c.dob.day});
  constexpr std::string_view kRelations[] = {"Uncle",  "Aunt",          "Grandparent", "Sibling",
                                             "Cousin", "Family friend", "Other parent"};
  Date sponsor;
  std::string_view relation;
  if (rng_.Chance(class_member ? 0.30 : 0.60)) {
    sponsor = stay.referral.AddDays(25 + static_cast<int64_t>(-std::log(1 - rng_.Uniform()) * 50));
    relation = kRelations[rng_.Below(std::size(kRelations))];
  }
  Date to_parent;  // released to the parent as sponsor before the order
  if (class_member && !parent.removed && parent.out.IsValid() && rng_.Chance(0.6)) {
    to_parent = Later(std::max(stay.referral, parent.out), 15, 75, rng_);
  }
  Date discharge = MinValid(MinValid(age_out, sponsor), to_parent);
  std::string_view type = discharge == age_out     ? "Aged out"
                          : discharge == to_parent ? "Parent"
                                                   : "Sponsor";
  std::string_view rel = type == "Sponsor" ? relation : type == "Parent" ? "Parent" : "";

  // The court order: class members still in care when the clock starts.
  const Date base = std::max(kCourtOrderDate, separated);
  if (class_member && !Before(discharge, base)) {
    const bool detained = !Before(parent.out, base);
    if (parent.removed && !detained) {
      if (!outreach_done_) {
        outreach_done_ = true;
        Outreach(adult, parent.out, reached_, wish_);
      }
      if (wish_ == "reunify") {
        const Date reunified = at_least(Later(reached_, 30, 120, rng_));
        if (Before(reunified, discharge)) {
          discharge = reunified;
          type = "Repatriated";
          rel = "Parent";
          Event(child, reunified, "reunified", "shelter", std::string(f_.home.village),
                kCourtOrderId);
        }
      } else if (wish_ == "waive") {
        const Date placed = at_least(Later(reached_, 20, 90, rng_));
        if (Before(placed, discharge)) {
          discharge = placed;
          type = "Sponsor";
          rel = kRelations[rng_.Below(std::size(kRelations) - 1)];
        }
      }
    } else if (detained) {
      if (!detention_decided_) DecideDetentionReunion(adult, base);
      if (detention_reunion_.IsValid() && Before(detention_reunion_, discharge)) {
        discharge = at_least(detention_reunion_);
        type = "Parent";
        rel = "Parent";
        Event(child, discharge, "reunified", "immigration",
              std::string(Facilities()[detention_facility_].name), kCourtOrderId);
        Event(child, detention_release_, detention_removed_ ? "removed" : "released", "immigration",
              detention_removed_ ? std::string(f_.nationality) : "interior");
      } else if (!detention_reunion_.IsValid()) {
        Event(child, Later(base, 5, 30, rng_), "eligibility_determined", "shelter",
              std::string(Shelters()[stay.shelter].name), kCourtOrderId, "", "ineligible: safety");
      }
    } else if (rng_.Chance(0.85)) {
      const Date reunified = at_least(Later(base, 20, 100, rng_));
      if (Before(reunified, discharge)) {
        discharge = reunified;
        type = "Parent";
        rel = "Parent";
        Event(child, reunified, "reunified", "shelter", "interior", kCourtOrderId);
      }
    }
  }
  if (discharge.IsValid()) {
    FinishChildStay(stay, discharge, type, rel);
    if (type == "Aged out") {
      Event(child, discharge, "aged_out", "shelter", std::string(Shelters()[stay.shelter].name));
      IceStay s{child,      AdultFacilityFor(f_.sector),
                discharge,  Later(discharge, 1, 30, rng_),
                "RELEASED", {}};
      f_.ice.push_back(s);
      Event(child, discharge, "detained", "immigration",
            std::string(Facilities()[s.facility].name));
      Event(child, s.book_out, "released", "immigration", "interior");
    } else if (type == "Sponsor") {
      Event(child, discharge, "placed_with_sponsor", "shelter", std::string(rel));
    } else if (type == "Parent" && to_parent == discharge) {
      Event(child, discharge, "reunified", "shelter", "interior");
    }
  }
  f_.shelter.push_back(stay);
}

void Simulator::Run() {
  const Date d = f_.apprehended;
  for (size_t i = 0; i < f_.persons.size(); ++i) {
    Event(static_cast<int>(i), d, "apprehended", "border", SectorPlace());
  }
  const std::vector<int> children = Children();
  int primary = -1, second = -1, sibling = -1;
  for (size_t i = 0; i < f_.persons.size(); ++i) {
    const Role r = f_.persons[i].role;
    if (r == Role::kParent || r == Role::kGrandparent) {
      if (primary < 0) {
        primary = static_cast<int>(i);
      } else {
        second = static_cast<int>(i);
      }
    } else if (r == Role::kAdultSibling) {
      sibling = static_cast<int>(i);
    }
  }
  // In a two-parent unit the father is the one referred (the first adult is the mother).
  int candidate = second >= 0 && rng_.Chance(0.8) ? second : primary;
  const int other = candidate == primary ? second : primary;

  // Decide the separation of the candidate adult.
  const Policy policy = PolicyOn(d, f_.sector);
  const bool grandparent = f_.persons[primary].role == Role::kGrandparent;
  SeparationReason reason = SeparationReason::kNone;
  std::string_view directive = kStandingPractice;
  Date decided = Later(d, 0, 1, rng_);
  bool false_fraud = false;
  std::string reason_text;
  if (grandparent && rng_.Chance(0.65)) {
    reason = SeparationReason::kNotTheParent;
    reason_text = "adult is not the parent";
  } else if (!policy.directive.empty() && rng_.Chance(policy.referral)) {
    f_.persons[candidate].referred = true;
    int youngest = 17;
    for (int c : children) youngest = std::min(youngest, f_.persons[c].age);
    const double decline = policy.decline + (policy.age_declines && youngest < 5 ? 0.45 : 0.0);
    const bool accepted = !rng_.Chance(decline);
    Event(candidate, d, "referred_for_prosecution", "border", SectorPlace(), policy.directive,
          Agent());
    Decision dec;
    dec.decision_id = NextDecisionId();
    dec.type = "prosecution";
    dec.date = decided;
    dec.decider = Prosecutor();
    prosecutor_ = dec.decider;
    dec.district = std::string(Districts()[Sectors()[f_.sector].district].name);
    dec.directive = policy.directive;
    dec.subject = candidate;
    dec.affected_children = children;
    dec.outcome = accepted ? "accepted" : "declined";
    dec.reason = accepted ? "8 U.S.C. 1325(a)"
                          : (youngest < 5 && policy.age_declines ? "child under 5" : "discretion");
    Event(candidate, decided, "prosecution_decision", "prosecution", dec.district, policy.directive,
          dec.decider, std::string(dec.outcome));
    f_.decisions.push_back(std::move(dec));
    if (accepted) {
      reason = SeparationReason::kProsecution;
      directive = policy.directive;
      reason_text = "parent referred for prosecution";
    }
  }
  if (reason == SeparationReason::kNone) {
    const double u = rng_.Uniform();
    if (u < 0.020) {
      reason = SeparationReason::kCriminalHistory;
      reason_text = "prior conviction";
    } else if (u < 0.030) {
      reason = SeparationReason::kNotTheParent;
      false_fraud = !grandparent;
      reason_text = "parentage in doubt";
    } else if (u < 0.037) {
      reason = SeparationReason::kMedical;
      reason_text = "adult hospitalized";
    } else if (u < 0.043) {
      reason = SeparationReason::kOther;
      reason_text = "other";
    }
  }
  // The adult sibling is an adult on his or her own: processed separately.
  if (sibling >= 0) {
    Event(sibling, d, "processed_as_adult", "border", SectorPlace());
    const AdultOutcome out = DetainAdult(sibling, Later(d, 1, 4, rng_), false);
    if (out.removed) {
      RemoveAdult(sibling, out.out, {});
    } else {
      Event(sibling, out.out, "released", "immigration", "interior");
    }
  }

  if (reason == SeparationReason::kNone) {
    // Together: released at the border, or detained as a family.
    const bool detained = rng_.Chance(0.40);
    std::vector<int> unit = children;
    for (int a : {primary, second}) {
      if (a >= 0) unit.push_back(a);
    }
    if (detained) {
      const Date in = Later(d, 2, 4, rng_);
      const Date out = Later(in, 5, 20, rng_);
      const bool removed = rng_.Chance(0.15);
      const int fac = 6 + static_cast<int>(rng_.Below(3));
      for (int m : unit) {
        if (f_.persons[m].role != Role::kChild) {
          f_.ice.push_back({m, fac, in, out, removed ? "REMOVED" : "RELEASED",
                            removed ? f_.nationality : std::string_view{}});
        }
        Event(m, in, "detained", "immigration", std::string(Facilities()[fac].name));
        Event(m, out, removed ? "removed" : "released", "immigration",
              removed ? std::string(f_.nationality) : "interior");
      }
    } else {
      const Date out = Later(d, 1, 3, rng_);
      for (int m : unit)
        Event(m, out, "released", "border", "interior", {}, "", "notice to appear");
    }
    FinalizeAgainstSnapshot();
    return;
  }

  // A separation.
  const Date separated = decided;
  // The court order's class: parents (not grandparents) separated for reasons other than
  // criminal history or doubt about parentage (unless DNA later proved it).
  const bool class_member =
      f_.persons[candidate].role == Role::kParent &&
      (reason == SeparationReason::kProsecution || reason == SeparationReason::kMedical ||
       reason == SeparationReason::kOther || false_fraud);
  // Children go with the other parent when there is one; otherwise to a shelter.
  const std::vector<int> separated_children = other >= 0 ? std::vector<int>{} : children;
  {
    Decision dec;
    dec.decision_id = NextDecisionId();
    dec.type = "separation";
    dec.date = separated;
    dec.decider = Agent();
    dec.district = std::string(Sectors()[f_.sector].name) + " Sector";
    dec.directive = directive;
    dec.subject = candidate;
    dec.affected_children = children;
    dec.outcome = separated_children.empty() ? "adult_removed_from_unit" : "children_separated";
    dec.reason = std::string(ReasonName(reason));
    f_.decisions.push_back(std::move(dec));
  }
  Person& adult = f_.persons[candidate];
  adult.separation = reason;
  Event(candidate, separated, "separated", "border", SectorPlace(), directive,
        f_.decisions.back().decider, std::string(ReasonName(reason)));
  f_.family_number_dropped = reason == SeparationReason::kProsecution;
  for (int c : separated_children) {
    f_.persons[c].separation = reason;
    f_.persons[c].separated_from = candidate;
    Event(c, separated, "separated", "border", SectorPlace(), directive,
          f_.decisions.back().decider, std::string(ReasonName(reason)));
  }
  // The adult's custody.
  Date book_in = Later(separated, 1, 3, rng_);
  if (reason == SeparationReason::kProsecution) {
    Date released;
    Prosecute(candidate, decided, directive, released);
    book_in = Later(released, 0, 2, rng_);
  } else if (reason == SeparationReason::kMedical) {
    Event(candidate, separated, "hospitalized", "border", "hospital");
    book_in = Later(separated, 3, 10, rng_);
  }
  AdultOutcome out = DetainAdult(candidate, book_in, false);
  if (false_fraud) {
    Event(candidate, Later(book_in, 5, 40, rng_), "parentage_verified", "shelter", "DNA",
          kCourtOrderId);
  }
  for (int c : separated_children)
    youngest_separated_age_ = std::min(youngest_separated_age_, f_.persons[c].age);
  for (int c : separated_children) ChildToShelter(c, candidate, separated, class_member, out);
  // The adult's exit, unless reunification in detention already closed the stay.
  const bool reunified_in_detention = detention_reunion_.IsValid();
  if (!reunified_in_detention) {
    std::vector<int> left;
    for (const ShelterStay& s : f_.shelter) {
      if (s.discharge.IsValid() ? !Before(s.discharge, out.out) : true) {
        if (std::find(left.begin(), left.end(), s.member) == left.end()) left.push_back(s.member);
      }
    }
    if (out.removed) {
      RemoveAdult(candidate, out.out, left);
    } else {
      Event(candidate, out.out, "released", "immigration", "interior");
    }
  }
  // In two-parent units the children stay with the other parent, released together.
  if (other >= 0) {
    const Date rel = Later(d, 1, 3, rng_);
    for (int m : children)
      Event(m, rel, "released", "border", "interior", {}, "", "notice to appear");
    Event(other, rel, "released", "border", "interior", {}, "", "notice to appear");
  }
  FinalizeAgainstSnapshot();
}

void Simulator::FinalizeAgainstSnapshot() {
  const Date snap = o_.Snapshot();
  std::erase_if(f_.events, [&](const TimelineEvent& e) { return Before(snap, e.date); });
  std::erase_if(f_.decisions, [&](const Decision& d) { return Before(snap, d.date); });
  std::erase_if(f_.outreach, [&](const OutreachAttempt& a) { return Before(snap, a.date); });
  std::erase_if(f_.reentries, [&](const auto& r) { return Before(snap, r.second); });
  std::erase_if(f_.ice, [&](const IceStay& s) { return Before(snap, s.book_in); });
  for (IceStay& s : f_.ice) {
    if (s.book_out.IsValid() && Before(snap, s.book_out)) {
      s.book_out = {};
      s.book_out_reason = {};
      s.removal_country = {};
    }
  }
  std::erase_if(f_.shelter, [&](const ShelterStay& s) { return Before(snap, s.referral); });
  for (ShelterStay& s : f_.shelter) {
    if (s.discharge.IsValid() && Before(snap, s.discharge)) {
      s.discharge = {};
      s.discharge_type = {};
      s.sponsor_relation = {};
    }
  }
  std::stable_sort(f_.events.begin(), f_.events.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) {
                     if (a.member != b.member) return a.member < b.member;
                     return Before(a.date, b.date);
                   });
}

}  // namespace

void SimulateCustody(Rng& rng, const ScenarioOptions& options, Family& family) {
  Simulator(rng, options, family).Run();
}

}  // namespace reunite::synth
