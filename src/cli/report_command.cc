// `reunite report compliance|provenance`: the court's joint status report for
// one order and the Inspector General's provenance of decisions, as of a
// date, in JSON, CSV, XLSX or printable HTML. See docs/reports.md.
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "report/compliance_report.h"
#include "report/provenance_report.h"
#include "report/render.h"
#include "report/scenario_input.h"
#include "service/report_input_store.h"
#include "storage/connection.h"

namespace reunite::cli {
namespace {

struct ReportFlags {
  std::string scenario;
  std::string db;
  std::string orders_dir;
  std::string as_of;
  std::string format = "json";
  std::string out;
  std::string table;
  // compliance
  std::string order;
  // provenance
  std::string directive;
  std::string child;
};

void AddCommonOptions(CLI::App* sub, ReportFlags& f) {
  sub->add_option("--scenario", f.scenario,
                  "Read a synthetic scenario's truth files (the directory `reunite synth --out` "
                  "wrote)");
  sub->add_option("--db", f.db,
                  "Read the store (SQLite file or postgresql://… URL); needs resolved persons "
                  "(`reunite resolve`)");
  sub->add_option("--orders", f.orders_dir,
                  "Directory of court orders (*.json); default: the scenario's orders/, else "
                  "orders/");
  sub->add_option("--as-of", f.as_of,
                  "Report as of this date (YYYY-MM-DD): only events on or before it count")
      ->required();
  sub->add_option("--format", f.format, "json | csv | xlsx | html")->capture_default_str();
  sub->add_option("--out", f.out, "Write to this file (default: standard output; xlsx needs it)");
  sub->add_option("--table", f.table, "CSV only: which table to write (default: the first)");
}

Result<report::ReportInput> LoadInput(const ReportFlags& f) {
  if (f.scenario.empty() == f.db.empty()) {
    return InvalidArgument("give exactly one input: --scenario DIR or --db URL");
  }
  if (!f.scenario.empty()) {
    REUNITE_ASSIGN_OR_RETURN(report::ReportInput in, report::LoadScenarioInput(f.scenario));
    if (!f.orders_dir.empty()) {
      REUNITE_ASSIGN_OR_RETURN(in.orders, cases::LoadCourtOrders(f.orders_dir));
    }
    return in;
  }
  const bool postgres = f.db.starts_with("postgres");
  const std::string file = f.db.starts_with("sqlite:") ? f.db.substr(7) : f.db;
  if (!postgres && !std::filesystem::exists(file)) {
    return NotFound("no store at '" + f.db + "' (import exports and run `reunite resolve` first)");
  }
  REUNITE_ASSIGN_OR_RETURN(auto db, storage::OpenConnection(f.db));
  return service::LoadStoreReportInput(*db, f.orders_dir.empty() ? "orders" : f.orders_dir);
}

Status Emit(const report::ReportDocument& doc, const ReportFlags& f) {
  REUNITE_ASSIGN_OR_RETURN(report::ReportFormat format, report::ParseReportFormat(f.format));
  report::RenderOptions options{format, f.table};
  if (!f.table.empty() && format != report::ReportFormat::kCsv) {
    return InvalidArgument("--table applies to --format csv only");
  }
  if (f.out.empty() || f.out == "-") {
    if (format == report::ReportFormat::kXlsx) {
      return InvalidArgument("--format xlsx writes a file: give --out FILE.xlsx");
    }
    REUNITE_ASSIGN_OR_RETURN(std::string text, report::RenderText(doc, options));
    std::fwrite(text.data(), 1, text.size(), stdout);
    return Status::Ok();
  }
  REUNITE_RETURN_IF_ERROR(report::WriteReport(doc, options, f.out));
  std::fprintf(stderr, "report: %s written to %s\n", doc.title.c_str(), f.out.c_str());
  return Status::Ok();
}

Result<Date> AsOf(const ReportFlags& f) {
  Result<Date> d = Date::ParseIso(f.as_of);
  if (!d.ok()) return InvalidArgument("--as-of: expected a date YYYY-MM-DD, got '" + f.as_of + "'");
  return d;
}

Status RunCompliance(const ReportFlags& f) {
  REUNITE_ASSIGN_OR_RETURN(Date as_of, AsOf(f));
  REUNITE_ASSIGN_OR_RETURN(report::ReportInput in, LoadInput(f));
  std::string order = f.order;
  if (order.empty()) {
    if (in.orders.size() != 1) {
      std::string ids;
      for (const auto& o : in.orders) ids += (ids.empty() ? "" : ", ") + o.order_id;
      return InvalidArgument("give --order ORDER (orders: " + (ids.empty() ? "none" : ids) + ")");
    }
    order = in.orders.front().order_id;
  }
  const report::CaseIndex index(in);
  REUNITE_ASSIGN_OR_RETURN(report::ComplianceReport r,
                           report::BuildComplianceReport(index, order, as_of));
  return Emit(report::ComplianceDocument(r), f);
}

Status RunProvenance(const ReportFlags& f) {
  REUNITE_ASSIGN_OR_RETURN(Date as_of, AsOf(f));
  REUNITE_ASSIGN_OR_RETURN(report::ReportInput in, LoadInput(f));
  const report::CaseIndex index(in);
  REUNITE_ASSIGN_OR_RETURN(report::ProvenanceReport r,
                           report::BuildProvenanceReport(index, {as_of, f.directive, f.child}));
  return Emit(report::ProvenanceDocument(r), f);
}

}  // namespace

void AddReportCommand(CLI::App& app, CommandResult& result) {
  CLI::App* report = app.add_subcommand(
      "report",
      "Reports as of a date, reproducible for any past date (docs/reports.md):\n"
      "  compliance  a court order's joint status report: separated children by status and\n"
      "              age cohort, deadlines met and missed, days overdue, the children behind\n"
      "              every count\n"
      "  provenance  per directive, the prosecution, separation and removal decisions made\n"
      "              under it, by whom and where, the children affected, days separated; the\n"
      "              decisions that recorded no children; one child's full chain (--child)");
  report->require_subcommand(1);

  auto cf = std::make_shared<ReportFlags>();
  CLI::App* compliance = report->add_subcommand(
      "compliance",
      "Compliance with one court order as of a date. Tables: summary (CSV default), deadlines,\n"
      "overdue, children, counts (every count with its children).\n"
      "Example: reunite report compliance --scenario DIR --order ORDER-2018-06-26\n"
      "         --as-of 2018-07-27 --format xlsx --out jsr.xlsx");
  AddCommonOptions(compliance, *cf);
  compliance->add_option("--order", cf->order, "Court order id (default: the only order loaded)");
  compliance->callback([cf, &result] { result.status = RunCompliance(*cf); });

  auto pf = std::make_shared<ReportFlags>();
  CLI::App* provenance = report->add_subcommand(
      "provenance",
      "Provenance of decisions as of a date. Tables: directives (CSV default), deciders,\n"
      "missing (separating decisions that recorded no children), still_separated, children,\n"
      "decisions; with --child, chain (the CSV default then).\n"
      "Example: reunite report provenance --scenario DIR --directive DIR-2018-04-06-ZT\n"
      "         --as-of 2019-06-30 --format html --out zt.html");
  AddCommonOptions(provenance, *pf);
  provenance->add_option("--directive", pf->directive,
                         "Only this directive ('none': decisions citing no directive)");
  provenance->add_option("--child", pf->child,
                         "Also the full chain of this child, from apprehension to the as-of date");
  provenance->callback([pf, &result] { result.status = RunProvenance(*pf); });
}

}  // namespace reunite::cli
