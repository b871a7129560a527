#include "storage/hash_chain.h"

#include <sodium.h>

namespace reunite::storage {
namespace {

void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out.push_back(':');
  out.append(field);
  out.push_back('\n');
}

}  // namespace

std::string ChainHash(std::string_view tag, int64_t seq,
                      std::initializer_list<std::string_view> fields) {
  std::string canon(tag);
  canon.push_back('\n');
  AppendField(canon, std::to_string(seq));
  for (std::string_view f : fields) AppendField(canon, f);
  return Sha256Hex(canon);
}

std::string Sha256Hex(std::string_view bytes) {
  static const int kSodiumReady = sodium_init();
  (void)kSodiumReady;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<ChainHead> ReadChainHead(Connection& db, std::string_view head_table) {
  REUNITE_ASSIGN_OR_RETURN(
      auto rows, db.Query("SELECT seq, hash FROM " + std::string(head_table) + " WHERE id = 1"));
  if (rows.size() != 1) {
    return Corruption(db.Describe() + ": " + std::string(head_table) + " (chain head) is missing");
  }
  return ChainHead{rows[0].Int(0), rows[0].Text(1)};
}

Result<ChainHead> LockChainHead(Connection& db, std::string_view head_table) {
  std::string sql = "SELECT seq, hash FROM " + std::string(head_table) + " WHERE id = 1";
  if (db.dialect() == Dialect::kPostgres) sql += " FOR UPDATE";
  REUNITE_ASSIGN_OR_RETURN(auto rows, db.Query(sql));
  if (rows.size() != 1) {
    return Corruption(db.Describe() + ": " + std::string(head_table) + " (chain head) is missing");
  }
  return ChainHead{rows[0].Int(0), rows[0].Text(1)};
}

Status SetChainHead(Connection& db, std::string_view head_table, const ChainHead& head) {
  SqlValue params[] = {head.seq, head.hash};
  return db.Execute("UPDATE " + std::string(head_table) + " SET seq = ?, hash = ? WHERE id = 1",
                    params);
}

Status ChainVerifier::Fail(int64_t seq, std::string problem) {
  report_.ok = false;
  report_.first_broken_seq = seq;
  report_.problem = std::move(problem);
  return Status(ErrorCode::kCorruption, "chain broken");
}

Status ChainVerifier::Check(int64_t seq, std::string_view prev_hash, std::string_view stored_hash,
                            std::string_view recomputed_hash) {
  if (seq != expected_) {
    return Fail(expected_, noun_ + " " + std::to_string(expected_) +
                               " is missing (next stored is " + std::to_string(seq) + ")");
  }
  if (prev_hash != prev_) {
    return Fail(seq,
                "prev_hash does not match the hash of " + noun_ + " " + std::to_string(seq - 1));
  }
  if (recomputed_hash != stored_hash) {
    return Fail(seq, "stored hash does not match the " + noun_ + "'s contents");
  }
  prev_ = std::string(stored_hash);
  ++expected_;
  ++report_.entries_checked;
  return Status::Ok();
}

Result<VerifyReport> ChainVerifier::Finish(Connection& db, std::string_view head_table,
                                           const Status& scan_status) {
  if (!scan_status.ok() && report_.ok) return scan_status;  // a database error
  if (!report_.ok) return report_;
  REUNITE_ASSIGN_OR_RETURN(ChainHead head, ReadChainHead(db, head_table));
  if (head.seq != expected_ - 1 || head.hash != prev_) {
    report_.ok = false;
    report_.first_broken_seq = expected_;
    report_.problem =
        "chain head does not match the last stored " + noun_ + " (" + noun_ + "s were removed?)";
  }
  return report_;
}

}  // namespace reunite::storage
