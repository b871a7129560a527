// The child shelter registry (ORR) and the NGO outreach log (JSON Lines).
// Column meanings: docs/synthetic-data.md.
#include <cstdio>

#include "synth/exports.h"

namespace reunite::synth::internal {
namespace {

std::string_view LanguageAsWritten(Rng& rng, std::string_view language) {
  if (language == "K'iche'") {
    constexpr std::string_view k[] = {"K'iche'", "Quiche", "Kiche", "K'iche"};
    return k[rng.Below(4)];
  }
  if (language == "Q'anjob'al") {
    constexpr std::string_view k[] = {"Q'anjob'al", "Kanjobal", "Qanjobal"};
    return k[rng.Below(3)];
  }
  if (language == "Q'eqchi'") {
    constexpr std::string_view k[] = {"Q'eqchi'", "Kekchi", "Qeqchi"};
    return k[rng.Below(3)];
  }
  if (language == "Mam") return rng.Chance(0.8) ? "Mam" : "MAM";
  constexpr std::string_view k[] = {"Spanish", "Spanish", "Español", "spanish"};
  return k[rng.Below(4)];
}

std::string MaybeFold(Rng& rng, std::string s, const SourceErrors& e) {
  return rng.Chance(e.accents_kept) ? s : FoldAccents(s);
}

std::string ParentInfo(Rng& rng, const Family& f, int parent, const SourceErrors& e) {
  if (parent < 0 || rng.Chance(0.45)) return "";
  const Person& p = f.persons[parent];
  if (rng.Chance(0.10)) return "parent in custody, name unknown";
  const RecordedName n = RecordName(rng, p.name, p.habits, e.names, 1);
  const std::string name =
      MaybeFold(rng, Join(n.given, " ") + " " + Join({n.paternal, n.maternal}, " "), e);
  const bool female = p.sex == Sex::kFemale;
  if (p.role == Role::kGrandparent) {
    return rng.Chance(0.5)
               ? std::string(female ? "Abuela: " : "Abuelo: ") + name
               : std::string(female ? "came with grandmother " : "came with grandfather ") + name;
  }
  switch (rng.Below(3)) {
    case 0:
      return std::string(female ? "Madre: " : "Padre: ") + name;
    case 1:
      return std::string(female ? "mother " : "father ") + name + ", in ICE custody";
    default:
      return std::string(female ? "Mom - " : "Dad - ") + MaybeFold(rng, n.given[0], e) +
             " (detained)";
  }
}

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void JsonMember(std::string& out, std::string_view key, std::string_view value,
                bool null_if_empty = true) {
  out.push_back(',');
  AppendJsonString(out, key);
  out.push_back(':');
  if (value.empty() && null_if_empty) {
    out += "null";
  } else {
    AppendJsonString(out, value);
  }
}

// The shelter's determination that the child cannot be released to the
// parent (e.g. "ineligible: safety"), while in this stay, or nullptr.
const TimelineEvent* EligibilityDecision(const Family& f, const ShelterStay& s) {
  for (const TimelineEvent& e : f.events) {
    if (e.member != s.member || e.type != "eligibility_determined") continue;
    if (e.date < s.referral || (s.discharge.IsValid() && s.discharge < e.date)) continue;
    return &e;
  }
  return nullptr;
}

}  // namespace

void RenderShelter(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out) {
  for (const ShelterStay& s : f.shelter) {
    const Person& p = f.persons[s.member];
    const int copies = rng.Chance(e.duplicate) ? 2 : 1;
    for (int c = 0; c < copies; ++c) {
      ExportRow row;
      row.person_id = p.person_id;
      std::string& t = row.tail;
      bool anchored = false;
      const std::string a = RecordANumber(rng, p, e,
                                          {{ANumberStyle::kDashed, 0.4},
                                           {ANumberStyle::kLetter9, 0.4},
                                           {ANumberStyle::kDigits9, 0.2}},
                                          anchored);
      const RecordedName n = RecordPersonName(rng, p, e, anchored);
      const Date dob = RecordPersonDob(rng, p, e, (anchored ? 2 : 1) - n.hard);
      const bool accents = rng.Chance(e.accents_kept);
      auto text = [&](const std::string& v) { return accents ? v : FoldAccents(v); };
      const Shelter& shelter = Shelters()[s.shelter];
      AddField(t, a);
      AddField(t, text(Join({n.paternal, n.maternal}, " ")));
      AddField(t, text(Join(n.given, " ")));
      AddField(t, UsDate(dob));
      AddField(t, (p.sex == Sex::kFemale) != rng.Chance(e.sex_wrong) ? "F" : "M");
      AddField(t, f.nationality);
      AddField(t, LanguageAsWritten(rng, f.language));
      AddField(t, shelter.name);
      AddField(t, shelter.city);
      AddField(t, shelter.state);
      AddField(t, UsDate(s.referral));
      AddField(t, UsDate(s.discharge));
      AddField(t, s.discharge_type);
      AddField(t, s.sponsor_relation);
      AddField(t, ParentInfo(rng, f, s.parent, e));
      const TimelineEvent* eligibility = EligibilityDecision(f, s);
      AddField(t, eligibility != nullptr ? UsDate(eligibility->date) : std::string());
      AddField(t, eligibility == nullptr                        ? std::string()
                  : eligibility->reason == "ineligible: safety" ? "Ineligible - safety concern"
                                                                : eligibility->reason);
      out.push_back(std::move(row));
    }
  }
}

void RenderOutreach(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out) {
  constexpr std::string_view kOrganizations[] = {"Red de Apoyo Familiar", "Familias Unidas Project",
                                                 "Puentes Legal Aid"};
  for (const OutreachAttempt& a : f.outreach) {
    const Person& p = f.persons[a.member];
    ExportRow row;
    row.person_id = p.person_id;
    std::string& t = row.tail;
    bool anchored = false;
    const std::string anum = RecordANumber(
        rng, p, e, {{ANumberStyle::kLetter9, 0.6}, {ANumberStyle::kDigits9, 0.4}}, anchored);
    const RecordedName n = RecordPersonName(rng, p, e, anchored);
    JsonMember(t, "attempt_date", DmyDate(a.date));
    JsonMember(t, "organization", kOrganizations[f.index % 3]);
    JsonMember(t, "parent_name",
               MaybeFold(rng, Join(n.given, " ") + " " + Join({n.paternal, n.maternal}, " "), e));
    JsonMember(t, "a_number", anum);
    JsonMember(t, "language", LanguageAsWritten(rng, f.language));
    JsonMember(t, "home_village", rng.Chance(0.9) ? f.home.village : std::string_view{});
    JsonMember(t, "department", f.home.department);
    JsonMember(t, "country", f.nationality);
    // Numbers go stale: now and then another (equally synthetic) number.
    std::string phone = f.phone;
    if (rng.Chance(0.2))
      phone[phone.size() - 1 - rng.Below(3)] = static_cast<char>('0' + rng.Below(10));
    JsonMember(t, "phone", phone);
    JsonMember(t, "channel", a.channel);
    JsonMember(t, "outcome", a.outcome);
    JsonMember(t, "wish", a.wish);
    t += ",\"children\":[";
    bool first = true;
    for (const Person& c : f.persons) {
      if (c.separated_from != a.member) continue;
      if (!first) t.push_back(',');
      first = false;
      t += "{\"name\":";
      AppendJsonString(t, MaybeFold(rng, c.name.given[0] + " " + c.name.paternal, e));
      t += ",\"age\":" + std::to_string(AgeOn(c.dob, a.date)) + "}";
    }
    t += "]}";
    out.push_back(std::move(row));
  }
}

}  // namespace reunite::synth::internal
