// The hash chain shared by reunite's append-only logs (the event log and the
// audit log): one canonical encoding, one SHA-256, one head row, one verifier.
//
// A chained entry has a sequence number (1, 2, 3, ... without gaps), a tag
// naming the log and its encoding version ("reunite-event-v1"), its fields,
// the hash of its predecessor (prev_hash; 64 zeros for the first) and its own
// hash: the SHA-256 (hex) of
//
//   <tag>\n <len>:<seq>\n <len>:<field 1>\n ... <len>:<prev_hash>\n
//
// Length prefixes make the encoding unambiguous whatever the fields contain.
// Each log keeps a one-row head table (id = 1, seq, hash) updated in the same
// transaction as its appends; locking it (SELECT ... FOR UPDATE on
// PostgreSQL, SQLite's write lock) serialises writers so the chain never
// forks. Thread-safety: stateless functions; ChainVerifier is one caller's.
#ifndef REUNITE_STORAGE_HASH_CHAIN_H_
#define REUNITE_STORAGE_HASH_CHAIN_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "storage/connection.h"

namespace reunite::storage {

// prev_hash of the first entry of every chain.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 (lowercase hex) of `bytes`: the one SHA-256 of reunite (chains,
// stored session-token hashes).
std::string Sha256Hex(std::string_view bytes);

// SHA-256 (lowercase hex) of the canonical encoding of one entry: `tag`, then
// `seq` and each of `fields` in order (the last field is the prev_hash).
std::string ChainHash(std::string_view tag, int64_t seq,
                      std::initializer_list<std::string_view> fields);

struct ChainHead {
  int64_t seq = 0;   // seq of the last entry (0 when empty)
  std::string hash;  // hash of the last entry (kGenesisHash when empty)
};

// Reads the head of the chain kept in `head_table` inside the caller's write
// transaction, locking it (FOR UPDATE) on PostgreSQL. kCorruption if missing.
Result<ChainHead> LockChainHead(Connection& db, std::string_view head_table);
// Reads the head without locking (for LastSeq and Verify).
Result<ChainHead> ReadChainHead(Connection& db, std::string_view head_table);
Status SetChainHead(Connection& db, std::string_view head_table, const ChainHead& head);

struct VerifyReport {
  int64_t entries_checked = 0;
  bool ok = true;
  int64_t first_broken_seq = 0;  // 0 when ok
  std::string problem;           // what is wrong at first_broken_seq
};

// Walks a chain entry by entry (fed in seq order by the log's own scan) and
// names the first broken link: a gap in seq, a prev_hash that is not the
// previous hash, a stored hash that is not the recomputed one, or a head that
// is not the last entry (truncation).
//
//   ChainVerifier v("event");
//   Status s = log.Scan(0, [&](const Event& e) {
//     return v.Check(e.seq, e.prev_hash, e.hash, ComputeEventHash(e)); });
//   return v.Finish(db, "chain_head", s);
class ChainVerifier {
 public:
  // `noun` names an entry in problems ("event 7 is missing").
  explicit ChainVerifier(std::string noun) : noun_(std::move(noun)) {}
  // Checks one entry; a non-ok Status (kCorruption) stops the scan at a break.
  Status Check(int64_t seq, std::string_view prev_hash, std::string_view stored_hash,
               std::string_view recomputed_hash);
  // After the scan: a database error in `scan_status` is returned as is; a
  // break found by Check is reported; otherwise the head is compared.
  Result<VerifyReport> Finish(Connection& db, std::string_view head_table,
                              const Status& scan_status);

 private:
  Status Fail(int64_t seq, std::string problem);
  std::string noun_;
  VerifyReport report_;
  std::string prev_ = std::string(kGenesisHash);
  int64_t expected_ = 1;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_HASH_CHAIN_H_
