// DeadlineServer: cpp-httplib's plain-HTTP server with a deadline on each
// whole request. cpp-httplib's read timeout applies to each read, so a client
// that trickles a header line every few seconds (slowloris) would hold a
// worker thread for as long as it likes; here each request — its line,
// headers and body — must have arrived within `request_timeout_s` of its
// first byte being awaited, or the connection is closed. Everything else
// (keep-alive, routing, limits) is cpp-httplib's.
//
// Only for plain HTTP: httplib::SSLServer reads through OpenSSL and keeps
// cpp-httplib's per-read timeout (see docs/reliability.md).
//
// Thread-safety: as httplib::Server (each connection on one worker thread).
#ifndef REUNITE_HTTP_DEADLINE_SERVER_H_
#define REUNITE_HTTP_DEADLINE_SERVER_H_

#include <httplib.h>

namespace reunite::http {

class DeadlineServer : public httplib::Server {
 public:
  // `request_timeout_s` > 0.
  explicit DeadlineServer(int request_timeout_s) : request_timeout_s_(request_timeout_s) {}

 private:
  bool process_and_close_socket(socket_t sock) override;

  int request_timeout_s_;
};

}  // namespace reunite::http

#endif  // REUNITE_HTTP_DEADLINE_SERVER_H_
