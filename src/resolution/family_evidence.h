// Family units and parent-child relationships from resolved records.
//
// Evidence, strongest first (each relationship lists every item it has):
//   family_unit           an adult and a child in one e3 family unit number
//                         (agency_record)
//   decision_log          a separation/prosecution/removal decision about an
//                         adult naming the child among the affected children
//                         (agency_record)
//   shelter_parent_info   the child's shelter record names the adult in its
//                         parent_info free text ("Madre: ...") (claimed)
//   outreach_children     an NGO outreach log of the adult lists the child
//                         (claimed)
//   apprehended_together  same e3 apprehension (date and station), same
//                         nationality, an age gap of 14-70 years and a
//                         surname a child inherits from that parent
//                         (claimed; covers the units whose number the agency
//                         dropped and adult children processed as single
//                         adults)
// A named child or parent is looked for among the persons apprehended with
// the other side, then by A-number anywhere. The kind (mother, father,
// grandmother, grandfather) comes from the words of declared evidence, else
// from sex, surnames and the age gap. Every relationship derived here has
// status "asserted".
//
// Thread-safety: pure functions.
#ifndef REUNITE_RESOLUTION_FAMILY_EVIDENCE_H_
#define REUNITE_RESOLUTION_FAMILY_EVIDENCE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "resolution/resolution.h"
#include "resolution/stored_records.h"

namespace reunite::resolution {

struct FamilyEvidence {
  std::vector<FamilyUnit> units;            // by family_unit
  std::vector<Relationship> relationships;  // by (parent_id, child_id)
};

// `person_of[i]` is the person holding records[i]; `persons` the displayed
// attributes of every person.
FamilyEvidence DeriveFamilies(const std::vector<StoredRecord>& records,
                              const std::vector<std::string>& person_of,
                              const std::map<std::string, Person>& persons);

// Parsers of the declared evidence (exposed for tests).
struct DeclaredPerson {
  std::string name;      // as written, may be empty
  std::string a_number;  // normalised (9 digits), may be empty
  std::string kind;      // mother | father | grandmother | grandfather | parent | ""
};
// ORR parent_info: "Madre: María López Tum", "father Jose Garcia, in ICE
// custody", "Mom - María (detained)", "Abuela: ...", "came with grandfather
// ...", "parent in custody, name unknown" (no name).
DeclaredPerson ParseParentInfo(std::string_view text);
// Decision log affected_children: "NAME (A-number); NAME; ...".
std::vector<DeclaredPerson> ParseAffectedChildren(std::string_view text);
// The "children" array of an NGO outreach JSON row: [{"name":..., "age":...}].
std::vector<DeclaredPerson> ParseOutreachChildren(std::string_view raw_json);

}  // namespace reunite::resolution

#endif  // REUNITE_RESOLUTION_FAMILY_EVIDENCE_H_
