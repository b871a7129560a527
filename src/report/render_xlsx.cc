// XLSX through libxlsxwriter: a "report" sheet with the title and header
// fields, then one sheet per table (title, note, a bold frozen header row with
// an autofilter, typed cells: numbers, ISO dates as real dates, text).
// The document's creation time is fixed, so equal reports are equal files.
#include <xlsxwriter.h>

#include <algorithm>
#include <variant>

#include "report/render.h"

namespace reunite::report::internal {
namespace {

constexpr size_t kMaxCellText = 32767;  // Excel's limit per cell

std::string Clip(std::string s) {
  if (s.size() <= kMaxCellText) return s;
  const std::string more = " … (truncated: see the CSV or JSON)";
  // Cut at the start of a UTF-8 character.
  size_t cut = kMaxCellText - more.size();
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + more;
}

Status Check(lxw_error e, const std::string& path) {
  if (e == LXW_NO_ERROR) return Status::Ok();
  return IoError("cannot write '" + path + "': " + lxw_strerror(e));
}

}  // namespace

Status WriteXlsx(const ReportDocument& doc, const std::string& path) {
  lxw_workbook_options options = {};
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return IoError("cannot create '" + path + "'");
  std::string title = doc.title;
  std::string author = "reunite";
  lxw_doc_properties props = {};
  props.title = title.data();
  props.author = author.data();
  props.created = 946684800;  // 2000-01-01: fixed, so the bytes depend on the report only
  workbook_set_properties(wb, &props);

  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* heading = workbook_add_format(wb);
  format_set_bold(heading);
  format_set_font_size(heading, 14);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xE8E8E8);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* decimal = workbook_add_format(wb);
  format_set_num_format(decimal, "0.0");

  lxw_worksheet* about = workbook_add_worksheet(wb, "report");
  worksheet_write_string(about, 0, 0, Clip(doc.title).c_str(), heading);
  lxw_row_t row = 2;
  for (const auto& [label, value] : doc.meta) {
    worksheet_write_string(about, row, 0, label.c_str(), bold);
    worksheet_write_string(about, row, 1, Clip(value).c_str(), nullptr);
    ++row;
  }
  ++row;
  worksheet_write_string(about, row++, 0, "sheets", bold);
  for (const ReportTable& t : doc.tables) {
    worksheet_write_string(about, row, 0, t.id.c_str(), nullptr);
    worksheet_write_string(about, row, 1, t.title.c_str(), nullptr);
    ++row;
  }
  worksheet_set_column(about, 0, 0, 28, nullptr);
  worksheet_set_column(about, 1, 1, 90, nullptr);

  for (const ReportTable& t : doc.tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.id.substr(0, 31).c_str());
    if (ws == nullptr) {
      workbook_close(wb);
      return Internal("xlsx: cannot add sheet '" + t.id + "'");
    }
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_write_string(ws, 0, 0, Clip(t.title).c_str(), heading);
    if (!t.note.empty()) worksheet_write_string(ws, 1, 0, Clip(t.note).c_str(), nullptr);
    const lxw_row_t head = 3;
    std::vector<size_t> width(t.columns.size(), 8);
    for (size_t c = 0; c < t.columns.size(); ++c) {
      worksheet_write_string(ws, head, static_cast<lxw_col_t>(c), t.columns[c].label.c_str(),
                             header);
      width[c] = std::max(width[c], std::min<size_t>(t.columns[c].label.size(), 24));
    }
    lxw_row_t r = head + 1;
    for (const auto& cells : t.rows) {
      for (size_t c = 0; c < cells.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const Cell& cell = cells[c];
        if (const auto* n = std::get_if<int64_t>(&cell)) {
          worksheet_write_number(ws, r, col, static_cast<double>(*n), nullptr);
        } else if (const auto* d = std::get_if<double>(&cell)) {
          worksheet_write_number(ws, r, col, *d, decimal);
        } else if (const auto* day = std::get_if<Date>(&cell)) {
          lxw_datetime dt = {
              day->year, static_cast<uint8_t>(day->month), static_cast<uint8_t>(day->day), 0, 0, 0};
          worksheet_write_datetime(ws, r, col, &dt, date);
          width[c] = std::max<size_t>(width[c], 11);
        } else if (!std::holds_alternative<std::monostate>(cell)) {
          const std::string text = Clip(CellText(cell));
          worksheet_write_string(ws, r, col, text.c_str(), nullptr);
          width[c] = std::max(width[c], std::min<size_t>(text.size(), 60));
        }
      }
      ++r;
    }
    for (size_t c = 0; c < width.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(width[c]) + 1, nullptr);
    }
    if (!t.columns.empty()) {
      worksheet_freeze_panes(ws, head + 1, 0);
      worksheet_repeat_rows(ws, head, head);
      worksheet_autofilter(ws, head, 0, std::max<lxw_row_t>(r - 1, head),
                           static_cast<lxw_col_t>(t.columns.size() - 1));
    }
  }
  return Check(workbook_close(wb), path);
}

}  // namespace reunite::report::internal
