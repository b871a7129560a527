#include "report/report_document.h"

#include <cmath>
#include <cstdio>

namespace reunite::report {

const ReportTable* ReportDocument::Find(std::string_view table_id) const {
  for (const ReportTable& t : tables) {
    if (t.id == table_id) return &t;
  }
  return nullptr;
}

Cell OptionalDateCell(const std::optional<Date>& d) { return d ? Cell(*d) : Cell(); }
Cell OptionalIntCell(const std::optional<int>& n) {
  return n ? Cell(static_cast<int64_t>(*n)) : Cell();
}

namespace {
std::string Decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}
}  // namespace

std::string CellText(const Cell& c) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(int64_t n) const { return std::to_string(n); }
    std::string operator()(double v) const { return Decimal(v); }
    std::string operator()(const Date& d) const { return d.ToIso(); }
    std::string operator()(const std::vector<std::string>& ids) const {
      std::string out;
      for (const std::string& id : ids) {
        if (!out.empty()) out.push_back(';');
        out += id;
      }
      return out;
    }
  };
  return std::visit(Visitor{}, c);
}

nlohmann::json CellJson(const Cell& c) {
  struct Visitor {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(const std::string& s) const { return s; }
    nlohmann::json operator()(int64_t n) const { return n; }
    // Rounded as shown, so JSON and the other formats agree.
    nlohmann::json operator()(double v) const { return std::round(v * 10) / 10; }
    nlohmann::json operator()(const Date& d) const { return d.ToIso(); }
    nlohmann::json operator()(const std::vector<std::string>& ids) const { return ids; }
  };
  return std::visit(Visitor{}, c);
}

nlohmann::json TableRowsJson(const ReportTable& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rows) {
    nlohmann::json r = nlohmann::json::object();
    for (size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
      r[t.columns[i].id] = CellJson(row[i]);
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

nlohmann::json DocumentToJson(const ReportDocument& doc) {
  nlohmann::json j;
  j["report"] = doc.kind;
  j["title"] = doc.title;
  nlohmann::json meta = nlohmann::json::object();
  for (const auto& [k, v] : doc.meta) meta[k] = v;
  j["meta"] = std::move(meta);
  nlohmann::json tables = nlohmann::json::array();
  for (const ReportTable& t : doc.tables) {
    nlohmann::json cols = nlohmann::json::array();
    for (const Column& c : t.columns) cols.push_back({{"id", c.id}, {"label", c.label}});
    tables.push_back({{"id", t.id},
                      {"title", t.title},
                      {"note", t.note},
                      {"columns", std::move(cols)},
                      {"rows", TableRowsJson(t)}});
  }
  j["tables"] = std::move(tables);
  return j;
}

}  // namespace reunite::report
