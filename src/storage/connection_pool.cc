#include "storage/connection_pool.h"

namespace reunite::storage {

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr && conn_ != nullptr) pool_->Return(std::move(conn_), broken_);
}

ConnectionPool::ConnectionPool(std::string url, size_t max_size)
    : url_(std::move(url)), max_size_(max_size == 0 ? 1 : max_size) {}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_size_; });
    if (!idle_.empty()) {
      std::unique_ptr<Connection> c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
    ++open_;
  }
  auto conn = OpenConnection(url_);
  if (!conn.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
    cv_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(conn).value());
}

void ConnectionPool::Return(std::unique_ptr<Connection> conn, bool broken) {
  std::lock_guard<std::mutex> lock(mu_);
  if (broken) {
    conn.reset();
    --open_;
  } else {
    idle_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace reunite::storage
