// The four renderers on one small document: JSON round-trips the rows, CSV
// quotes and joins, HTML escapes and is self-contained and printable, XLSX is
// a real workbook (read back here with zlib) whose bytes depend only on the
// report.
#include "report/render.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "support/process.h"

namespace reunite::report {
namespace {

namespace fs = std::filesystem;

ReportDocument SmallDocument() {
  ReportDocument doc;
  doc.kind = "compliance";
  doc.title = "Compliance with ORDER-X as of 2018-07-27";
  doc.meta = {{"order", "ORDER-X"}, {"as_of", "2018-07-27"}};
  ReportTable summary;
  summary.id = "summary";
  summary.title = "Separated children by status";
  summary.note = "A note, with a comma & an <angle>.";
  summary.columns = {{"status", "Status"},
                     {"count", "Children"},
                     {"median", "Median days"},
                     {"due", "Due"},
                     {"who", "Who"}};
  summary.rows = {
      {TextCell("reunified"), IntCell(2), Cell(75.5), Cell(Date{2018, 7, 10}),
       Cell(std::vector<std::string>{"c1", "c2"})},
      {TextCell("parent, removed <b>"), IntCell(0), Cell(), Cell(),
       Cell(std::vector<std::string>{})},
  };
  ReportTable empty;
  empty.id = "missing";
  empty.title = "Nothing here";
  empty.columns = {{"decision", "Decision"}};
  doc.tables = {summary, empty};
  doc.primary_table = "summary";
  return doc;
}

TEST(RenderTest, FormatNames) {
  EXPECT_EQ(*ParseReportFormat("xlsx"), ReportFormat::kXlsx);
  EXPECT_EQ(*ParseReportFormat("html"), ReportFormat::kHtml);
  auto bad = ParseReportFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("json, csv, xlsx or html"), std::string::npos);
}

TEST(RenderTest, JsonCarriesMetaTablesAndTypedCells) {
  auto text = RenderText(SmallDocument(), {ReportFormat::kJson, ""});
  ASSERT_TRUE(text.ok());
  const auto j = nlohmann::json::parse(*text);
  EXPECT_EQ(j["report"], "compliance");
  EXPECT_EQ(j["meta"]["order"], "ORDER-X");
  ASSERT_EQ(j["tables"].size(), 2u);
  const auto& row = j["tables"][0]["rows"][0];
  EXPECT_EQ(row["count"], 2);
  EXPECT_EQ(row["median"], 75.5);
  EXPECT_EQ(row["due"], "2018-07-10");
  EXPECT_EQ(row["who"], nlohmann::json::array({"c1", "c2"}));
  EXPECT_TRUE(j["tables"][0]["rows"][1]["due"].is_null());
}

TEST(RenderTest, CsvWritesOneTableQuotedWithListsJoined) {
  auto text = RenderText(SmallDocument(), {ReportFormat::kCsv, ""});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "status,count,median,due,who\n"
            "reunified,2,75.5,2018-07-10,c1;c2\n"
            "\"parent, removed <b>\",0,,,\n");
  auto other = RenderText(SmallDocument(), {ReportFormat::kCsv, "missing"});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*other, "decision\n");
  auto unknown = RenderText(SmallDocument(), {ReportFormat::kCsv, "nope"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("tables: summary, missing"), std::string::npos)
      << unknown.status().message();
}

TEST(RenderTest, HtmlIsEscapedSelfContainedAndPrintable) {
  auto text = RenderText(SmallDocument(), {ReportFormat::kHtml, ""});
  ASSERT_TRUE(text.ok());
  const std::string& h = *text;
  EXPECT_TRUE(h.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(h.find("@media print"), std::string::npos);
  EXPECT_NE(h.find("thead{display:table-header-group}"), std::string::npos);
  EXPECT_NE(h.find("parent, removed &lt;b&gt;"), std::string::npos);
  EXPECT_EQ(h.find("removed <b>"), std::string::npos);
  EXPECT_NE(h.find("a comma &amp; an &lt;angle&gt;"), std::string::npos);
  EXPECT_NE(h.find("<td class=\"n\">75.5</td>"), std::string::npos);
  EXPECT_NE(h.find("<p class=\"empty\">None.</p>"), std::string::npos);
  for (const char* outside : {"http://", "https://", "<script", "src=", "@import"}) {
    EXPECT_EQ(h.find(outside), std::string::npos) << outside;
  }
}

// A minimal zip reader (central directory, stored or deflated entries).
std::map<std::string, std::string> Unzip(const std::string& zip) {
  std::map<std::string, std::string> out;
  auto u16 = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(zip[at])) |
           static_cast<uint32_t>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  auto u32 = [&](size_t at) { return u16(at) | u16(at + 2) << 16; };
  size_t eocd = zip.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos) {
    ADD_FAILURE() << "not a zip";
    return out;
  }
  const uint32_t entries = u16(eocd + 10);
  size_t at = u32(eocd + 16);
  for (uint32_t i = 0; i < entries; ++i) {
    EXPECT_EQ(u32(at), 0x02014b50u);
    const uint32_t method = u16(at + 10), csize = u32(at + 20), usize = u32(at + 24);
    const uint32_t nlen = u16(at + 28), elen = u16(at + 30), clen = u16(at + 32);
    const uint32_t local = u32(at + 42);
    const std::string name = zip.substr(at + 46, nlen);
    const size_t data = local + 30 + u16(local + 26) + u16(local + 28);
    std::string body;
    if (method == 0) {
      body = zip.substr(data, csize);
    } else {
      body.resize(usize);
      z_stream z{};
      inflateInit2(&z, -15);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = csize;
      z.next_out = reinterpret_cast<Bytef*>(body.data());
      z.avail_out = usize;
      EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END) << name;
      inflateEnd(&z);
    }
    out[name] = body;
    at += 46 + nlen + elen + clen;
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RenderTest, XlsxIsAWorkbookWithASheetPerTableAndStableBytes) {
  const std::string dir = ::reunite::testing::MakeTempDir("render_xlsx");
  const std::string a = dir + "/a.xlsx", b = dir + "/b.xlsx";
  ASSERT_TRUE(WriteReport(SmallDocument(), {ReportFormat::kXlsx, ""}, a).ok());
  ASSERT_TRUE(WriteReport(SmallDocument(), {ReportFormat::kXlsx, ""}, b).ok());
  EXPECT_FALSE(fs::exists(a + ".tmp"));
  const std::string bytes = ReadFile(a);
  EXPECT_EQ(bytes, ReadFile(b));
  const auto files = Unzip(bytes);
  ASSERT_TRUE(files.contains("xl/workbook.xml"));
  const std::string& workbook = files.at("xl/workbook.xml");
  for (const char* sheet : {"name=\"report\"", "name=\"summary\"", "name=\"missing\""}) {
    EXPECT_NE(workbook.find(sheet), std::string::npos) << sheet << " in " << workbook;
  }
  ASSERT_TRUE(files.contains("xl/sharedStrings.xml"));
  const std::string& strings = files.at("xl/sharedStrings.xml");
  for (const char* text : {"reunified", "c1;c2", "parent, removed &lt;b&gt;", "Median days"}) {
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  }
  // The summary sheet holds numbers as numbers (the count 2, the median 75.5).
  ASSERT_TRUE(files.contains("xl/worksheets/sheet2.xml"));
  const std::string& sheet = files.at("xl/worksheets/sheet2.xml");
  EXPECT_NE(sheet.find("<v>2</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>75.5</v>"), std::string::npos);
  EXPECT_NE(sheet.find("autoFilter"), std::string::npos);
  fs::remove_all(dir);
}

TEST(RenderTest, XlsxNeedsAFileAndAFailedWriteLeavesNothing) {
  auto text = RenderText(SmallDocument(), {ReportFormat::kXlsx, ""});
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("--out"), std::string::npos);
  const std::string dir = ::reunite::testing::MakeTempDir("render_fail");
  const std::string path = dir + "/no/such/dir/r.csv";
  Status s = WriteReport(SmallDocument(), {ReportFormat::kCsv, ""}, path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kIoError);
  EXPECT_NE(s.message().find(dir + "/no/such/dir/r.csv"), std::string::npos) << s.message();
  Status x = WriteReport(SmallDocument(), {ReportFormat::kXlsx, ""}, dir + "/no/r.xlsx");
  ASSERT_FALSE(x.ok());
  EXPECT_FALSE(fs::exists(dir + "/no"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace reunite::report
