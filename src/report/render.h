// Renderers of a ReportDocument: JSON (the whole document), CSV (one table),
// XLSX (a sheet per table, via libxlsxwriter) and printable HTML (one
// self-contained file with print CSS). Every format carries the same rows.
//
// WriteReport writes to a temporary file beside `path` and renames it into
// place, so a failed or interrupted write never leaves a partial report.
// Thread-safe: no shared state.
#ifndef REUNITE_REPORT_RENDER_H_
#define REUNITE_REPORT_RENDER_H_

#include <string>
#include <string_view>

#include "report/report_document.h"
#include "reunite/status.h"

namespace reunite::report {

enum class ReportFormat { kJson, kCsv, kXlsx, kHtml };
// "json" | "csv" | "xlsx" | "html"; kInvalidArgument otherwise.
Result<ReportFormat> ParseReportFormat(std::string_view name);

struct RenderOptions {
  ReportFormat format = ReportFormat::kJson;
  // CSV: the table to write; empty = the document's primary table.
  std::string table;
};

// JSON, CSV or HTML text. XLSX is binary and file-only: kInvalidArgument.
// kNotFound for an unknown CSV table (naming the document's tables).
Result<std::string> RenderText(const ReportDocument& doc, const RenderOptions& options);

// Writes the report to `path` (all formats). kIoError naming the path.
Status WriteReport(const ReportDocument& doc, const RenderOptions& options,
                   const std::string& path);

namespace internal {
std::string RenderCsv(const ReportTable& table);
std::string RenderHtml(const ReportDocument& doc);
// Writes the workbook to `path` directly (WriteReport handles the rename).
Status WriteXlsx(const ReportDocument& doc, const std::string& path);
}  // namespace internal

}  // namespace reunite::report

#endif  // REUNITE_REPORT_RENDER_H_
