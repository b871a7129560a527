#include "synth/name_tables.h"

#include <array>
#include <span>
#include <utility>

namespace reunite::synth {
namespace {

struct Weighted {
  std::string_view name;
  int weight;
};

// Draws from a weighted table by linear scan of the cumulative weight; the
// tables are short and the draw is cheap next to formatting the output.
std::string_view Draw(Rng& rng, std::span<const Weighted> table) {
  int total = 0;
  for (const Weighted& w : table) total += w.weight;
  auto pick = static_cast<int>(rng.Below(static_cast<uint64_t>(total)));
  for (const Weighted& w : table) {
    if (pick < w.weight) return w.name;
    pick -= w.weight;
  }
  return table.back().name;
}

constexpr Weighted kSpanishSurnames[] = {
    {"García", 60},   {"Hernández", 55}, {"López", 50},   {"Pérez", 45},    {"González", 45},
    {"Martínez", 40}, {"Rodríguez", 38}, {"Ramírez", 35}, {"Cruz", 30},     {"Morales", 30},
    {"Reyes", 28},    {"Jiménez", 25},   {"Vásquez", 25}, {"Gómez", 22},    {"Sánchez", 22},
    {"Díaz", 20},     {"Flores", 20},    {"Mejía", 18},   {"Castillo", 16}, {"Ramos", 15},
    {"Ortiz", 14},    {"Aguilar", 14},   {"Méndez", 13},  {"Juárez", 12},   {"Chávez", 12},
    {"Rivera", 12},   {"Velásquez", 11}, {"Castro", 10},  {"Romero", 10},   {"Torres", 10},
    {"Orellana", 8},  {"Alvarado", 8},   {"Herrera", 8},  {"Escobar", 7},   {"Barrios", 7},
    {"Maldonado", 7}, {"Guzmán", 7},     {"Girón", 6},    {"Zelaya", 6},    {"Cabrera", 6},
    {"Salazar", 6},   {"de la Cruz", 6}, {"de León", 6},  {"Bonilla", 5},   {"Argueta", 5},
    {"Villatoro", 5}, {"Bautista", 5},   {"Valle", 5},    {"Ávila", 5},     {"Muñoz", 5},
    {"Hidalgo", 4},   {"Zúñiga", 4},     {"Cáceres", 4},  {"Cifuentes", 4}, {"Lemus", 4},
    {"Ochoa", 4},     {"Yanes", 3},      {"Villeda", 3},  {"del Cid", 3},   {"Quiñónez", 3},
    {"Hernandez", 1}, {"Galván", 3},     {"Vargas", 5},   {"Navarro", 3},   {"Benítez", 3},
};

// Maya families: Mayan surnames plus the Spanish ones common in the highlands
// (some of which are also given names: Domingo, Pascual, Mateo).
constexpr Weighted kMayaSurnames[] = {
    {"Tzul", 10},     {"Ixcoy", 8},     {"Batz", 9},      {"Tum", 9},     {"Quiej", 7},
    {"Sic", 8},       {"Coc", 10},      {"Caal", 12},     {"Choc", 11},   {"Pop", 10},
    {"Tzoc", 6},      {"Ajanel", 5},    {"Xiloj", 5},     {"Chub", 7},    {"Cux", 6},
    {"Tzunún", 4},    {"Yax", 4},       {"Xol", 6},       {"Cac", 5},     {"Tiul", 5},
    {"Cuc", 5},       {"Ical", 5},      {"Xoy", 4},       {"Ajcot", 3},   {"Chanchavac", 3},
    {"Sajché", 3},    {"Toj", 4},       {"Ajú", 3},       {"Chen", 4},    {"Pérez", 25},
    {"López", 22},    {"Gómez", 12},    {"Ramírez", 10},  {"Domingo", 8}, {"Pascual", 8},
    {"Mateo", 8},     {"Francisco", 6}, {"Diego", 5},     {"Andrés", 5},  {"Lucas", 5},
    {"Sebastián", 5}, {"García", 10},   {"Hernández", 8}, {"Vásquez", 7}, {"Tomás", 4},
};

constexpr Weighted kMaleGiven[] = {
    {"José", 50},     {"Juan", 40},   {"Carlos", 25},   {"Luis", 20},     {"Francisco", 18},
    {"Miguel", 15},   {"Jorge", 12},  {"Jesús", 12},    {"Pedro", 12},    {"Antonio", 12},
    {"Manuel", 12},   {"Mario", 10},  {"Kevin", 10},    {"Ángel", 10},    {"Daniel", 9},
    {"Marvin", 8},    {"Brayan", 8},  {"Edwin", 8},     {"Diego", 8},     {"David", 8},
    {"Cristian", 8},  {"Wilmer", 7},  {"Alexander", 7}, {"Érick", 6},     {"Santos", 6},
    {"Josué", 6},     {"Roberto", 6}, {"Óscar", 6},     {"Guillermo", 5}, {"Fernando", 5},
    {"Anderson", 5},  {"Elmer", 5},   {"Nelson", 5},    {"Ramón", 4},     {"Alberto", 4},
    {"Ricardo", 4},   {"Héctor", 4},  {"Selvin", 4},    {"Byron", 4},     {"Wilson", 4},
    {"Andrés", 4},    {"Mateo", 4},   {"Sebastián", 4}, {"Ignacio", 3},   {"Lorenzo", 3},
    {"Hugo", 3},      {"Gerson", 3},  {"Jefferson", 3}, {"Domingo", 3},   {"Pascual", 3},
    {"Eduardo", 3},   {"Gaspar", 2},  {"Baltazar", 2},  {"Yeison", 2},    {"Gilberto", 2},
    {"Guadalupe", 1}, {"Víctor", 4},  {"Javier", 4},    {"Rigoberto", 2}, {"Hilario", 1},
};

constexpr Weighted kFemaleGiven[] = {
    {"María", 60},    {"Juana", 15},    {"Ana", 15},       {"Rosa", 14},      {"Marta", 8},
    {"Carmen", 8},    {"Guadalupe", 8}, {"Sandra", 8},     {"Karla", 7},      {"Gloria", 6},
    {"Francisca", 6}, {"Antonia", 6},   {"Lucía", 6},      {"Elena", 6},      {"Yesenia", 6},
    {"Wendy", 6},     {"Blanca", 6},    {"Andrea", 6},     {"Jennifer", 6},   {"Daniela", 6},
    {"Alejandra", 6}, {"Dolores", 5},   {"Ingrid", 5},     {"Sonia", 5},      {"Dayana", 5},
    {"Génesis", 5},   {"Valeria", 5},   {"Concepción", 4}, {"Josefa", 4},     {"Heidy", 4},
    {"Fernanda", 4},  {"Estefany", 4},  {"Leticia", 4},    {"Reina", 4},      {"Catalina", 4},
    {"Isabel", 4},    {"Teresa", 4},    {"Yaneth", 3},     {"Marleny", 3},    {"Olga", 3},
    {"Esperanza", 3}, {"Magdalena", 3}, {"Petrona", 3},    {"Candelaria", 3}, {"Dania", 3},
    {"Micaela", 2},   {"Hilda", 2},     {"Brenda", 3},     {"Silvia", 3},     {"Vilma", 2},
};

constexpr Weighted kMayanMaleGiven[] = {
    {"B'alam", 5}, {"No'j", 2}, {"Kawoq", 2}, {"Tz'ikin", 2}, {"Q'anil", 3}, {"Aq'ab'al", 1},
};
constexpr Weighted kMayanFemaleGiven[] = {
    {"Ixchel", 5}, {"Nikte'", 4}, {"Ixkik'", 2}, {"Ixmukane", 2}, {"Saq'be'", 1}, {"Ix'ey", 1},
};

// Second parts of compound given names, chosen to make realistic pairs.
constexpr Weighted kFemaleSecond[] = {
    {"José", 10}, {"Fernanda", 6},   {"Isabel", 6}, {"Guadalupe", 5},  {"de los Ángeles", 5},
    {"Elena", 4}, {"del Carmen", 5}, {"Lucía", 4},  {"Concepción", 2}, {"Magdalena", 2},
    {"María", 3}, {"Dolores", 2},    {"Teresa", 3}, {"Antonia", 2},
};
constexpr Weighted kMaleSecond[] = {
    {"Luis", 10},    {"Ángel", 8},   {"Antonio", 7}, {"Manuel", 6}, {"Carlos", 8}, {"Francisco", 5},
    {"Miguel", 5},   {"David", 5},   {"José", 6},    {"Pablo", 3},  {"Diego", 3},  {"Alberto", 3},
    {"Fernando", 3}, {"Roberto", 2}, {"Ignacio", 1}, {"Jesús", 2},
};
constexpr Weighted kFemaleCompoundFirst[] = {{"María", 70}, {"Ana", 15}, {"Rosa", 8}, {"Juana", 7}};
constexpr Weighted kMaleCompoundFirst[] = {
    {"José", 45}, {"Juan", 35}, {"Luis", 10}, {"Carlos", 5}, {"Jorge", 5}};

const std::pair<std::string_view, std::vector<std::string_view>> kNicknames[] = {
    {"José", {"Chepe", "Pepe"}},
    {"Francisco", {"Paco", "Pancho"}},
    {"Guadalupe", {"Lupe"}},
    {"Jesús", {"Chuy"}},
    {"Dolores", {"Lola"}},
    {"Ignacio", {"Nacho"}},
    {"Guillermo", {"Memo"}},
    {"Antonio", {"Toño"}},
    {"Lorenzo", {"Lencho"}},
    {"Concepción", {"Concha"}},
    {"Ramón", {"Moncho"}},
    {"Alberto", {"Beto"}},
    {"Roberto", {"Beto"}},
    {"Eduardo", {"Lalo"}},
    {"Francisca", {"Paca", "Pancha"}},
    {"Josefa", {"Chepa"}},
    {"Antonia", {"Toña"}},
    {"Manuel", {"Manolo"}},
};

struct Place {
  std::string_view village;
  std::string_view department;
};
constexpr Place kKiche[] = {{"Momostenango", "Totonicapán"},
                            {"Totonicapán", "Totonicapán"},
                            {"Santa Cruz del Quiché", "Quiché"},
                            {"Nahualá", "Sololá"}};
constexpr Place kMam[] = {{"San Juan Ostuncalco", "Quetzaltenango"},
                          {"Todos Santos Cuchumatán", "Huehuetenango"},
                          {"Comitancillo", "San Marcos"},
                          {"Concepción Chiquirichapa", "Quetzaltenango"}};
constexpr Place kQanjobal[] = {{"Santa Eulalia", "Huehuetenango"},
                               {"San Pedro Soloma", "Huehuetenango"},
                               {"San Juan Ixcoy", "Huehuetenango"},
                               {"Santa Cruz Barillas", "Huehuetenango"}};
constexpr Place kQeqchi[] = {{"Cobán", "Alta Verapaz"},
                             {"San Pedro Carchá", "Alta Verapaz"},
                             {"Chisec", "Alta Verapaz"},
                             {"Fray Bartolomé de las Casas", "Alta Verapaz"}};
constexpr Place kGuatemala[] = {{"Jutiapa", "Jutiapa"},
                                {"Chiquimula", "Chiquimula"},
                                {"Escuintla", "Escuintla"},
                                {"Zacapa", "Zacapa"}};
constexpr Place kHonduras[] = {{"San Pedro Sula", "Cortés"}, {"Choloma", "Cortés"},
                               {"Juticalpa", "Olancho"},     {"Olanchito", "Yoro"},
                               {"La Ceiba", "Atlántida"},    {"Comayagua", "Comayagua"}};
constexpr Place kElSalvador[] = {{"Usulután", "Usulután"},
                                 {"San Miguel", "San Miguel"},
                                 {"Chalatenango", "Chalatenango"},
                                 {"Ahuachapán", "Ahuachapán"},
                                 {"Sonsonate", "Sonsonate"}};
constexpr Place kMexico[] = {{"Tapachula", "Chiapas"},
                             {"Comitán", "Chiapas"},
                             {"Acapulco", "Guerrero"},
                             {"Iguala", "Guerrero"},
                             {"Morelia", "Michoacán"}};

constexpr std::string_view kOfficialGiven[] = {
    "Laura",  "Michael", "Sarah", "David",  "Jennifer", "Robert",  "Emily", "Thomas",
    "Rachel", "Daniel",  "Megan", "Steven", "Anna",     "Gregory", "Carla", "Peter"};
constexpr std::string_view kOfficialSurname[] = {"Whitfield",  "Brandt",   "Okafor",    "Lindqvist",
                                                 "Marsh",      "Delgado",  "Pruitt",    "Hale",
                                                 "Castellano", "Reinholt", "Abernathy", "Sato",
                                                 "Kowalczyk",  "Ferraro",  "Quinlan",   "Dunmore"};

template <typename T, size_t N>
const T& Pick(Rng& rng, const T (&arr)[N]) {
  return arr[rng.Below(N)];
}

}  // namespace

std::vector<std::string> DrawGivenNames(Rng& rng, Sex sex, NamingOrigin origin) {
  const bool female = sex == Sex::kFemale;
  if (origin == NamingOrigin::kMaya && rng.Chance(0.10)) {
    return {std::string(female ? Draw(rng, kMayanFemaleGiven) : Draw(rng, kMayanMaleGiven))};
  }
  if (rng.Chance(0.30)) {
    std::string first(female ? Draw(rng, kFemaleCompoundFirst) : Draw(rng, kMaleCompoundFirst));
    std::string second(female ? Draw(rng, kFemaleSecond) : Draw(rng, kMaleSecond));
    if (second == first) second = female ? "Isabel" : "Antonio";
    return {std::move(first), std::move(second)};
  }
  return {std::string(female ? Draw(rng, kFemaleGiven) : Draw(rng, kMaleGiven))};
}

std::string DrawSurname(Rng& rng, NamingOrigin origin) {
  if (origin == NamingOrigin::kMaya && rng.Chance(0.75))
    return std::string(Draw(rng, kMayaSurnames));
  return std::string(Draw(rng, kSpanishSurnames));
}

const std::vector<std::string_view>& NicknamesOf(std::string_view given) {
  static const std::vector<std::string_view> kNone;
  for (const auto& [name, nicks] : kNicknames) {
    if (name == given) return nicks;
  }
  return kNone;
}

HomePlace DrawHomePlace(Rng& rng, std::string_view nationality, std::string_view language) {
  const Place* p = nullptr;
  if (language == "K'iche'") {
    p = &Pick(rng, kKiche);
  } else if (language == "Mam") {
    p = &Pick(rng, kMam);
  } else if (language == "Q'anjob'al") {
    p = &Pick(rng, kQanjobal);
  } else if (language == "Q'eqchi'") {
    p = &Pick(rng, kQeqchi);
  } else if (nationality == "Guatemala") {
    p = &Pick(rng, kGuatemala);
  } else if (nationality == "Honduras") {
    p = &Pick(rng, kHonduras);
  } else if (nationality == "El Salvador") {
    p = &Pick(rng, kElSalvador);
  } else {
    p = &Pick(rng, kMexico);
  }
  return {p->village, p->department};
}

std::string OfficialName(uint64_t index) {
  constexpr size_t kG = std::size(kOfficialGiven);
  constexpr size_t kS = std::size(kOfficialSurname);
  // Walk surnames with a stride coprime to kS so a roster has distinct pairs.
  const uint64_t g = index % kG;
  const uint64_t s = (index * 7 + index / kG) % kS;
  return std::string(kOfficialGiven[g]) + " " + std::string(kOfficialSurname[s]);
}

}  // namespace reunite::synth
