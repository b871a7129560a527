#include "synth/exports.h"

#include <cstdio>

#include "common/csv.h"

namespace reunite::synth {

std::string_view SourceName(Source source) {
  constexpr std::string_view kNames[] = {"e3", "ice", "orr", "usao", "ngo", "dlog"};
  return kNames[static_cast<int>(source)];
}

std::string_view ExportFileName(Source source) {
  constexpr std::string_view kFiles[] = {"e3_apprehensions.csv", "ice_detention.csv",
                                         "orr_shelter.csv",      "prosecution_cases.csv",
                                         "ngo_outreach.jsonl",   "decision_log.csv"};
  return kFiles[static_cast<int>(source)];
}

std::string_view ExportHeader(Source source) {
  switch (source) {
    case Source::kE3:
      return "event_id,apprehension_date,sector,station,family_unit_number,a_number,last_name,"
             "first_name,dob,sex,citizenship,age_group,referred_prosecution,separated,"
             "separation_reason,remarks";
    case Source::kIce:
      return "booking_id,a_number,subject_name,dob,sex,country_of_citizenship,facility_code,"
             "facility_name,book_in_date,book_out_date,book_out_reason,removal_date,"
             "removal_country,child_call_date";
    case Source::kShelter:
      return "uac_id,a_number,child_last_name,child_first_name,dob,sex,country_of_birth,"
             "primary_language,shelter_name,shelter_city,shelter_state,referral_date,"
             "discharge_date,discharge_type,sponsor_relation,parent_info,eligibility_date,"
             "eligibility";
    case Source::kProsecution:
      return "case_number,district,filing_date,defendant_name,defendant_dob,charge,plea,"
             "disposition,disposition_date,prosecutor,usms_number";
    case Source::kOutreach:
      return "";
    case Source::kDecisionLog:
      return "log_no,entry_type,decision_date,decided_by,office,directive_cited,subject_name,"
             "subject_a_number,subject_dob,outcome,reason,affected_children";
  }
  return "";
}

std::string_view RecordIdColumn(Source source) {
  constexpr std::string_view kColumns[] = {"event_id",    "booking_id", "uac_id",
                                           "case_number", "log_id",     "log_no"};
  return kColumns[static_cast<int>(source)];
}

ErrorModel ErrorModel::Default() {
  ErrorModel m;
  SourceErrors& e3 = m.source[static_cast<int>(Source::kE3)];
  e3.names = {0.10, 0.02, 0.01, 0.05, 0.02, 0.08, 0.02, 0.70, 0.20};
  e3.dob = {0.70, 0.02, 0.01, 0.0};
  e3.a_number_missing = 0.01;
  e3.a_number_mistyped = 0.01;
  e3.sex_wrong = 0.005;
  e3.duplicate = 0.02;
  e3.accents_kept = 0.0;
  SourceErrors& ice = m.source[static_cast<int>(Source::kIce)];
  ice.names = {0.15, 0.03, 0.01, 0.05, 0.02, 0.15, 0.03, 0.70, 0.30};
  ice.dob = {0.50, 0.02, 0.01, 0.005};
  ice.a_number_missing = 0.005;
  ice.a_number_mistyped = 0.01;
  ice.sex_wrong = 0.003;
  ice.duplicate = 0.01;
  ice.accents_kept = 0.2;
  SourceErrors& orr = m.source[static_cast<int>(Source::kShelter)];
  orr.names = {0.10, 0.02, 0.03, 0.08, 0.03, 0.10, 0.03, 0.30, 0.10};
  orr.dob = {0.30, 0.04, 0.015, 0.02};
  orr.a_number_missing = 0.25;
  orr.a_number_mistyped = 0.02;
  orr.sex_wrong = 0.005;
  orr.duplicate = 0.015;
  orr.accents_kept = 0.6;
  SourceErrors& usao = m.source[static_cast<int>(Source::kProsecution)];
  usao.names = {0.15, 0.05, 0.02, 0.05, 0.02, 0.25, 0.04, 0.50, 0.20};
  usao.dob = {0.50, 0.03, 0.02, 0.30};
  usao.a_number_missing = 1.0;  // no A-number field
  usao.duplicate = 0.0;
  usao.accents_kept = 0.3;
  SourceErrors& ngo = m.source[static_cast<int>(Source::kOutreach)];
  ngo.names = {0.20, 0.02, 0.25, 0.06, 0.02, 0.35, 0.03, 0.20, 0.10};
  ngo.a_number_missing = 0.40;
  ngo.a_number_mistyped = 0.01;
  ngo.accents_kept = 0.8;
  SourceErrors& dlog = m.source[static_cast<int>(Source::kDecisionLog)];
  dlog.names = {0.15, 0.03, 0.02, 0.05, 0.02, 0.20, 0.03, 0.60, 0.20};
  dlog.dob = {0.50, 0.03, 0.02, 0.25};
  dlog.a_number_missing = 0.10;  // plus the prosecutors' notes, which rarely carry one
  dlog.a_number_mistyped = 0.01;
  dlog.accents_kept = 0.1;
  return m;
}

void RenderExports(const Family& family, Rng& rng, const ErrorModel& errors, RenderedExports& out) {
  internal::RenderE3(family, rng, errors.of(Source::kE3), out.of(Source::kE3));
  internal::RenderIce(family, rng, errors.of(Source::kIce), out.of(Source::kIce));
  internal::RenderShelter(family, rng, errors.of(Source::kShelter), out.of(Source::kShelter));
  internal::RenderProsecution(family, rng, errors.of(Source::kProsecution),
                              out.of(Source::kProsecution));
  internal::RenderOutreach(family, rng, errors.of(Source::kOutreach), out.of(Source::kOutreach));
  internal::RenderDecisionLog(family, rng, errors.of(Source::kDecisionLog),
                              out.of(Source::kDecisionLog));
}

std::string FormatRecordId(Source source, uint64_t seq, std::string_view case_prefix) {
  char buf[48];
  const auto n = static_cast<unsigned long long>(seq);
  switch (source) {
    case Source::kE3:
      std::snprintf(buf, sizeof buf, "EID%09llu", n);
      break;
    case Source::kIce:
      std::snprintf(buf, sizeof buf, "BK%08llu", n);
      break;
    case Source::kShelter:
      std::snprintf(buf, sizeof buf, "UAC%07llu", n);
      break;
    case Source::kProsecution:
      std::snprintf(buf, sizeof buf, "%.*s-mj-%05llu", static_cast<int>(case_prefix.size()),
                    case_prefix.data(), n);
      break;
    case Source::kOutreach:
      std::snprintf(buf, sizeof buf, "NGO-%07llu", n);
      break;
    case Source::kDecisionLog:
      std::snprintf(buf, sizeof buf, "DL-%07llu", n);
      break;
  }
  return buf;
}

std::string FormatUsmsNumber(uint64_t seq, std::string_view usms_code) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%05llu-%.*s", static_cast<unsigned long long>(10000 + seq),
                static_cast<int>(usms_code.size()), usms_code.data());
  return buf;
}

namespace internal {

void AddField(std::string& tail, std::string_view value) {
  tail.push_back(',');
  AppendCsvField(tail, value);
}
std::string UsDate(const Date& d) { return d.IsValid() ? d.ToUs() : std::string(); }
std::string IsoDate(const Date& d) { return d.IsValid() ? d.ToIso() : std::string(); }
std::string DmyDate(const Date& d) { return d.IsValid() ? d.ToDmy() : std::string(); }

RecordedName RecordPersonName(Rng& rng, const Person& p, const SourceErrors& e, bool anchored) {
  return RecordName(rng, p.name, p.habits, e.names, anchored ? 2 : 1);
}

Date RecordPersonDob(Rng& rng, const Person& p, const SourceErrors& e, int budget_left) {
  bool hard = false;
  return RecordDob(rng, p.dob, p.dob_documented, p.guessed_birth_year, e.dob, budget_left > 0,
                   hard);
}

std::string RecordANumber(Rng& rng, const Person& p, const SourceErrors& e,
                          std::initializer_list<std::pair<ANumberStyle, double>> styles,
                          bool& correct) {
  correct = false;
  if (rng.Chance(e.a_number_missing)) return {};
  std::string canonical = p.a_number;
  correct = true;
  if (rng.Chance(e.a_number_mistyped)) {
    canonical = MistypeANumber(rng, canonical);
    correct = false;
  }
  double total = 0;
  for (const auto& s : styles) total += s.second;
  double pick = rng.Uniform() * total;
  for (const auto& [style, weight] : styles) {
    if (pick < weight) return FormatANumber(canonical, style);
    pick -= weight;
  }
  return FormatANumber(canonical, styles.begin()->first);
}

}  // namespace internal
}  // namespace reunite::synth
