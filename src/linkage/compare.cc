#include "linkage/compare.h"

#include <cmath>
#include <cstdlib>

#include "linkage/string_similarity.h"
#include "names/dates.h"
#include "names/ids.h"

namespace reunite::linkage {
namespace {

// Similarities computed on demand, at most once per pair.
// The strings themselves are fetched only when a similarity is needed.
class LazySimilarity {
 public:
  LazySimilarity(std::string_view a, std::string_view b) : a_(a), b_(b), ready_(true) {}
  LazySimilarity(const StringPool& pool, uint32_t a, uint32_t b) : pool_(&pool), ia_(a), ib_(b) {}
  double JaroWinkler() {
    if (jw_ < 0) {
      Fetch();
      jw_ = linkage::JaroWinkler(a_, b_);
    }
    return jw_;
  }
  int Distance(int limit) {
    if (dl_ < 0 || (dl_ > dl_limit_ && limit > dl_limit_)) {
      Fetch();
      dl_ = DamerauLevenshtein(a_, b_, limit);
      dl_limit_ = limit;
    }
    return dl_;
  }

 private:
  void Fetch() {
    if (ready_) return;
    a_ = pool_->View(ia_);
    b_ = pool_->View(ib_);
    ready_ = true;
  }
  std::string_view a_, b_;
  const StringPool* pool_ = nullptr;
  uint32_t ia_ = 0, ib_ = 0;
  bool ready_ = false;
  double jw_ = -1;
  int dl_ = -1;
  int dl_limit_ = 0;
};

double TokenOverlap(const PreparedComparison& a, size_t i, const PreparedComparison& b, size_t j) {
  const uint32_t* pa = a.tokens.data() + a.token_begin[i];
  const uint32_t* ea = a.tokens.data() + a.token_begin[i + 1];
  const uint32_t* pb = b.tokens.data() + b.token_begin[j];
  const uint32_t* eb = b.tokens.data() + b.token_begin[j + 1];
  size_t na = static_cast<size_t>(ea - pa), nb = static_cast<size_t>(eb - pb);
  if (na == 0 || nb == 0) return 0;
  size_t shared = 0;
  while (pa != ea && pb != eb) {
    if (*pa == *pb) {
      ++shared;
      ++pa;
      ++pb;
    } else if (*pa < *pb) {
      ++pa;
    } else {
      ++pb;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(na < nb ? na : nb);
}

int TextLevel(const Comparison& c, const PreparedComparison& a, size_t i,
              const PreparedComparison& b, size_t j, const StringPool& pool) {
  const uint32_t va = a.value[i], vb = b.value[j];
  if (va == 0 || vb == 0) return 0;
  LazySimilarity sim(pool, va, vb);
  const int last = static_cast<int>(c.levels.size()) - 1;
  for (int l = 1; l < last; ++l) {
    const Level& level = c.levels[static_cast<size_t>(l)];
    switch (level.kind) {
      case LevelKind::kExact:
        if (va == vb) return l;
        break;
      case LevelKind::kJaroWinkler:
        if (va == vb || sim.JaroWinkler() >= level.threshold) return l;
        break;
      case LevelKind::kDamerauLevenshtein:
        if (va == vb || sim.Distance(level.distance) <= level.distance) return l;
        break;
      case LevelKind::kPhonetic:
        if (!a.phonetic.empty() && a.phonetic[i] != 0 && a.phonetic[i] == b.phonetic[j]) return l;
        break;
      case LevelKind::kTokenSet:
        if (!a.token_begin.empty() && TokenOverlap(a, i, b, j) >= level.threshold) return l;
        break;
      default:
        break;
    }
  }
  return last;
}

int IdLevel(const Comparison& c, const PreparedComparison& a, size_t i, const PreparedComparison& b,
            size_t j, const StringPool& pool) {
  const uint32_t va = a.value[i], vb = b.value[j];
  if (va == 0 || vb == 0) return 0;
  LazySimilarity sim(pool, va, vb);
  const int last = static_cast<int>(c.levels.size()) - 1;
  for (int l = 1; l < last; ++l) {
    const Level& level = c.levels[static_cast<size_t>(l)];
    switch (level.kind) {
      case LevelKind::kExact:
        if (va == vb) return l;
        break;
      case LevelKind::kIdTransposed:
        if (va == vb ||
            names::CompareIds(pool.View(va), pool.View(vb)) <= names::IdAgreement::kSubstitution) {
          return l;
        }
        break;
      case LevelKind::kJaroWinkler:
        if (va == vb || sim.JaroWinkler() >= level.threshold) return l;
        break;
      case LevelKind::kDamerauLevenshtein:
        if (va == vb || sim.Distance(level.distance) <= level.distance) return l;
        break;
      default:
        break;
    }
  }
  return last;
}

int NumericLevel(const Comparison& c, const PreparedComparison& a, size_t i,
                 const PreparedComparison& b, size_t j) {
  const double x = a.numbers[i], y = b.numbers[j];
  if (std::isnan(x) || std::isnan(y)) return 0;
  const int last = static_cast<int>(c.levels.size()) - 1;
  for (int l = 1; l < last; ++l) {
    const Level& level = c.levels[static_cast<size_t>(l)];
    if (level.kind == LevelKind::kExact && x == y) return l;
    if (level.kind == LevelKind::kNumericWithin && std::fabs(x - y) <= level.distance) return l;
  }
  return last;
}

bool IsPlaceholder(const Date& a, const Date& b) {
  return (a.month == 1 && a.day == 1) || (b.month == 1 && b.day == 1);
}

// names::CompareDates for two valid dates `days` apart (the prepared values
// are day numbers, so the validity checks and day arithmetic are skipped).
names::DateAgreement AgreementOfValidDates(const Date& a, const Date& b, int64_t days) {
  using names::DateAgreement;
  const bool placeholder = (a.month == 1 && a.day == 1) || (b.month == 1 && b.day == 1);
  if (placeholder && a.year == b.year) return DateAgreement::kPlaceholderYear;
  if (days == 0) return DateAgreement::kExact;
  if (a.year == b.year && a.day == b.month && a.month == b.day) {
    return DateAgreement::kDayMonthSwapped;
  }
  if (!placeholder && a.month == b.month && a.day == b.day && std::abs(a.year - b.year) == 1) {
    return DateAgreement::kYearOff1;
  }
  if (a.year == b.year && a.month == b.month) return DateAgreement::kSameYearMonth;
  if (days <= 365) return DateAgreement::kWithin1Year;
  return DateAgreement::kNone;
}

int DateLevel(const Comparison& c, const PreparedComparison& a, size_t i,
              const PreparedComparison& b, size_t j) {
  if (a.value[i] == 0 || b.value[j] == 0) return 0;
  const int64_t days =
      std::llabs(static_cast<int64_t>(a.value[i]) - static_cast<int64_t>(b.value[j]));
  const names::DateAgreement agreement = AgreementOfValidDates(a.dates[i], b.dates[j], days);
  const int last = static_cast<int>(c.levels.size()) - 1;
  for (int l = 1; l < last; ++l) {
    const Level& level = c.levels[static_cast<size_t>(l)];
    switch (level.kind) {
      case LevelKind::kExact:
        if (agreement == names::DateAgreement::kExact) return l;
        break;
      case LevelKind::kDateDayMonthSwapped:
        if (agreement == names::DateAgreement::kDayMonthSwapped) return l;
        break;
      case LevelKind::kDateYearOff:
        if (agreement == names::DateAgreement::kYearOff1 ||
            (a.dates[i].month == b.dates[j].month && a.dates[i].day == b.dates[j].day &&
             std::abs(a.dates[i].year - b.dates[j].year) <= level.distance && days > 0 &&
             agreement != names::DateAgreement::kPlaceholderYear)) {
          return l;
        }
        break;
      case LevelKind::kDatePlaceholder:
        if (agreement == names::DateAgreement::kPlaceholderYear) return l;
        if (level.distance > 0 && IsPlaceholder(a.dates[i], b.dates[j]) &&
            std::abs(a.dates[i].year - b.dates[j].year) <= level.distance) {
          return l;
        }
        break;
      case LevelKind::kDateWithinDays:
        if (days <= level.distance) return l;
        break;
      default:
        break;
    }
  }
  return last;
}

names::SurnameAgreement SurnameKindAgreement(LevelKind kind) {
  switch (kind) {
    case LevelKind::kSurnameBothExact:
      return names::SurnameAgreement::kBothExact;
    case LevelKind::kSurnameBothSwapped:
      return names::SurnameAgreement::kBothSwapped;
    case LevelKind::kSurnamePhoneticBoth:
      return names::SurnameAgreement::kPhoneticBoth;
    case LevelKind::kSurnamePaternalOnly:
      return names::SurnameAgreement::kPaternalOnly;
    case LevelKind::kSurnameMaternalOnly:
      return names::SurnameAgreement::kMaternalOnly;
    case LevelKind::kSurnameOneMatches:
      return names::SurnameAgreement::kOneMatches;
    case LevelKind::kSurnamePhoneticOne:
      return names::SurnameAgreement::kPhoneticOne;
    default:
      return names::SurnameAgreement::kNone;
  }
}

// Both sides have two surnames; in order or swapped, one pair agrees exactly
// or in sound and the other pair has Jaro-Winkler >= threshold.
bool BothSurnamesFuzzy(const names::SurnameFeature& a, const names::SurnameFeature& b,
                       double threshold) {
  const names::Surnames& x = a.surnames;
  const names::Surnames& y = b.surnames;
  if (x.maternal.empty() || y.maternal.empty()) return false;
  auto agree = [](const std::string& s, const std::string& ks, const std::string& t,
                  const std::string& kt) { return s == t || (!ks.empty() && ks == kt); };
  auto close = [threshold](const std::string& s, const std::string& t) {
    return JaroWinkler(s, t) >= threshold;
  };
  const bool pp = agree(x.paternal, a.paternal_key, y.paternal, b.paternal_key);
  const bool mm = agree(x.maternal, a.maternal_key, y.maternal, b.maternal_key);
  if ((pp && close(x.maternal, y.maternal)) || (mm && close(x.paternal, y.paternal))) return true;
  const bool pm = agree(x.paternal, a.paternal_key, y.maternal, b.maternal_key);
  const bool mp = agree(x.maternal, a.maternal_key, y.paternal, b.paternal_key);
  return (pm && close(x.maternal, y.paternal)) || (mp && close(x.paternal, y.maternal));
}

int SurnameLevel(const Comparison& c, const PreparedComparison& a, size_t i,
                 const PreparedComparison& b, size_t j) {
  if (a.value[i] == 0 || b.value[j] == 0) return 0;
  const names::SurnameFeature& sa = a.surnames[i];
  const names::SurnameFeature& sb = b.surnames[j];
  const names::SurnameAgreement agreement = names::CompareSurnames(sa, sb);
  LazySimilarity sim(sa.surnames.paternal, sb.surnames.paternal);
  const int last = static_cast<int>(c.levels.size()) - 1;
  for (int l = 1; l < last; ++l) {
    const Level& level = c.levels[static_cast<size_t>(l)];
    switch (level.kind) {
      case LevelKind::kExact:
        if (a.value[i] == b.value[j]) return l;
        break;
      case LevelKind::kJaroWinkler:
        if (sim.JaroWinkler() >= level.threshold) return l;
        break;
      case LevelKind::kDamerauLevenshtein:
        if (sim.Distance(level.distance) <= level.distance) return l;
        break;
      case LevelKind::kSurnameBothFuzzy:
        if (agreement <= names::SurnameAgreement::kPhoneticBoth ||
            BothSurnamesFuzzy(sa, sb, level.threshold)) {
          return l;
        }
        break;
      default:
        if (agreement <= SurnameKindAgreement(level.kind)) return l;
        break;
    }
  }
  return last;
}

int GivenNameLevel(const Comparison& c, const PreparedComparison& a, size_t i,
                   const PreparedComparison& b, size_t j, const StringPool& pool) {
  const uint32_t va = a.value[i], vb = b.value[j];
  if (va == 0 || vb == 0) return 0;
  const names::GivenNameFeature& ga = a.given[i];
  const names::GivenNameFeature& gb = b.given[j];
  LazySimilarity sim(pool, va, vb);
  const int last = static_cast<int>(c.levels.size()) - 1;
  for (int l = 1; l < last; ++l) {
    const Level& level = c.levels[static_cast<size_t>(l)];
    switch (level.kind) {
      case LevelKind::kExact:
        if (va == vb) return l;
        break;
      case LevelKind::kGivenGenderMismatch:
        if (va != vb && names::GendersConflict(ga.gender, gb.gender)) return l;
        break;
      case LevelKind::kGivenSecondName:
        if (names::GoesBySecondName(ga, gb)) return l;
        break;
      case LevelKind::kGivenDifferentNames:
        if (va != vb && names::DifferentKnownFirstNames(ga, gb)) return l;
        break;
      case LevelKind::kGivenMiddleConflict:
        if (va != vb && names::MiddleNamesConflict(ga, gb)) return l;
        break;
      case LevelKind::kGivenFirstName:
        if (a.first[i] != 0 && a.first[i] == b.first[j]) return l;
        break;
      case LevelKind::kGivenNickname:
        if (names::SameCanonicalFirstName(ga, gb)) return l;
        break;
      case LevelKind::kPhonetic:
        if (a.phonetic[i] != 0 && a.phonetic[i] == b.phonetic[j]) return l;
        break;
      case LevelKind::kJaroWinkler:
        if (va == vb || sim.JaroWinkler() >= level.threshold) return l;
        break;
      case LevelKind::kDamerauLevenshtein:
        if (va == vb || sim.Distance(level.distance) <= level.distance) return l;
        break;
      default:
        break;
    }
  }
  return last;
}

}  // namespace

bool CacheableComparison(const Comparison& c) {
  if (c.kind == ComparisonKind::kGivenName || c.kind == ComparisonKind::kSurnames) return true;
  if (c.kind != ComparisonKind::kText) return false;
  for (const Level& l : c.levels) {
    if (l.kind == LevelKind::kJaroWinkler || l.kind == LevelKind::kDamerauLevenshtein ||
        l.kind == LevelKind::kTokenSet) {
      return true;
    }
  }
  return false;
}

LevelCache::LevelCache(const Model& model, int bits)
    : bits_(bits), lookups_(model.comparisons.size(), 0), hits_(model.comparisons.size(), 0) {
  int64_t next = 0;
  for (const Comparison& c : model.comparisons) {
    if (CacheableComparison(c)) {
      offset_.push_back(next);
      next += int64_t{1} << bits_;
    } else {
      offset_.push_back(-1);
    }
  }
  slots_.assign(static_cast<size_t>(next), 0);
}

int ComparisonLevel(const Comparison& c, const PreparedComparison& a, size_t i,
                    const PreparedComparison& b, size_t j, const StringPool& pool) {
  switch (c.kind) {
    case ComparisonKind::kText:
      return TextLevel(c, a, i, b, j, pool);
    case ComparisonKind::kId:
      return IdLevel(c, a, i, b, j, pool);
    case ComparisonKind::kNumeric:
      return NumericLevel(c, a, i, b, j);
    case ComparisonKind::kDate:
      return DateLevel(c, a, i, b, j);
    case ComparisonKind::kSurnames:
      return SurnameLevel(c, a, i, b, j);
    case ComparisonKind::kGivenName:
      return GivenNameLevel(c, a, i, b, j, pool);
  }
  return static_cast<int>(c.levels.size()) - 1;
}

}  // namespace reunite::linkage
