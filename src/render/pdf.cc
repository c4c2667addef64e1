// WritePdf: the report as a printed document — A4, title centred, headings in sans (黑体 style),
// paragraphs in serif with a two-character first-line indent, tables ruled like the official
// form with merged headers. A table stays on one page when it can (it starts a new page if the
// rest of the current one is too short); a table taller than a page breaks between rows and
// repeats its header. A table too wide for portrait even with wrapped labels gets landscape
// pages. Text is shaped and broken into lines by Pango with the Noto CJK fonts.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "render/document.h"
#include "render/grid.h"
#include "render/pdf_common.h"
#include "render/render.h"

namespace gongkai {
namespace {

using render_internal::AttachedTables;
using render_internal::ChineseDate;
using render_internal::kA4Long;
using render_internal::kA4Short;
using render_internal::kSans;
using render_internal::kSerif;
using render_internal::LayoutPtr;
using render_internal::NewLayout;
using render_internal::PdfCanvas;
using render_internal::Points;
using render_internal::SectionTables;
using render_internal::SignaturePosition;
using render_internal::Signer;
using render_internal::SplitParagraphs;
using render_internal::TableTitle;

constexpr double kMarginTop = 70;
constexpr double kMarginBottom = 70;
constexpr double kMarginSide = 65;

constexpr double kTitleSize = 18;
constexpr double kHeadingSize = 13;
constexpr double kBodySize = 12;
constexpr double kBodyAdvance = 1.75;  // line pitch in ems
constexpr double kFooterSize = 10.5;
constexpr double kTableTitleSize = 11;
constexpr double kCellPadX = 4;
constexpr double kCellPadY = 2.5;
constexpr double kThinRule = 0.5;
constexpr double kThickRule = 1.0;

struct TextStyle {
  const char* family;
  double size;
  bool bold = false;
};

class PdfDocument {
 public:
  Status Open(const std::string& path, const Report& report) {
    GONGKAI_RETURN_IF_ERROR(canvas_.LoadFonts());
    const cairo_status_t st = canvas_.Start(
        cairo_pdf_surface_create(path.c_str(), kA4Short, kA4Long), report.title, report.agency.name,
        report.generated_on.size() == 10 ? report.generated_on : std::string());
    if (st != CAIRO_STATUS_SUCCESS) {
      return InvalidInput("无法写入 PDF 文件 " + path + "：" + cairo_status_to_string(st));
    }
    cr_ = canvas_.cr();
    context_ = canvas_.context();
    y_ = kMarginTop;
    return Status::Ok();
  }

  // Finishes the last page and the file.
  Status Close(const std::string& path) {
    if (!page_is_empty() || page_ == 1) FinishPage();
    const cairo_status_t st = canvas_.Finish();
    if (st != CAIRO_STATUS_SUCCESS) {
      return InvalidInput("无法写入 PDF 文件 " + path + "：" + cairo_status_to_string(st));
    }
    return Status::Ok();
  }

  double content_width() const { return page_width() - 2 * kMarginSide; }
  double content_height() const { return page_height() - kMarginTop - kMarginBottom; }
  double remaining() const { return page_height() - kMarginBottom - y_; }
  bool page_is_empty() const { return y_ <= kMarginTop; }

  LayoutPtr Layout(const TextStyle& style, const std::string& text, double width,
                   PangoAlignment align = PANGO_ALIGN_LEFT, double indent = 0) const {
    LayoutPtr layout = NewLayout(context_, style.family, style.size, style.bold);
    if (width > 0) {
      pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout.get(), align);
    if (indent != 0) pango_layout_set_indent(layout.get(), static_cast<int>(indent * PANGO_SCALE));
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  static double Width(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return Points(logical.width);
  }
  static double Height(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return Points(logical.height);
  }

  // Draws a block of text line by line at the left margin, moving to a new page between lines
  // when the page is full. Each line takes at least `pitch` points.
  void Flow(PangoLayout* layout, double pitch) {
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      PangoRectangle own;
      pango_layout_line_get_extents(line, nullptr, &own);
      const double height = Points(logical.height);
      const double ascent = Points(pango_layout_iter_get_baseline(it) - logical.y);
      const double advance = std::max(pitch, height);
      if (y_ + advance > page_height() - kMarginBottom && !page_is_empty()) NewPage();
      cairo_move_to(cr_, kMarginSide + Points(logical.x - own.x),
                    y_ + (advance - height) / 2 + ascent);
      pango_cairo_show_layout_line(cr_, line);
      y_ += advance;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  // Draws a whole layout with its top-left corner at (x, y).
  void DrawAt(PangoLayout* layout, double x, double y) {
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout);
  }

  void Space(double points) {
    y_ += points;
    if (y_ > page_height() - kMarginBottom) NewPage();
  }
  void Advance(double points) { y_ += points; }
  double y() const { return y_; }

  // Ends the current page and starts a new one (landscape if asked). On a page with nothing on
  // it yet, only changes its orientation.
  void NewPage(bool landscape = false) {
    if (!page_is_empty()) FinishPage();
    landscape_ = landscape;
    cairo_pdf_surface_set_size(canvas_.surface(), page_width(), page_height());
    y_ = kMarginTop;
  }
  bool landscape() const { return landscape_; }
  double page_width() const { return landscape_ ? kA4Long : kA4Short; }
  double page_height() const { return landscape_ ? kA4Short : kA4Long; }

  cairo_t* cr() const { return cr_; }

 private:
  void FinishPage() {
    const std::string number = "— " + std::to_string(page_) + " —";
    LayoutPtr footer = Layout({kSerif, kFooterSize}, number, 0);
    const double w = Width(footer.get());
    DrawAt(footer.get(), (page_width() - w) / 2, page_height() - kMarginBottom / 2 - kFooterSize);
    cairo_show_page(cr_);
    ++page_;
  }

  PdfCanvas canvas_;
  cairo_t* cr_ = nullptr;            // canvas_'s
  PangoContext* context_ = nullptr;  // canvas_'s
  bool landscape_ = false;
  double y_ = 0;
  int page_ = 1;
};

// ---------------------------------------------------------------------------------------------
// Tables.

struct TableBox {
  TableGrid grid;
  double font_size = 9;
  bool landscape = false;
  std::vector<double> col_w;
  std::vector<double> row_h;
  std::vector<LayoutPtr> text;  // one per grid cell, wrapped to its width
  double width() const { return std::accumulate(col_w.begin(), col_w.end(), 0.0); }
  double Rows(int from, int to) const {
    return std::accumulate(row_h.begin() + from, row_h.begin() + to, 0.0);
  }
};

TextStyle CellStyle(const GridCell& cell, double size) {
  const bool bold = cell.kind == GridCellKind::kCaption || cell.kind == GridCellKind::kLabelHeader ||
                    cell.kind == GridCellKind::kUnitHeader ||
                    cell.kind == GridCellKind::kGroupHeader ||
                    cell.kind == GridCellKind::kColumnHeader;
  return {kSans, size, bold};
}

PangoAlignment CellAlign(const GridCell& cell) {
  switch (cell.kind) {
    case GridCellKind::kCaption:
    case GridCellKind::kRowLabel: return PANGO_ALIGN_LEFT;
    case GridCellKind::kValue: return cell.value ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
    default: return PANGO_ALIGN_CENTER;
  }
}

// Shrinks columns in `which` toward their minimum, proportionally to their slack, by `excess`.
// Returns what could not be taken.
double Shrink(std::vector<double>& w, const std::vector<double>& min, const std::vector<int>& which,
              double excess) {
  double slack = 0;
  for (int c : which) slack += std::max(0.0, w[c] - min[c]);
  if (slack <= 0 || excess <= 0) return std::max(0.0, excess);
  const double take = std::min(1.0, excess / slack);
  for (int c : which) w[c] -= std::max(0.0, w[c] - min[c]) * take;
  return std::max(0.0, excess - slack);
}

// Sets column widths for `available` points; returns false (widths at their minimum) if the
// table cannot fit even so. When space is short, in order: value columns narrow to four characters
// (longer headers wrap), label columns whose cells are merged over several rows narrow first
// (they have room to wrap downwards), then the other label columns, then value columns down
// to their numbers.
bool FitColumns(const PdfDocument& doc, TableBox& box, double available) {
  const TableGrid& g = box.grid;
  const double em = box.font_size;
  const double pad = 2 * kCellPadX;
  std::vector<double> natural(g.columns, 2 * em + pad);
  std::vector<double> min(g.columns, 2 * em + pad);
  std::vector<int> room(g.columns, 0);  // fewest rows a single-column label cell spans
  for (const GridCell& cell : g.cells) {
    if (cell.col_span != 1) continue;
    LayoutPtr l = doc.Layout(CellStyle(cell, em), cell.text, 0);
    const double w = PdfDocument::Width(l.get()) + pad;
    natural[cell.col] = std::max(natural[cell.col], w);
    // Numbers and units never wrap.
    if (cell.kind == GridCellKind::kValue || cell.kind == GridCellKind::kUnit) {
      min[cell.col] = std::max(min[cell.col], w);
    }
    if (cell.kind == GridCellKind::kRowLabel) {
      room[cell.col] = room[cell.col] == 0 ? cell.row_span : std::min(room[cell.col], cell.row_span);
    }
  }
  std::vector<int> tall_labels;
  std::vector<int> labels;
  std::vector<int> values;
  std::vector<double> four(g.columns);
  for (int c = 0; c < g.columns; ++c) {
    four[c] = std::max(min[c], std::min(natural[c], 4 * em + pad));
    if (c < g.label_columns) {
      min[c] = std::max(min[c], std::min(natural[c], (room[c] >= 3 ? 3 : 4) * em + pad));
      (room[c] >= 3 ? tall_labels : labels).push_back(c);
    } else {
      values.push_back(c);
    }
  }
  std::vector<double> w = natural;
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  if (total > available) {
    double excess = Shrink(w, four, values, total - available);
    excess = Shrink(w, min, tall_labels, excess);
    excess = Shrink(w, min, labels, excess);
    excess = Shrink(w, min, values, excess);
    if (excess > 0.01) {
      box.col_w = std::move(min);
      return false;
    }
  } else {
    // Full width like the official form: the spare width goes to the labels, else to all.
    std::vector<int> grow = labels;
    grow.insert(grow.end(), tall_labels.begin(), tall_labels.end());
    if (grow.empty()) grow = values;
    double weight = 0;
    for (int c : grow) weight += natural[c];
    for (int c : grow) w[c] += (available - total) * natural[c] / weight;
  }
  box.col_w = std::move(w);
  return true;
}

void MeasureRows(const PdfDocument& doc, TableBox& box) {
  const TableGrid& g = box.grid;
  box.text.clear();
  box.row_h.assign(g.total_rows(), 0);
  std::vector<double> cell_h;
  for (const GridCell& cell : g.cells) {
    double w = 0;
    for (int c = cell.col; c < cell.col + cell.col_span; ++c) w += box.col_w[c];
    LayoutPtr l = doc.Layout(CellStyle(cell, box.font_size), cell.text,
                             std::max(1.0, w - 2 * kCellPadX), CellAlign(cell));
    // An empty layout still has one line's height, which is the minimum row height.
    cell_h.push_back(PdfDocument::Height(l.get()) + 2 * kCellPadY);
    box.text.push_back(std::move(l));
  }
  for (size_t i = 0; i < g.cells.size(); ++i) {
    if (g.cells[i].row_span == 1) {
      box.row_h[g.cells[i].row] = std::max(box.row_h[g.cells[i].row], cell_h[i]);
    }
  }
  for (size_t i = 0; i < g.cells.size(); ++i) {
    const GridCell& cell = g.cells[i];
    if (cell.row_span == 1) continue;
    const double have = box.Rows(cell.row, cell.row + cell.row_span);
    if (cell_h[i] > have) {
      const double extra = (cell_h[i] - have) / cell.row_span;
      for (int r = cell.row; r < cell.row + cell.row_span; ++r) box.row_h[r] += extra;
    }
  }
  for (double& h : box.row_h) h = std::max(h, box.font_size * 1.45 + 2 * kCellPadY);
}

TableBox LayoutTable(PdfDocument& doc, const Table& table, const Report& report) {
  TableBox box;
  box.grid = BuildGrid(table, report);
  const int value_columns = box.grid.columns - box.grid.label_columns;
  box.font_size = value_columns <= 3 ? 10 : 9;
  const double portrait = kA4Short - 2 * kMarginSide;
  const double landscape = kA4Long - 2 * kMarginSide;
  if (!FitColumns(doc, box, portrait)) {
    box.landscape = true;
    if (!FitColumns(doc, box, landscape)) {
      // Wider than a landscape page at minimum widths: scale every column down alike (text
      // wraps inside the narrower cells).
      const double scale = landscape / box.width();
      for (double& w : box.col_w) w *= scale;
    }
  }
  MeasureRows(doc, box);
  return box;
}

// Draws head rows [0, head) and body rows [from, to) of the grid at the current position.
void DrawTableRows(PdfDocument& doc, const TableBox& box, int from, int to) {
  cairo_t* cr = doc.cr();
  const TableGrid& g = box.grid;
  const int head = g.head_rows();
  const double x0 = (doc.page_width() - box.width()) / 2;
  const double y0 = doc.y();
  std::vector<double> col_x(g.columns + 1, x0);
  for (int c = 0; c < g.columns; ++c) col_x[c + 1] = col_x[c] + box.col_w[c];
  // Page y of each grid row drawn here; rows not drawn are -1.
  std::vector<double> row_y(g.total_rows() + 1, -1);
  double y = y0;
  auto place = [&](int r) {
    row_y[r] = y;
    y += box.row_h[r];
  };
  for (int r = 0; r < head; ++r) place(r);
  for (int r = from; r < to; ++r) place(r);
  const double bottom = y;

  cairo_set_source_rgb(cr, 0, 0, 0);
  for (size_t i = 0; i < g.cells.size(); ++i) {
    const GridCell& cell = g.cells[i];
    int first = cell.row;
    int last = cell.row + cell.row_span;  // exclusive
    if (first >= head) {
      first = std::max(first, from);
      last = std::min(last, to);
      if (first >= last) continue;
    }
    const double top = row_y[first];
    double height = 0;
    for (int r = first; r < last; ++r) height += box.row_h[r];
    const double left = col_x[cell.col];
    const double width = col_x[cell.col + cell.col_span] - left;

    cairo_set_line_width(cr, kThinRule);
    cairo_rectangle(cr, left, top, width, height);
    cairo_stroke(cr);

    PangoLayout* layout = box.text[i].get();
    const double text_h = PdfDocument::Height(layout);
    cairo_save(cr);
    cairo_rectangle(cr, left, top, width, height);
    cairo_clip(cr);
    doc.DrawAt(layout, left + kCellPadX, top + std::max(kCellPadY, (height - text_h) / 2));
    cairo_restore(cr);
  }
  cairo_set_line_width(cr, kThickRule);
  cairo_rectangle(cr, x0, y0, box.width(), bottom - y0);
  cairo_stroke(cr);
  doc.Advance(bottom - y0);
}

// True if no body cell spans across the boundary above body row `r` (a clean place to break).
bool CleanBreak(const TableGrid& g, int r) {
  for (const GridCell& cell : g.cells) {
    if (cell.row >= g.head_rows() && cell.row < r && cell.row + cell.row_span > r) return false;
  }
  return true;
}

void DrawTable(PdfDocument& doc, const Table& table, const std::string& title,
               const Report& report) {
  TableBox box = LayoutTable(doc, table, report);
  LayoutPtr title_layout;
  double title_h = 0;
  if (!title.empty()) {
    title_layout = doc.Layout({kSans, kTableTitleSize, true}, title,
                              (box.landscape ? kA4Long : kA4Short) - 2 * kMarginSide,
                              PANGO_ALIGN_CENTER);
    title_h = PdfDocument::Height(title_layout.get()) + 6;
  }
  const int head = box.grid.head_rows();
  const int end = box.grid.total_rows();
  const double head_h = box.Rows(0, head);
  const double total = title_h + head_h + box.Rows(head, end);

  if (box.landscape != doc.landscape()) {
    doc.NewPage(box.landscape);
  } else if (total > doc.remaining() && !doc.page_is_empty()) {
    const double first_row = head < end ? box.row_h[head] : 0;
    // Keep the table whole on a fresh page if it fits there; else start it here if the title,
    // header and a first row fit.
    if (total <= doc.content_height() || title_h + head_h + first_row > doc.remaining()) {
      doc.NewPage(box.landscape);
    }
  }
  if (title_layout) {
    doc.DrawAt(title_layout.get(), kMarginSide, doc.y());
    doc.Advance(title_h);
  }
  int from = head;
  while (true) {
    // Rows that fit on this page after the header; prefer not to cut a merged label.
    const double room = doc.remaining() - head_h;
    int fit = from;
    double used = 0;
    while (fit < end && used + box.row_h[fit] <= room) used += box.row_h[fit++];
    if (fit == from) fit = std::min(end, from + 1);  // a row taller than a page: draw it anyway
    int to = fit;
    if (fit < end) {
      // Back up to a break outside merged labels, unless that leaves half the rows' height
      // unused; then the merged label is cut and printed again on the next page.
      while (to > from + 1 && !CleanBreak(box.grid, to)) --to;
      if (!CleanBreak(box.grid, to) || box.Rows(from, to) < box.Rows(from, fit) / 2) to = fit;
    }
    DrawTableRows(doc, box, from, to);
    from = to;
    if (from >= end) break;
    doc.NewPage(box.landscape);
  }
  if (box.landscape) {
    doc.NewPage(false);
  } else {
    doc.Space(14);
  }
}

// ---------------------------------------------------------------------------------------------

void DrawHeading(PdfDocument& doc, const std::string& heading) {
  LayoutPtr layout = doc.Layout({kSans, kHeadingSize, true}, heading, doc.content_width());
  const double pitch = kHeadingSize * 1.6;
  // Keep the heading with at least two lines of what follows.
  const double need = PdfDocument::Height(layout.get()) + 6 + 2 * kBodySize * kBodyAdvance;
  if (need > doc.remaining() && !doc.page_is_empty()) doc.NewPage();
  if (!doc.page_is_empty()) doc.Advance(6);
  doc.Flow(layout.get(), pitch);
}

void DrawParagraph(PdfDocument& doc, const std::string& text) {
  LayoutPtr layout = doc.Layout({kSerif, kBodySize}, text, doc.content_width(), PANGO_ALIGN_LEFT,
                                2 * kBodySize);
  pango_layout_set_justify(layout.get(), TRUE);
  doc.Flow(layout.get(), kBodySize * kBodyAdvance);
}

void DrawSignature(PdfDocument& doc, const Report& report) {
  std::string signature = Signer(report);
  if (!report.generated_on.empty()) {
    signature += (signature.empty() ? "" : "\n") + ChineseDate(report.generated_on);
  }
  if (signature.empty()) return;
  // The signer over the date, lines centred on each other, the block two characters in from
  // the right margin (Chinese official-document convention).
  LayoutPtr measure = doc.Layout({kSerif, kBodySize}, signature, 0);
  const double w = PdfDocument::Width(measure.get());
  LayoutPtr block = doc.Layout({kSerif, kBodySize}, signature, w, PANGO_ALIGN_CENTER);
  if (doc.remaining() < 3 * kBodySize * kBodyAdvance) doc.NewPage();
  doc.Advance(kBodySize * kBodyAdvance);
  doc.DrawAt(block.get(), doc.page_width() - kMarginSide - 2 * kBodySize - w, doc.y());
  doc.Advance(PdfDocument::Height(block.get()));
}

}  // namespace

Status WritePdf(const Report& report, const std::string& path) {
  PdfDocument doc;
  GONGKAI_RETURN_IF_ERROR(doc.Open(path, report));

  LayoutPtr title = doc.Layout({kSerif, kTitleSize, true}, report.title, doc.content_width(),
                               PANGO_ALIGN_CENTER);
  doc.Advance(10);
  doc.Flow(title.get(), kTitleSize * 1.5);
  doc.Advance(14);

  const size_t signature_at = SignaturePosition(report);
  for (size_t i = 0; i <= report.sections.size(); ++i) {
    if (i == signature_at) DrawSignature(doc, report);
    if (i == report.sections.size()) break;
    const RenderedSection& section = report.sections[i];
    if (i >= signature_at && !doc.page_is_empty()) doc.NewPage();  // attachments: own page
    if (!section.heading.empty()) DrawHeading(doc, section.heading);
    for (const std::string& p : SplitParagraphs(section.text)) DrawParagraph(doc, p);
    for (const Table* table : SectionTables(report, section)) {
      doc.Space(6);
      DrawTable(doc, *table, TableTitle(*table, section.heading), report);
    }
  }

  for (const Table* table : AttachedTables(report)) {
    if (!doc.page_is_empty()) doc.NewPage();
    DrawTable(doc, *table, TableTitle(*table, ""), report);
  }
  return doc.Close(path);
}

}  // namespace gongkai
