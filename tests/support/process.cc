#include "support/process.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace reunite::testing {

ProcessResult RunCommand(const std::string& command, bool merge_stderr) {
  std::string cmd = command + (merge_stderr ? " 2>&1" : "");
  ProcessResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

ProcessResult RunReunite(const std::string& args, bool merge_stderr) {
  return RunCommand(std::string(REUNITE_BINARY) + " " + args, merge_stderr);
}

std::string MakeTempDir(const std::string& prefix) {
  std::string tmpl = ::testing::TempDir() + "/" + prefix + "XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) return "";
  return tmpl;
}

std::string SourceDir() { return REUNITE_SOURCE_DIR; }

std::string ReuniteBinary() { return REUNITE_BINARY; }

}  // namespace reunite::testing
