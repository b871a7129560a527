#include "storage/test_databases.h"

#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

namespace reunite::storage {

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  static std::atomic<int> counter{0};
  std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter++);
  if (backend == Backend::kSqlite) {
    std::string tmpl = ::testing::TempDir() + "/reunite_store_XXXXXX";
    dir_ = mkdtemp(tmpl.data()) ? tmpl : ::testing::TempDir();
    url_ = dir_ + "/reunite.db";
    return;
  }
  const char* base = std::getenv("REUNITE_TEST_PG_URL");
  if (base == nullptr || *base == '\0') {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string(ci) == "true") {
      ADD_FAILURE()
          << "CI=true but REUNITE_TEST_PG_URL is unset: scripts/test.sh starts PostgreSQL";
    }
    skipped_ = true;
    return;
  }
  auto admin = OpenConnection(base);
  if (!admin.ok()) {
    ADD_FAILURE() << admin.status().ToString();
    skipped_ = true;
    return;
  }
  schema_ = "t_" + unique;
  Status s = (*admin)->Execute("CREATE SCHEMA " + schema_, {});
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::string b = base;
  url_ = b + (b.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
}

TestDatabase::~TestDatabase() {
  if (backend_ == Backend::kSqlite) {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  } else if (!schema_.empty()) {
    auto admin = OpenConnection(std::getenv("REUNITE_TEST_PG_URL"));
    if (admin.ok()) (void)(*admin)->Execute("DROP SCHEMA " + schema_ + " CASCADE", {});
  }
}

std::unique_ptr<Connection> TestDatabase::Open() const {
  auto c = OpenConnection(url_);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? std::move(c).value() : nullptr;
}

}  // namespace reunite::storage
