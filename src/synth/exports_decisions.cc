// The decision log (exports/decision_log.csv): one row per prosecution,
// separation or removal decision, written by the office that took it — the
// border agency's prosecution referral forms and separation memos, the U.S.
// Attorneys' declination notes, the immigration agency's removal orders —
// each in its own habits. Column meanings: docs/synthetic-data.md.
#include <string>
#include <string_view>

#include "synth/exports.h"

namespace reunite::synth::internal {
namespace {

// Who wrote the row: each office writes dates, names and A-numbers its own way.
enum class Writer { kBorder, kProsecutor, kImmigration };

template <size_t N>
std::string_view Pick(Rng& rng, const std::string_view (&options)[N]) {
  return options[rng.Below(N)];
}

// A directive as the decider cited it: its id, a known alias, nothing, or
// free text that names no directive.
std::string CiteDirective(Rng& rng, std::string_view directive) {
  if (directive.empty()) return "";
  const double u = rng.Uniform();
  if (u < 0.50) return std::string(directive);
  if (u < 0.80) {
    if (directive == kStandingPractice) {
      constexpr std::string_view k[] = {"Standing practice", "CBP policy"};
      return std::string(Pick(rng, k));
    }
    if (directive == kElPasoInitiative) {
      constexpr std::string_view k[] = {"El Paso initiative", "EPI"};
      return std::string(Pick(rng, k));
    }
    if (directive == kZeroTolerance) {
      constexpr std::string_view k[] = {"Zero Tolerance", "AG memo 04/06/2018", "ZT"};
      return std::string(Pick(rng, k));
    }
    if (directive == kNoAgeDeclinations) {
      constexpr std::string_view k[] = {"05/04/2018 guidance", "Family unit guidance", "FU"};
      return std::string(Pick(rng, k));
    }
    constexpr std::string_view k[] = {"Executive order", "EO 06/20/2018"};
    return std::string(Pick(rng, k));
  }
  if (u < 0.95) return "";
  constexpr std::string_view k[] = {"per supervisor", "see narrative", "as directed"};
  return std::string(Pick(rng, k));
}

// "SBPA Carla Castellano" as the office wrote it.
std::string WriteDecider(Rng& rng, const std::string& decider) {
  const size_t title_end = decider.find(' ');
  if (title_end == std::string::npos) return decider;
  const std::string title = decider.substr(0, title_end);
  const std::string name = decider.substr(title_end + 1);
  const size_t given_end = name.find(' ');
  if (given_end == std::string::npos) return decider;
  const std::string given = name.substr(0, given_end);
  const std::string surname = name.substr(given_end + 1);
  const double u = rng.Uniform();
  if (title == "SBPA") {
    if (u < 0.70) return decider;
    if (u < 0.90) return UpperAscii(surname + ", " + given) + " (SBPA)";
    return given.substr(0, 1) + ". " + surname;
  }
  if (title == "AUSA") {
    if (u < 0.75) return decider;
    return given.substr(0, 1) + ". " + surname + ", AUSA";
  }
  if (u < 0.80) return decider;
  return surname + ", " + given;
}

std::string WriteOffice(Rng& rng, const Family& f, const Decision& d) {
  const Sector& sector = Sectors()[f.sector];
  const double u = rng.Uniform();
  if (d.type == "separation") {
    if (u < 0.60) return d.district;
    if (u < 0.85) return std::string(sector.code);
    return std::string(sector.code) + "/" + std::string(sector.stations[f.station]);
  }
  if (d.type == "prosecution") return u < 0.60 ? d.district : "USAO " + d.district;
  return d.district;
}

std::string WriteEntryType(Rng& rng, const Decision& d, Writer w) {
  const double u = rng.Uniform();
  if (d.type == "prosecution") {
    if (w == Writer::kProsecutor) return "DECLINATION";
    return u < 0.70 ? "PROSECUTION REFERRAL" : "Pros. referral";
  }
  if (d.type == "separation") {
    return u < 0.70 ? "SEPARATION MEMO" : u < 0.90 ? "Sep. memo" : "FAMILY SEPARATION";
  }
  if (d.outcome == "expedited_removal") {
    return u < 0.60 ? "I-860 EXPEDITED REMOVAL" : "REMOVAL ORDER";
  }
  return u < 0.60 ? "IJ ORDER OF REMOVAL" : "REMOVAL ORDER";
}

std::string WriteOutcome(Rng& rng, std::string_view outcome) {
  const bool first = rng.Chance(0.6);
  if (outcome == "accepted") return first ? "ACCEPTED" : "Accepted";
  if (outcome == "declined") return first ? "DECLINED" : "Declined";
  if (outcome == "children_separated") return first ? "CHILDREN SEPARATED" : "JUVENILES TO ORR";
  if (outcome == "adult_removed_from_unit") {
    return first ? "ADULT REMOVED FROM UNIT" : "CHILDREN REMAIN WITH OTHER PARENT";
  }
  if (outcome == "expedited_removal") return "EXPEDITED REMOVAL";
  return first ? "ORDERED REMOVED" : "REMOVAL ORDERED";
}

std::string WriteReason(Rng& rng, const Decision& d) {
  const bool code = rng.Chance(0.5);
  const std::string& r = d.reason;
  if (d.type == "prosecution") {
    if (r == "child under 5") return code ? "Child under 5" : "Tender age of child";
    if (r == "discretion") return code ? "Discretion" : "Prosecutorial discretion";
    return code ? "8 USC 1325(a)" : "1325(a)";
  }
  if (d.type != "separation") return "";
  if (r == "prosecution") return code ? "PROS" : "Parent referred for prosecution";
  if (r == "criminal_history") return code ? "CRIM" : "Criminal history";
  if (r == "fraud_not_parent") return code ? "FRAUD" : "Fraudulent family claim";
  if (r == "medical") return code ? "MED" : "Parent hospitalized";
  return code ? "OTH" : "Other - see narrative";
}

std::string WriteDate(const Date& d, Writer w) {
  return w == Writer::kProsecutor ? IsoDate(d) : UsDate(d);
}

// "GARCIA LOPEZ, MARIA JOSE" (border, immigration) or "María José García-López"
// (prosecutors), with the office's rates.
std::string WriteName(Rng& rng, const Person& p, const SourceErrors& e, bool anchored, Writer w,
                      int& hard) {
  const RecordedName n = RecordPersonName(rng, p, e, anchored);
  hard = n.hard;
  if (w == Writer::kProsecutor) {
    const std::string name = Join(n.given, " ") + " " + Join({n.paternal, n.maternal}, "-");
    return rng.Chance(0.3) ? name : FoldAccents(name);
  }
  const std::string name = Join({n.paternal, n.maternal}, " ") + ", " + Join(n.given, " ");
  return rng.Chance(e.accents_kept) ? UpperKeepAccents(name) : UpperAscii(name);
}

std::string WriteANumber(Rng& rng, const Person& p, const SourceErrors& e, Writer w,
                         bool& correct) {
  // The prosecutors' notes rarely carry an A-number.
  if (w == Writer::kProsecutor && rng.Chance(0.8)) {
    correct = false;
    return "";
  }
  return RecordANumber(rng, p, e, {{ANumberStyle::kLetter9, 0.7}, {ANumberStyle::kDigits9, 0.3}},
                       correct);
}

std::string WriteChildren(Rng& rng, const Family& f, const Decision& d, const SourceErrors& e,
                          Writer w) {
  if (!d.children_recorded) return "";
  std::string out;
  for (int c : d.affected_children) {
    const Person& child = f.persons[c];
    bool anchored = false;
    const std::string a =
        rng.Chance(0.25) ? std::string() : WriteANumber(rng, child, e, w, anchored);
    int hard = 0;
    std::string entry = WriteName(rng, child, e, anchored, w, hard);
    if (!a.empty()) entry += " (" + a + ")";
    if (!out.empty()) out += "; ";
    out += entry;
  }
  return out;
}

}  // namespace

void RenderDecisionLog(const Family& f, Rng& rng, const SourceErrors& e,
                       std::vector<ExportRow>& out) {
  for (const Decision& d : f.decisions) {
    const Person& subject = f.persons[d.subject];
    Writer w = Writer::kBorder;
    if (d.type == "removal") w = Writer::kImmigration;
    if (d.type == "prosecution" && d.outcome == "declined" && rng.Chance(0.7)) {
      w = Writer::kProsecutor;
    }
    ExportRow row;
    row.person_id = subject.person_id;
    std::string& t = row.tail;
    AddField(t, WriteEntryType(rng, d, w));
    AddField(t, WriteDate(d.date, w));
    AddField(t, WriteDecider(rng, d.decider));
    AddField(t, WriteOffice(rng, f, d));
    AddField(t, CiteDirective(rng, d.directive));
    bool anchored = false;
    const std::string a = WriteANumber(rng, subject, e, w, anchored);
    int hard = 0;
    AddField(t, WriteName(rng, subject, e, anchored, w, hard));
    AddField(t, a);
    const Date dob = RecordPersonDob(rng, subject, e, (anchored ? 2 : 1) - hard);
    AddField(t, w == Writer::kProsecutor && rng.Chance(0.6) ? "" : WriteDate(dob, w));
    AddField(t, WriteOutcome(rng, d.outcome));
    AddField(t, WriteReason(rng, d));
    AddField(t, WriteChildren(rng, f, d, e, w));
    out.push_back(std::move(row));
  }
}

}  // namespace reunite::synth::internal
