#include "support/kill_harness.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "storage/connection.h"
#include "support/process.h"

namespace reunite::testing {

const char kCrashMapping[] = R"(
source = "e3"
record_id = "event_id"
date_order = "mdy"
[fields.apprehended_on]
column = "date"
type = "date"
required = true
[fields.family_name]
column = "last_name"
type = "name"
required = true
[fields.given_name]
column = "first_name"
type = "name"
[[events]]
type = "apprehended"
occurred_at = "apprehended_on"
payload = ["given_name"]
)";

void WriteExport(const std::string& path, int first, int rows, Rng& rng) {
  static const char* kSurnames[] = {"García López", "Tzul", "Pérez Coc", "B'alam", "Hernández"};
  static const char* kGiven[] = {"José Luis", "María José", "Ixchel", "Francisco", "Lupe"};
  std::ofstream out(path, std::ios::binary);
  out << "event_id,date,last_name,first_name\n";
  for (int i = first; i < first + rows; ++i) {
    int month = rng.Chance(0.02) ? 13 : static_cast<int>(rng.Between(1, 12));
    out << "E" << i << "," << month << "/" << rng.Between(1, 28) << "/2018,"
        << kSurnames[rng.Below(5)] << "," << kGiven[rng.Below(5)] << "\n";
  }
}

std::string ToString(const StoreCounts& c) {
  return "files " + std::to_string(c.files) + ", records " + std::to_string(c.records) +
         ", quarantined " + std::to_string(c.quarantined) + ", events " + std::to_string(c.events) +
         ", audit " + std::to_string(c.audit);
}

StoreCounts ReadStoreCounts(const std::string& url) {
  StoreCounts c{-1, -1, -1, -1, -1};
  auto db = storage::OpenConnection(url);
  if (!db.ok()) return c;
  auto count = [&](const char* table) -> int64_t {
    auto r = (*db)->Query(std::string("SELECT COUNT(*) FROM ") + table);
    return r.ok() ? (*r)[0].Int(0) : -1;
  };
  c.files = count("import_files");
  c.records = count("source_records");
  c.quarantined = count("quarantine");
  c.events = count("events");
  c.audit = count("audit_log");
  return c;
}

std::string CountRows(const std::string& url, const std::vector<std::string>& tables) {
  auto db = storage::OpenConnection(url);
  std::string out;
  for (const std::string& t : tables) {
    int64_t n = -1;
    if (db.ok()) {
      auto r = (*db)->Query("SELECT COUNT(*) FROM " + t);
      if (r.ok()) n = (*r)[0].Int(0);
    }
    out += (out.empty() ? "" : ", ") + t + " " + std::to_string(n);
  }
  return out;
}

int CrashKills(int default_kills) {
  const char* env = std::getenv("REUNITE_CRASH_KILLS");
  if (env == nullptr || *env == '\0') return default_kills;
  int n = std::atoi(env);
  return n > 0 ? n : default_kills;
}

std::string SynthScenario(const std::string& dir, int families) {
  ProcessResult r = RunReunite("synth --families " + std::to_string(families) +
                               " --seed 3 --threads 1 --out " + dir + "/s");
  return r.exit_code == 0 ? "" : r.output;
}

std::string ImportScenario(const std::string& dir, const std::string& url) {
  const std::pair<const char*, const char*> exports[] = {
      {"e3", "e3_apprehensions.csv"}, {"ice", "ice_detention.csv"},
      {"orr", "orr_shelter.csv"},     {"usao", "prosecution_cases.csv"},
      {"ngo", "ngo_outreach.jsonl"},  {"dlog", "decision_log.csv"}};
  for (const auto& [source, file] : exports) {
    ProcessResult r = RunReunite("import --mappings " + SourceDir() + "/mappings --source " +
                                 source + " --db '" + url + "' " + dir + "/s/exports/" + file);
    if (r.exit_code != 0) return r.output;
  }
  return "";
}

pid_t Spawn(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

double TimeFullRun(const std::vector<std::string>& args) {
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = Spawn(args);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int KillAtRandomPoints(int rounds, double full_ms, Rng& rng,
                       const std::function<std::vector<std::string>()>& args,
                       const std::function<bool(const KillRound&)>& after_kill) {
  int killed = 0;
  for (int round = 0; round < rounds; ++round) {
    pid_t pid = Spawn(args());
    auto delay = std::chrono::microseconds(static_cast<int64_t>(rng.Uniform() * full_ms * 1000));
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    KillRound r{round, WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL};
    if (r.killed) ++killed;
    if (!after_kill(r)) break;
  }
  return killed;
}

}  // namespace reunite::testing
