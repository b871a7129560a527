#include "synth/truth_files.h"

#include "common/csv.h"
#include "synth/corruption.h"

namespace reunite::synth {
namespace {

class Line {
 public:
  explicit Line(std::string& out) : out_(out) {}
  ~Line() { out_.push_back('\n'); }
  Line& operator<<(std::string_view field) {
    if (!first_) out_.push_back(',');
    first_ = false;
    AppendCsvField(out_, field);
    return *this;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

std::string Iso(const Date& d) { return d.IsValid() ? d.ToIso() : std::string(); }

}  // namespace

std::string_view TruthFileName(TruthFile file) {
  constexpr std::string_view kNames[] = {"persons.csv", "relationships.csv", "family_units.csv",
                                         "timeline.csv", "decisions.csv"};
  return kNames[static_cast<int>(file)];
}

std::string_view TruthHeader(TruthFile file) {
  switch (file) {
    case TruthFile::kPersons:
      return "person_id,family_unit_id,role,given_names,paternal_surname,maternal_surname,dob,"
             "dob_documented,sex,nationality,language,a_number,age_at_apprehension,"
             "separation_reason,separated_from";
    case TruthFile::kRelationships:
      return "parent_person_id,child_person_id,kind";
    case TruthFile::kFamilyUnits:
      return "family_unit_id,e3_family_unit_number,composition,apprehension_date,sector,station,"
             "nationality,language,home_village,persons,children,separated_children,"
             "family_number_dropped";
    case TruthFile::kTimeline:
      return "person_id,date,event_type,agency,place,directive,decider,reason";
    case TruthFile::kDecisions:
      return "decision_id,type,date,decider,district,directive,subject_person_id,outcome,reason,"
             "affected_children,children_recorded";
  }
  return "";
}

void RenderTruth(const Family& f, TruthRows& out) {
  int children = 0, separated = 0;
  for (const Person& p : f.persons) {
    Line(out.of(TruthFile::kPersons))
        << p.person_id << f.family_unit_id << RoleName(p.role) << Join(p.name.given, " ")
        << p.name.paternal << p.name.maternal << Iso(p.dob) << (p.dob_documented ? "1" : "0")
        << (p.sex == Sex::kFemale ? "F" : "M") << f.nationality << f.language << p.a_number
        << std::to_string(p.age) << ReasonName(p.separation)
        << (p.separated_from >= 0 ? std::string_view(f.persons[p.separated_from].person_id)
                                  : std::string_view());
    if (p.role == Role::kChild) ++children;
    if (p.role == Role::kChild && p.separated_from >= 0) ++separated;
    auto rel = [&](int adult, std::string_view kind) {
      if (adult >= 0)
        Line(out.of(TruthFile::kRelationships))
            << f.persons[adult].person_id << p.person_id << kind;
    };
    rel(p.mother, "mother");
    rel(p.father, "father");
    if (p.grandparent >= 0) {
      rel(p.grandparent,
          f.persons[p.grandparent].sex == Sex::kFemale ? "grandmother" : "grandfather");
    }
  }
  const Sector& sector = Sectors()[f.sector];
  Line(out.of(TruthFile::kFamilyUnits))
      << f.family_unit_id << f.e3_family_number << f.composition << Iso(f.apprehended)
      << sector.code << sector.stations[f.station] << f.nationality << f.language << f.home.village
      << std::to_string(f.persons.size()) << std::to_string(children) << std::to_string(separated)
      << (f.family_number_dropped ? "1" : "0");
  for (const TimelineEvent& e : f.events) {
    Line(out.of(TruthFile::kTimeline))
        << f.persons[e.member].person_id << Iso(e.date) << e.type << e.agency << e.place
        << e.directive << e.decider << e.reason;
  }
  for (const Decision& d : f.decisions) {
    std::string affected;
    for (int c : d.affected_children) {
      if (!affected.empty()) affected.push_back(';');
      affected += f.persons[c].person_id;
    }
    Line(out.of(TruthFile::kDecisions))
        << d.decision_id << d.type << Iso(d.date) << d.decider << d.district << d.directive
        << f.persons[d.subject].person_id << d.outcome << d.reason << affected
        << (d.children_recorded ? "1" : "0");
  }
}

std::string DirectivesCsv() {
  std::string out(kDirectivesHeader);
  out.push_back('\n');
  for (const Directive& d : Directives()) {
    Line(out) << d.id << Iso(d.effective) << Iso(d.ends) << d.issuer << d.scope << d.summary;
  }
  return out;
}

std::string CourtOrderJson() {
  const Date order = kCourtOrderDate;
  return std::string("{\n") + "  \"order_id\": \"" + std::string(kCourtOrderId) +
         "\",\n"
         "  \"court\": \"U.S. District Court (synthetic)\",\n"
         "  \"effective_date\": \"" +
         order.ToIso() +
         "\",\n"
         "  \"class\": {\n"
         "    \"definition\": \"Parents separated from their minor children by the border agency "
         "and detained, released or removed, except where the separation was for the parent's "
         "criminal history, because the adult is not the parent, or for the child's safety.\",\n"
         "    \"separated_by\": \"border agency\",\n"
         "    \"excluded_separation_reasons\": [\"criminal_history\", \"fraud_not_parent\"]\n"
         "  },\n"
         "  \"age_basis\": \"child's age on the later of the effective date and the separation "
         "date\",\n"
         "  \"clocks\": [\n"
         "    {\"id\": \"reunify_under_5\", \"action\": \"reunify\", \"child_age_min\": 0, "
         "\"child_age_max\": 4, \"days\": " +
         std::to_string(kDeadlineUnder5Days) + ", \"deadline\": \"" +
         order.AddDays(kDeadlineUnder5Days).ToIso() +
         "\"},\n"
         "    {\"id\": \"reunify_5_to_17\", \"action\": \"reunify\", \"child_age_min\": 5, "
         "\"child_age_max\": 17, \"days\": " +
         std::to_string(kDeadline5To17Days) + ", \"deadline\": \"" +
         order.AddDays(kDeadline5To17Days).ToIso() +
         "\"},\n"
         "    {\"id\": \"phone_contact\", \"action\": \"phone_contact\", \"child_age_min\": 0, "
         "\"child_age_max\": 17, \"days\": " +
         std::to_string(kPhoneContactDays) + ", \"deadline\": \"" +
         order.AddDays(kPhoneContactDays).ToIso() +
         "\"}\n"
         "  ]\n"
         "}\n";
}

}  // namespace reunite::synth
