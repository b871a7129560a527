// `reunite serve`: the HTTP API (and the web UI's files) until SIGINT/SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

#include "cli/command.h"
#include "http/api_server.h"

namespace reunite::cli {
namespace {

struct ServeFlags {
  http::ServerOptions options;
  std::string listen = "127.0.0.1:8080";
  int64_t session_hours = 8;
  int64_t idle_minutes = 30;
};

Status ParseListen(const std::string& listen, http::ServerOptions& options) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return InvalidArgument("--listen: expected HOST:PORT");
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::string port = listen.substr(colon + 1);
  char* end = nullptr;
  long p = std::strtol(port.c_str(), &end, 10);
  if (host.empty() || port.empty() || *end != '\0' || p < 0 || p > 65535) {
    return InvalidArgument("--listen: expected HOST:PORT, got '" + listen + "'");
  }
  options.host = host;
  options.port = static_cast<int>(p);
  return Status::Ok();
}

Status RunServe(ServeFlags& f) {
  REUNITE_RETURN_IF_ERROR(ParseListen(f.listen, f.options));
  if (f.session_hours < 1 || f.idle_minutes < 1) {
    return InvalidArgument("--session-hours and --idle-minutes: at least 1");
  }
  f.options.auth.session_ttl_ms = f.session_hours * 3600 * 1000;
  f.options.auth.idle_timeout_ms = f.idle_minutes * 60 * 1000;
  // Block the stop signals in every thread; one thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  REUNITE_ASSIGN_OR_RETURN(auto server, http::ApiServer::Start(f.options));
  std::printf("serve: listening on %s (database %s)\n", server->url().c_str(),
              f.options.db_url.c_str());
  std::fflush(stdout);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (sig != 0) {
      std::fprintf(stderr, "serve: %s received, finishing requests in flight\n",
                   sig == SIGINT    ? "SIGINT"
                   : sig == SIGTERM ? "SIGTERM"
                                    : "signal");
    }
    server->Stop();
  });
  Status s = server->Run();
  // Run() returned without a signal (an error): wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (s.ok()) std::printf("serve: stopped\n");
  return s;
}

}  // namespace

void AddServeCommand(CLI::App& app, CommandResult& result) {
  auto f = std::make_shared<ServeFlags>();
  CLI::App* sub = app.add_subcommand(
      "serve",
      "Serve the HTTP JSON API under /api/v1 (see docs/api.md) and, with --static, the web UI.\n"
      "Prints the URL it listens on; stops cleanly on SIGINT or SIGTERM.");
  sub->add_option("--db", f->options.db_url, "Database: a SQLite file or postgresql://… URL")
      ->capture_default_str();
  sub->add_option("--listen", f->listen,
                  "HOST:PORT to listen on (loopback by default; port 0 picks a free port)")
      ->capture_default_str();
  sub->add_option("--tls-cert", f->options.tls_cert, "TLS certificate (PEM); needs --tls-key");
  sub->add_option("--tls-key", f->options.tls_key, "TLS private key (PEM)");
  sub->add_option("--static", f->options.static_dir,
                  "Directory of the web UI (index.html is served for app routes)");
  sub->add_option("--mappings", f->options.mappings_dir, "Source mappings for import uploads")
      ->capture_default_str();
  sub->add_option("--orders", f->options.orders_dir, "Court orders (*.json) for the reports")
      ->capture_default_str();
  sub->add_option("--model", f->options.model_path, "Linkage model for tracing requests")
      ->capture_default_str();
  sub->add_option("--threads", f->options.threads,
                  "Worker threads: the concurrent connections served (keep-alive holds one each)")
      ->capture_default_str();
  sub->add_option("--db-connections", f->options.db_connections,
                  "Pooled database connections shared by the threads")
      ->capture_default_str();
  sub->add_option("--max-body", f->options.max_body_bytes, "Largest JSON request body (bytes)")
      ->capture_default_str();
  sub->add_option("--max-upload", f->options.max_upload_bytes, "Largest import upload (bytes)")
      ->capture_default_str();
  sub->add_option("--read-timeout", f->options.read_timeout_s,
                  "Seconds a read may wait for the next byte of a request")
      ->capture_default_str();
  sub->add_option("--request-timeout", f->options.request_timeout_s,
                  "Seconds a whole request (headers and body) may take to arrive (plain HTTP)")
      ->capture_default_str();
  sub->add_option("--write-timeout", f->options.write_timeout_s, "Seconds to write a reply")
      ->capture_default_str();
  sub->add_option("--session-hours", f->session_hours, "Lifetime of a session")
      ->capture_default_str();
  sub->add_option("--idle-minutes", f->idle_minutes, "A session unused this long ends")
      ->capture_default_str();
  sub->add_flag("!--no-request-log", f->options.log_requests,
                "Do not log one line per request on stderr");
  sub->callback([f, &result] { result.status = RunServe(*f); });
}

}  // namespace reunite::cli
