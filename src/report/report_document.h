// ReportDocument: a report as titled tables of typed cells — the one shape
// every renderer (JSON, CSV, XLSX, HTML; render.h) writes, so that the four
// formats always carry the same rows. The compliance and provenance reports
// build one (ComplianceDocument, ProvenanceDocument). Plain values.
#ifndef REUNITE_REPORT_REPORT_DOCUMENT_H_
#define REUNITE_REPORT_REPORT_DOCUMENT_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/date.h"

namespace reunite::report {

// Empty, text, whole number, decimal (one place shown), date, or a list of
// ids (the children behind a count).
using Cell =
    std::variant<std::monostate, std::string, int64_t, double, Date, std::vector<std::string>>;

struct Column {
  std::string id;     // stable snake_case key (JSON keys, CSV header)
  std::string label;  // what a reader sees (XLSX, HTML)
};

struct ReportTable {
  std::string id;     // e.g. "summary"
  std::string title;  // e.g. "Separated children by status and age cohort"
  std::string note;   // one paragraph under the title; may be empty
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
};

struct ReportDocument {
  std::string kind;   // "compliance" | "provenance"
  std::string title;  // e.g. "Joint status report: ORDER-2018-06-26"
  std::vector<std::pair<std::string, std::string>> meta;  // (label, value), in order
  std::vector<ReportTable> tables;
  std::string primary_table;  // the CSV default

  const ReportTable* Find(std::string_view table_id) const;
};

// Cell helpers.
inline Cell TextCell(std::string s) { return Cell(std::move(s)); }
inline Cell IntCell(int64_t n) { return Cell(n); }
Cell OptionalDateCell(const std::optional<Date>& d);
Cell OptionalIntCell(const std::optional<int>& n);
// The cell as plain text: "" for empty, ISO dates, "%.1f" decimals, lists
// joined with ';'.
std::string CellText(const Cell& c);
// The cell as JSON: null, string, number, ISO date string, array.
nlohmann::json CellJson(const Cell& c);

// {"report": kind, "title", "meta": {label: value}, "tables": [{"id", "title",
//  "note", "columns": [{"id", "label"}], "rows": [{column id: value}]}]}
nlohmann::json DocumentToJson(const ReportDocument& doc);
// The rows of one table as JSON objects keyed by column id.
nlohmann::json TableRowsJson(const ReportTable& table);

}  // namespace reunite::report

#endif  // REUNITE_REPORT_REPORT_DOCUMENT_H_
