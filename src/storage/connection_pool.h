// A pool of connections to one database for a multi-threaded server: each
// request borrows one (Lease) and gives it back when done. Connections are
// opened lazily, up to `max_size`; Acquire() waits when all are lent. A
// connection that reported kUnavailable (a dropped server) is closed on
// return instead of being reused.
//
// Thread-safety: Acquire and Lease destruction may be called from any thread.
#ifndef REUNITE_STORAGE_CONNECTION_POOL_H_
#define REUNITE_STORAGE_CONNECTION_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/connection.h"

namespace reunite::storage {

class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }
    // Marks the connection broken: it is closed instead of returned.
    void Discard() { broken_ = true; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
    bool broken_ = false;
  };

  // Opens (and migrates, through the first connection) nothing yet; the
  // caller runs Migrate on one connection at start.
  ConnectionPool(std::string url, size_t max_size);

  // Borrows a connection, opening one if none is idle and fewer than
  // max_size exist; otherwise waits. kUnavailable/kIoError if opening fails.
  Result<Lease> Acquire();
  const std::string& url() const { return url_; }

 private:
  void Return(std::unique_ptr<Connection> conn, bool broken);

  std::string url_;
  size_t max_size_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  size_t open_ = 0;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_CONNECTION_POOL_H_
