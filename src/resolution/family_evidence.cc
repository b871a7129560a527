#include "resolution/family_evidence.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "names/fold.h"
#include "names/ids.h"
#include "names/phonetic.h"

namespace reunite::resolution {
namespace {

using nlohmann::json;

std::string Key(std::string_view folded) { return names::SpanishPhoneticKey(folded); }

std::string FirstToken(const std::string& s) { return s.substr(0, s.find(' ')); }

// What resolution knows of one person for family evidence.
struct Facts {
  std::string id;
  bool child = false;
  std::string sex;
  int dob_year = 0;
  std::string nationality;
  std::set<std::string> given_keys;                        // every given name token
  std::set<std::pair<std::string, std::string>> surnames;  // (paternal, maternal) keys
  std::set<std::string> a_numbers;
  std::set<std::string> units;
  std::set<size_t> groups;  // e3 apprehension groups
  int apprehension_year = 0;
};

int Year(const std::string& iso) {
  return iso.size() >= 4 ? std::atoi(iso.substr(0, 4).c_str()) : 0;
}

bool NameMatches(const Facts& f, const names::PersonName& n) {
  const std::string given = FirstToken(n.given);
  if (given.empty() || f.given_keys.count(Key(given)) == 0) return false;
  if (n.surnames.paternal.empty()) return true;
  const std::string k = Key(n.surnames.paternal);
  for (const auto& [p, m] : f.surnames) {
    if (p == k || m == k) return true;
  }
  return false;
}

// How a child may have inherited a surname from `a`: "father", "mother",
// "grandfather" or "" (none).
std::string SurnameLink(const Facts& a, const Facts& x) {
  bool paternal = false, maternal = false;
  for (const auto& [ap, am] : a.surnames) {
    if (ap.empty()) continue;
    for (const auto& [xp, xm] : x.surnames) {
      if (ap == xp && (a.sex != "female" || xm.empty() || am == xm)) paternal = true;
      if (ap == xm) maternal = true;
    }
  }
  const int gap = a.dob_year > 0 && x.dob_year > 0 ? x.dob_year - a.dob_year : 0;
  if (a.sex == "male") {
    if (paternal) return "father";
    if (maternal && gap >= 34) return "grandfather";
    return "";
  }
  if (a.sex == "female") return paternal || maternal ? "mother" : "";
  return paternal || maternal ? "parent" : "";
}

int EvidenceRank(const std::string& item_kind) {
  static constexpr std::string_view kOrder[] = {"review",
                                                "family_unit",
                                                "decision_log",
                                                "shelter_parent_info",
                                                "outreach_children",
                                                "apprehended_together"};
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (kOrder[i] == item_kind) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kOrder));
}

struct Item {
  std::string kind, source, detail, kind_hint;
  bool operator<(const Item& o) const {
    const int a = EvidenceRank(kind), b = EvidenceRank(o.kind);
    if (a != b) return a < b;
    return std::tie(source, detail) < std::tie(o.source, o.detail);
  }
};

class Builder {
 public:
  Builder(const std::vector<StoredRecord>& records, const std::vector<std::string>& person_of,
          const std::map<std::string, Person>& persons)
      : records_(records), person_of_(person_of) {
    for (const auto& [id, p] : persons) {
      Facts& f = facts_[id];
      f.id = id;
      f.child = p.age_group == "child";
      f.sex = p.sex;
      f.dob_year = Year(p.dob);
      f.nationality = p.nationality;
    }
    std::map<std::pair<std::string, std::string>, size_t> group_index;
    for (size_t i = 0; i < records.size(); ++i) {
      const StoredRecord& r = records[i];
      auto it = facts_.find(person_of[i]);
      if (it == facts_.end()) continue;
      Facts& f = it->second;
      const names::PersonName n = NameOf(r);
      std::string given = n.given;
      for (size_t pos = 0; !given.empty();) {
        const size_t sp = given.find(' ', pos);
        f.given_keys.insert(Key(given.substr(pos, sp - pos)));
        if (sp == std::string::npos) break;
        pos = sp + 1;
      }
      if (!n.surnames.paternal.empty()) {
        f.surnames.emplace(Key(n.surnames.paternal),
                           n.surnames.maternal.empty() ? std::string() : Key(n.surnames.maternal));
      }
      if (!r.Field("a_number").empty()) f.a_numbers.insert(r.Field("a_number"));
      if (r.source != "e3") continue;
      const std::string& date = r.Field("apprehended_on");
      if (date.empty()) continue;
      auto [g, added] = group_index.try_emplace({date, r.Field("station")}, groups_.size());
      if (added) groups_.emplace_back();
      groups_[g->second].insert(f.id);
      f.groups.insert(g->second);
      f.apprehension_year = std::max(f.apprehension_year, Year(date));
      const std::string& unit = r.Field("family_unit");
      if (!unit.empty()) {
        f.units.insert(unit);
        UnitAcc& u = units_[unit];
        u.members[f.id] = AgeGroupOf(r);
        if (u.apprehended_on.empty() || date < u.apprehended_on) u.apprehended_on = date;
        if (r.Field("separated") == "yes") u.split = true;
      }
    }
    for (const auto& [id, f] : facts_) {
      for (const std::string& a : f.a_numbers) by_a_number_[a].insert(id);
    }
  }

  FamilyEvidence Run() {
    FromFamilyUnits();
    FromApprehensionGroups();
    FromDeclarations();
    return Finish();
  }

 private:
  struct UnitAcc {
    std::map<std::string, std::string> members;  // person -> adult | child
    std::string apprehended_on;
    bool split = false;
  };

  void Add(const std::string& parent, const std::string& child, Item item) {
    if (parent == child || parent.empty() || child.empty()) return;
    links_[{parent, child}].insert(std::move(item));
  }

  void FromFamilyUnits() {
    for (const auto& [unit, u] : units_) {
      for (const auto& [adult, arole] : u.members) {
        if (arole != "adult") continue;
        for (const auto& [child, crole] : u.members) {
          if (crole != "child") continue;
          Add(adult, child, {"family_unit", "e3/" + unit, unit, ""});
        }
      }
    }
  }

  void FromApprehensionGroups() {
    for (size_t g = 0; g < groups_.size(); ++g) {
      std::vector<std::pair<std::string, std::string>> found;  // (parent, child)
      std::map<std::pair<std::string, std::string>, std::string> kinds;
      for (const std::string& a : groups_[g]) {
        const Facts& fa = facts_.at(a);
        if (fa.child) continue;
        for (const std::string& x : groups_[g]) {
          if (x == a) continue;
          const Facts& fx = facts_.at(x);
          if (!fx.child && (fx.dob_year == 0 || fx.apprehension_year - fx.dob_year > 25)) continue;
          if (fa.dob_year == 0 || fx.dob_year == 0) continue;
          const int gap = fx.dob_year - fa.dob_year;
          if (gap < 14 || gap > 70) continue;
          if (!fa.nationality.empty() && !fx.nationality.empty() &&
              fa.nationality != fx.nationality) {
            continue;
          }
          if (!fa.units.empty() && !fx.units.empty() && fa.units != fx.units) continue;
          const std::string kind = SurnameLink(fa, fx);
          if (kind.empty()) continue;
          found.emplace_back(a, x);
          kinds[{a, x}] = kind;
        }
      }
      // A "parent" who is someone's child in the group is a sibling.
      std::set<std::string> children_here;
      for (const auto& [p, c] : found) children_here.insert(c);
      for (const auto& [unit_id, u] : units_) {
        for (const auto& [m, role] : u.members) {
          if (role == "child" && groups_[g].count(m)) children_here.insert(m);
        }
      }
      for (const auto& [p, c] : found) {
        if (children_here.count(p)) continue;
        Add(p, c, {"apprehended_together", "e3", "group " + std::to_string(g), kinds[{p, c}]});
      }
    }
  }

  // Persons apprehended with `id`, of the given age group.
  std::vector<std::string> Companions(const std::string& id, bool want_child) const {
    std::set<std::string> out;
    auto it = facts_.find(id);
    if (it == facts_.end()) return {};
    for (size_t g : it->second.groups) {
      for (const std::string& m : groups_[g]) {
        if (m != id && facts_.at(m).child == want_child) out.insert(m);
      }
    }
    return {out.begin(), out.end()};
  }

  // The one person matching `d` among `candidates` (else by A-number).
  std::string Find(const DeclaredPerson& d, const std::vector<std::string>& candidates) const {
    if (!d.a_number.empty()) {
      auto it = by_a_number_.find(d.a_number);
      if (it != by_a_number_.end() && it->second.size() == 1) return *it->second.begin();
    }
    if (d.name.empty()) return "";
    const names::PersonName n = names::SplitFullName(d.name).name;
    std::string match;
    for (const std::string& c : candidates) {
      if (!NameMatches(facts_.at(c), n)) continue;
      if (!match.empty()) return "";  // ambiguous
      match = c;
    }
    return match;
  }

  void FromDeclarations() {
    for (size_t i = 0; i < records_.size(); ++i) {
      const StoredRecord& r = records_[i];
      const std::string& person = person_of_[i];
      if (facts_.count(person) == 0) continue;
      if (r.source == "dlog") {
        for (const DeclaredPerson& d : ParseAffectedChildren(r.Field("affected_children"))) {
          Add(person, Find(d, Companions(person, true)), {"decision_log", r.ref, d.name, ""});
        }
      } else if (r.source == "ngo") {
        for (const DeclaredPerson& d : ParseOutreachChildren(r.raw)) {
          Add(person, Find(d, Companions(person, true)), {"outreach_children", r.ref, d.name, ""});
        }
      } else if (r.source == "orr") {
        const DeclaredPerson d = ParseParentInfo(r.Field("parent_info"));
        if (d.name.empty()) continue;
        std::vector<std::string> adults = Companions(person, false);
        if (d.kind == "mother" || d.kind == "grandmother" || d.kind == "father" ||
            d.kind == "grandfather") {
          const std::string want =
              d.kind == "mother" || d.kind == "grandmother" ? "female" : "male";
          std::erase_if(adults, [&](const std::string& a) {
            const std::string& s = facts_.at(a).sex;
            return !s.empty() && s != want;
          });
        }
        Add(Find(d, adults), person, {"shelter_parent_info", r.ref, d.name, d.kind});
      }
    }
  }

  FamilyEvidence Finish() {
    FamilyEvidence out;
    std::map<std::string, std::set<std::string>> units_of_child;
    for (const auto& [unit, u] : units_) {
      for (const auto& [m, role] : u.members) {
        if (role == "child") units_of_child[m].insert(unit);
      }
    }
    for (auto& [key, items] : links_) {
      const auto& [parent, child] = key;
      Relationship rel;
      rel.parent_id = parent;
      rel.child_id = child;
      std::map<std::string, int> hints;
      json list = json::array();
      for (const Item& it : items) {
        if (!it.kind_hint.empty()) ++hints[it.kind_hint];
        list.push_back({{"kind", it.kind}, {"source", it.source}, {"detail", it.detail}});
      }
      const Item& best = *items.begin();
      rel.evidence = EvidenceRank(best.kind) <= 2 ? "agency_record" : "claimed";
      rel.source = best.source;
      rel.status = "asserted";
      rel.evidence_items = list.dump();
      int most = 0;
      for (const auto& [k, n] : hints) {
        if (k != "parent" && n > most) {
          rel.kind = k;
          most = n;
        }
      }
      if (rel.kind.empty()) {
        const std::string link = SurnameLink(facts_.at(parent), facts_.at(child));
        const std::string& sex = facts_.at(parent).sex;
        rel.kind = !link.empty() && link != "parent" ? link
                   : sex == "female"                 ? "mother"
                   : sex == "male"                   ? "father"
                                                     : "parent";
      }
      // The agency dropped the number of a referred adult: the unit keeps them.
      if (facts_.at(parent).units.empty()) {
        for (const std::string& unit : units_of_child[child]) {
          units_[unit].members.try_emplace(parent, "adult");
        }
      }
      out.relationships.push_back(std::move(rel));
    }
    for (const auto& [unit, u] : units_) {
      FamilyUnit fu;
      fu.family_unit = unit;
      fu.status = u.split ? "split" : "open";
      fu.apprehended_on = u.apprehended_on;
      for (const auto& [m, role] : u.members) fu.members.push_back({m, role});
      out.units.push_back(std::move(fu));
    }
    return out;
  }

  const std::vector<StoredRecord>& records_;
  const std::vector<std::string>& person_of_;
  std::map<std::string, Facts> facts_;
  std::vector<std::set<std::string>> groups_;
  std::map<std::string, UnitAcc> units_;
  std::map<std::string, std::set<std::string>> by_a_number_;
  std::map<std::pair<std::string, std::string>, std::set<Item>> links_;
};

std::string Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == ',' || s.front() == ':' || s.front() == '-')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

DeclaredPerson ParseParentInfo(std::string_view text) {
  DeclaredPerson d;
  // The name ends at the first comma or parenthesis ("..., in ICE custody",
  // "(detained)"); folding turns every punctuation mark into a space.
  const std::string folded = names::FoldText(text.substr(0, text.find_first_of(",(")));
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"came with grandmother", "grandmother"},
      {"came with grandfather", "grandfather"},
      {"grandmother", "grandmother"},
      {"grandfather", "grandfather"},
      {"abuela", "grandmother"},
      {"abuelo", "grandfather"},
      {"madre", "mother"},
      {"mother", "mother"},
      {"mom", "mother"},
      {"padre", "father"},
      {"father", "father"},
      {"dad", "father"},
      {"parent", "parent"}};
  for (const auto& [word, kind] : kWords) {
    if (folded.rfind(word, 0) != 0) continue;
    if (folded.size() > word.size() && folded[word.size()] != ' ') continue;
    d.kind = std::string(kind);
    // "parent in custody, name unknown" names nobody.
    if (kind != "parent") d.name = Trim(std::string_view(folded).substr(word.size()));
    break;
  }
  return d;
}

std::vector<DeclaredPerson> ParseAffectedChildren(std::string_view text) {
  std::vector<DeclaredPerson> out;
  while (!text.empty()) {
    const size_t semi = text.find(';');
    std::string_view entry = text.substr(0, semi);
    text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
    DeclaredPerson d;
    const size_t open = entry.find('(');
    if (open != std::string_view::npos) {
      const size_t close = entry.find(')', open);
      d.a_number = names::NormalizeANumber(entry.substr(open + 1, close - open - 1));
      entry = entry.substr(0, open);
    }
    d.name = Trim(entry);
    if (!d.name.empty() || !d.a_number.empty()) out.push_back(std::move(d));
  }
  return out;
}

std::vector<DeclaredPerson> ParseOutreachChildren(std::string_view raw_json) {
  std::vector<DeclaredPerson> out;
  json j = json::parse(raw_json, nullptr, false);
  if (!j.is_object()) return out;
  auto it = j.find("children");
  if (it == j.end() || !it->is_array()) return out;
  for (const json& c : *it) {
    if (!c.is_object()) continue;
    auto name = c.find("name");
    if (name != c.end() && name->is_string()) out.push_back({name->get<std::string>(), "", ""});
  }
  return out;
}

FamilyEvidence DeriveFamilies(const std::vector<StoredRecord>& records,
                              const std::vector<std::string>& person_of,
                              const std::map<std::string, Person>& persons) {
  return Builder(records, person_of, persons).Run();
}

}  // namespace reunite::resolution
