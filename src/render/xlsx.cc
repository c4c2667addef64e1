// WriteXlsx: a workbook supervisors can sum in Excel/WPS. Sheet "统计表" holds every table one
// under another at positions fixed by the format (so the same cell sits at the same address in
// every agency's file), with merged headers like the official form and real numeric cells;
// sheet "正文" holds the narrative; sheet "检查结果" the findings, if any.
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <string>

#include "render/document.h"
#include "render/grid.h"
#include "render/render.h"

namespace gongkai {
namespace {

using render_internal::AttachedTables;
using render_internal::ChineseDate;
using render_internal::DisplayWidth;
using render_internal::SectionTables;
using render_internal::Signer;
using render_internal::SignaturePosition;
using render_internal::SplitParagraphs;

constexpr double kLineHeight = 14.5;  // points per text line at 11 pt
constexpr double kMaxLabelWidth = 44;  // character units; longer labels wrap
constexpr double kMaxValueWidth = 14;
constexpr double kMinWidth = 7;

struct Formats {
  lxw_format* title;
  lxw_format* subtitle;
  lxw_format* table_title;
  lxw_format* caption;
  lxw_format* header;
  lxw_format* corner;
  lxw_format* label;
  lxw_format* unit;
  lxw_format* number;
  lxw_format* dash;
  lxw_format* heading;
  lxw_format* paragraph;
  lxw_format* plain;
  lxw_format* signature;
};

lxw_format* NewFormat(lxw_workbook* wb, double size = 11) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, size);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

lxw_format* Bordered(lxw_format* f) {
  format_set_border(f, LXW_BORDER_THIN);
  format_set_text_wrap(f);
  return f;
}

Formats MakeFormats(lxw_workbook* wb) {
  Formats fm{};
  fm.title = NewFormat(wb, 16);
  format_set_bold(fm.title);
  format_set_align(fm.title, LXW_ALIGN_CENTER);
  format_set_text_wrap(fm.title);
  fm.subtitle = NewFormat(wb);
  fm.table_title = NewFormat(wb, 12);
  format_set_bold(fm.table_title);
  fm.caption = Bordered(NewFormat(wb));
  format_set_bold(fm.caption);
  fm.header = Bordered(NewFormat(wb));
  format_set_bold(fm.header);
  format_set_align(fm.header, LXW_ALIGN_CENTER);
  fm.corner = Bordered(NewFormat(wb, 10));
  format_set_align(fm.corner, LXW_ALIGN_CENTER);
  fm.label = Bordered(NewFormat(wb));
  fm.unit = Bordered(NewFormat(wb));
  format_set_align(fm.unit, LXW_ALIGN_CENTER);
  fm.number = NewFormat(wb);
  format_set_border(fm.number, LXW_BORDER_THIN);
  format_set_align(fm.number, LXW_ALIGN_RIGHT);
  fm.dash = NewFormat(wb);
  format_set_border(fm.dash, LXW_BORDER_THIN);
  format_set_align(fm.dash, LXW_ALIGN_CENTER);
  fm.heading = NewFormat(wb, 12);
  format_set_bold(fm.heading);
  fm.paragraph = NewFormat(wb);
  format_set_text_wrap(fm.paragraph);
  format_set_align(fm.paragraph, LXW_ALIGN_VERTICAL_TOP);
  fm.plain = NewFormat(wb);
  format_set_text_wrap(fm.plain);
  fm.signature = NewFormat(wb);
  format_set_align(fm.signature, LXW_ALIGN_RIGHT);
  return fm;
}

// Collects the first error of a sequence of libxlsxwriter calls.
class Errors {
 public:
  void Check(lxw_error e) {
    if (e != LXW_NO_ERROR && first_ == LXW_NO_ERROR) first_ = e;
  }
  lxw_error first() const { return first_; }

 private:
  lxw_error first_ = LXW_NO_ERROR;
};

void WriteText(lxw_worksheet* ws, int row, int col, int row_span, int col_span,
               const std::string& text, lxw_format* format, Errors& errors) {
  if (row_span > 1 || col_span > 1) {
    errors.Check(worksheet_merge_range(ws, row, col, row + row_span - 1, col + col_span - 1,
                                       text.c_str(), format));
  } else {
    errors.Check(worksheet_write_string(ws, row, col, text.c_str(), format));
  }
}

lxw_format* FormatOf(const GridCell& cell, const Formats& fm) {
  switch (cell.kind) {
    case GridCellKind::kCaption: return fm.caption;
    case GridCellKind::kCorner: return fm.corner;
    case GridCellKind::kLabelHeader:
    case GridCellKind::kUnitHeader:
    case GridCellKind::kGroupHeader:
    case GridCellKind::kColumnHeader: return fm.header;
    case GridCellKind::kRowLabel: return fm.label;
    case GridCellKind::kUnit: return fm.unit;
    case GridCellKind::kValue: return cell.value ? fm.number : fm.dash;
  }
  return fm.label;
}

// Lines a text needs in a cell `width` character units wide.
int LinesFor(const std::string& text, double width) {
  int lines = 0;
  size_t pos = 0;
  do {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const int w = DisplayWidth(std::string_view(text).substr(pos, end - pos));
    lines += std::max(1, static_cast<int>(std::ceil(w * 1.05 / std::max(1.0, width - 1.5))));
    pos = end + 1;
  } while (pos <= text.size());
  return lines;
}

struct PlacedGrid {
  TableGrid grid;
  std::string title;
  int top = 0;  // sheet row of the grid's first row
};

Status StatisticsSheet(lxw_workbook* wb, const Report& report, const Formats& fm,
                       Errors& errors) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "统计表");
  if (ws == nullptr) return Internal("无法在工作簿中新建工作表“统计表”");
  std::vector<const Table*> tables;
  for (const RenderedSection& s : report.sections) {
    for (const Table* t : SectionTables(report, s)) tables.push_back(t);
  }
  for (const Table* t : AttachedTables(report)) tables.push_back(t);

  std::vector<PlacedGrid> placed;
  int columns = 1;
  int row = 2;  // 0: title, 1: agency and year
  std::string previous_title;
  for (const Table* t : tables) {
    // Blocks of one table (the four of 2021 table 二) share a title: print it once.
    PlacedGrid p{BuildGrid(*t, report), t->title == previous_title ? "" : t->title, 0};
    previous_title = t->title;
    row += 1;                       // blank line between tables
    if (!p.title.empty()) row += 1;  // table title
    p.top = row;
    row += p.grid.total_rows();
    columns = std::max(columns, p.grid.columns);
    placed.push_back(std::move(p));
  }

  // Column widths: the widest single-column cell in each column, within bounds.
  std::vector<double> width(columns, kMinWidth);
  for (const PlacedGrid& p : placed) {
    for (const GridCell& cell : p.grid.cells) {
      if (cell.col_span != 1) continue;
      const bool label = cell.col < p.grid.label_columns;
      const double cap = label ? kMaxLabelWidth : kMaxValueWidth;
      const double w = std::min(cap, DisplayWidth(cell.text) + 2.0);
      width[cell.col] = std::max(width[cell.col], w);
    }
  }
  for (int c = 0; c < columns; ++c) errors.Check(worksheet_set_column(ws, c, c, width[c], nullptr));
  double total_width = 0;
  for (double w : width) total_width += w;

  WriteText(ws, 0, 0, 1, columns, report.title, fm.title, errors);
  errors.Check(worksheet_set_row(ws, 0, 24.0 * LinesFor(report.title, total_width * 11 / 16), nullptr));
  std::string subtitle = "填报单位：" + report.agency.name;
  if (report.year > 0) subtitle += "　　统计年度：" + std::to_string(report.year) + "年";
  WriteText(ws, 1, 0, 1, columns, subtitle, fm.subtitle, errors);

  for (const PlacedGrid& p : placed) {
    if (!p.title.empty()) WriteText(ws, p.top - 1, 0, 1, columns, p.title, fm.table_title, errors);
    std::vector<double> height(p.grid.total_rows(), kLineHeight + 3);
    // Single-row cells first, then make merged cells fit by growing their last row.
    for (int pass = 0; pass < 2; ++pass) {
      for (const GridCell& cell : p.grid.cells) {
        if ((cell.row_span == 1) != (pass == 0)) continue;
        double w = 0;
        for (int c = cell.col; c < cell.col + cell.col_span; ++c) w += width[c];
        const double need = LinesFor(cell.text, w) * kLineHeight + 3;
        double have = 0;
        for (int r = cell.row; r < cell.row + cell.row_span; ++r) have += height[r];
        if (need > have) height[cell.row + cell.row_span - 1] += need - have;
      }
    }
    for (int r = 0; r < p.grid.total_rows(); ++r) {
      errors.Check(worksheet_set_row(ws, p.top + r, height[r], nullptr));
    }
    for (const GridCell& cell : p.grid.cells) {
      const int r = p.top + cell.row;
      if (cell.kind == GridCellKind::kValue && cell.value) {
        const std::string text = cell.value->ToString();
        errors.Check(worksheet_write_number(ws, r, cell.col, std::strtod(text.c_str(), nullptr),
                                            fm.number));
      } else {
        WriteText(ws, r, cell.col, cell.row_span, cell.col_span, cell.text, FormatOf(cell, fm),
                  errors);
      }
    }
  }
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_portrait(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
  errors.Check(worksheet_set_footer(ws, "&C— &P —"));
  return Status::Ok();
}

Status NarrativeSheet(lxw_workbook* wb, const Report& report, const Formats& fm,
                      Errors& errors) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "正文");
  if (ws == nullptr) return Internal("无法在工作簿中新建工作表“正文”");
  constexpr double kWidth = 90;
  errors.Check(worksheet_set_column(ws, 0, 0, kWidth, nullptr));
  int row = 0;
  auto put = [&](const std::string& text, lxw_format* format, double line_height) {
    errors.Check(worksheet_write_string(ws, row, 0, text.c_str(), format));
    errors.Check(worksheet_set_row(ws, row, LinesFor(text, kWidth) * line_height + 4, nullptr));
    ++row;
  };
  put(report.title, fm.title, 22);
  const size_t signature_at = SignaturePosition(report);
  for (size_t i = 0; i <= report.sections.size(); ++i) {
    if (i == signature_at) {
      ++row;
      const std::string signer = Signer(report);
      if (!signer.empty()) put(signer, fm.signature, 15);
      if (!report.generated_on.empty()) put(ChineseDate(report.generated_on), fm.signature, 15);
      ++row;
    }
    if (i == report.sections.size()) break;
    const RenderedSection& s = report.sections[i];
    if (!s.heading.empty()) put(s.heading, fm.heading, 17);
    for (const std::string& p : SplitParagraphs(s.text)) put("　　" + p, fm.paragraph, 15);
    if (!s.tables.empty()) put("（表格见“统计表”工作表）", fm.plain, 15);
  }
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  return Status::Ok();
}

Status FindingsSheet(lxw_workbook* wb, const Report& report, const Formats& fm, Errors& errors) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "检查结果");
  if (ws == nullptr) return Internal("无法在工作簿中新建工作表“检查结果”");
  const double widths[] = {10, 26, 24, 70};
  const char* headers[] = {"严重程度", "规则", "单元格", "说明"};
  for (int c = 0; c < 4; ++c) {
    errors.Check(worksheet_set_column(ws, c, c, widths[c], nullptr));
    errors.Check(worksheet_write_string(ws, 0, c, headers[c], fm.header));
  }
  int row = 1;
  for (const Finding& f : report.findings) {
    std::string cells;
    for (const std::string& id : f.cells) cells += (cells.empty() ? "" : "、") + id;
    const std::string texts[] = {std::string(ToChinese(f.severity)), f.rule, cells, f.message};
    int lines = 1;
    for (int c = 0; c < 4; ++c) {
      errors.Check(worksheet_write_string(ws, row, c, texts[c].c_str(), fm.label));
      lines = std::max(lines, LinesFor(texts[c], widths[c]));
    }
    errors.Check(worksheet_set_row(ws, row, lines * kLineHeight + 3, nullptr));
    ++row;
  }
  worksheet_freeze_panes(ws, 1, 0);
  return Status::Ok();
}

// generated_on ("YYYY-MM-DD") as the workbook's creation time, so equal reports give equal files.
time_t CreatedTime(const std::string& generated_on) {
  std::tm tm{};
  if (std::sscanf(generated_on.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) {
    return 0;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

}  // namespace

Status WriteXlsx(const Report& report, const std::string& path) {
  // Probe first: libxlsxwriter only opens the file in workbook_close, and reports on stderr.
  if (FILE* probe = std::fopen(path.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    return InvalidInput("无法写入电子表格 " + path + "：" + std::strerror(errno));
  }
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return InvalidInput("无法创建电子表格 " + path);
  lxw_doc_properties properties{};
  std::string title = report.title;
  std::string author = report.agency.name;
  std::string subject = "政府信息公开工作年度报告";
  properties.title = title.data();
  properties.author = author.data();
  properties.company = author.data();
  properties.subject = subject.data();
  properties.created = CreatedTime(report.generated_on);
  workbook_set_properties(wb, &properties);

  const Formats fm = MakeFormats(wb);
  Errors errors;
  Status status = StatisticsSheet(wb, report, fm, errors);
  if (status.ok()) status = NarrativeSheet(wb, report, fm, errors);
  if (status.ok() && !report.findings.empty()) status = FindingsSheet(wb, report, fm, errors);
  const lxw_error closed = workbook_close(wb);  // writes the file and frees the workbook
  if (closed != LXW_NO_ERROR) {
    std::remove(path.c_str());
    return InvalidInput("无法写入电子表格 " + path + "：" + lxw_strerror(closed));
  }
  if (!status.ok() || errors.first() != LXW_NO_ERROR) {
    std::remove(path.c_str());
    if (!status.ok()) return status;
    return Internal("生成电子表格出错：" + std::string(lxw_strerror(errors.first())));
  }
  return Status::Ok();
}

}  // namespace gongkai
