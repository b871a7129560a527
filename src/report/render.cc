#include "report/render.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace reunite::report {

Result<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "json") return ReportFormat::kJson;
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "xlsx") return ReportFormat::kXlsx;
  if (name == "html") return ReportFormat::kHtml;
  return InvalidArgument("unknown report format '" + std::string(name) +
                         "' (expected json, csv, xlsx or html)");
}

Result<std::string> RenderText(const ReportDocument& doc, const RenderOptions& o) {
  switch (o.format) {
    case ReportFormat::kJson:
      return DocumentToJson(doc).dump(2) + "\n";
    case ReportFormat::kCsv: {
      const std::string id = o.table.empty() ? doc.primary_table : o.table;
      const ReportTable* t = doc.Find(id);
      if (t == nullptr) {
        std::string known;
        for (const ReportTable& x : doc.tables) known += (known.empty() ? "" : ", ") + x.id;
        return NotFound("the " + doc.kind + " report has no table '" + id + "' (tables: " + known +
                        ")");
      }
      return internal::RenderCsv(*t);
    }
    case ReportFormat::kHtml:
      return internal::RenderHtml(doc);
    case ReportFormat::kXlsx:
      return InvalidArgument("XLSX is written to a file: give --out FILE.xlsx");
  }
  return Internal("unknown report format");
}

Status WriteReport(const ReportDocument& doc, const RenderOptions& o, const std::string& path) {
  const std::string tmp = path + ".tmp";
  if (o.format == ReportFormat::kXlsx) {
    Status s = internal::WriteXlsx(doc, tmp);
    if (!s.ok()) {
      std::filesystem::remove(tmp);
      return s;
    }
  } else {
    REUNITE_ASSIGN_OR_RETURN(std::string text, RenderText(doc, o));
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (f == nullptr) return IoError("cannot create '" + tmp + "': " + std::strerror(errno));
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const int err = errno;
    if (std::fclose(f) != 0 || !written) {
      std::filesystem::remove(tmp);
      return IoError("cannot write '" + path + "': " + std::strerror(err));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    return IoError("cannot write '" + path + "': " + ec.message());
  }
  return Status::Ok();
}

}  // namespace reunite::report
