#include "synth/scenario.h"

#include <cstdio>

#include "synth/custody_simulation.h"
#include "synth/family_builder.h"

namespace reunite::synth {
namespace {

constexpr Directive kDirectives[] = {
    {kStandingPractice,
     {2000, 1, 1},
     {},
     "Border agency (standing practice)",
     "all sectors",
     "Separate a child from an adult only for criminal history, doubt that the adult is the "
     "parent, or the child's welfare (medical)."},
    {kElPasoInitiative,
     {2017, 7, 1},
     {2017, 11, 30},
     "El Paso Sector and U.S. Attorney W.D. Tex.",
     "El Paso sector",
     "Pilot: refer adults in family units for prosecution of illegal entry."},
    {kZeroTolerance,
     {2018, 4, 6},
     {},
     "Attorney General",
     "southwest border districts",
     "Zero tolerance: prosecute every referral for illegal entry "
     "(8 U.S.C. 1325(a)), including adults in family units."},
    {kNoAgeDeclinations,
     {2018, 5, 4},
     {},
     "Department leadership to U.S. Attorneys",
     "southwest border districts",
     "Do not decline adults in family units because of a "
     "child's age."},
    {kExecutiveOrder,
     {2018, 6, 20},
     {},
     "Executive order",
     "all agencies",
     "End separation of family units; detain families together."},
};

constexpr District kDistricts[] = {
    {"S.D. Tex.", "379"}, {"W.D. Tex.", "380"}, {"D. Ariz.", "408"},
    {"S.D. Cal.", "298"}, {"D.N.M.", "051"},
};

constexpr Sector kSectors[] = {
    {"RGV", "Rio Grande Valley", {"MCS", "WSL", "BRP"}, 0, '7', "Harlingen Immigration Court"},
    {"EPT", "El Paso", {"EPS", "YST", "SNT"}, 1, '3', "El Paso Immigration Court"},
    {"TCA", "Tucson", {"NGL", "TCS", "CAG"}, 2, '4', "Eloy Immigration Court"},
    {"YUM", "Yuma", {"YUS", "WLT", "YUS"}, 2, '6', "Eloy Immigration Court"},
    {"SDC", "San Diego", {"IMB", "CHU", "BRF"}, 3, '8', "Otay Mesa Immigration Court"},
    {"DRT", "Del Rio", {"EGT", "DRS", "UVS"}, 1, '2', "San Antonio Immigration Court"},
    {"LRT", "Laredo", {"LRN", "LRS", "ZPT"}, 0, '5', "Harlingen Immigration Court"},
    {"BRN", "Brownsville", {"BRP", "FTB", "HRL"}, 0, '1', "Harlingen Immigration Court"},
    {"LBS", "Lordsburg", {"LBS", "DNM", "SNT"}, 4, '9', "El Paso Immigration Court"},
};

constexpr Facility kFacilities[] = {
    {"PIC", "Port Isabel Service Processing Center", false},
    {"EPC", "El Paso Service Processing Center", false},
    {"OTR", "Otero County Processing Center", false},
    {"ELY", "Eloy Federal Contract Facility", false},
    {"OTM", "Otay Mesa Detention Center", false},
    {"STX", "South Texas Detention Complex", false},
    {"STF", "South Texas Family Residential Center", true},
    {"KRN", "Karnes County Family Residential Center", true},
    {"BRK", "Berks Family Residential Center", true},
};
constexpr int kAdultFacilityBySector[] = {0, 1, 3, 3, 4, 5, 0, 0, 2};

// Invented shelter names (no real programme is named).
constexpr Shelter kShelters[] = {
    {"Casa Esperanza", "Brownsville", "TX"},
    {"Hogar Nuevo Amanecer", "Harlingen", "TX"},
    {"Casa Girasol", "San Antonio", "TX"},
    {"Casa Sol", "Tucson", "AZ"},
    {"Desert Bloom Children's Home", "Phoenix", "AZ"},
    {"Casa Ceiba", "Miami", "FL"},
    {"Bright Harbor Youth Home", "New York", "NY"},
    {"Lakeshore Children's Center", "Chicago", "IL"},
    {"Casa Colibrí", "El Paso", "TX"},
    {"Pacific Haven Shelter", "San Diego", "CA"},
};

}  // namespace

std::span<const Facility> Facilities() { return kFacilities; }
std::span<const Shelter> Shelters() { return kShelters; }
int AdultFacilityFor(int sector) { return kAdultFacilityBySector[sector]; }

std::span<const Directive> Directives() { return kDirectives; }
std::span<const District> Districts() { return kDistricts; }
std::span<const Sector> Sectors() { return kSectors; }

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kParent:
      return "parent";
    case Role::kChild:
      return "child";
    case Role::kGrandparent:
      return "grandparent";
    case Role::kAdultSibling:
      return "adult_sibling";
  }
  return "child";
}

std::string_view ReasonName(SeparationReason reason) {
  switch (reason) {
    case SeparationReason::kNone:
      return "";
    case SeparationReason::kProsecution:
      return "prosecution";
    case SeparationReason::kCriminalHistory:
      return "criminal_history";
    case SeparationReason::kNotTheParent:
      return "fraud_not_parent";
    case SeparationReason::kMedical:
      return "medical";
    case SeparationReason::kOther:
      return "other";
  }
  return "";
}

std::string_view ReasonCode(SeparationReason reason) {
  switch (reason) {
    case SeparationReason::kNone:
      return "";
    case SeparationReason::kProsecution:
      return "PROS";
    case SeparationReason::kCriminalHistory:
      return "CRIM";
    case SeparationReason::kNotTheParent:
      return "FRAUD";
    case SeparationReason::kMedical:
      return "MED";
    case SeparationReason::kOther:
      return "OTH";
  }
  return "";
}

std::string ANumberFor(uint64_t index, int member, bool older) {
  const uint64_t key = index * 16 + static_cast<uint64_t>(member);
  uint64_t number;
  // An affine map modulo a prime is a bijection; large multipliers scatter the numbers.
  auto scatter = [key](uint64_t a, uint64_t b, uint64_t prime) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(key) * a + b) % prime);
  };
  if (older) {
    number = 10'000'000 + scatter(61'234'567, 12'345, 89'999'999);  // 8 digits: 0xxxxxxxx
  } else {
    number = 200'000'000 + scatter(73'456'789, 777, 99'999'989);  // 9 digits: 2xxxxxxxx
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "A%09llu", static_cast<unsigned long long>(number));
  return buf;
}

Family SimulateFamily(uint64_t index, Rng& rng, const ScenarioOptions& options) {
  Family family = BuildFamily(index, rng, options);
  SimulateCustody(rng, options, family);
  return family;
}

}  // namespace reunite::synth
