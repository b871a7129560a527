// Test support for storage: the real backends a test runs against. SQLite
// is always there (a fresh file per test). PostgreSQL is used when
// REUNITE_TEST_PG_URL names a server (scripts/test.sh starts a throwaway
// cluster and sets it); each test gets its own schema, dropped afterwards.
// Under CI (CI=true) a missing PostgreSQL is a failure, not a skip.
#ifndef REUNITE_STORAGE_TEST_DATABASES_H_
#define REUNITE_STORAGE_TEST_DATABASES_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/connection.h"

namespace reunite::storage {

enum class Backend { kSqlite, kPostgres };
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

// A fresh, empty database of one backend, removed when destroyed.
class TestDatabase {
 public:
  // Skips the current test (GTEST_SKIP semantics via `skipped()`) if the
  // backend is not available outside CI.
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  bool skipped() const { return skipped_; }
  // URL that opens this database (another connection, another process).
  const std::string& url() const { return url_; }
  std::unique_ptr<Connection> Open() const;

 private:
  Backend backend_;
  bool skipped_ = false;
  std::string url_;
  std::string dir_;
  std::string schema_;
};

class StorageTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    if (db_->skipped()) GTEST_SKIP() << "PostgreSQL not configured (REUNITE_TEST_PG_URL unset)";
  }
  std::unique_ptr<TestDatabase> db_;
};

}  // namespace reunite::storage

#endif  // REUNITE_STORAGE_TEST_DATABASES_H_
