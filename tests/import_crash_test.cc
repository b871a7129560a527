// Crash safety of `reunite import`: kill -9 at random points, 20 times, on a
// real SQLite file. After every kill the hash chain verifies and no file is
// partly stored; a final run completes with the same counts as an
// uninterrupted import.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "common/random.h"
#include "storage/connection.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

constexpr char kMapping[] = R"(
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
    // About 1 row in 50 has an impossible date and is quarantined.
    int month = rng.Chance(0.02) ? 13 : static_cast<int>(rng.Between(1, 12));
    out << "E" << i << "," << month << "/" << rng.Between(1, 28) << "/2018,"
        << kSurnames[rng.Below(5)] << "," << kGiven[rng.Below(5)] << "\n";
  }
}

struct Counts {
  int64_t files = 0, records = 0, quarantined = 0, events = 0;
  bool operator==(const Counts&) const = default;
};

Counts Read(const std::string& db_path) {
  Counts c;
  auto db = storage::OpenConnection(db_path);
  if (!db.ok()) return c;
  auto count = [&](const char* table) -> int64_t {
    auto r = (*db)->Query(std::string("SELECT COUNT(*) FROM ") + table);
    return r.ok() ? (*r)[0].Int(0) : -1;
  };
  c.files = count("import_files");
  c.records = count("source_records");
  c.quarantined = count("quarantine");
  c.events = count("events");
  return c;
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

TEST(ImportCrashTest, KillNineTwentyTimesLosesNothingAndLeavesNoPartialFile) {
  std::string dir = MakeTempDir("crash");
  std::ofstream(dir + "/e3.toml") << kMapping;
  Rng rng(2018);
  const int kRows = 3000;
  WriteExport(dir + "/a.csv", 0, kRows, rng);
  WriteExport(dir + "/b.csv", kRows, kRows, rng);
  auto import_args = [&](const std::string& db) {
    return std::vector<std::string>{ReuniteBinary(), "import", "--mapping",    dir + "/e3.toml",
                                    "--db",          db,       dir + "/a.csv", dir + "/b.csv"};
  };

  // The uninterrupted import, timed to choose kill points.
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = Spawn(import_args(dir + "/baseline.db"));
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  double full_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  Counts baseline = Read(dir + "/baseline.db");
  ASSERT_EQ(baseline.files, 2);
  ASSERT_GT(baseline.quarantined, 0);
  ASSERT_EQ(baseline.records + baseline.quarantined, 2 * kRows);

  const std::string db = dir + "/killed.db";
  int killed_midway = 0;
  for (int round = 0; round < 20; ++round) {
    pid = Spawn(import_args(db));
    auto delay = std::chrono::microseconds(static_cast<int64_t>(rng.Uniform() * full_ms * 1000));
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++killed_midway;

    ProcessResult verify = RunReunite("verify --db " + db);
    ASSERT_EQ(verify.exit_code, 0) << "round " << round << ": " << verify.output;
    // Whole files only: the stored rows are exactly those of the files recorded.
    Counts c = Read(db);
    ASSERT_EQ(c.records + c.quarantined, c.files * kRows) << "round " << round;
    if (c.files == 2) {
      ASSERT_EQ(c, baseline);
      std::remove(db.c_str());  // start over so later rounds also kill midway
      std::remove((db + "-wal").c_str());
      std::remove((db + "-shm").c_str());
    }
  }
  EXPECT_GE(killed_midway, 10);

  ProcessResult finish = RunReunite("import --mapping " + dir + "/e3.toml --db " + db + " " + dir +
                                    "/a.csv " + dir + "/b.csv");
  ASSERT_EQ(finish.exit_code, 0) << finish.output;
  EXPECT_EQ(Read(db), baseline);
  ProcessResult again =
      RunReunite("import --mapping " + dir + "/e3.toml --db " + db + " " + dir + "/a.csv");
  EXPECT_NE(again.output.find("already imported"), std::string::npos) << again.output;
  EXPECT_EQ(Read(db), baseline);
}

}  // namespace
}  // namespace reunite::testing
