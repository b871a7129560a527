#include "service/import_service.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/csv.h"
#include "ingest/mapping.h"
#include "storage/event_log.h"
#include "storage/migrations.h"
#include "storage/source_records.h"
#include "storage/test_databases.h"
#include "support/process.h"

namespace reunite::service {
namespace {

using storage::Backend;

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
[fields.a_number]
column = "a_number"
type = "a_number"
on_error = "blank"
[fields.separated]
column = "separated"
[[events]]
type = "apprehended"
occurred_at = "apprehended_on"
[[events]]
type = "separated"
occurred_at = "apprehended_on"
when = { field = "separated", in = ["Y"] }
)";

constexpr char kExport[] =
    "event_id,date,last_name,a_number,separated\n"
    "E1,05/10/2018,García López,A012345678,Y\n"
    "E2,05/11/2018,Tzul,,N\n"
    "E3,13/40/2018,Coc,,N\n"        // bad date
    "E4,05/12/2018,,,N\n"           // missing required family name
    "E5,05/12/2018,Pop,,N,extra\n"  // wrong column count
    "E6,05/13/2018,Caal,A99,N\n";   // bad A-number: blanked, row kept

class ImportServiceTest : public storage::StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    db = db_->Open();
    ASSERT_TRUE(db);
    ASSERT_TRUE(storage::Migrate(*db).ok());
    auto m = ingest::ParseMapping(kMapping, "e3.toml");
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    mapping = *m;
    dir = reunite::testing::MakeTempDir("import");
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  int64_t Count(const std::string& table) {
    auto r = db->Query("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? (*r)[0].Int(0) : -1;
  }

  std::unique_ptr<storage::Connection> db;
  ingest::SourceMapping mapping;
  std::string dir;
};

TEST_P(ImportServiceTest, ImportsQuarantinesAndAppendsChainedEvents) {
  std::string path = Write("e3.csv", kExport);
  auto s = ImportFile(*db, mapping, path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows_read, 6);
  EXPECT_EQ(s->rows_new, 3);
  EXPECT_EQ(s->rows_quarantined, 3);
  EXPECT_EQ(s->events_appended, 4);  // 3 apprehended + 1 separated
  EXPECT_EQ(Count("source_records"), 3);

  std::vector<storage::QuarantinedRow> q;
  storage::SourceRecordStore store(*db);
  ASSERT_TRUE(store
                  .ScanQuarantine("e3",
                                  [&](const storage::QuarantinedRow& r) {
                                    q.push_back(r);
                                    return Status::Ok();
                                  })
                  .ok());
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].line, 4);
  EXPECT_EQ(q[0].field, "apprehended_on");
  EXPECT_NE(q[0].reason.find("13/40/2018"), std::string::npos);
  EXPECT_EQ(q[0].path, path);
  EXPECT_EQ(q[1].field, "family_name");
  EXPECT_EQ(q[2].reason, "expected 5 fields, found 6");

  storage::EventLog log(*db);
  auto report = log.Verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok);
  EXPECT_EQ(report->entries_checked, 4);
}

TEST_P(ImportServiceTest, ReimportIsIdempotentAndAChangedExportAddsOnlyWhatChanged) {
  std::string path = Write("e3.csv", kExport);
  ASSERT_TRUE(ImportFile(*db, mapping, path).ok());
  auto again = ImportFile(*db, mapping, path);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(Count("source_records"), 3);
  EXPECT_EQ(Count("events"), 4);

  std::string changed = std::string(kExport) + "E7,05/14/2018,Choc,,Y\n";
  // E2 corrected in the re-export: a new raw row; the old one stays.
  size_t at = changed.find("E2,05/11/2018,Tzul");
  changed.replace(at, 18, "E2,05/11/2018,Tzul Batz");
  auto delta = ImportFile(*db, mapping, Write("e3-v2.csv", changed));
  ASSERT_TRUE(delta.ok()) << delta.status().ToString();
  EXPECT_FALSE(delta->already_imported);
  EXPECT_EQ(delta->rows_new, 2);
  EXPECT_EQ(delta->rows_duplicate, 5);  // incl. the quarantined rows seen before
  EXPECT_EQ(Count("source_records"), 5);
  EXPECT_EQ(Count("quarantine"), 3);
}

TEST_P(ImportServiceTest, AFileThatFailsMidwayLeavesNothing) {
  // The last record opens a quote that never closes: a file-level error
  // found only after the good rows were read.
  std::string text = std::string(kExport) + "E9,05/15/2018,\"Unclosed,,N\n";
  auto s = ImportFile(*db, mapping, Write("broken.csv", text));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("broken.csv:8"), std::string::npos) << s.status().message();
  EXPECT_EQ(Count("import_files"), 0);
  EXPECT_EQ(Count("source_records"), 0);
  EXPECT_EQ(Count("quarantine"), 0);
  EXPECT_EQ(Count("events"), 0);
}

// The shipped decision-log mapping on a synthetic export: one decision event
// per row, the decider as actor, the cited directive as authority (blank when
// the citation names none), the children as written in the payload.
TEST_P(ImportServiceTest, DecisionLogRowsBecomeDecisionEvents) {
  const std::string out = dir + "/scenario";
  auto synth =
      reunite::testing::RunReunite("synth --families 150 --seed 4 --threads 1 --out " + out);
  ASSERT_EQ(synth.exit_code, 0) << synth.output;
  auto m = ingest::LoadMapping(reunite::testing::SourceDir() + "/mappings/dlog.toml");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  auto s = ImportFile(*db, *m, out + "/exports/decision_log.csv");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows_quarantined, 0);
  EXPECT_EQ(s->events_appended, s->rows_read);

  // Truth decisions in export order.
  auto truth = CsvReader::Open(out + "/truth/decisions.csv");
  ASSERT_TRUE(truth.ok());
  std::vector<std::vector<std::string>> decisions;
  std::vector<std::string> fields;
  while (*(*truth)->Next(fields)) decisions.push_back(fields);
  const int type = (*truth)->ColumnIndex("type"), directive = (*truth)->ColumnIndex("directive"),
            recorded = (*truth)->ColumnIndex("children_recorded"),
            affected = (*truth)->ColumnIndex("affected_children");
  std::vector<storage::Event> events;
  storage::EventLog log(*db);
  ASSERT_TRUE(log.Scan(0,
                       [&](const storage::Event& e) {
                         events.push_back(e);
                         return Status::Ok();
                       })
                  .ok());
  ASSERT_EQ(events.size(), decisions.size());
  int cited = 0, blank = 0, without_children = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    const storage::Event& e = events[i];
    const auto& d = decisions[i];
    EXPECT_EQ(e.type, d[type] + "_decision") << i;
    EXPECT_FALSE(e.actor.empty());
    EXPECT_FALSE(e.actor.starts_with("source:")) << e.actor;
    if (e.authority.empty()) {
      ++blank;
    } else {
      EXPECT_EQ(e.authority, d[directive]) << i;
      ++cited;
    }
    const auto payload = nlohmann::json::parse(e.payload);
    EXPECT_TRUE(payload.contains("outcome")) << e.payload;
    if (d[recorded] == "0") {
      EXPECT_FALSE(payload.contains("affected_children")) << e.payload;
      ++without_children;
    } else if (!d[affected].empty()) {
      EXPECT_TRUE(payload.contains("affected_children")) << e.payload;
    }
  }
  EXPECT_GT(cited, blank);
  EXPECT_GT(blank, 0);
  EXPECT_GT(without_children, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportServiceTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         storage::BackendName);

}  // namespace
}  // namespace reunite::service
