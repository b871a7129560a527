// Test support: run the real `reunite` binary (or any command) and capture
// its exit code and output. Used by every test that drives the CLI.
#ifndef REUNITE_TESTS_SUPPORT_PROCESS_H_
#define REUNITE_TESTS_SUPPORT_PROCESS_H_

#include <string>

namespace reunite::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 if the process did not exit normally
  std::string output;  // stdout, then stderr if merge_stderr
};

// Runs `command` through /bin/sh.
ProcessResult RunCommand(const std::string& command, bool merge_stderr = true);
// Runs the `reunite` binary built with this tree with `args` (shell-quoted by the caller).
ProcessResult RunReunite(const std::string& args, bool merge_stderr = true);
// Path of the `reunite` binary built with this tree.
std::string ReuniteBinary();
// A fresh empty directory under the test temp dir, unique per call.
std::string MakeTempDir(const std::string& prefix);
// The repository root (for models/, testdata).
std::string SourceDir();

}  // namespace reunite::testing

#endif  // REUNITE_TESTS_SUPPORT_PROCESS_H_
