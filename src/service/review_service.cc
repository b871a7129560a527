#include "service/review_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "linkage/model.h"
#include "linkage/person_records.h"
#include "linkage/records.h"
#include "resolution/review.h"
#include "reunite/linkage.h"
#include "service/audit_trail.h"
#include "service/records_service.h"
#include "storage/source_records.h"

namespace reunite::service {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json() : json(s); }

std::pair<std::string, std::string> SplitRef(const std::string& ref) {
  size_t slash = ref.find('/');
  if (slash == std::string::npos) return {"", ref};
  return {ref.substr(0, slash), ref.substr(slash + 1)};
}

}  // namespace

std::string ReviewItemId(const std::string& left_ref, const std::string& right_ref) {
  auto colon = [](const std::string& ref) {
    auto [source, key] = SplitRef(ref);
    return source + ":" + key;
  };
  return colon(left_ref) + "," + colon(right_ref);
}

namespace {

Result<std::pair<std::string, std::string>> ParseReviewId(const std::string& id) {
  size_t comma = id.find(',');
  auto ref = [](const std::string& part) -> std::string {
    size_t colon = part.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == part.size()) return "";
    return part.substr(0, colon) + "/" + part.substr(colon + 1);
  };
  if (comma == std::string::npos) {
    return InvalidArgument("review item id: expected SOURCE:KEY,SOURCE:KEY, got '" + id + "'");
  }
  std::string left = ref(id.substr(0, comma)), right = ref(id.substr(comma + 1));
  if (left.empty() || right.empty()) {
    return InvalidArgument("review item id: expected SOURCE:KEY,SOURCE:KEY, got '" + id + "'");
  }
  if (right < left) std::swap(left, right);
  return std::make_pair(left, right);
}

struct ReviewRow {
  std::string left_ref, right_ref;
  double weight = 0, probability = 0;
  std::string status = "pending";
  std::string decided_by;
  std::string why;
};

// The stored record's canonical fields as the linkage person table reads them.
Result<linkage::SourceRecord> LinkageRecord(storage::Connection& db, const std::string& ref) {
  auto [source, key] = SplitRef(ref);
  storage::SourceRecordStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto rec, store.FindRecordByKey(source, key));
  if (!rec) return NotFound("no source record '" + ref + "'");
  linkage::SourceRecord out{rec->source, rec->record_key, {}};
  json fields = json::parse(rec->fields, nullptr, false);
  if (fields.is_object()) {
    for (const auto& [k, v] : fields.items()) {
      if (v.is_string()) out.fields.emplace_back(k, v.get<std::string>());
    }
  }
  return out;
}

// The waterfall of the pair with the server's person model: the right record
// as a one-record index, the left as the query (the same scoring code as
// `reunite explain`). Empty when the model is missing or blocking keeps the
// pair apart.
std::pair<json, double> ExplainPair(storage::Connection& db, const std::string& model_path,
                                    const std::string& left_ref, const std::string& right_ref) {
  std::pair<json, double> none = {json::array(), 0.0};
  if (model_path.empty()) return none;
  auto model = linkage::LoadModel(model_path);
  auto left = LinkageRecord(db, left_ref);
  auto right = LinkageRecord(db, right_ref);
  if (!model.ok() || !left.ok() || !right.ok()) return none;
  std::vector<linkage::SourceRecord> one = {*right};
  linkage::IndexOptions options;
  options.threads = 1;
  auto index = linkage::LinkageIndex::FromTable(*model, linkage::PersonRecordTable(one), options);
  if (!index.ok()) return none;
  auto hits = (*index)->Match(linkage::PersonQuery(left->fields), 1);
  if (!hits.ok() || hits->empty()) return none;
  const linkage::MatchCandidate& c = hits->front();
  json parts = json::array();
  for (const auto& p : c.explanation) {
    parts.push_back({{"comparison", p.comparison},
                     {"level", p.level},
                     {"level_label", p.level_label},
                     {"left_value", p.query_value},
                     {"right_value", p.record_value},
                     {"m", p.m},
                     {"u", p.u},
                     {"weight", p.weight},
                     {"tf_adjustment", p.tf_adjustment}});
  }
  return {parts, c.prior_weight};
}

Result<json> ReviewItemJson(storage::Connection& db, const AccessPolicy& policy,
                            const Caller& caller, const ReviewRow& row,
                            const std::string& model_path) {
  std::set<std::string> removed;
  REUNITE_ASSIGN_OR_RETURN(json left,
                           RedactedRecordJson(db, policy, caller, row.left_ref, removed));
  REUNITE_ASSIGN_OR_RETURN(json right,
                           RedactedRecordJson(db, policy, caller, row.right_ref, removed));
  json item = {{"id", ReviewItemId(row.left_ref, row.right_ref)},
               {"left", left},
               {"right", right},
               {"match_probability", row.probability},
               {"match_weight", row.weight},
               {"explanation", json::array()},
               {"prior_weight", 0.0},
               {"why", row.why},
               {"status", row.status},
               {"decided_by", OrNull(row.decided_by)},
               {"decided_at", json()}};
  if (!removed.empty()) {
    item["redacted"] = json(std::vector<std::string>(removed.begin(), removed.end()));
  }
  auto [explanation, prior] = ExplainPair(db, model_path, row.left_ref, row.right_ref);
  item["explanation"] = std::move(explanation);
  item["prior_weight"] = prior;
  return item;
}

Result<std::map<std::pair<std::string, std::string>, ReviewRow>> Decisions(
    storage::Connection& db) {
  std::map<std::pair<std::string, std::string>, ReviewRow> out;
  REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT left_ref, right_ref, decision, actor FROM "
                                               "review_decisions ORDER BY decided_seq DESC"));
  for (const auto& r : rows) {
    ReviewRow d;
    d.left_ref = r.Text(0);
    d.right_ref = r.Text(1);
    d.status = r.Text(2) == "accepted" || r.Text(2) == "accept" ? "accepted" : "rejected";
    d.decided_by = r.Text(3);
    out.emplace(std::make_pair(d.left_ref, d.right_ref), d);
  }
  return out;
}

Result<std::optional<ReviewRow>> FindReviewRow(storage::Connection& db,
                                               const std::pair<std::string, std::string>& refs) {
  REUNITE_ASSIGN_OR_RETURN(auto decisions, Decisions(db));
  REUNITE_ASSIGN_OR_RETURN(auto queue, resolution::ListReviewQueue(db, 0));
  std::optional<ReviewRow> row;
  for (const auto& p : queue) {
    if (p.left_ref == refs.first && p.right_ref == refs.second) {
      row = ReviewRow{p.left_ref, p.right_ref, p.match_weight, p.match_probability,
                      "pending",  "",          p.why};
    }
  }
  auto d = decisions.find(refs);
  if (d != decisions.end()) {
    if (!row) row = d->second;
    row->status = d->second.status;
    row->decided_by = d->second.decided_by;
  }
  return row;
}

}  // namespace

Result<json> ListReviewItems(storage::Connection& db, const AccessPolicy& policy,
                             const Caller& caller, const ReviewListing& listing) {
  const std::string& status = listing.status;
  if (status != "pending" && status != "accepted" && status != "rejected" && status != "all") {
    return InvalidArgument("query parameter 'status': expected pending, accepted, rejected or all");
  }
  const size_t limit = static_cast<size_t>(std::clamp<int64_t>(listing.limit, 1, 100));
  REUNITE_ASSIGN_OR_RETURN(auto decisions, Decisions(db));
  std::vector<ReviewRow> rows;
  if (status == "pending" || status == "all") {
    REUNITE_ASSIGN_OR_RETURN(auto queue, resolution::ListReviewQueue(db, 0));
    for (const auto& p : queue) {
      if (decisions.count({p.left_ref, p.right_ref}) > 0) continue;
      rows.push_back(
          {p.left_ref, p.right_ref, p.match_weight, p.match_probability, "pending", "", p.why});
    }
  }
  if (status != "pending") {
    for (const auto& [key, d] : decisions) {
      if (status == "all" || d.status == status) rows.push_back(d);
    }
  }
  json items = json::array();
  std::vector<std::string> subjects;
  for (const ReviewRow& r : rows) {
    if (items.size() >= limit) break;
    REUNITE_ASSIGN_OR_RETURN(json item, ReviewItemJson(db, policy, caller, r, listing.model_path));
    subjects.push_back(r.left_ref);
    subjects.push_back(r.right_ref);
    items.push_back(std::move(item));
  }
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects, "ok", "review queue " + status));
  return json{{"items", items}, {"next_cursor", json()}};
}

Result<json> ReadReviewItem(storage::Connection& db, const AccessPolicy& policy,
                            const Caller& caller, const std::string& model_path,
                            const std::string& id) {
  REUNITE_ASSIGN_OR_RETURN(auto refs, ParseReviewId(id));
  REUNITE_ASSIGN_OR_RETURN(auto row, FindReviewRow(db, refs));
  if (!row) return NotFound("no review item '" + id + "'");
  REUNITE_ASSIGN_OR_RETURN(json item, ReviewItemJson(db, policy, caller, *row, model_path));
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {refs.first, refs.second}));
  return item;
}

Result<json> DecideReviewItem(storage::Connection& db, const AccessPolicy& policy,
                              const Caller& caller, const std::string& model_path,
                              const std::string& id, bool accept, const std::string& note) {
  REUNITE_ASSIGN_OR_RETURN(auto refs, ParseReviewId(id));
  REUNITE_ASSIGN_OR_RETURN(auto row, FindReviewRow(db, refs));
  if (!row) return NotFound("no review item '" + id + "'");
  if (note.size() > 2000) return InvalidArgument("note: at most 2000 characters");
  resolution::ReviewDecision decision{refs.first, refs.second, accept, note, caller.username};
  REUNITE_ASSIGN_OR_RETURN(auto event, resolution::DecideReview(db, decision));
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, {refs.first, refs.second}, "ok",
                                      std::string(accept ? "accepted" : "rejected") + " (event " +
                                          std::to_string(event.seq) + ")"));
  REUNITE_ASSIGN_OR_RETURN(auto now, FindReviewRow(db, refs));
  if (!now) return Internal("review item '" + id + "' vanished after its decision");
  return ReviewItemJson(db, policy, caller, *now, model_path);
}

}  // namespace reunite::service
