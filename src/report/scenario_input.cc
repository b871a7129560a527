#include "report/scenario_input.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>

#include "common/csv.h"

namespace reunite::report {
namespace {

namespace fs = std::filesystem;

// One row of a truth file, with its fields by column name and its place.
class TruthRow {
 public:
  TruthRow(const CsvReader& reader, const std::vector<std::string>& fields,
           const std::vector<int>& index)
      : reader_(reader), fields_(fields), index_(index) {}
  const std::string& operator[](size_t column) const {
    static const std::string kEmpty;
    const int i = index_[column];
    return i >= 0 && static_cast<size_t>(i) < fields_.size() ? fields_[i] : kEmpty;
  }
  std::string Where(std::string_view column) const {
    return reader_.Where() + ": field '" + std::string(column) + "'";
  }
  int64_t line() const { return reader_.line(); }

 private:
  const CsvReader& reader_;
  const std::vector<std::string>& fields_;
  const std::vector<int>& index_;
};

// Reads `file` calling `on_row` per record. `columns` must all be present,
// `optional` may be missing (their values read as "").
Status ReadTruth(const fs::path& file, const std::vector<std::string>& columns,
                 const std::vector<std::string>& optional,
                 const std::function<Status(const TruthRow&)>& on_row) {
  if (!fs::exists(file)) {
    return NotFound(file.string() + ": missing (is this a `reunite synth` output directory?)");
  }
  REUNITE_ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> reader, CsvReader::Open(file.string()));
  std::vector<int> index;
  for (const std::string& c : columns) {
    const int i = reader->ColumnIndex(c);
    if (i < 0) return InvalidArgument(file.string() + ": no column '" + c + "'");
    index.push_back(i);
  }
  for (const std::string& c : optional) index.push_back(reader->ColumnIndex(c));
  std::vector<std::string> fields;
  while (true) {
    REUNITE_ASSIGN_OR_RETURN(bool more, reader->Next(fields));
    if (!more) break;
    REUNITE_RETURN_IF_ERROR(on_row(TruthRow(*reader, fields, index)));
  }
  return Status::Ok();
}

Result<Date> ParseDate(const TruthRow& row, size_t column, std::string_view name) {
  Result<Date> d = Date::ParseIso(row[column]);
  if (!d.ok()) return ParseError(row.Where(name) + ": not an ISO date: '" + row[column] + "'");
  return d;
}

std::vector<std::string> SplitIds(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(';', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Status LoadPersons(const fs::path& truth, ReportInput& in) {
  return ReadTruth(truth / "persons.csv", {"person_id", "role", "dob"}, {},
                   [&](const TruthRow& row) -> Status {
                     ReportPerson p;
                     p.person_id = row[0];
                     p.child = row[1] == "child";
                     if (!row[2].empty()) {
                       REUNITE_ASSIGN_OR_RETURN(p.birth_date, ParseDate(row, 2, "dob"));
                     }
                     in.persons.push_back(std::move(p));
                     return Status::Ok();
                   });
}

Status LoadRelationships(const fs::path& truth, ReportInput& in) {
  return ReadTruth(truth / "relationships.csv", {"parent_person_id", "child_person_id", "kind"}, {},
                   [&](const TruthRow& row) -> Status {
                     cases::Relationship r;
                     r.parent_id = row[0];
                     r.child_id = row[1];
                     if (row[2] == "mother" || row[2] == "father") {
                       r.kind = cases::RelationshipKind::kParent;
                     } else if (row[2] == "grandmother" || row[2] == "grandfather") {
                       r.kind = cases::RelationshipKind::kOtherRelative;
                     } else {
                       return ParseError(row.Where("kind") + ": unknown kind '" + row[2] + "'");
                     }
                     r.status = cases::RelationshipStatus::kAsserted;
                     r.evidence = cases::Evidence::kAgencyRecord;
                     r.source = "truth/relationships.csv";
                     in.relationships.push_back(std::move(r));
                     return Status::Ok();
                   });
}

Status LoadTimeline(const fs::path& truth, ReportInput& in) {
  return ReadTruth(
      truth / "timeline.csv",
      {"person_id", "date", "event_type", "agency", "place", "directive", "decider", "reason"}, {},
      [&](const TruthRow& row) -> Status {
        Result<cases::EventType> type = cases::ParseEventType(row[2]);
        if (!type.ok()) return ParseError(row.Where("event_type") + ": " + type.status().message());
        if (*type == cases::EventType::kProsecutionDecision) return Status::Ok();
        cases::Event e;
        e.id = "timeline.csv:" + std::to_string(row.line());
        e.type = *type;
        REUNITE_ASSIGN_OR_RETURN(e.occurred_at, ParseDate(row, 1, "date"));
        e.subjects = {row[0]};
        e.custodian = {row[3], row[4]};
        e.authority = row[5];
        e.actor = row[6];
        e.reason = row[7];
        in.events.push_back(std::move(e));
        return Status::Ok();
      });
}

Status LoadDecisions(const fs::path& truth, ReportInput& in) {
  return ReadTruth(
      truth / "decisions.csv",
      {"decision_id", "type", "date", "decider", "district", "directive", "subject_person_id",
       "outcome", "reason", "affected_children"},
      {"children_recorded"}, [&](const TruthRow& row) -> Status {
        cases::Event e;
        e.id = row[0];
        if (row[1] == "prosecution") {
          e.type = cases::EventType::kProsecutionDecision;
          e.custodian.agency = "prosecution";
        } else if (row[1] == "separation") {
          e.type = cases::EventType::kSeparationDecision;
          e.custodian.agency = "border";
        } else if (row[1] == "removal") {
          e.type = cases::EventType::kRemovalDecision;
          e.custodian.agency = "immigration";
        } else {
          return ParseError(row.Where("type") + ": unknown decision type '" + row[1] + "'");
        }
        REUNITE_ASSIGN_OR_RETURN(e.occurred_at, ParseDate(row, 2, "date"));
        e.actor = row[3];
        e.custodian.facility = row[4];
        e.authority = row[5];
        e.subjects = {row[6]};
        e.reason = row[8];
        e.payload["outcome"] = row[7];
        // Older scenarios have no children_recorded column: the record named them.
        if (row[10] != "0") e.payload["affected_children"] = SplitIds(row[9]);
        in.events.push_back(std::move(e));
        return Status::Ok();
      });
}

Status LoadDirectives(const fs::path& truth, ReportInput& in) {
  return ReadTruth(truth / "directives.csv",
                   {"directive_id", "effective_date", "issuer", "scope", "summary"}, {},
                   [&](const TruthRow& row) -> Status {
                     cases::Directive d;
                     d.directive_id = row[0];
                     REUNITE_ASSIGN_OR_RETURN(d.issued, ParseDate(row, 1, "effective_date"));
                     d.issuer = row[2];
                     d.scope = row[3];
                     d.summary = row[4];
                     in.directives.push_back(std::move(d));
                     return Status::Ok();
                   });
}

}  // namespace

Result<ReportInput> LoadScenarioInput(const std::string& dir) {
  const fs::path root(dir);
  if (!fs::is_directory(root)) return NotFound(dir + ": no such scenario directory");
  const fs::path truth = root / "truth";
  ReportInput in;
  in.source = "scenario " + dir;
  REUNITE_RETURN_IF_ERROR(LoadPersons(truth, in));
  REUNITE_RETURN_IF_ERROR(LoadRelationships(truth, in));
  REUNITE_RETURN_IF_ERROR(LoadTimeline(truth, in));
  REUNITE_RETURN_IF_ERROR(LoadDecisions(truth, in));
  REUNITE_RETURN_IF_ERROR(LoadDirectives(truth, in));
  REUNITE_ASSIGN_OR_RETURN(in.orders, cases::LoadCourtOrders((root / "orders").string()));
  REUNITE_RETURN_IF_ERROR(ValidateReportInput(in));
  return in;
}

}  // namespace reunite::report
