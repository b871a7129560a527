#include "names/full_name.h"

#include <algorithm>
#include <iterator>

#include "names/fold.h"
#include "names/given_names.h"

namespace reunite::names {
namespace {

// Given names that are also common surnames in Mexico and Central America:
// saints' names are frequent Maya surnames (Pascual, Mateo, Domingo, Juan,
// Francisco), and Cruz, Reyes, Santos, Jesús ("de Jesús") are common Hispanic
// surnames. Between the first given name and the last word they are neutral
// evidence, so "Juan Pascual Lopez" reads as two surnames. Sorted.
constexpr std::string_view kAlsoSurnames[] = {
    "andres",    "bautista", "cruz",    "diego",    "domingo", "esteban",  "felipe",   "francisco",
    "gaspar",    "jeronimo", "jesus",   "juan",     "lorenzo", "lucas",    "marcos",   "martin",
    "mateo",     "miguel",   "nicolas", "pascual",  "reyes",   "salvador", "santiago", "santos",
    "sebastian", "simon",    "tomas",   "trinidad", "vicente"};
static_assert(std::is_sorted(std::begin(kAlsoSurnames), std::end(kAlsoSurnames)),
              "kAlsoSurnames must be sorted");

bool IsAlsoSurname(std::string_view t) {
  return std::binary_search(std::begin(kAlsoSurnames), std::end(kAlsoSurnames), t);
}

bool IsSuffix(std::string_view t) {
  return t == "jr" || t == "sr" || t == "ii" || t == "iii" || t == "iv";
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Join(const std::vector<std::string_view>& words, size_t b, size_t e) {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[k]);
  }
  return out;
}

// The ASCII letters of a raw word, lower-cased ("A/K/A" -> "aka", "a.k.a." -> "aka").
std::string MarkerKey(std::string_view word) {
  std::string key;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
    if (c >= 'a' && c <= 'z') key.push_back(c);
  }
  return key;
}

// Length in words of an alias marker starting at words[i], or 0.
size_t MarkerAt(const std::vector<std::string_view>& words, size_t i) {
  const std::string key = MarkerKey(words[i]);
  if (key == "aka" || key == "fka" || key == "nka" || key == "alias") return 1;
  if (key == "also" && i + 2 < words.size() && MarkerKey(words[i + 1]) == "known" &&
      MarkerKey(words[i + 2]) == "as") {
    return 3;
  }
  return 0;
}

// Splits raw text at alias markers: the parts between them, in order.
std::vector<std::string> SplitAtMarkers(std::string_view text) {
  std::vector<std::string_view> words = SplitWords(text);
  std::vector<std::string> parts(1);
  size_t begin = 0;
  for (size_t i = 0; i < words.size();) {
    const size_t m = MarkerAt(words, i);
    if (m == 0) {
      ++i;
      continue;
    }
    parts.back() = Join(words, begin, i);
    parts.emplace_back();
    i += m;
    begin = i;
  }
  parts.back() = Join(words, begin, words.size());
  return parts;
}

// Removes parenthesised and double-quoted groups ("(a/k/a X)", '"Pepe"',
// “Pepe”) from `raw`; returns the rest and appends each group's text.
std::string ExtractGroups(std::string_view raw, std::vector<std::string>* groups) {
  std::string rest;
  size_t i = 0;
  while (i < raw.size()) {
    std::string_view close;
    size_t open_len = 1;
    if (raw[i] == '(') {
      close = ")";
    } else if (raw[i] == '"') {
      close = "\"";
    } else if (raw.substr(i, 3) == "\xE2\x80\x9C") {  // “
      close = "\xE2\x80\x9D";                         // ”
      open_len = 3;
    }
    if (close.empty()) {
      rest.push_back(raw[i]);
      ++i;
      continue;
    }
    size_t end = raw.find(close, i + open_len);
    if (end == std::string_view::npos) end = raw.size();
    groups->emplace_back(raw.substr(i + open_len, end - i - open_len));
    rest.push_back(' ');
    i = end == raw.size() ? end : end + close.size();
  }
  return rest;
}

// One folded word with what its raw spelling tells.
struct Word {
  std::string text;
  int raw_index = 0;         // which raw (whitespace-separated) word it came from
  bool upper = false;        // the raw word has two or more letters, all upper case
  bool hyphenated = false;   // part of a raw word joined by a hyphen ("Garcia-Lopez")
  bool bare_letter = false;  // the raw word is one letter without a dot ("y", "E")
};

// Upper/lower case of a raw word: ASCII letters and the Latin-1 letters
// (U+00C0..U+00DE upper, U+00DF..U+00FF lower, encoded C3 80..C3 BF).
void CaseOf(std::string_view w, int* uppers, int* lowers) {
  for (size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z') ++*uppers;
    if (c >= 'a' && c <= 'z') ++*lowers;
    if (c == 0xC3 && i + 1 < w.size()) {
      const auto d = static_cast<unsigned char>(w[i + 1]);
      if (d >= 0x80 && d <= 0x9E) ++*uppers;
      if (d >= 0x9F && d <= 0xBF) ++*lowers;
      ++i;
    }
  }
}

std::vector<Word> FoldWords(std::string_view raw) {
  std::vector<Word> words;
  int index = 0;
  for (std::string_view w : SplitWords(raw)) {
    const std::string folded = FoldText(w);
    if (folded.empty()) continue;
    int uppers = 0, lowers = 0;
    CaseOf(w, &uppers, &lowers);
    const bool hyphen = w.find('-') != std::string_view::npos ||
                        w.find("\xE2\x80\x93") != std::string_view::npos;  // en dash
    size_t parts = static_cast<size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
    size_t start = 0;
    for (size_t p = 0; p < parts; ++p) {
      size_t sp = folded.find(' ', start);
      Word word;
      word.text = folded.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
      word.raw_index = index;
      word.upper = uppers >= 2 && lowers == 0;
      word.hyphenated = hyphen && parts > 1;
      word.bare_letter = w.size() == 1;
      words.push_back(std::move(word));
      start = sp + 1;
    }
    ++index;
  }
  // Leading honorifics ("Doña Lupe", "Sr. José") and trailing suffixes ("Jr").
  while (words.size() > 1 && IsHonorific(words.front().text)) words.erase(words.begin());
  while (words.size() > 1 && IsSuffix(words.back().text)) words.pop_back();
  return words;
}

std::string JoinWords(const std::vector<Word>& words, size_t b, size_t e) {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[k].text);
  }
  return out;
}

// A name part: a word with the particles before it ("de los angeles").
struct Unit {
  size_t begin = 0, end = 0;  // word range
  const Word* core = nullptr;
  bool upper = false;  // every word with letters is upper case
  bool particles = false;
  bool compound = false;  // a known compound surname ("ponce de leon")
};

// How strongly a unit reads as a given name (> 0) or a surname (< 0).
double GivenEvidence(const Unit& u) {
  const std::string& t = u.core->text;
  double e;
  if (u.compound) {
    e = -3;
  } else if (t.size() == 1) {
    e = 4;  // an initial
  } else if (IsAlsoSurname(t)) {
    e = 0;
  } else if (IsKnownGivenName(t)) {
    e = 3;
  } else {
    e = -1;
  }
  return u.particles ? e - 0.5 : e;
}

// Priors: one or two given names; two surnames (one when the other was dropped).
double GivenPrior(size_t g) {
  if (g <= 1) return 0;
  if (g == 2) return -0.5;
  return -1.5 - 3.0 * static_cast<double>(g - 3);
}
double SurnamePrior(size_t s) {
  if (s == 2) return 0;
  if (s == 1) return -1.5;
  return -3.0 * static_cast<double>(s - 2);
}
// Surnames first without a comma ("GARCIA LOPEZ MARIA") needs strong evidence.
constexpr double kNoCommaSurnamesFirst = -3.0;

PersonName ParseWithoutComma(std::string_view raw, FullNameForm* form) {
  const std::vector<Word> words = FoldWords(raw);
  std::vector<Unit> units;
  constexpr size_t kNone = ~size_t{0};
  size_t max_given = kNone;  // from joiners and widow markers
  size_t end_word = words.size();
  size_t pending = kNone;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (pending == kNone && units.size() >= 2 && i + 1 < words.size() && w.bare_letter &&
        (w.text == "y" || w.text == "e")) {
      max_given = std::min(max_given, units.size() - 1);  // "Maria Garcia y Lopez"
      continue;
    }
    if (units.size() >= 2 && (w.text == "vda" || w.text == "viuda")) {
      max_given = std::min(max_given, units.size() - 1);
      end_word = i;
      break;
    }
    if (IsSurnameParticle(w.text) && i + 1 < words.size()) {
      if (pending == kNone) pending = i;
      continue;
    }
    Unit u;
    u.begin = pending == kNone ? i : pending;
    u.end = i + 1;
    u.core = &w;
    u.particles = pending != kNone;
    u.upper = w.upper;
    for (size_t k = u.begin; k < u.end; ++k) u.upper = u.upper && words[k].upper;
    pending = kNone;
    units.push_back(u);
  }
  // A known compound surname split at its inner particle is one unit.
  for (size_t k = 1; k < units.size(); ++k) {
    if (IsCompoundSurname(JoinWords(words, units[k - 1].begin, units[k].end))) {
      units[k - 1].end = units[k].end;
      units[k - 1].core = units[k].core;
      units[k - 1].compound = true;
      units.erase(units.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
  PersonName out;
  const size_t n = units.size();
  if (n == 0) return out;
  *form = FullNameForm::kGivenFirst;
  if (n == 1) {
    out.given = JoinWords(words, 0, end_word);
    return out;
  }
  auto given_first = [&](size_t g) {
    PersonName p;
    p.given = JoinWords(words, 0, units[g].begin);
    p.surnames = SplitFamilyName(JoinWords(words, units[g].begin, end_word));
    return p;
  };
  // A hyphenated first word is a compound given name ("Jean-Pierre").
  size_t min_given = 1;
  while (min_given < n && units[min_given].core->hyphenated &&
         units[min_given].core->raw_index == units[0].core->raw_index) {
    ++min_given;
  }
  // 1. A hyphenated word after the first holds surnames ("Juan P. de Leon-Castro"):
  //    they start there at the latest.
  bool cue = max_given != kNone || min_given > 1;
  for (size_t k = min_given; k < n; ++k) {
    if (units[k].core->hyphenated) {
      max_given = std::min(max_given, k);
      cue = true;
      break;
    }
  }
  // 2. Upper-case words ending a mixed-case name are surnames ("Maria Jose GARCIA LOPEZ").
  size_t t = n;
  while (t > 0 && units[t - 1].upper) --t;
  if (t >= 1 && t < n) {
    bool prefix_lower = true;
    for (size_t k = 0; k < t; ++k) prefix_lower = prefix_lower && !units[k].upper;
    if (prefix_lower) return given_first(std::min(t, max_given));
  }
  // 3. The given-name tables with the priors.
  std::vector<double> e(n);
  for (size_t k = 0; k < n; ++k) e[k] = GivenEvidence(units[k]);
  double best = -1e9;
  size_t best_g = std::min(min_given, n - 1);
  bool reversed = false;
  for (size_t g = best_g; g < n && g <= max_given; ++g) {
    double s = GivenPrior(g) + SurnamePrior(n - g);
    for (size_t k = 0; k < n; ++k) s += k < g ? e[k] : -e[k];
    if (s > best) {
      best = s;
      best_g = g;
    }
  }
  if (!cue) {
    for (size_t h = 1; h < n; ++h) {  // surnames first, no comma
      double s = kNoCommaSurnamesFirst + SurnamePrior(h) + GivenPrior(n - h);
      for (size_t k = 0; k < n; ++k) s += k < h ? -e[k] : e[k];
      if (s > best) {
        best = s;
        best_g = h;
        reversed = true;
      }
    }
  }
  if (!reversed) return given_first(best_g);
  *form = FullNameForm::kSurnamesFirst;
  PersonName p;
  p.given = JoinWords(words, units[best_g].begin, end_word);
  p.surnames = SplitFamilyName(JoinWords(words, 0, units[best_g].begin));
  return p;
}

PersonName ParseSegment(std::string_view raw, FullNameForm* form) {
  const size_t comma = raw.find(',');
  if (comma != std::string_view::npos) {
    const std::vector<Word> right = FoldWords(raw.substr(comma + 1));
    const std::string left = FoldText(raw.substr(0, comma));
    const bool right_is_suffix = right.size() == 1 && IsSuffix(right[0].text);
    if (!right.empty() && !right_is_suffix && !left.empty()) {
      *form = FullNameForm::kSurnamesFirst;
      PersonName n;
      n.given = JoinWords(right, 0, right.size());
      n.surnames = SplitFamilyName(left);
      return n;
    }
    if (left.empty()) return ParseWithoutComma(raw.substr(comma + 1), form);
    return ParseWithoutComma(raw.substr(0, comma), form);
  }
  return ParseWithoutComma(raw, form);
}

bool IsEmpty(const PersonName& n) { return n.given.empty() && n.surnames.paternal.empty(); }

}  // namespace

FullName SplitFullName(std::string_view raw) {
  FullName out;
  std::vector<std::string> groups;
  const std::string main = ExtractGroups(raw, &groups);
  std::vector<PersonName> spellings;
  FullNameForm first_form = FullNameForm::kEmpty;
  for (const std::string& part : SplitAtMarkers(main)) {
    FullNameForm form = FullNameForm::kEmpty;
    PersonName n = ParseSegment(part, &form);
    if (IsEmpty(n)) continue;
    if (spellings.empty()) first_form = form;
    spellings.push_back(std::move(n));
  }
  std::vector<PersonName> nicknames;
  for (const std::string& g : groups) {
    std::vector<std::string_view> words = SplitWords(g);
    size_t skip = words.empty() ? 0 : MarkerAt(words, 0);
    std::string text = Join(words, skip, words.size());
    FullNameForm form = FullNameForm::kEmpty;
    const std::string folded = FoldText(text);
    if (skip == 0 && !folded.empty() && folded.find(' ') == std::string::npos) {
      PersonName nick;
      nick.given = folded;
      nicknames.push_back(std::move(nick));
      continue;
    }
    PersonName n = ParseSegment(text, &form);
    if (IsEmpty(n)) continue;
    if (spellings.empty()) first_form = form;
    spellings.push_back(std::move(n));
  }
  if (spellings.empty() && !nicknames.empty()) {
    spellings.push_back(std::move(nicknames.front()));
    nicknames.erase(nicknames.begin());
    first_form = FullNameForm::kGivenFirst;
  }
  if (spellings.empty()) return out;
  out.form = first_form;
  out.name = std::move(spellings.front());
  for (size_t k = 1; k < spellings.size(); ++k) out.aliases.push_back(std::move(spellings[k]));
  for (PersonName& nick : nicknames) {
    nick.surnames = out.name.surnames;
    out.aliases.push_back(std::move(nick));
  }
  return out;
}

std::string_view FullNameFormName(FullNameForm form) {
  switch (form) {
    case FullNameForm::kEmpty:
      return "empty";
    case FullNameForm::kSurnamesFirst:
      return "surnames_first";
    case FullNameForm::kGivenFirst:
      return "given_first";
  }
  return "empty";
}

}  // namespace reunite::names
