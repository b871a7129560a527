#include "service/tracing_service.h"

#include <sodium.h>

#include <set>

#include "common/clock.h"
#include "service/audit_trail.h"
#include "storage/accounts.h"
#include "storage/source_records.h"

namespace reunite::service {
namespace {

using nlohmann::json;

const std::set<std::string> kRequesterFields = {"name", "relationship", "phone", "email"};
const std::set<std::string> kSoughtFields = {"given_name",      "family_name",
                                             "other_names",     "dob",
                                             "birth_year",      "sex",
                                             "nationality",     "place_of_birth",
                                             "last_seen_place", "last_seen_date",
                                             "a_number"};
const std::set<std::string> kRelationships = {"mother",         "father",         "parent",
                                              "grandparent",    "sibling",        "aunt_uncle",
                                              "other_relative", "legal_guardian", "other"};
const std::set<std::string> kResolutions = {"found", "not_found", "duplicate", "referred"};

// Copies the string fields of `in` (an object) into `out`, refusing unknown
// keys, non-strings and over-long values; `where` names the JSON path.
Status CopyStrings(const json& in, const std::set<std::string>& allowed, const std::string& where,
                   json& out) {
  if (!in.is_object()) return InvalidArgument(where + ": expected an object");
  for (const auto& [k, v] : in.items()) {
    if (allowed.count(k) == 0) return InvalidArgument(where + "." + k + ": unknown field");
    if (v.is_null()) continue;
    if (!v.is_string()) return InvalidArgument(where + "." + k + ": expected a string");
    std::string s = v.get<std::string>();
    if (s.size() > 200) return InvalidArgument(where + "." + k + ": at most 200 bytes");
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    if (!s.empty()) out[k] = s;
  }
  return Status::Ok();
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::string NewReference() {
  static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32
  std::string ref = "TR-";
  for (int i = 0; i < 8; ++i) {
    if (i == 4) ref.push_back('-');
    ref.push_back(kAlphabet[randombytes_uniform(32)]);
  }
  return ref;
}

std::string Acknowledgement(const std::string& language, const std::string& reference) {
  if (language.rfind("es", 0) == 0) {
    return "Recibimos su solicitud. Su referencia es " + reference +
           ". Un trabajador social la revisará y se comunicará con usted.";
  }
  return "We have received your request. Your reference is " + reference +
         ". A caseworker will review it and contact you.";
}

std::map<std::string, std::string> LinkageQuery(const json& sought) {
  std::map<std::string, std::string> q;
  auto take = [&](const char* from, const char* to) {
    if (sought.contains(from)) q[to] = sought[from].get<std::string>();
  };
  take("given_name", "given_name");
  take("family_name", "paternal_surname");
  take("sex", "sex");
  take("nationality", "country");
  take("a_number", "a_number");
  if (sought.contains("dob")) q["dob"] = sought["dob"].get<std::string>();
  return q;
}

// Matches the request's person against the index and stores the candidates.
Status Match(storage::Connection& db, const TracingOptions& options,
             storage::TracingRequestRow& row) {
  if (options.index == nullptr) return FailedPrecondition("tracing matching is off");
  REUNITE_ASSIGN_OR_RETURN(auto index, options.index->Current(db));
  json sought = json::parse(row.sought, nullptr, false);
  if (!sought.is_object()) return Corruption("tracing request " + row.reference + ": bad sought");
  REUNITE_ASSIGN_OR_RETURN(auto hits, index->Match(LinkageQuery(sought), options.top_k));
  json candidates = json::array();
  storage::SourceRecordStore records(db);
  for (const auto& c : hits) {
    json why = json::array();
    for (const auto& part : c.explanation) {
      why.push_back({{"comparison", part.comparison},
                     {"level", part.level_label},
                     {"weight", part.weight + part.tf_adjustment}});
    }
    int64_t id = std::strtoll(c.record_id.c_str(), nullptr, 10);
    REUNITE_ASSIGN_OR_RETURN(auto rec, records.FindRecord(id));
    candidates.push_back({{"record_id", id},
                          {"ref", rec ? rec->source + "/" + rec->record_key : c.record_id},
                          {"match_probability", c.match_probability},
                          {"match_weight", c.match_weight},
                          {"explanation", why}});
  }
  row.candidates = candidates.dump();
  row.matched_at = UtcNowIso();
  if (row.status == "received") row.status = "matched";
  return Status::Ok();
}

json Summary(const storage::TracingRequestRow& r) {
  json candidates = json::parse(r.candidates, nullptr, false);
  auto or_null = [](const std::string& s) { return s.empty() ? json() : json(s); };
  return {{"id", r.request_id},
          {"reference", r.reference},
          {"received_at", r.received_at},
          {"language", r.language},
          {"status", r.status},
          {"assigned_to", or_null(r.assigned_to)},
          {"candidate_count", candidates.is_array() ? candidates.size() : 0},
          {"best_probability", candidates.is_array() && !candidates.empty()
                                   ? json(candidates[0].value("match_probability", 0.0))
                                   : json()},
          {"matched_at", or_null(r.matched_at)},
          {"resolution", or_null(r.resolution)},
          {"updated_at", r.updated_at},
          {"sought", json::parse(r.sought, nullptr, false)}};
}

Result<storage::TracingRequestRow> MustFind(storage::TracingRequestStore& store, int64_t id) {
  REUNITE_ASSIGN_OR_RETURN(auto row, store.Find(id));
  if (!row) return NotFound("no tracing request " + std::to_string(id));
  return *row;
}

std::string Subject(int64_t id) { return "tracing:" + std::to_string(id); }

}  // namespace

Result<TracingIntake> DecodeTracingIntake(const json& body) {
  if (!body.is_object()) return InvalidArgument("body: expected a JSON object");
  for (const auto& [k, v] : body.items()) {
    if (k != "language" && k != "requester" && k != "sought" && k != "notes" && k != "consent") {
      return InvalidArgument(k + ": unknown field");
    }
  }
  TracingIntake in;
  json& requester = in.requester;
  json& sought = in.sought;
  REUNITE_RETURN_IF_ERROR(
      CopyStrings(body.value("requester", json()), kRequesterFields, "requester", requester));
  REUNITE_RETURN_IF_ERROR(
      CopyStrings(body.value("sought", json()), kSoughtFields, "sought", sought));
  if (!requester.contains("name")) return InvalidArgument("requester.name: required");
  if (!requester.contains("phone") && !requester.contains("email")) {
    return InvalidArgument("requester: give a phone or an email so a caseworker can reach you");
  }
  if (requester.contains("relationship") &&
      kRelationships.count(requester["relationship"].get<std::string>()) == 0) {
    return InvalidArgument(
        "requester.relationship: one of mother, father, parent, grandparent, "
        "sibling, aunt_uncle, other_relative, legal_guardian, other");
  }
  if (!sought.contains("given_name") && !sought.contains("family_name")) {
    return InvalidArgument("sought: give given_name or family_name");
  }
  for (const char* f : {"dob", "last_seen_date"}) {
    if (sought.contains(f) && !IsIsoDate(sought[f].get<std::string>())) {
      return InvalidArgument(std::string("sought.") + f + ": expected YYYY-MM-DD");
    }
  }
  if (sought.contains("sex")) {
    std::string s = sought["sex"].get<std::string>();
    if (s != "female" && s != "male" && s != "unknown") {
      return InvalidArgument("sought.sex: female, male or unknown");
    }
  }
  if (body.contains("consent") && !body["consent"].is_boolean()) {
    return InvalidArgument("consent: expected true or false");
  }
  if (body.value("consent", true) != true) {
    return InvalidArgument("consent: the request can only be processed with consent");
  }
  if (body.contains("notes")) {
    if (!body["notes"].is_string()) return InvalidArgument("notes: expected a string");
    in.notes = body["notes"].get<std::string>();
    if (in.notes.size() > 4000) return InvalidArgument("notes: at most 4000 bytes");
  }
  if (body.contains("language")) {
    if (!body["language"].is_string()) return InvalidArgument("language: expected a string");
    in.language = body["language"].get<std::string>();
    if (in.language.empty() || in.language.size() > 35)
      return InvalidArgument("language: a language tag like es");
  }
  return in;
}

Result<json> SubmitTracingRequest(storage::Connection& db, const TracingOptions& options,
                                  const Caller& caller, const json& body) {
  REUNITE_ASSIGN_OR_RETURN(TracingIntake in, DecodeTracingIntake(body));
  const std::string& language = in.language;

  storage::TracingRequestRow row;
  row.received_at = row.updated_at = UtcNowIso();
  row.client_address = caller.client_address;
  row.language = language;
  row.requester = in.requester.dump();
  row.sought = in.sought.dump();
  row.notes = in.notes;
  row.status = "received";
  storage::TracingRequestStore store(db);
  storage::AccountStore throttle(db);
  const std::string key = "intake-addr:" + caller.client_address;
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    int64_t now = UtcNowMillis();
    REUNITE_RETURN_IF_ERROR(CheckThrottle(throttle, key, options.intake_throttle, now));
    REUNITE_RETURN_IF_ERROR(CountAttempt(throttle, key, options.intake_throttle, now));
    for (int attempt = 0;; ++attempt) {
      row.reference = NewReference();
      auto id = store.Insert(row);
      if (id.ok()) {
        row.request_id = *id;
        break;
      }
      if (id.status().code() != ErrorCode::kAlreadyExists || attempt == 5) return id.status();
    }
    return RecordAuditInTransaction(db, caller, {Subject(row.request_id)}, "ok", "received");
  }));
  // Matching happens after the request is safely stored; whatever it finds
  // (or fails to), the requester's reply is the same.
  if (Match(db, options, row).ok()) {
    row.updated_at = UtcNowIso();
    (void)store.Update(row);
  }
  return json{{"reference", row.reference},
              {"status", "received"},
              {"message", Acknowledgement(language, row.reference)}};
}

Result<json> ListTracingRequests(storage::Connection& db, const AccessPolicy& policy,
                                 const Caller& caller, storage::TracingQuery query) {
  if (query.limit < 1 || query.limit > 500) return InvalidArgument("limit: expected 1 to 500");
  static const std::set<std::string> kStatuses = {"", "received", "matched", "assigned", "closed"};
  if (kStatuses.count(query.status) == 0) {
    return InvalidArgument("status: received, matched, assigned or closed");
  }
  storage::TracingRequestStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto rows, store.List(query));
  json out = {{"requests", json::array()}};
  std::vector<std::string> subjects;
  for (const auto& r : rows) {
    json s = Summary(r);
    if (caller.role) policy.Redact(*caller.role, s);
    out["requests"].push_back(std::move(s));
    subjects.push_back(Subject(r.request_id));
  }
  REUNITE_RETURN_IF_ERROR(
      RecordAudit(db, caller, subjects, "ok", std::to_string(rows.size()) + " requests"));
  return out;
}

Result<json> ReadTracingRequest(storage::Connection& db, const AccessPolicy& policy,
                                const Caller& caller, int64_t request_id) {
  storage::TracingRequestStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto row, MustFind(store, request_id));
  json out = Summary(row);
  json requester = json::parse(row.requester, nullptr, false);
  out["requester"] = requester;
  out["notes"] = row.notes;
  out["resolution_note"] = row.resolution_note.empty() ? json() : json(row.resolution_note);
  json candidates = json::parse(row.candidates, nullptr, false);
  if (!candidates.is_array()) candidates = json::array();
  storage::SourceRecordStore records(db);
  std::vector<std::string> subjects = {Subject(request_id)};
  for (auto& c : candidates) {
    REUNITE_ASSIGN_OR_RETURN(auto rec, records.FindRecord(c.value("record_id", int64_t{0})));
    if (rec) {
      c["record"] = {{"source", rec->source},
                     {"record_key", rec->record_key},
                     {"fields", json::parse(rec->fields, nullptr, false)}};
      subjects.push_back(rec->source + "/" + rec->record_key);
    }
  }
  out["candidates"] = candidates;
  if (caller.role) policy.Redact(*caller.role, out);
  REUNITE_RETURN_IF_ERROR(RecordAudit(db, caller, subjects));
  return out;
}

Result<json> AssignTracingRequest(storage::Connection& db, const AccessPolicy& policy,
                                  const Caller& caller, int64_t request_id,
                                  const std::string& assignee_in) {
  std::string assignee = assignee_in.empty() ? caller.username : assignee_in;
  if (assignee != caller.username && caller.role != cases::Role::kAdmin) {
    return PermissionDenied("only an admin assigns a request to someone else");
  }
  storage::TracingRequestStore store(db);
  storage::AccountStore accounts(db);
  storage::TracingRequestRow row;
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(row, MustFind(store, request_id));
    if (row.status == "closed")
      return FailedPrecondition("request " + row.reference + " is closed");
    REUNITE_ASSIGN_OR_RETURN(auto user, accounts.FindUser(assignee));
    if (!user || user->disabled) return NotFound("no active user '" + assignee + "'");
    auto role = cases::ParseRole(user->role);
    if (!role.ok() || !policy.Allows(*role, "tracing.read")) {
      return FailedPrecondition("user '" + assignee + "' (" + user->role +
                                ") may not work tracing requests");
    }
    row.assigned_to = assignee;
    row.status = "assigned";
    row.updated_at = UtcNowIso();
    REUNITE_RETURN_IF_ERROR(store.Update(row));
    return RecordAuditInTransaction(db, caller, {Subject(request_id)}, "ok",
                                    "assigned to " + assignee);
  }));
  json out = Summary(row);
  if (caller.role) policy.Redact(*caller.role, out);
  return out;
}

Result<json> RematchTracingRequest(storage::Connection& db, const TracingOptions& options,
                                   const AccessPolicy& policy, const Caller& caller,
                                   int64_t request_id) {
  storage::TracingRequestStore store(db);
  REUNITE_ASSIGN_OR_RETURN(auto row, MustFind(store, request_id));
  if (row.status == "closed") return FailedPrecondition("request " + row.reference + " is closed");
  REUNITE_RETURN_IF_ERROR(Match(db, options, row));
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    row.updated_at = UtcNowIso();
    REUNITE_RETURN_IF_ERROR(store.Update(row));
    return RecordAuditInTransaction(db, caller, {Subject(request_id)}, "ok", "rematched");
  }));
  json out = Summary(row);
  if (caller.role) policy.Redact(*caller.role, out);
  return out;
}

Result<json> CloseTracingRequest(storage::Connection& db, const AccessPolicy& policy,
                                 const Caller& caller, int64_t request_id,
                                 const std::string& resolution, const std::string& note) {
  if (kResolutions.count(resolution) == 0) {
    return InvalidArgument("resolution: found, not_found, duplicate or referred");
  }
  if (note.size() > 4000) return InvalidArgument("note: at most 4000 bytes");
  storage::TracingRequestStore store(db);
  storage::TracingRequestRow row;
  REUNITE_RETURN_IF_ERROR(storage::InWriteTransaction(db, [&]() -> Status {
    REUNITE_ASSIGN_OR_RETURN(row, MustFind(store, request_id));
    if (row.status == "closed")
      return FailedPrecondition("request " + row.reference + " is already closed");
    if (row.assigned_to != caller.username && caller.role != cases::Role::kAdmin) {
      return FailedPrecondition("assign request " + row.reference + " to yourself first");
    }
    row.status = "closed";
    row.resolution = resolution;
    row.resolution_note = note;
    row.updated_at = UtcNowIso();
    REUNITE_RETURN_IF_ERROR(store.Update(row));
    return RecordAuditInTransaction(db, caller, {Subject(request_id)}, "ok",
                                    "closed: " + resolution);
  }));
  json out = Summary(row);
  if (caller.role) policy.Redact(*caller.role, out);
  return out;
}

}  // namespace reunite::service
