// `reunite backup` / `reunite restore` on both real backends: a round trip
// restores the same chain heads and counts (checked by verify), restore
// refuses a database holding data without --force, and a damaged backup is
// refused with the database left as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "storage/test_databases.h"
#include "support/kill_harness.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

using storage::Backend;

// The "event log N events, head H" and "audit log …" lines of backup/restore.
std::string Heads(const std::string& output) {
  std::regex line(R"re((event log|audit log) ([0-9,]+) (events|entries), head ([0-9a-f]{64}))re");
  std::string heads;
  for (std::sregex_iterator it(output.begin(), output.end(), line), end; it != end; ++it) {
    heads += (*it)[0].str() + "\n";
  }
  return heads;
}

class BackupCliTest : public ::testing::TestWithParam<Backend> {};

TEST_P(BackupCliTest, RoundTripRestoresSameHeadsAndCountsAndRefusesToOverwrite) {
  storage::TestDatabase target(GetParam());
  if (target.skipped()) GTEST_SKIP() << "PostgreSQL not configured (REUNITE_TEST_PG_URL unset)";
  const std::string db = "'" + target.url() + "'";
  std::string dir = MakeTempDir("backup");
  std::ofstream(dir + "/e3.toml") << kCrashMapping;
  Rng rng(7);
  WriteExport(dir + "/a.csv", 0, 400, rng);
  WriteExport(dir + "/b.csv", 400, 300, rng);
  auto import = [&](const std::string& file) {
    return RunReunite("import --mapping " + dir + "/e3.toml --db " + db + " " + dir + "/" + file);
  };
  ASSERT_EQ(import("a.csv").exit_code, 0);
  ProcessResult user = RunReunite("user add maria --role caseworker --fast-hash --db " + db +
                                  " <<'EOF'\nmaria-password-1\nEOF");
  ASSERT_EQ(user.exit_code, 0) << user.output;
  StoreCounts at_backup = ReadStoreCounts(target.url());
  ASSERT_GT(at_backup.events, 0);
  ASSERT_GT(at_backup.audit, 0);

  const std::string file = dir + "/reunite.backup";
  ProcessResult backup = RunReunite("backup " + file + " --db " + db);
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  std::string heads = Heads(backup.output);
  ASSERT_NE(heads.find("event log"), std::string::npos) << backup.output;
  ASSERT_NE(heads.find("audit log"), std::string::npos) << backup.output;
  // Only the finished file is left: no temp file beside it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 4);

  // Restoring over a database that holds data needs --force.
  ProcessResult refused = RunReunite("restore " + file + " --db " + db);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("--force"), std::string::npos) << refused.output;

  ASSERT_EQ(import("b.csv").exit_code, 0);
  StoreCounts later = ReadStoreCounts(target.url());
  ASSERT_GT(later.records, at_backup.records);

  // A damaged backup is refused and the database stays as it was.
  const std::string damaged = dir + "/damaged.backup";
  {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(damaged, std::ios::binary) << bytes.substr(0, bytes.size() / 3);
  }
  ProcessResult bad = RunReunite("restore " + damaged + " --force --db " + db);
  EXPECT_NE(bad.exit_code, 0) << bad.output;
  EXPECT_NE(bad.output.find("unchanged"), std::string::npos) << bad.output;
  EXPECT_EQ(ReadStoreCounts(target.url()), later);

  ProcessResult restored = RunReunite("restore " + file + " --force --db " + db);
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  EXPECT_EQ(Heads(restored.output), heads);
  EXPECT_EQ(ReadStoreCounts(target.url()), at_backup);
  ProcessResult verify = RunReunite("verify --db " + db);
  EXPECT_EQ(verify.exit_code, 0) << verify.output;

  // The restored database works on: the import of b.csv completes again.
  ASSERT_EQ(import("b.csv").exit_code, 0);
  EXPECT_EQ(ReadStoreCounts(target.url()).records, later.records);
}

TEST(BackupCliTest, SqliteRestoreIntoNewFileAndRefusesNonBackups) {
  std::string dir = MakeTempDir("backup");
  std::ofstream(dir + "/e3.toml") << kCrashMapping;
  Rng rng(8);
  WriteExport(dir + "/a.csv", 0, 200, rng);
  ASSERT_EQ(
      RunReunite("import --mapping " + dir + "/e3.toml --db " + dir + "/a.db " + dir + "/a.csv")
          .exit_code,
      0);
  ProcessResult backup = RunReunite("backup " + dir + "/a.backup --db " + dir + "/a.db");
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/a.backup-wal"));
  ProcessResult restored = RunReunite("restore " + dir + "/a.backup --db " + dir + "/b.db");
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  EXPECT_EQ(Heads(restored.output), Heads(backup.output));
  EXPECT_EQ(ReadStoreCounts(dir + "/b.db"), ReadStoreCounts(dir + "/a.db"));

  ProcessResult csv = RunReunite("restore " + dir + "/a.csv --db " + dir + "/c.db");
  EXPECT_EQ(csv.exit_code, 1);
  EXPECT_NE(csv.output.find("not a usable SQLite backup"), std::string::npos) << csv.output;
  ProcessResult missing = RunReunite("restore " + dir + "/nope.backup --db " + dir + "/c.db");
  EXPECT_NE(missing.output.find("no such backup file"), std::string::npos) << missing.output;
}

// pg_dump, pg_restore and psql never see the password on their command line
// (ps shows it to every user): it reaches them as PGPASSWORD only. Each tool
// is the real one, started through a script on PATH that records the command
// line and PGPASSWORD it was given before it execs the tool.
TEST(BackupCliTest, PostgresToolsGetThePasswordInTheirEnvironmentNotOnTheCommandLine) {
  storage::TestDatabase target(Backend::kPostgres);
  if (target.skipped()) GTEST_SKIP() << "PostgreSQL not configured (REUNITE_TEST_PG_URL unset)";
  const std::string kPassword = "S3cret-pw-9f2";
  std::string url = target.url();
  size_t at = url.find('@');
  ASSERT_NE(at, std::string::npos) << url;
  ASSERT_EQ(url.substr(0, at).find(':', url.find("://") + 3), std::string::npos)
      << "test URL already holds a password";
  url.insert(at, ":" + kPassword);  // the test cluster trusts loopback, so any password works

  std::string dir = MakeTempDir("backup-pw");
  std::filesystem::create_directories(dir + "/bin");
  for (const char* tool : {"pg_dump", "pg_restore", "psql"}) {
    ProcessResult real = RunCommand(std::string("command -v ") + tool, false);
    ASSERT_EQ(real.exit_code, 0) << tool << " not installed";
    std::string path = real.output.substr(0, real.output.find('\n'));
    std::string script = dir + "/bin/" + tool;
    std::ofstream(script) << "#!/bin/sh\n"
                          << "printf '%s\\n' \"" << tool << " $*\" >> " << dir << "/argv.log\n"
                          << "printf '%s\\n' \"" << tool << " PGPASSWORD=$PGPASSWORD\" >> " << dir
                          << "/env.log\n"
                          << "exec " << path << " \"$@\"\n";
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  }
  std::ofstream(dir + "/e3.toml") << kCrashMapping;
  Rng rng(9);
  WriteExport(dir + "/a.csv", 0, 100, rng);
  const std::string db = "'" + url + "'";
  const std::string env = "PATH=" + dir + "/bin:$PATH PGPASSWORD=inherited-one ";
  ASSERT_EQ(RunReunite("import --mapping " + dir + "/e3.toml --db " + db + " " + dir + "/a.csv")
                .exit_code,
            0);
  ProcessResult backup = RunCommand(env + ReuniteBinary() + " backup " + dir + "/b --db " + db);
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  EXPECT_EQ(backup.output.find(kPassword), std::string::npos) << backup.output;
  ProcessResult restore =
      RunCommand(env + ReuniteBinary() + " restore " + dir + "/b --force --db " + db);
  ASSERT_EQ(restore.exit_code, 0) << restore.output;
  EXPECT_EQ(restore.output.find(kPassword), std::string::npos) << restore.output;

  auto read = [](const std::string& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), {});
  };
  std::string argv = read(dir + "/argv.log"), envs = read(dir + "/env.log");
  // All three tools ran (pg_restore twice: its table of contents, then SQL).
  EXPECT_NE(argv.find("pg_dump "), std::string::npos) << argv;
  EXPECT_NE(argv.find("pg_restore --list"), std::string::npos) << argv;
  EXPECT_NE(argv.find("psql "), std::string::npos) << argv;
  EXPECT_EQ(argv.find(kPassword), std::string::npos) << argv;
  EXPECT_EQ(argv.find("password"), std::string::npos) << argv;
  // The tools that connect get the URL's password; none gets the inherited one.
  EXPECT_NE(envs.find("pg_dump PGPASSWORD=" + kPassword + "\n"), std::string::npos) << envs;
  EXPECT_NE(envs.find("psql PGPASSWORD=" + kPassword + "\n"), std::string::npos) << envs;
  EXPECT_EQ(envs.find("inherited-one"), std::string::npos) << envs;
  EXPECT_EQ(RunReunite("verify --db " + db).exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupCliTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::testing
