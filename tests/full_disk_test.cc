// A full disk during `reunite import`, made real without privileges: the
// import runs under a file-size limit (`ulimit -f`, SIGXFSZ ignored), so
// SQLite's writes to the database and its WAL fail in the kernel (EFBIG)
// partway through the file. The import must fail with an error naming the
// file and the cause, store nothing of that file, and leave a store that
// verifies and completes the import once there is room again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/kill_harness.h"
#include "support/process.h"

namespace reunite::testing {
namespace {

TEST(FullDiskTest, ImportIntoFullDiskFailsCleanlyAndStoresNothingOfTheFile) {
  std::string dir = MakeTempDir("fulldisk");
  std::ofstream(dir + "/e3.toml") << kCrashMapping;
  Rng rng(11);
  WriteExport(dir + "/small.csv", 0, 200, rng);
  WriteExport(dir + "/big.csv", 200, 5000, rng);
  const std::string db = dir + "/reunite.db";
  const std::string import = ReuniteBinary() + " import --mapping " + dir + "/e3.toml --db " + db;
  ProcessResult first = RunCommand(import + " " + dir + "/small.csv");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  StoreCounts before = ReadStoreCounts(db);

  // Room for what is there and 256 KiB more: the big file needs megabytes.
  auto size = [](const std::string& p) {
    return std::filesystem::exists(p) ? std::filesystem::file_size(p) : 0;
  };
  uintmax_t limit_blocks = (std::max(size(db), size(db + "-wal")) + (256 << 10)) / 512;
  ProcessResult full = RunCommand("trap '' XFSZ; ulimit -f " + std::to_string(limit_blocks) + "; " +
                                  import + " " + dir + "/big.csv");
  EXPECT_NE(full.exit_code, 0) << full.output;
  EXPECT_NE(full.output.find("big.csv was not imported (nothing of it is stored)"),
            std::string::npos)
      << full.output;
  EXPECT_TRUE(full.output.find("disk I/O error") != std::string::npos ||
              full.output.find("disk is full") != std::string::npos)
      << full.output;

  EXPECT_EQ(ReadStoreCounts(db), before);
  ProcessResult verify = RunReunite("verify --db " + db);
  EXPECT_EQ(verify.exit_code, 0) << verify.output;

  ProcessResult retry = RunCommand(import + " " + dir + "/big.csv");
  ASSERT_EQ(retry.exit_code, 0) << retry.output;
  StoreCounts after = ReadStoreCounts(db);
  EXPECT_EQ(after.files, 2);
  EXPECT_EQ(after.records + after.quarantined, 5200);
}

}  // namespace
}  // namespace reunite::testing
