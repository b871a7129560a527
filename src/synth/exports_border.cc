// The border agency (e3), immigration detention (ICE) and prosecution
// (U.S. Attorneys) exports. Column meanings: docs/synthetic-data.md.
#include <cstdio>

#include "synth/exports.h"

namespace reunite::synth::internal {
namespace {

constexpr Date kSeparatedMarkerFrom{2018, 4, 1};

std::string_view FreeTextReason(Rng& rng, SeparationReason r) {
  switch (r) {
    case SeparationReason::kProsecution: {
      constexpr std::string_view k[] = {"PARENT REFERRED FOR PROSECUTION 8 USC 1325",
                                        "REFERRED TO USAO - ZERO TOLERANCE", "PROSECUTION"};
      return k[rng.Below(3)];
    }
    case SeparationReason::kCriminalHistory: {
      constexpr std::string_view k[] = {"CRIMINAL HISTORY", "PRIOR CONVICTION - SEPARATED"};
      return k[rng.Below(2)];
    }
    case SeparationReason::kNotTheParent: {
      constexpr std::string_view k[] = {"FRAUDULENT FAMILY CLAIM",
                                        "NOT THE PARENT / FRAUD SUSPECTED"};
      return k[rng.Below(2)];
    }
    case SeparationReason::kMedical:
      return rng.Chance(0.5) ? "PARENT HOSPITALIZED" : "MEDICAL";
    case SeparationReason::kOther:
      return rng.Chance(0.5) ? "OTHER" : "SEE NARRATIVE";
    case SeparationReason::kNone:
      return "";
  }
  return "";
}

std::string Cased(Rng& rng, std::string_view text, const SourceErrors& e) {
  return rng.Chance(e.accents_kept) ? UpperKeepAccents(text) : UpperAscii(text);
}

std::string_view SexCode(Rng& rng, const Person& p, const SourceErrors& e) {
  const bool female = (p.sex == Sex::kFemale) != rng.Chance(e.sex_wrong);
  return female ? "F" : "M";
}

void E3Row(const Family& f, const Person& p, Rng& rng, const SourceErrors& e, const Date& when,
           std::string_view station, std::string_view unit_number, bool reentry,
           std::vector<ExportRow>& out) {
  ExportRow row;
  row.person_id = p.person_id;
  std::string& t = row.tail;
  bool anchored = false;
  const std::string a = RecordANumber(rng, p, e,
                                      {{ANumberStyle::kLetter9, 0.45},
                                       {ANumberStyle::kDigits9, 0.25},
                                       {ANumberStyle::kDigitsNoZeros, 0.20},
                                       {ANumberStyle::kLetterNoZeros, 0.10}},
                                      anchored);
  const RecordedName n = RecordPersonName(rng, p, e, anchored);
  const Date dob = RecordPersonDob(rng, p, e, (anchored ? 2 : 1) - n.hard);
  AddField(t, UsDate(when));
  AddField(t, Sectors()[f.sector].code);
  AddField(t, station);
  AddField(t, unit_number);
  AddField(t, a);
  AddField(t, Cased(rng, Join({n.paternal, n.maternal}, " "), e));
  AddField(t, Cased(rng, Join(n.given, " "), e));
  AddField(t, UsDate(dob));
  AddField(t, SexCode(rng, p, e));
  AddField(t, UpperAscii(f.nationality));
  const bool adult = reentry || p.role != Role::kChild;
  AddField(t, adult ? "ADULT" : "JUVENILE");
  AddField(t, !reentry && p.referred ? "Y" : "N");
  const bool separated = !reentry && p.separation != SeparationReason::kNone;
  const bool marker_era = !(when < kSeparatedMarkerFrom);
  AddField(t, marker_era ? (separated ? "Y" : "N") : "");
  std::string_view reason, remarks;
  if (separated && marker_era) {
    reason = rng.Chance(0.6) ? ReasonCode(p.separation) : FreeTextReason(rng, p.separation);
  } else if (separated && rng.Chance(0.3)) {
    remarks = FreeTextReason(rng, p.separation);
  }
  if (reentry) remarks = "PRIOR REMOVAL";
  AddField(t, reason);
  AddField(t, remarks);
  out.push_back(std::move(row));
}

// The parent's first phone call with the separated child during this
// detention (the facility logs the calls the court order requires), or an
// invalid date.
Date ChildCall(const Family& f, const IceStay& s) {
  for (const TimelineEvent& e : f.events) {
    if (e.member != s.member || e.type != "phone_contact") continue;
    if (e.date < s.book_in || (s.book_out.IsValid() && s.book_out < e.date)) continue;
    return e.date;
  }
  return {};
}

}  // namespace

void RenderE3(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out) {
  const bool unit_deleted = f.family_number_dropped && rng.Chance(0.6);
  const Sector& sector = Sectors()[f.sector];
  for (const Person& p : f.persons) {
    std::string_view unit = f.e3_family_number;
    if (unit_deleted || p.role == Role::kAdultSibling || (p.referred && f.family_number_dropped))
      unit = "";
    const int copies = rng.Chance(e.duplicate) ? 2 : 1;
    for (int c = 0; c < copies; ++c) {
      E3Row(f, p, rng, e, f.apprehended, sector.stations[f.station], unit, false, out);
    }
  }
  for (const auto& [member, when] : f.reentries) {
    E3Row(f, f.persons[member], rng, e, when, sector.stations[rng.Below(3)], "", true, out);
  }
}

void RenderIce(const Family& f, Rng& rng, const SourceErrors& e, std::vector<ExportRow>& out) {
  for (const IceStay& s : f.ice) {
    const Person& p = f.persons[s.member];
    const int copies = rng.Chance(e.duplicate) ? 2 : 1;
    for (int c = 0; c < copies; ++c) {
      ExportRow row;
      row.person_id = p.person_id;
      std::string& t = row.tail;
      bool anchored = false;
      const std::string a = RecordANumber(rng, p, e,
                                          {{ANumberStyle::kLetter9, 0.85},
                                           {ANumberStyle::kLetterNoZeros, 0.10},
                                           {ANumberStyle::kDigits9, 0.05}},
                                          anchored);
      const RecordedName n = RecordPersonName(rng, p, e, anchored);
      const Date dob = RecordPersonDob(rng, p, e, (anchored ? 2 : 1) - n.hard);
      const Facility& fac = Facilities()[s.facility];
      AddField(t, a);
      AddField(t, Cased(rng, Join({n.paternal, n.maternal}, " ") + ", " + Join(n.given, " "), e));
      AddField(t, IsoDate(dob));
      AddField(t, SexCode(rng, p, e));
      AddField(t, UpperAscii(f.nationality));
      AddField(t, fac.code);
      AddField(t, fac.name);
      AddField(t, IsoDate(s.book_in));
      AddField(t, IsoDate(s.book_out));
      AddField(t, s.book_out_reason);
      AddField(t, s.book_out_reason == "REMOVED" ? IsoDate(s.book_out) : "");
      AddField(t, UpperAscii(s.removal_country));
      const Date call = ChildCall(f, s);
      AddField(t, call.IsValid() ? IsoDate(call) : std::string());
      out.push_back(std::move(row));
    }
  }
}

void RenderProsecution(const Family& f, Rng& rng, const SourceErrors& e,
                       std::vector<ExportRow>& out) {
  for (const ProsecutionCase& c : f.cases) {
    const Person& p = f.persons[c.member];
    const Sector& sector = Sectors()[c.sector];
    const District& district = Districts()[sector.district];
    ExportRow row;
    row.person_id = p.person_id;
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%c:%02d", sector.office, c.filed.year % 100);
    row.case_prefix = prefix;
    row.usms_code = district.usms_code;
    const RecordedName n = RecordPersonName(rng, p, e, false);
    const Date dob = RecordPersonDob(rng, p, e, 1 - n.hard);
    const bool accents = rng.Chance(e.accents_kept);
    auto text = [&](const std::string& s) { return accents ? s : FoldAccents(s); };
    const std::string given = text(Join(n.given, " "));
    std::string name;
    const double style = rng.Uniform();
    if (style < 0.5) {
      name = given + " " + text(Join({n.paternal, n.maternal}, "-"));
    } else if (style < 0.8) {
      name = given + " " + text(Join({n.paternal, n.maternal}, " "));
    } else {
      name = UpperAscii(Join({n.paternal, n.maternal}, "-")) + ", " + given;
    }
    if (rng.Chance(0.10)) {  // also known as: the name on another document
      const RecordedName aka = RecordName(rng, p.name, p.habits, e.names, 0);
      name +=
          " a/k/a " + text(Join(aka.given, " ") + " " + Join({aka.paternal, aka.maternal}, " "));
    }
    std::string& t = row.tail;
    AddField(t, district.name);
    AddField(t, IsoDate(c.filed));
    AddField(t, name);
    AddField(t, IsoDate(dob));
    AddField(t, rng.Chance(0.7)   ? "8 U.S.C. 1325(a)(1)"
                : rng.Chance(0.5) ? "8 USC 1325(a)"
                                  : "8:1325");
    AddField(t, c.plea);
    AddField(t, c.disposition);
    AddField(t, IsoDate(c.disposition_date));
    AddField(t, c.prosecutor);
    out.push_back(std::move(row));
  }
}

}  // namespace reunite::synth::internal
