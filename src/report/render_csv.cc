#include "common/csv.h"
#include "report/render.h"

namespace reunite::report::internal {

std::string RenderCsv(const ReportTable& t) {
  std::string out;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendCsvField(out, t.columns[i].id);
  }
  out.push_back('\n');
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendCsvField(out, CellText(row[i]));
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace reunite::report::internal
