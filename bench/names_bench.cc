// Micro benchmark of reunite::names: standardises 1,000,000 synthetic people
// (given names, family names, date of birth, A-number; a mix of ASCII and
// accented spellings) and prints records per second for each function and
// the time for all features of one person. Build Release:
//   cmake -S . -B build/rel -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build/rel names_bench
//   build/rel/bench/names_bench [records]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <string>
#include <vector>

#include "common/random.h"
#include "names/names.h"

namespace {

using reunite::Rng;
namespace names = reunite::names;

constexpr const char* kGiven[] = {
    "José",    "Maria José", "Ma. Guadalupe", "Juan Carlos", "FRANCISCO", "Chepe",   "Lupita",
    "Ixchel",  "Jesús",      "Rosa María",    "Pedro",       "Wilmer",    "Dolores", "Ángel",
    "Yesenia", "B'alam",     "Héctor Iván",   "Ana Lucía",   "Paco",      "Nena"};
constexpr const char* kSurnames[] = {"García", "López",   "Hernández",  "Martínez", "González",
                                     "Pérez",  "Vásquez", "de la Cruz", "Ramírez",  "Xuc",
                                     "Tzul",   "Ixcoy",   "Chávez",     "Quiñónez", "Morales",
                                     "Ajú",    "Cux",     "del Cid",    "Jiménez",  "Bámaca"};

std::string StripAccents(std::string s) {
  // A rough ASCII spelling, so about half the inputs take the fast path.
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[++i]);
      const char* map = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
      out.push_back(d >= 0x80 && d < 0xC0 ? map[d - 0x80] : '?');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

struct Person {
  std::string given, family, dob, a_number;
};

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Runs f over n records; prints the rate by process CPU time (robust on a
// shared, loaded machine) and by wall time. Returns CPU ns per record.
template <typename F>
double Time(const char* label, size_t n, F&& f) {
  auto w0 = std::chrono::steady_clock::now();
  double c0 = CpuSeconds();
  size_t sink = 0;
  for (size_t i = 0; i < n; ++i) sink += f(i);
  double cpu = CpuSeconds() - c0;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  std::printf("%-28s %10.0f records/s  %7.1f ns/record CPU  (%7.1f ns wall; sink %zu)\n", label,
              n / cpu, cpu * 1e9 / n, wall * 1e9 / n, sink % 10);
  return cpu * 1e9 / n;
}

}  // namespace

namespace {

int Run(size_t n) {
  Rng rng(20180405);
  std::vector<Person> people(n);
  size_t ascii = 0;
  for (Person& p : people) {
    p.given = kGiven[rng.Below(std::size(kGiven))];
    p.family = std::string(kSurnames[rng.Below(std::size(kSurnames))]) + " " +
               kSurnames[rng.Below(std::size(kSurnames))];
    if (rng.Chance(0.5)) {
      p.given = StripAccents(p.given);
      p.family = StripAccents(p.family);
    }
    ascii += names::IsAscii(p.given) && names::IsAscii(p.family);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", static_cast<int>(rng.Between(1, 12)),
                  static_cast<int>(rng.Between(1, 28)), static_cast<int>(rng.Between(1970, 2017)));
    p.dob = buf;
    std::snprintf(buf, sizeof buf, "A%09d", static_cast<int>(rng.Between(1, 999999999)));
    p.a_number = buf;
  }
  std::printf("%zu synthetic people, %.0f%% all-ASCII names\n", n, 100.0 * ascii / n);

  std::string out;
  Time("FoldText (given)", n, [&](size_t i) {
    names::FoldTextInto(people[i].given, &out);
    return out.size();
  });
  Time("FoldText (family)", n, [&](size_t i) {
    names::FoldTextInto(people[i].family, &out);
    return out.size();
  });
  std::vector<std::string> folded(n);
  for (size_t i = 0; i < n; ++i) folded[i] = names::FoldText(people[i].family);
  Time("SpanishPhoneticKey (family)", n, [&](size_t i) {
    names::SpanishPhoneticKeyInto(folded[i], &out);
    return out.size();
  });
  double given = Time("MakeGivenNameFeature", n, [&](size_t i) {
    return names::MakeGivenNameFeature(people[i].given).phonetic_first.size();
  });
  double family = Time("MakeSurnameFeature", n, [&](size_t i) {
    return names::MakeSurnameFeature(people[i].family).paternal_key.size();
  });
  std::vector<std::string> full(n);
  for (size_t i = 0; i < n; ++i) {
    full[i] = i % 2 == 0 ? people[i].given + " " + people[i].family
                         : people[i].family + ", " + people[i].given;
  }
  Time("SplitFullName (both forms)", n,
       [&](size_t i) { return names::SplitFullName(full[i]).name.given.size(); });
  double dob = Time("ParseDate (month first)", n, [&](size_t i) {
    auto d = names::ParseDate(people[i].dob, names::DateOrder::kMonthFirst);
    return static_cast<size_t>(d.ok() ? d->day : 0);
  });
  double id = Time("NormalizeANumber", n,
                   [&](size_t i) { return names::NormalizeANumber(people[i].a_number).size(); });
  std::printf("%-28s %10.0f ns CPU per person (given + family + dob + A-number)\n", "all features",
              given + family + dob + id);

  std::vector<names::SurnameFeature> features(n);
  for (size_t i = 0; i < n; ++i) features[i] = names::MakeSurnameFeature(people[i].family);
  Time("CompareSurnames (pairs)", n, [&](size_t i) {
    return static_cast<size_t>(names::CompareSurnames(features[i], features[(i * 7919) % n]));
  });
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000000;
  if (n == 0) n = 1;
  try {
    return Run(n);
  } catch (const std::exception& e) {  // bad_alloc for a huge n
    std::fprintf(stderr, "names_bench: %s\n", e.what());
    return 2;
  }
}
