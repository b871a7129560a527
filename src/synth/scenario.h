// The simulated world of the synthetic scenario: family units apprehended at
// the border, the directives in force, the decisions taken under them, and
// every person's custody until reunification (or not). One Family holds the
// whole truth for one family unit; exports are rendered from it (see
// exports.h) and the ground truth written from it (see truth_files.h).
//
// Everything here is a plain value. SimulateFamily() draws only from the Rng
// it is given, so a family is a pure function of (seed, family index,
// options); families can be simulated on any thread in any order.
#ifndef REUNITE_SYNTH_SCENARIO_H_
#define REUNITE_SYNTH_SCENARIO_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/random.h"
#include "synth/corruption.h"
#include "synth/name_tables.h"

namespace reunite::synth {

struct ScenarioOptions {
  Date start{2017, 7, 1};  // first apprehension date
  Date end{2018, 6, 30};   // last apprehension date
  // Exports are extracted on this date: later events are not yet recorded.
  // Zero means end + 365 days.
  Date snapshot{};
  Date Snapshot() const { return snapshot.IsValid() ? snapshot : end.AddDays(365); }
};

// Policy instructions in force by date (truth/directives.csv).
struct Directive {
  std::string_view id;
  Date effective;
  Date ends;  // invalid when open-ended
  std::string_view issuer;
  std::string_view scope;
  std::string_view summary;
};
std::span<const Directive> Directives();
inline constexpr std::string_view kZeroTolerance = "DIR-2018-04-06-ZT";
inline constexpr std::string_view kNoAgeDeclinations = "DIR-2018-05-04-FU";
inline constexpr std::string_view kExecutiveOrder = "DIR-2018-06-20-EO";
inline constexpr std::string_view kElPasoInitiative = "DIR-2017-07-EPI";
inline constexpr std::string_view kStandingPractice = "DIR-STANDING";
inline constexpr std::string_view kCourtOrderId = "ORDER-2018-06-26";
inline constexpr Date kCourtOrderDate{2018, 6, 26};
inline constexpr int kDeadlineUnder5Days = 14;
inline constexpr int kDeadline5To17Days = 30;
inline constexpr int kPhoneContactDays = 10;

struct District {
  std::string_view name;       // "S.D. Tex."
  std::string_view usms_code;  // Marshals register suffix, "379"
};
struct Sector {
  std::string_view code;  // "RGV"
  std::string_view name;
  std::string_view stations[3];
  int district;  // index into Districts()
  char office;   // case-number office digit, unique across districts
  std::string_view immigration_court;
};
std::span<const District> Districts();
std::span<const Sector> Sectors();

// Immigration detention facilities (adult and family) and child shelters.
struct Facility {
  std::string_view code;
  std::string_view name;
  bool family = false;
};
struct Shelter {
  std::string_view name;
  std::string_view city;
  std::string_view state;
};
std::span<const Facility> Facilities();
std::span<const Shelter> Shelters();
// The adult facility that usually receives people apprehended in `sector`.
int AdultFacilityFor(int sector);

enum class Role { kParent, kChild, kGrandparent, kAdultSibling };
std::string_view RoleName(Role role);

enum class SeparationReason {
  kNone,
  kProsecution,
  kCriminalHistory,
  kNotTheParent,
  kMedical,
  kOther
};
std::string_view ReasonName(SeparationReason reason);  // "prosecution", "criminal_history", ...
std::string_view ReasonCode(SeparationReason reason);  // e3 codes: "PROS", "CRIM", ...

struct Person {
  std::string person_id;  // "<family_unit_id>-<member>"
  Role role = Role::kChild;
  Sex sex = Sex::kFemale;
  TrueName name;
  NameHabits habits;
  Date dob;
  bool dob_documented = true;
  int guessed_birth_year = 0;  // what a clerk guesses when there is no document
  std::string a_number;        // canonical "A" + 9 digits
  int mother = -1;             // member index of the mother in this family, -1 if absent
  int father = -1;
  int grandparent = -1;  // for grandparent-led units
  int age = 0;           // at apprehension
  // Filled by the custody simulation.
  SeparationReason separation = SeparationReason::kNone;
  int separated_from = -1;  // the adult a child was separated from
  bool referred = false;    // adult referred for prosecution
};

struct TimelineEvent {
  int member = 0;
  Date date;
  std::string_view type;  // see docs/synthetic-data.md "timeline.csv"
  std::string_view agency;
  std::string place;
  std::string_view directive;
  std::string decider;
  std::string reason;
};

struct Decision {
  std::string decision_id;
  std::string_view type;  // prosecution | separation | removal
  Date date;
  std::string decider;
  std::string district;
  std::string_view directive;
  int subject = 0;
  std::vector<int> affected_children;
  std::string_view outcome;
  std::string reason;
  // Whether the decision's record named the children it affected at decision
  // time (decision_keeping.h); the truth keeps them either way.
  bool children_recorded = true;
};

struct IceStay {
  int member = 0;
  int facility = 0;  // index into the facility table (exports.cc)
  Date book_in;
  Date book_out;                     // invalid while still detained
  std::string_view book_out_reason;  // REMOVED, RELEASED, TRANSFERRED, REUNIFIED-RELEASED
  std::string_view removal_country;
};

struct ShelterStay {
  int member = 0;
  int shelter = 0;
  Date referral;
  Date discharge;                   // invalid while in care
  std::string_view discharge_type;  // Sponsor, Parent, Aged out, Repatriated, Transfer
  std::string_view sponsor_relation;
  int parent = -1;  // the parent separated from (for the free-text note)
};

struct ProsecutionCase {
  int member = 0;
  int sector = 0;
  Date filed;
  std::string_view plea;
  std::string disposition;
  Date disposition_date;
  std::string prosecutor;
};

struct OutreachAttempt {
  int member = 0;
  Date date;
  std::string_view channel;
  std::string_view outcome;
  std::string_view wish;  // empty unless reached
};

struct Family {
  uint64_t index = 0;
  std::string family_unit_id;    // immutable truth ID, "FU0000001"
  std::string e3_family_number;  // the border agency's number for the unit
  std::string_view
      composition;  // one_parent | two_parents | parent_and_adult_sibling | grandparent
  Date apprehended;
  int sector = 0;
  int station = 0;
  std::string_view nationality;
  std::string_view language;
  NamingOrigin origin = NamingOrigin::kSpanish;
  HomePlace home;
  std::string phone;  // synthetic: the local part starts with 0, never a real number
  std::vector<Person> persons;
  // Custody and decisions.
  bool family_number_dropped = false;
  std::vector<TimelineEvent> events;
  std::vector<Decision> decisions;
  std::vector<IceStay> ice;
  std::vector<ShelterStay> shelter;
  std::vector<ProsecutionCase> cases;
  std::vector<OutreachAttempt> outreach;
  std::vector<std::pair<int, Date>> reentries;  // removed adults apprehended again
};

// The whole truth for family number `index` (0-based). Precondition:
// index < kMaxFamilies; options.start <= options.end.
inline constexpr uint64_t kMaxFamilies = 5'000'000;
Family SimulateFamily(uint64_t index, Rng& rng, const ScenarioOptions& options);

// The canonical A-number of member `member` of family `index`: unique across
// the scenario (a bijection), 9 digits, about 15% with a leading zero (older
// 8-digit numbers of people encountered before).
std::string ANumberFor(uint64_t index, int member, bool older);

// "2018-06-26 + n days" style helpers.
inline bool InWindow(const Date& d, const Date& from, const Date& to) {
  return from <= d && d <= to;
}

}  // namespace reunite::synth

#endif  // REUNITE_SYNTH_SCENARIO_H_
