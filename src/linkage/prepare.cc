#include "linkage/prepare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "common/hash.h"
#include "linkage/parallel.h"
#include "names/dates.h"
#include "names/fold.h"
#include "names/full_name.h"
#include "names/ids.h"
#include "names/phonetic.h"

namespace reunite::linkage {
namespace {

bool NeedsLevel(const Comparison& c, LevelKind kind) {
  return std::any_of(c.levels.begin(), c.levels.end(),
                     [kind](const Level& l) { return l.kind == kind; });
}

std::string NormalizePlainId(std::string_view raw) {
  std::string out;
  for (char ch : names::FoldText(raw)) {
    if (ch != ' ' && ch != '-' && ch != '.') out.push_back(ch);
  }
  return out;
}

// Blocking key text of one key ("column:transform") for one record.
std::string KeyPart(std::string_view standardised, std::string_view transform, bool is_date) {
  if (standardised.empty()) return {};
  if (transform.empty()) return std::string(standardised);
  if (transform == "phonetic") return names::SpanishPhoneticKey(standardised);
  if (transform == "year") return is_date ? std::string(standardised.substr(0, 4)) : std::string();
  if (transform == "month") return is_date ? std::string(standardised.substr(5, 2)) : std::string();
  if (transform == "first_token")
    return std::string(standardised.substr(0, standardised.find(' ')));
  if (transform.substr(0, 5) == "first") {
    size_t n = static_cast<size_t>(std::atoi(std::string(transform.substr(5)).c_str()));
    return std::string(standardised.substr(0, n));
  }
  if (transform.substr(0, 4) == "last") {
    size_t n = static_cast<size_t>(std::atoi(std::string(transform.substr(4)).c_str()));
    return std::string(standardised.substr(standardised.size() > n ? standardised.size() - n : 0));
  }
  return {};
}

// The comparison a blocking key column names: a comparison of that name, else
// the first comparison reading that column; -1 for none.
int ComparisonForKey(const Model& model, const std::string& name) {
  for (size_t c = 0; c < model.comparisons.size(); ++c) {
    if (model.comparisons[c].name == name) return static_cast<int>(c);
  }
  for (size_t c = 0; c < model.comparisons.size(); ++c) {
    if (model.comparisons[c].columns[0] == name) return static_cast<int>(c);
  }
  return -1;
}

// Key text from prepared features: surnames -> paternal surname, given name
// -> first given name, date -> ISO date, others -> the standardised value.
// "phonetic" uses the prepared phonetic keys where there are some.
std::string ComparisonKeyText(const Comparison& c, const PreparedComparison& pc, size_t i,
                              const StringPool& pool, std::string_view transform) {
  const bool phonetic = transform == "phonetic";
  switch (c.kind) {
    case ComparisonKind::kSurnames: {
      if (pc.value[i] == 0) return {};
      const names::SurnameFeature& s = pc.surnames[i];
      if (transform == "maternal") return s.surnames.maternal;
      if (transform == "maternal_phonetic") return s.maternal_key;
      // The last surname written: the maternal one, else the only one (a
      // clerk who keeps one surname, or takes the last word as "last name").
      if (transform == "last_phonetic")
        return s.maternal_key.empty() ? s.paternal_key : s.maternal_key;
      if (transform == "pair_phonetic") {  // both surnames, either order
        if (s.paternal_key.empty() || s.maternal_key.empty()) return {};
        return s.paternal_key < s.maternal_key ? s.paternal_key + "|" + s.maternal_key
                                               : s.maternal_key + "|" + s.paternal_key;
      }
      return phonetic ? s.paternal_key : KeyPart(s.surnames.paternal, transform, false);
    }
    case ComparisonKind::kGivenName: {
      if (pc.value[i] == 0) return {};
      const names::GivenNameFeature& g = pc.given[i];
      return phonetic ? g.phonetic_first : KeyPart(g.first, transform, false);
    }
    case ComparisonKind::kDate:
      if (pc.value[i] == 0) return {};
      return KeyPart(pc.dates[i].ToIso(), transform, true);
    case ComparisonKind::kNumeric: {
      if (std::isnan(pc.numbers[i])) return {};
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6g", pc.numbers[i]);
      return KeyPart(buf, transform, false);
    }
    case ComparisonKind::kText:
    case ComparisonKind::kId:
      if (phonetic && !pc.phonetic.empty()) return std::string(pool.View(pc.phonetic[i]));
      return KeyPart(pool.View(pc.value[i]), transform, false);
  }
  return {};
}

}  // namespace

bool IsMissing(const PreparedComparison& pc, size_t i) {
  if (!pc.value.empty()) return pc.value[i] == 0;
  return pc.numbers.empty() || std::isnan(pc.numbers[i]);
}

std::string StandardiseForKey(std::string_view raw, bool is_date, names::DateOrder order) {
  if (is_date) {
    auto d = names::ParseDate(raw, order);
    return d.ok() ? d->ToIso() : std::string();
  }
  return names::FoldText(raw);
}

names::DateOrder ResolveDateOrder(const RecordTable& table, int column,
                                  names::DateOrder requested) {
  if (requested != names::DateOrder::kAuto || column < 0) return requested;
  std::vector<std::string_view> samples;
  for (size_t i = 0; i < table.size() && samples.size() < 1000; ++i) {
    const std::string& v = table.Value(column, i);
    if (!v.empty()) samples.push_back(v);
  }
  return names::DetectDateOrder(samples);
}

FeatureSpace::FeatureSpace(const Model& model)
    : model_(model),
      pools_(model.comparisons.size()),
      term_frequency_(model.comparisons.size()),
      term_total_(model.comparisons.size(), 0.0) {}

PreparedTable FeatureSpace::Prepare(const RecordTable& table, int threads) {
  PreparedTable out;
  const size_t n = table.size();
  out.size = n;
  if (table.groups.size() == n) out.groups = table.groups;
  out.comparisons.resize(model_.comparisons.size());
  std::vector<std::string> scratch(n);
  // Whole names in one field (kFullNameColumn), split once per record; a
  // record's own given-name or surname columns win when they are filled.
  const int full_col = table.ColumnIndex(kFullNameColumn);
  std::vector<names::PersonName> split;
  const bool reads_names =
      std::any_of(model_.comparisons.begin(), model_.comparisons.end(), [](const Comparison& c) {
        return c.kind == ComparisonKind::kGivenName || c.kind == ComparisonKind::kSurnames;
      });
  if (full_col >= 0 && reads_names) {
    split.resize(n);
    ParallelFor(n, threads, [&](int, size_t b, size_t e) {
      for (size_t i = b; i < e; ++i) {
        const std::string& full = table.Value(full_col, i);
        if (full.empty()) continue;
        names::FullName name = names::SplitFullName(full);
        // The most complete spelling: a second spelling ("a/k/a") with both
        // surnames where the first has one is the fuller record.
        split[i] = std::move(name.name);
        for (names::PersonName& alias : name.aliases) {
          if (split[i].surnames.maternal.empty() && !alias.surnames.maternal.empty() &&
              !alias.given.empty()) {
            split[i] = std::move(alias);
            break;
          }
        }
      }
    });
  }
  for (size_t ci = 0; ci < model_.comparisons.size(); ++ci) {
    const Comparison& c = model_.comparisons[ci];
    PreparedComparison& pc = out.comparisons[ci];
    StringPool& pool = pools_[ci];
    const int col = table.ColumnIndex(c.columns[0]);
    switch (c.kind) {
      case ComparisonKind::kText: {
        const bool phonetic = NeedsLevel(c, LevelKind::kPhonetic);
        const bool tokens = NeedsLevel(c, LevelKind::kTokenSet);
        std::vector<std::string> keys(phonetic ? n : 0);
        ParallelFor(n, threads, [&](int, size_t b, size_t e) {
          for (size_t i = b; i < e; ++i) {
            names::FoldTextInto(table.Value(col, i), &scratch[i]);
            if (phonetic) names::SpanishPhoneticKeyInto(scratch[i], &keys[i]);
          }
        });
        pc.value.resize(n);
        if (phonetic) pc.phonetic.resize(n);
        if (tokens) pc.token_begin.assign(n + 1, 0);
        std::vector<uint32_t> toks;
        for (size_t i = 0; i < n; ++i) {
          pc.value[i] = pool.Intern(scratch[i]);
          if (phonetic) pc.phonetic[i] = pool.Intern(keys[i]);
          if (tokens) {
            toks.clear();
            std::string_view s = scratch[i];
            while (!s.empty()) {
              size_t sp = s.find(' ');
              toks.push_back(pool.Intern(s.substr(0, sp)));
              if (sp == std::string_view::npos) break;
              s.remove_prefix(sp + 1);
            }
            std::sort(toks.begin(), toks.end());
            toks.erase(std::unique(toks.begin(), toks.end()), toks.end());
            pc.tokens.insert(pc.tokens.end(), toks.begin(), toks.end());
            pc.token_begin[i + 1] = static_cast<uint32_t>(pc.tokens.size());
          }
        }
        break;
      }
      case ComparisonKind::kId: {
        ParallelFor(n, threads, [&](int, size_t b, size_t e) {
          for (size_t i = b; i < e; ++i) {
            const std::string& raw = table.Value(col, i);
            scratch[i] = c.a_number ? names::NormalizeANumber(raw) : NormalizePlainId(raw);
          }
        });
        pc.value.resize(n);
        for (size_t i = 0; i < n; ++i) pc.value[i] = pool.Intern(scratch[i]);
        break;
      }
      case ComparisonKind::kNumeric: {
        pc.numbers.resize(n);
        for (size_t i = 0; i < n; ++i) {
          const std::string& raw = table.Value(col, i);
          char* end = nullptr;
          double v = std::strtod(raw.c_str(), &end);
          pc.numbers[i] = (raw.empty() || end == raw.c_str() || *end != '\0')
                              ? std::numeric_limits<double>::quiet_NaN()
                              : v;
        }
        break;
      }
      case ComparisonKind::kDate: {
        names::DateOrder order = ResolveDateOrder(table, col, table.date_order);
        pc.dates.resize(n);
        pc.value.resize(n);
        std::vector<uint8_t> failed(n, 0);
        ParallelFor(n, threads, [&](int, size_t b, size_t e) {
          for (size_t i = b; i < e; ++i) {
            const std::string& raw = table.Value(col, i);
            if (raw.empty()) continue;
            auto d = names::ParseDate(raw, order);
            if (d.ok()) {
              pc.dates[i] = *d;
            } else {
              failed[i] = 1;
            }
          }
        });
        for (size_t i = 0; i < n; ++i) {
          out.unparsed_dates += failed[i];
          // value: day number offset so that 0 stays "missing".
          pc.value[i] =
              pc.dates[i].IsValid() ? static_cast<uint32_t>(pc.dates[i].ToDays() + 1'000'000) : 0;
        }
        break;
      }
      case ComparisonKind::kSurnames: {
        const int col2 = c.columns.size() > 1 ? table.ColumnIndex(c.columns[1]) : -1;
        pc.surnames.resize(n);
        ParallelFor(n, threads, [&](int, size_t b, size_t e) {
          for (size_t i = b; i < e; ++i) {
            const std::string& first = table.Value(col, i);
            const std::string& second = table.Value(col2, i);
            if (first.empty() && second.empty() && !split.empty()) {
              pc.surnames[i] = names::MakeSurnameFeature(split[i].surnames);
            } else {
              pc.surnames[i] = c.columns.size() > 1 ? names::MakeSurnameFeature(first, second)
                                                    : names::MakeSurnameFeature(first);
            }
            // "paternal|maternal": one string per distinct split, so every
            // surname level is a function of the interned value.
            const names::Surnames& s = pc.surnames[i].surnames;
            scratch[i] = s.paternal.empty() ? std::string() : s.paternal + "|" + s.maternal;
          }
        });
        pc.value.resize(n);
        for (size_t i = 0; i < n; ++i) pc.value[i] = pool.Intern(scratch[i]);
        break;
      }
      case ComparisonKind::kGivenName: {
        pc.given.resize(n);
        ParallelFor(n, threads, [&](int, size_t b, size_t e) {
          for (size_t i = b; i < e; ++i) {
            const std::string& raw = table.Value(col, i);
            pc.given[i] =
                names::MakeGivenNameFeature(raw.empty() && !split.empty() ? split[i].given : raw);
          }
        });
        pc.value.resize(n);
        pc.first.resize(n);
        pc.phonetic.resize(n);
        for (size_t i = 0; i < n; ++i) {
          const names::GivenNameFeature& g = pc.given[i];
          bool missing = g.generic || g.full.empty();
          pc.value[i] = missing ? 0 : pool.Intern(g.full);
          pc.first[i] = missing ? 0 : pool.Intern(g.first);
          pc.phonetic[i] = missing ? 0 : pool.Intern(g.phonetic_first);
        }
        break;
      }
    }
  }
  const size_t nc = model_.comparisons.size();
  out.rows.resize(n * nc);
  for (size_t c = 0; c < nc; ++c) {
    const PreparedComparison& pc = out.comparisons[c];
    for (size_t i = 0; i < n; ++i) {
      out.rows[i * nc + c] = pc.value.empty() ? (IsMissing(pc, i) ? 0 : 1) : pc.value[i];
    }
  }
  // Blocking keys, and for rules with if_missing which records lack that value.
  out.block_keys.resize(model_.blocking.size());
  out.block_missing.resize(model_.blocking.size());
  for (size_t r = 0; r < model_.blocking.size(); ++r) {
    const BlockingRule& rule = model_.blocking[r];
    if (!rule.if_missing.empty()) {
      const int c = ComparisonForKey(model_, rule.if_missing);
      std::vector<uint8_t>& missing = out.block_missing[r];
      missing.assign(n, 0);
      for (size_t i = 0; i < n; ++i) missing[i] = IsMissing(out.comparisons[c], i) ? 1 : 0;
    }
    std::vector<uint64_t>& keys = out.block_keys[r];
    keys.assign(n, 0);
    struct Part {
      int comparison;  // >= 0: key from the comparison's prepared features
      int column;      // else from the raw column, folded
      std::string transform;
    };
    std::vector<Part> parts;
    for (const std::string& k : rule.keys) {
      size_t colon = k.find(':');
      std::string name = k.substr(0, colon);
      Part p{ComparisonForKey(model_, name), table.ColumnIndex(name),
             colon == std::string::npos ? "" : k.substr(colon + 1)};
      parts.push_back(std::move(p));
    }
    ParallelFor(n, threads, [&](int, size_t b, size_t e) {
      std::string std_value;
      for (size_t i = b; i < e; ++i) {
        uint64_t h = 0x9E3779B97F4A7C15ULL * (r + 1);
        bool ok = true;
        for (const Part& p : parts) {
          std::string part;
          if (p.comparison >= 0) {
            const size_t c = static_cast<size_t>(p.comparison);
            part = ComparisonKeyText(model_.comparisons[c], out.comparisons[c], i, pools_[c],
                                     p.transform);
          } else {
            names::FoldTextInto(table.Value(p.column, i), &std_value);
            part = KeyPart(std_value, p.transform, false);
          }
          if (part.empty()) {
            ok = false;
            break;
          }
          h = Hash64(part, h);
        }
        keys[i] = ok ? (h == 0 ? 1 : h) : 0;
      }
    });
  }
  return out;
}

void FeatureSpace::CountTermFrequencies(const std::vector<const PreparedTable*>& tables) {
  for (size_t ci = 0; ci < model_.comparisons.size(); ++ci) {
    std::vector<double>& tf = term_frequency_[ci];
    tf.assign(pools_[ci].size(), 0.0);
    if (!model_.comparisons[ci].tf_adjust) continue;
    double total = 0;
    for (const PreparedTable* t : tables) {
      for (uint32_t v : t->comparisons[ci].value) {
        if (v == 0 || v >= tf.size()) continue;
        tf[v] += 1;
        total += 1;
      }
    }
    term_total_[ci] = total;
  }
}

}  // namespace reunite::linkage
