// Projection rebuild: a SQLite event log of N events (default 10,000,000) —
// per synthetic family an adult and two children resolved from six records,
// their family unit and two relationships (resolution events), and ten
// custody and caseworker events of the kinds the exports carry — written
// through the fast bulk path (the same hash chain as EventLog::Append,
// checked by a Verify at the end with --verify). Then, each timed:
//   scan        EventLog::Scan over every event, decoding only: the baseline
//   rebuild     resolution::RebuildProjections (persons, records, family
//               units, relationships) from the whole log
//   case file   service::LoadCaseFile: every case event re-keyed to persons
//               (the read model of the case-file queries), unless --no-case-file
// and prints events/s of each and their ratio to the scan in the same run.
//
//   projection_bench [--events N] [--db PATH] [--keep] [--verify] [--no-case-file]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "resolution/projection.h"
#include "resolution/resolution.h"
#include "service/case_file.h"
#include "storage/event_log.h"
#include "storage/hash_chain.h"
#include "storage/migrations.h"

namespace {

using namespace reunite;
using nlohmann::json;
using storage::SqlValue;

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "projection_bench: %s\n", s.ToString().c_str());
  return 1;
}

// CPU seconds so far, peak RSS and the machine's load, printed with each
// figure: on a shared machine the wall time includes waiting for a core.
std::string Usage() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const double cpu = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                     static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  double load = 0;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = 0;
    std::fclose(f);
  }
  char buf[128];
  std::snprintf(buf, sizeof buf, "cpu %.1f s so far, peak RSS %.0f MB, load %.1f", cpu,
                static_cast<double>(u.ru_maxrss) / 1024.0, load);
  return buf;
}

std::string Hex(uint64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*llx", width, static_cast<unsigned long long>(v));
  return buf;
}

// Writes events to the log with a valid chain, kBatch events per write
// transaction (each commit moves the chain head, so every committed prefix
// is a valid log): the log is streamed to disk, never held in one
// transaction (a single transaction of 100,000 events spilled 1.7 GB of WAL).
class BulkLog {
 public:
  static constexpr size_t kBatch = 100000;
  explicit BulkLog(storage::Connection& db) : db_(db) {}
  Status Add(storage::EventDraft d) {
    storage::Event e;
    static_cast<storage::EventDraft&>(e) = std::move(d);
    e.seq = ++seq_;
    e.recorded_at = "2026-01-01T00:00:00.000Z";
    e.prev_hash = prev_;
    e.hash = storage::ComputeEventHash(e);
    prev_ = e.hash;
    rows_.push_back({e.seq, e.occurred_at, e.recorded_at, e.type, e.subjects, e.family_unit,
                     e.custodian, e.reason, e.actor, e.authority, e.sources, e.payload, e.prev_hash,
                     e.hash});
    return rows_.size() >= kBatch ? Flush() : Status::Ok();
  }
  Status Finish() { return Flush(); }
  int64_t seq() const { return seq_; }

 private:
  Status Flush() {
    static const std::string_view kColumns[] = {
        "seq",    "occurred_at", "recorded_at", "type",    "subjects", "family_unit", "custodian",
        "reason", "actor",       "authority",   "sources", "payload",  "prev_hash",   "hash"};
    if (rows_.empty()) return Status::Ok();
    Status s = storage::InWriteTransaction(db_, [&]() -> Status {
      REUNITE_RETURN_IF_ERROR(db_.BulkInsert("events", kColumns, rows_));
      return storage::SetChainHead(db_, "chain_head", {seq_, prev_});
    });
    rows_.clear();
    return s;
  }
  storage::Connection& db_;
  int64_t seq_ = 0;
  std::string prev_ = std::string(64, '0');
  std::vector<std::vector<SqlValue>> rows_;
};

storage::EventDraft Imported(const char* type, const std::string& on, const std::string& ref,
                             const std::string& facility) {
  storage::EventDraft d;
  d.type = type;
  d.occurred_at = on;
  d.subjects = json::array({ref}).dump();
  const std::string source = ref.substr(0, ref.find('/'));
  d.custodian = facility;
  d.actor = "source:" + source;
  d.sources = json::array({{{"source", source},
                            {"record_key", ref.substr(ref.find('/') + 1)},
                            {"raw_hash", Hex(std::hash<std::string>{}(ref), 16)},
                            {"file_id", 1},
                            {"line", 2}}})
                  .dump();
  return d;
}

struct Family {
  std::string unit, adult, child1, child2;
  std::vector<std::string> adult_records, child1_records, child2_records;
};

Family MakeFamily(uint64_t i) {
  const std::string n = Hex(i, 9);
  Family f;
  f.unit = "RGV" + n;
  f.adult = "P" + Hex(i * 3, 16);
  f.child1 = "P" + Hex(i * 3 + 1, 16);
  f.child2 = "P" + Hex(i * 3 + 2, 16);
  f.adult_records = {"e3/EA" + n, "ice/I" + n};
  f.child1_records = {"e3/EB" + n, "orr/UB" + n};
  f.child2_records = {"e3/EC" + n, "orr/UC" + n};
  return f;
}

// Ten case events of one family.
Status AddCaseEvents(BulkLog& log, const Family& f, uint64_t i) {
  const Date start{2018, 1, 1};
  const std::string on = start.AddDays(static_cast<int64_t>(i % 170)).ToIso();
  const std::string later = start.AddDays(static_cast<int64_t>(i % 170) + 3).ToIso();
  for (const std::string* r : {&f.adult_records[0], &f.child1_records[0], &f.child2_records[0]}) {
    auto d = Imported("apprehended", on, *r, "Station " + std::to_string(i % 40));
    d.family_unit = f.unit;
    REUNITE_RETURN_IF_ERROR(log.Add(std::move(d)));
  }
  for (const std::string* r : {&f.child1_records[0], &f.child2_records[0]}) {
    auto d = Imported("separated", on, *r, "");
    d.family_unit = f.unit;
    d.reason = "prosecution_of_parent";
    REUNITE_RETURN_IF_ERROR(log.Add(std::move(d)));
  }
  REUNITE_RETURN_IF_ERROR(log.Add(Imported("detained", later, f.adult_records[1], "PIDC")));
  REUNITE_RETURN_IF_ERROR(
      log.Add(Imported("custody_transferred", later, f.child1_records[1], "Casa 1")));
  REUNITE_RETURN_IF_ERROR(
      log.Add(Imported("custody_transferred", later, f.child2_records[1], "Casa 1")));
  storage::EventDraft call;
  call.type = "phone_contact";
  call.occurred_at = later;
  call.subjects = json::array({f.adult, f.child1}).dump();
  call.actor = "caseworker1";
  call.payload = R"({"channel":"phone","agency":"ngo"})";
  REUNITE_RETURN_IF_ERROR(log.Add(call));
  REUNITE_RETURN_IF_ERROR(log.Add(Imported("removed", later, f.adult_records[1], "")));
  return Status::Ok();
}

// Six resolution events of one family: its persons, unit and relationships.
Status AddResolutionEvents(BulkLog& log, const Family& f) {
  const std::string on = "2018-07-01";
  auto person = [](const std::string& id, const std::vector<std::string>& records,
                   const char* given, const char* group) {
    resolution::PersonState p;
    p.attributes.person_id = id;
    p.attributes.status = "active";
    p.attributes.record_count = static_cast<int64_t>(records.size());
    p.attributes.given_name = given;
    p.attributes.surnames = "GARCIA LOPEZ";
    p.attributes.dob = "2012-04-03";
    p.attributes.sex = "female";
    p.attributes.nationality = "GT";
    p.attributes.age_group = group;
    p.records = records;
    return p;
  };
  REUNITE_RETURN_IF_ERROR(log.Add(resolution::PersonEvent(
      resolution::kPersonResolved, {person(f.adult, f.adult_records, "MARIA", "adult")}, {},
      "bench", on)));
  REUNITE_RETURN_IF_ERROR(log.Add(resolution::PersonEvent(
      resolution::kPersonResolved, {person(f.child1, f.child1_records, "JOSE", "child")}, {},
      "bench", on)));
  REUNITE_RETURN_IF_ERROR(log.Add(resolution::PersonEvent(
      resolution::kPersonResolved, {person(f.child2, f.child2_records, "ANA", "child")}, {},
      "bench", on)));
  resolution::FamilyUnit unit{f.unit,
                              "split",
                              "2018-01-01",
                              {{f.adult, "adult"}, {f.child1, "child"}, {f.child2, "child"}}};
  REUNITE_RETURN_IF_ERROR(log.Add(resolution::FamilyUnitEvent(unit, "bench", on)));
  for (const std::string* c : {&f.child1, &f.child2}) {
    resolution::Relationship r;
    r.parent_id = f.adult;
    r.child_id = *c;
    r.kind = "mother";
    r.evidence = "agency_record";
    r.status = "asserted";
    r.source = "e3/" + f.unit;
    r.evidence_items = "[]";
    REUNITE_RETURN_IF_ERROR(log.Add(resolution::RelationshipEvent(r, "bench", on)));
  }
  return Status::Ok();
}
constexpr uint64_t kEventsPerFamily = 16;

}  // namespace

int main(int argc, char** argv) {
  uint64_t events = 10'000'000;
  std::string path =
      (std::filesystem::temp_directory_path() / "reunite_projection_bench.db").string();
  bool keep = false, verify = false, case_file = true;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--events") && i + 1 < argc)
      events = std::stoull(argv[++i]);
    else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      path = argv[++i];
    else if (!std::strcmp(argv[i], "--keep"))
      keep = true;
    else if (!std::strcmp(argv[i], "--verify"))
      verify = true;
    else if (!std::strcmp(argv[i], "--no-case-file"))
      case_file = false;
    else {
      std::fprintf(stderr,
                   "usage: projection_bench [--events N] [--db PATH] [--keep] [--verify] "
                   "[--no-case-file]\n");
      return 1;
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto db = storage::OpenAndMigrate(path);
  if (!db.ok()) return Fail(db.status());
  storage::Connection& c = **db;

  // Setup: the log (and, without resolution, its read model), bulk.
  auto t0 = std::chrono::steady_clock::now();
  const uint64_t families = (events + kEventsPerFamily - 1) / kEventsPerFamily;
  Status s = [&]() -> Status {
    BulkLog bulk(c);
    for (uint64_t i = 0; i < families; ++i) {
      const Family f = MakeFamily(i);
      REUNITE_RETURN_IF_ERROR(AddResolutionEvents(bulk, f));
      REUNITE_RETURN_IF_ERROR(AddCaseEvents(bulk, f, i));
    }
    return bulk.Finish();
  }();
  if (!s.ok()) return Fail(s);
  storage::EventLog log(c);
  const int64_t n = log.LastSeq().value();
  const double setup_s = Seconds(t0);
  std::printf(
      "setup:     %lld events (%llu families) written in %.1f s = %.0f events/s, %zu per "
      "transaction, to %s (%.0f MB); %s\n",
      static_cast<long long>(n), static_cast<unsigned long long>(families), setup_s,
      static_cast<double>(n) / setup_s, BulkLog::kBatch, path.c_str(),
      static_cast<double>(std::filesystem::file_size(path)) / 1e6, Usage().c_str());

  // Baseline: read and decode every event.
  t0 = std::chrono::steady_clock::now();
  int64_t scanned = 0;
  s = log.Scan(0, [&](const storage::Event&) {
    ++scanned;
    return Status::Ok();
  });
  if (!s.ok()) return Fail(s);
  const double scan_s = Seconds(t0);
  std::printf("scan:      %lld events in %.2f s = %.0f events/s (baseline); %s\n",
              static_cast<long long>(scanned), scan_s, static_cast<double>(scanned) / scan_s,
              Usage().c_str());

  t0 = std::chrono::steady_clock::now();
  auto rebuilt = resolution::RebuildProjections(c, ProgressMode::kNever);
  if (!rebuilt.ok()) return Fail(rebuilt.status());
  const double rebuild_s = Seconds(t0);
  std::printf(
      "rebuild:   %lld events (%lld applied) in %.2f s = %.0f events/s, %.2fx the scan; "
      "%lld persons, %lld relationships, %lld family units; %s\n",
      static_cast<long long>(rebuilt->events_read), static_cast<long long>(rebuilt->events_applied),
      rebuild_s, static_cast<double>(rebuilt->events_read) / rebuild_s, rebuild_s / scan_s,
      static_cast<long long>(rebuilt->persons), static_cast<long long>(rebuilt->relationships),
      static_cast<long long>(rebuilt->family_units), Usage().c_str());

  if (case_file) {
    t0 = std::chrono::steady_clock::now();
    auto file = service::LoadCaseFile(c, {});
    if (!file.ok()) return Fail(file.status());
    const double load_s = Seconds(t0);
    std::printf(
        "case file: %lld events in %.2f s = %.0f events/s, %.2fx the scan; %zu case events of "
        "%zu persons; %s\n",
        static_cast<long long>(n), load_s, static_cast<double>(n) / load_s, load_s / scan_s,
        file->input.events.size(), file->persons.size(), Usage().c_str());
  }
  if (verify) {
    t0 = std::chrono::steady_clock::now();
    auto report = log.Verify();
    if (!report.ok()) return Fail(report.status());
    std::printf("verify:    %s in %.2f s\n", report->ok ? "chain intact" : "BROKEN", Seconds(t0));
    if (!report->ok) return 1;
  }
  db->reset();
  if (!keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  return 0;
}
