#include "support/serve_process.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/process.h"

extern char** environ;

namespace reunite::testing {

ServeProcess::ServeProcess(std::vector<std::string> args) {
  int out[2];
  if (pipe(out) != 0) return;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  args.insert(args.begin(), {ReuniteBinary(), "serve", "--no-request-log"});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  out_ = fdopen(out[0], "r");
  char line[512];
  while (out_ && fgets(line, sizeof line, out_)) {
    std::string l = line;
    output_ += l;
    size_t at = l.find("listening on ");
    if (at != std::string::npos) {
      url_ = l.substr(at + 13, l.find(' ', at + 13) - at - 13);
      break;
    }
  }
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Stop();
  if (out_) fclose(out_);
}

int ServeProcess::Wait(int signal) {
  kill(pid_, signal);
  char line[512];
  while (out_ && fgets(line, sizeof line, out_)) output_ += line;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1000;
}

int ServeProcess::Stop() {
  int code = Wait(SIGTERM);
  return code < 0 ? -1 : code;
}

bool ServeProcess::Kill() { return Wait(SIGKILL) == -SIGKILL; }

}  // namespace reunite::testing
