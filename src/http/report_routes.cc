// The reports: GET /reports/compliance, /reports/provenance (JSON, CSV, XLSX,
// printable HTML), /directives and /directives/{id}.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/clock.h"
#include "http/route.h"
#include "report/render.h"
#include "service/report_service.h"

namespace reunite::http {
namespace {

// as_of (default: today, UTC), order, directive, child from the query.
Result<service::ReportQuery> QueryOf(const RequestContext& ctx) {
  service::ReportQuery q;
  q.orders_dir = ctx.api().orders_dir;
  std::string as_of = ctx.Query("as_of");
  if (as_of.empty()) as_of = UtcNowIso().substr(0, 10);
  auto d = Date::ParseIso(as_of);
  if (!d.ok()) {
    return InvalidArgument("query parameter 'as_of': expected a date YYYY-MM-DD, got '" + as_of +
                           "'");
  }
  q.as_of = *d;
  q.order = ctx.Query("order");
  q.directive = ctx.Query("directive");
  q.child = ctx.Query("child");
  return q;
}

Result<std::string> XlsxBytes(const report::ReportDocument& doc) {
  char path[] = "/tmp/reunite-report-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return IoError("cannot create a temporary file for the workbook");
  close(fd);
  Status s = report::WriteReport(doc, {report::ReportFormat::kXlsx, ""}, path);
  std::string bytes;
  if (s.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::remove(path);
  if (!s.ok()) return s;
  return bytes;
}

// The document in the format asked for (json by default).
Result<Reply> Render(const RequestContext& ctx, const report::ReportDocument& doc,
                     const std::string& name) {
  std::string format_name = ctx.Query("format");
  if (format_name.empty()) format_name = "json";
  auto format = report::ParseReportFormat(format_name);
  if (!format.ok()) {
    return InvalidArgument("query parameter 'format': expected json, csv, xlsx or html, got '" +
                           format_name + "'");
  }
  Reply r;
  if (*format == report::ReportFormat::kJson) {
    r.body = report::DocumentToJson(doc);
    return r;
  }
  std::string ext;
  if (*format == report::ReportFormat::kXlsx) {
    REUNITE_ASSIGN_OR_RETURN(r.raw_body, XlsxBytes(doc));
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    ext = "xlsx";
  } else {
    report::RenderOptions options{*format, ctx.Query("table")};
    REUNITE_ASSIGN_OR_RETURN(r.raw_body, report::RenderText(doc, options));
    const bool csv = *format == report::ReportFormat::kCsv;
    r.content_type = csv ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";
    ext = csv ? "csv" : "html";
  }
  if (*format != report::ReportFormat::kHtml) {
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + name + "." + ext + "\"");
  }
  return r;
}

// A file name from ids the store chose (letters, digits, - and _ only).
std::string FileName(std::string s) {
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  return s.substr(0, 120);
}

}  // namespace

std::vector<Route> ReportRoutes() {
  return {
      {"GET", "/api/v1/reports/compliance", "reports.compliance", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto q, QueryOf(ctx));
         REUNITE_ASSIGN_OR_RETURN(
             auto doc, service::ComplianceReportFor(ctx.db(), *ctx.api().policy, ctx.caller(), q));
         return Render(ctx, doc,
                       FileName("compliance-" + (q.order.empty() ? std::string("order") : q.order) +
                                "-" + q.as_of.ToIso()));
       }},
      {"GET", "/api/v1/reports/provenance", "provenance.read", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto q, QueryOf(ctx));
         REUNITE_ASSIGN_OR_RETURN(
             auto doc, service::ProvenanceReportFor(ctx.db(), *ctx.api().policy, ctx.caller(), q));
         return Render(ctx, doc, FileName("provenance-" + q.as_of.ToIso()));
       }},
      {"GET", "/api/v1/directives", "provenance.read", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto q, QueryOf(ctx));
         return Ok(service::ListDirectives(ctx.db(), *ctx.api().policy, ctx.caller(), q));
       }},
      {"GET", "/api/v1/directives/{id}", "provenance.read", BodyKind::kNone,
       [](RequestContext& ctx) -> Result<Reply> {
         REUNITE_ASSIGN_OR_RETURN(auto q, QueryOf(ctx));
         return Ok(service::ReadDirective(ctx.db(), *ctx.api().policy, ctx.caller(),
                                          ctx.PathParam("id"), q));
       }},
  };
}

}  // namespace reunite::http
