// `reunite serve`: the HTTP/1.1 JSON API under /api/v1 (and the web UI's
// static files), on cpp-httplib. This is the only layer that links it.
//
// Every reply carries the security headers (Content-Security-Policy,
// X-Content-Type-Options: nosniff, X-Frame-Options: DENY, Referrer-Policy:
// no-referrer, and Cache-Control: no-store on API replies). Request bodies
// are limited (max_body_bytes for JSON, max_upload_bytes for the import
// upload, refused with 413 before they are read), as are read and write
// times and the time a whole request may take to arrive (request_timeout_s). TLS when a certificate
// and key are given. Listens on loopback unless told otherwise; port 0 picks a free port (see
// port()).
//
// Ownership: the server owns its connection pool, its tracing index and the
// httplib server. Thread-safety: Run() blocks on one thread; Stop() may be
// called from any other thread (the CLI calls it on SIGINT/SIGTERM), after
// which in-flight requests finish and Run() returns.
#ifndef REUNITE_HTTP_API_SERVER_H_
#define REUNITE_HTTP_API_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "reunite/status.h"
#include "service/auth_service.h"
#include "service/tracing_service.h"

namespace reunite::http {

struct ServerOptions {
  std::string db_url = "reunite.db";              // SQLite path or postgresql:// URL
  std::string host = "127.0.0.1";                 // loopback unless told otherwise
  int port = 8080;                                // 0: any free port
  std::string tls_cert, tls_key;                  // both or neither (PEM files)
  std::string static_dir;                         // the web UI (index.html fallback); empty: none
  std::string mappings_dir = "mappings";          // for import uploads
  std::string orders_dir = "orders";              // court orders (*.json) for the reports
  std::string model_path = "models/person.json";  // tracing matches; missing: no matching
  // Worker threads. cpp-httplib keeps a keep-alive connection on one thread
  // for its lifetime, so this bounds the concurrent connections served; the
  // default holds 64 with headroom (cpp-httplib's own default is the core
  // count, which queues the 9th connection behind the others).
  size_t threads = 72;
  // Pooled database connections shared by the threads (a request waits for a
  // free one); small, so several servers fit PostgreSQL's max_connections.
  size_t db_connections = 16;
  size_t keep_alive_max_requests = 1000;  // requests on one connection before it is closed
  size_t max_body_bytes = 1 << 20;        // JSON request bodies
  size_t max_upload_bytes = 256u << 20;   // POST /api/v1/imports
  int read_timeout_s = 10;                // each read: no byte for this long ends the connection
  // A whole request (line, headers, body) must arrive within this, or the
  // connection is closed: a client trickling bytes (slowloris) holds a worker
  // no longer. Plain HTTP only (TLS keeps the per-read timeout); an upload of
  // max_upload_bytes needs a link of max_upload_bytes / request_timeout_s.
  int request_timeout_s = 60;
  int write_timeout_s = 30;
  int keep_alive_timeout_s = 5;
  bool log_requests = true;  // one line per request on stderr (never query strings or bodies)
  service::AuthOptions auth;
  service::TracingOptions tracing;  // its index is set by the server
};

class ApiServer {
 public:
  // Opens the database (migrating it), loads the model, binds the socket.
  // kInvalidArgument for bad options, kUnavailable if the address is taken.
  static Result<std::unique_ptr<ApiServer>> Start(const ServerOptions& options);
  ~ApiServer();

  int port() const;
  // "http://127.0.0.1:PORT" (https with TLS).
  std::string url() const;
  // Serves until Stop(); returns Ok after a clean stop.
  Status Run();
  void Stop();

  struct Impl;

 private:
  explicit ApiServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace reunite::http

#endif  // REUNITE_HTTP_API_SERVER_H_
