#include "resolution/scenario_check.h"

#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "common/csv.h"

namespace reunite::resolution {
namespace {

// Calls `row` with each data row of a truth CSV.
Status ReadTruth(
    const std::string& path,
    const std::function<Status(const CsvReader&, const std::vector<std::string>&)>& row) {
  REUNITE_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path));
  std::vector<std::string> f;
  for (;;) {
    REUNITE_ASSIGN_OR_RETURN(bool more, reader->Next(f));
    if (!more) return Status::Ok();
    REUNITE_RETURN_IF_ERROR(row(*reader, f));
  }
}

uint64_t Pairs(uint64_t n) { return n * (n - 1) / 2; }

}  // namespace

Result<ScenarioCheck> CheckAgainstTruth(storage::Connection& db, const std::string& dir) {
  ScenarioCheck out;
  std::unordered_map<std::string, std::string> truth_of_ref;  // record ref -> true person
  REUNITE_RETURN_IF_ERROR(ReadTruth(dir + "/truth/records.csv",
                                    [&](const CsvReader&, const std::vector<std::string>& f) {
                                      truth_of_ref[f.at(0) + "/" + f.at(1)] = f.at(2);
                                      return Status::Ok();
                                    }));
  // Resolved persons and their records.
  std::map<std::string, std::map<std::string, uint64_t>> truth_count;  // person -> true -> n
  std::map<std::string, uint64_t> records_of_truth;
  REUNITE_RETURN_IF_ERROR(db.QueryEach(
      "SELECT pr.record_ref, pr.person_id FROM person_records pr JOIN persons p "
      "ON p.person_id = pr.person_id WHERE p.status = 'active'",
      {}, [&](const storage::Row& r) -> Status {
        auto it = truth_of_ref.find(r.Text(0));
        if (it == truth_of_ref.end()) {
          return InvalidArgument(dir + "/truth/records.csv: no truth for record " + r.Text(0));
        }
        ++truth_count[r.Text(1)][it->second];
        ++records_of_truth[it->second];
        return Status::Ok();
      }));
  std::map<std::string, std::string> truth_of_person;  // resolved -> majority true person
  std::map<std::string, std::set<std::string>> persons_of_truth;
  for (const auto& [person, counts] : truth_count) {
    uint64_t total = 0, best = 0;
    for (const auto& [t, n] : counts) {
      total += n;
      out.person_pairs.correct += Pairs(n);
      persons_of_truth[t].insert(person);
      if (n > best) {
        best = n;
        truth_of_person[person] = t;
      }
    }
    out.person_pairs.found += Pairs(total);
  }
  for (const auto& [t, n] : records_of_truth) out.person_pairs.truth += Pairs(n);

  std::set<std::pair<std::string, std::string>> truth_links;
  REUNITE_RETURN_IF_ERROR(ReadTruth(dir + "/truth/relationships.csv",
                                    [&](const CsvReader&, const std::vector<std::string>& f) {
                                      truth_links.insert({f.at(0), f.at(1)});
                                      return Status::Ok();
                                    }));
  std::set<std::pair<std::string, std::string>> found_links;     // as true persons
  std::set<std::pair<std::string, std::string>> resolved_links;  // as resolved persons
  REUNITE_RETURN_IF_ERROR(
      db.QueryEach("SELECT parent_id, child_id FROM relationships", {}, [&](const storage::Row& r) {
        resolved_links.insert({r.Text(0), r.Text(1)});
        found_links.insert({truth_of_person[r.Text(0)], truth_of_person[r.Text(1)]});
        return Status::Ok();
      }));
  out.relationships.truth = truth_links.size();
  out.relationships.found = found_links.size();
  for (const auto& l : found_links) out.relationships.correct += truth_links.count(l);

  Status s = ReadTruth(dir + "/truth/persons.csv",
                       [&](const CsvReader& reader, const std::vector<std::string>& f) {
                         const int col = reader.ColumnIndex("separated_from");
                         const int role = reader.ColumnIndex("role");
                         if (col < 0 || role < 0)
                           return ParseError(dir + "/truth/persons.csv: no separated_from");
                         if (f.at(role) != "child" || f.at(col).empty()) return Status::Ok();
                         ++out.separated_children;
                         bool reachable = false;
                         for (const std::string& child : persons_of_truth[f.at(0)]) {
                           for (const std::string& adult : persons_of_truth[f.at(col)]) {
                             if (resolved_links.count({adult, child})) reachable = true;
                           }
                         }
                         if (reachable) {
                           ++out.reachable;
                         } else if (out.unreachable.size() < 20) {
                           out.unreachable.push_back(f.at(0));
                         }
                         return Status::Ok();
                       });
  REUNITE_RETURN_IF_ERROR(s);
  return out;
}

}  // namespace reunite::resolution
