// Test support: a `reunite serve` child process (port 0), read up to the URL
// line it prints on start; stopped with SIGTERM or killed with SIGKILL.
// Used by serve_cli_test.cc and serve_crash_test.cc.
#ifndef REUNITE_TESTS_SUPPORT_SERVE_PROCESS_H_
#define REUNITE_TESTS_SUPPORT_SERVE_PROCESS_H_

#include <sys/types.h>

#include <cstdio>
#include <string>
#include <vector>

namespace reunite::testing {

class ServeProcess {
 public:
  // Starts `reunite serve --no-request-log ARGS...`; url() is empty if it
  // printed no URL (output() says why).
  explicit ServeProcess(std::vector<std::string> args);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  const std::string& url() const { return url_; }
  int port() const { return std::stoi(url_.substr(url_.rfind(':') + 1)); }
  pid_t pid() const { return pid_; }
  // SIGTERM, then the exit code (-1 if killed by a signal) and the rest of stdout.
  int Stop();
  // SIGKILL; true if the process died of it.
  bool Kill();
  const std::string& output() const { return output_; }

 private:
  int Wait(int signal);
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  std::string url_, output_;
};

}  // namespace reunite::testing

#endif  // REUNITE_TESTS_SUPPORT_SERVE_PROCESS_H_
