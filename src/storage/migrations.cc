#include "storage/migrations.h"

#include "common/clock.h"

namespace reunite::storage {
namespace {

constexpr std::string_view kGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Version 1: the event log, the truth from which every read model is rebuilt.
constexpr std::string_view kEventLogSql = R"SQL(
CREATE TABLE events (
  seq BIGINT PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  type TEXT NOT NULL,
  subjects TEXT NOT NULL,
  family_unit TEXT,
  custodian TEXT,
  reason TEXT,
  actor TEXT NOT NULL,
  authority TEXT,
  sources TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_family_unit ON events (family_unit);
CREATE TABLE chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
)SQL";

// Version 2: every raw record as received, the files they came in, and the
// quarantine of rows that could not be used.
constexpr std::string_view kSourceRecordsSql = R"SQL(
CREATE TABLE import_files (
  file_id BIGINT PRIMARY KEY,
  source TEXT NOT NULL,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_new BIGINT NOT NULL,
  rows_duplicate BIGINT NOT NULL,
  rows_quarantined BIGINT NOT NULL,
  events_appended BIGINT NOT NULL,
  UNIQUE (source, content_hash)
);
CREATE TABLE source_records (
  record_id BIGINT PRIMARY KEY,
  source TEXT NOT NULL,
  record_key TEXT NOT NULL,
  raw_hash TEXT NOT NULL,
  file_id BIGINT NOT NULL REFERENCES import_files (file_id),
  line BIGINT NOT NULL,
  raw TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE (source, raw_hash)
);
CREATE INDEX source_records_key ON source_records (source, record_key);
CREATE TABLE quarantine (
  quarantine_id BIGINT PRIMARY KEY,
  source TEXT NOT NULL,
  file_id BIGINT NOT NULL REFERENCES import_files (file_id),
  line BIGINT NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  raw_hash TEXT NOT NULL,
  UNIQUE (source, raw_hash)
);
)SQL";

// Version 3: resolved persons, the read model `reunite resolve` projects
// from its person_resolved / person_merged / person_split events. A person
// is a cluster of source records; person_records maps each record reference
// ("source/record_key") to the person holding it now. Persons merged away or
// split are kept with status 'retired' and the event that retired them.
constexpr std::string_view kPersonsSql = R"SQL(
CREATE TABLE persons (
  person_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  record_count BIGINT NOT NULL,
  given_name TEXT NOT NULL,
  surnames TEXT NOT NULL,
  dob TEXT NOT NULL,
  sex TEXT NOT NULL,
  a_number TEXT NOT NULL,
  nationality TEXT NOT NULL,
  age_group TEXT NOT NULL,
  created_seq BIGINT NOT NULL,
  updated_seq BIGINT NOT NULL
);
CREATE INDEX persons_status ON persons (status);
CREATE INDEX persons_a_number ON persons (a_number);
CREATE TABLE person_records (
  record_ref TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  source TEXT NOT NULL,
  record_key TEXT NOT NULL
);
CREATE INDEX person_records_person ON person_records (person_id);
)SQL";

// Version 4: family units and relationships. A family unit (the agency's
// number) is never deleted, only split or closed; family_members keeps every
// person ever seen in it. A relationship is parent/guardian -> child with
// kind, evidence, status and source; `evidence_items` is a JSON array of
// every piece of evidence (family unit, declared relation, review).
constexpr std::string_view kFamiliesSql = R"SQL(
CREATE TABLE family_units (
  family_unit TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  apprehended_on TEXT NOT NULL,
  created_seq BIGINT NOT NULL,
  updated_seq BIGINT NOT NULL
);
CREATE TABLE family_members (
  family_unit TEXT NOT NULL,
  person_id TEXT NOT NULL,
  member_role TEXT NOT NULL,
  PRIMARY KEY (family_unit, person_id)
);
CREATE INDEX family_members_person ON family_members (person_id);
CREATE TABLE relationships (
  parent_id TEXT NOT NULL,
  child_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  evidence TEXT NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  evidence_items TEXT NOT NULL,
  updated_seq BIGINT NOT NULL,
  PRIMARY KEY (parent_id, child_id)
);
CREATE INDEX relationships_child ON relationships (child_id);
)SQL";

// Version 5: the review queue (record pairs between the reject and accept
// thresholds, ranked by how much a decision changes), the review decisions
// projected from review_accepted / review_rejected events, and each
// projection's position in the event log.
constexpr std::string_view kReviewSql = R"SQL(
CREATE TABLE review_queue (
  left_ref TEXT NOT NULL,
  right_ref TEXT NOT NULL,
  left_person TEXT NOT NULL,
  right_person TEXT NOT NULL,
  match_weight DOUBLE PRECISION NOT NULL,
  match_probability DOUBLE PRECISION NOT NULL,
  priority DOUBLE PRECISION NOT NULL,
  why TEXT NOT NULL,
  queued_seq BIGINT NOT NULL,
  PRIMARY KEY (left_ref, right_ref)
);
CREATE INDEX review_queue_priority ON review_queue (priority);
CREATE TABLE review_decisions (
  left_ref TEXT NOT NULL,
  right_ref TEXT NOT NULL,
  decision TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL,
  decided_seq BIGINT NOT NULL,
  PRIMARY KEY (left_ref, right_ref)
);
CREATE TABLE projection_state (
  projection TEXT PRIMARY KEY,
  last_seq BIGINT NOT NULL
);
)SQL";

// Version 7: accounts. Users (Argon2id password hashes), sessions (only the
// SHA-256 of each token is stored) and the login/intake throttle shared by
// every server on the database. Times are epoch milliseconds (UTC).
constexpr std::string_view kAccountsSql = R"SQL(
CREATE TABLE users (
  user_id BIGINT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  created_ms BIGINT NOT NULL,
  password_changed_ms BIGINT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (user_id),
  csrf_hash TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  revoked_ms BIGINT,
  client_address TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE throttle (
  throttle_key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  window_start_ms BIGINT NOT NULL,
  blocked_until_ms BIGINT NOT NULL
);
)SQL";

// Version 8: the audit log, append-only and hash-chained like the event log
// (storage/hash_chain.h), with its own head; audit_subjects indexes who was
// read or written (derived from the hashed subjects column).
constexpr std::string_view kAuditSqliteSql = R"SQL(
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  route TEXT NOT NULL,
  target TEXT NOT NULL,
  subjects TEXT NOT NULL,
  client_address TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE TABLE audit_subjects (
  subject TEXT NOT NULL,
  seq BIGINT NOT NULL REFERENCES audit_log (seq),
  PRIMARY KEY (subject, seq)
);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL";

constexpr std::string_view kAuditPostgresSql = R"SQL(
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  route TEXT NOT NULL,
  target TEXT NOT NULL,
  subjects TEXT NOT NULL,
  client_address TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE TABLE audit_subjects (
  subject TEXT NOT NULL,
  seq BIGINT NOT NULL REFERENCES audit_log (seq),
  PRIMARY KEY (subject, seq)
);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)SQL";

// Version 9: tracing requests from the public intake, matched against the
// source records and queued for caseworkers.
constexpr std::string_view kTracingSql = R"SQL(
CREATE TABLE tracing_requests (
  request_id BIGINT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  client_address TEXT NOT NULL,
  language TEXT NOT NULL,
  requester TEXT NOT NULL,
  sought TEXT NOT NULL,
  notes TEXT NOT NULL,
  status TEXT NOT NULL,
  assigned_to TEXT,
  candidates TEXT NOT NULL,
  matched_at TEXT,
  resolution TEXT,
  resolution_note TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX tracing_requests_status ON tracing_requests (status, request_id);
)SQL";

// Version 10: an index for the API's person timeline — events by their
// subjects (an imported event's subjects are exactly its record's reference,
// ["e3/EID…"]). Partial: only short subject lists are indexed (a resolution
// event may list thousands of persons, beyond a PostgreSQL index entry); a
// query repeats the predicate. (Events by family unit: events_family_unit,
// version 1.)
constexpr std::string_view kEventLookupsSql = R"SQL(
CREATE INDEX events_subjects ON events (subjects) WHERE length(subjects) < 512;
)SQL";

// Version 11: the event log for bulk appends. On SQLite, seq becomes the
// table's rowid (INTEGER PRIMARY KEY: the rows are stored in seq order with
// no second index on seq). On both, the UNIQUE index on hash goes: no query
// looks an event up by its hash, and every append wrote a random page of it
// (at ten million events, most of an append's I/O). Hashes stay distinct by
// construction (each covers its seq) and `verify` checks every one.
constexpr std::string_view kEventsBulkSqliteSql = R"SQL(
CREATE TABLE events_v11 (
  seq INTEGER PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  type TEXT NOT NULL,
  subjects TEXT NOT NULL,
  family_unit TEXT,
  custodian TEXT,
  reason TEXT,
  actor TEXT NOT NULL,
  authority TEXT,
  sources TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO events_v11 (seq, occurred_at, recorded_at, type, subjects, family_unit, custodian,
  reason, actor, authority, sources, payload, prev_hash, hash)
SELECT seq, occurred_at, recorded_at, type, subjects, family_unit, custodian, reason, actor,
  authority, sources, payload, prev_hash, hash FROM events ORDER BY seq;
DROP TABLE events;
ALTER TABLE events_v11 RENAME TO events;
CREATE INDEX events_type ON events (type);
CREATE INDEX events_family_unit ON events (family_unit);
CREATE INDEX events_subjects ON events (subjects) WHERE length(subjects) < 512;
)SQL";

constexpr std::string_view kEventsBulkPostgresSql = R"SQL(
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_hash_key;
)SQL";

// Version 12: on SQLite, source records and quarantined rows keyed by their
// rowid (record_id, quarantine_id as INTEGER PRIMARY KEY), one index fewer
// per imported row. PostgreSQL's tables stay as they are.
constexpr std::string_view kSourceRowidSqliteSql = R"SQL(
CREATE TABLE source_records_v12 (
  record_id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  record_key TEXT NOT NULL,
  raw_hash TEXT NOT NULL,
  file_id BIGINT NOT NULL REFERENCES import_files (file_id),
  line BIGINT NOT NULL,
  raw TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE (source, raw_hash)
);
INSERT INTO source_records_v12 (record_id, source, record_key, raw_hash, file_id, line, raw,
  fields)
SELECT record_id, source, record_key, raw_hash, file_id, line, raw, fields FROM source_records
ORDER BY record_id;
DROP TABLE source_records;
ALTER TABLE source_records_v12 RENAME TO source_records;
CREATE INDEX source_records_key ON source_records (source, record_key);
CREATE TABLE quarantine_v12 (
  quarantine_id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  file_id BIGINT NOT NULL REFERENCES import_files (file_id),
  line BIGINT NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  raw_hash TEXT NOT NULL,
  UNIQUE (source, raw_hash)
);
INSERT INTO quarantine_v12 (quarantine_id, source, file_id, line, field, reason, raw, raw_hash)
SELECT quarantine_id, source, file_id, line, field, reason, raw, raw_hash FROM quarantine
ORDER BY quarantine_id;
DROP TABLE quarantine;
ALTER TABLE quarantine_v12 RENAME TO quarantine;
)SQL";

constexpr std::string_view kSourceRowidPostgresSql = R"SQL(
SELECT 1;
)SQL";

constexpr Migration kMigrations[] = {
    {1, "event log", kEventLogSql, kEventLogSql},
    {2, "source records and quarantine", kSourceRecordsSql, kSourceRecordsSql},
    {3, "resolved persons", kPersonsSql, kPersonsSql},
    {4, "family units and relationships", kFamiliesSql, kFamiliesSql},
    {5, "review queue and projection state", kReviewSql, kReviewSql},
    {7, "accounts, sessions and throttle", kAccountsSql, kAccountsSql},
    {8, "audit log", kAuditSqliteSql, kAuditPostgresSql},
    {9, "tracing requests", kTracingSql, kTracingSql},
    {10, "events by subject", kEventLookupsSql, kEventLookupsSql},
    {11, "event log for bulk appends", kEventsBulkSqliteSql, kEventsBulkPostgresSql},
    {12, "source rows keyed by rowid", kSourceRowidSqliteSql, kSourceRowidPostgresSql},
};

Status EnsureMigrationsTable(Connection& db) {
  return db.Execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      {});
}

}  // namespace

std::span<const Migration> AllMigrations() { return kMigrations; }

Result<int> SchemaVersion(Connection& db) {
  REUNITE_RETURN_IF_ERROR(EnsureMigrationsTable(db));
  REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT MAX(version) FROM schema_migrations"));
  return rows.empty() || rows[0].IsNull(0) ? 0 : static_cast<int>(rows[0].Int(0));
}

Result<int> Migrate(Connection& db, int target) {
  static_assert(kGenesis.size() == 64);
  const int latest = kMigrations[std::size(kMigrations) - 1].version;
  if (target < 0) target = latest;
  REUNITE_RETURN_IF_ERROR(EnsureMigrationsTable(db));
  for (const Migration& m : kMigrations) {
    if (m.version > target) break;
    Status s = InWriteTransaction(db, [&]() -> Status {
      if (db.dialect() == Dialect::kPostgres) {
        // Serialises concurrent starters; released at commit.
        REUNITE_RETURN_IF_ERROR(db.Execute("SELECT pg_advisory_xact_lock(7242018)", {}));
      }
      SqlValue v = static_cast<int64_t>(m.version);
      REUNITE_ASSIGN_OR_RETURN(auto done,
                               db.Query("SELECT 1 FROM schema_migrations WHERE version = ?",
                                        std::span<const SqlValue>(&v, 1)));
      if (!done.empty()) return Status::Ok();
      std::string_view sql = db.dialect() == Dialect::kPostgres ? m.postgres_sql : m.sqlite_sql;
      REUNITE_RETURN_IF_ERROR(db.Execute(sql, {}).WithContext(
          "migration " + std::to_string(m.version) + " (" + std::string(m.name) + ")"));
      SqlValue params[] = {static_cast<int64_t>(m.version), std::string(m.name), UtcNowIso()};
      return db.Execute(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", params);
    });
    REUNITE_RETURN_IF_ERROR(s);
  }
  REUNITE_ASSIGN_OR_RETURN(int version, SchemaVersion(db));
  if (version > latest) {
    return FailedPrecondition(db.Describe() + ": schema version " + std::to_string(version) +
                              " is newer than this reunite (" + std::to_string(latest) + ")");
  }
  return version;
}

Result<std::unique_ptr<Connection>> OpenAndMigrate(std::string_view url) {
  REUNITE_ASSIGN_OR_RETURN(auto db, OpenConnection(url));
  REUNITE_RETURN_IF_ERROR(Migrate(*db).status());
  return db;
}

}  // namespace reunite::storage
