#include "render/notice_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "render/pdf_common.h"

namespace gongkai {
namespace {

using render_internal::kA4Long;
using render_internal::kA4Short;
using render_internal::kSans;
using render_internal::kSerif;
using render_internal::LayoutPtr;
using render_internal::NewLayout;
using render_internal::PdfCanvas;
using render_internal::Points;

constexpr double kA4Width = kA4Short;
constexpr double kA4Height = kA4Long;
constexpr double kMarginTop = 80;
constexpr double kMarginBottom = 70;
constexpr double kMarginSide = 75;

constexpr double kTitleSize = 20;
constexpr double kBodySize = 14;
constexpr double kPitch = 1.8;  // line pitch in ems
constexpr double kFooterSize = 10.5;

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One notice being drawn, page after page, into a string.
class NoticeDocument {
 public:
  Status Open(const Notice& notice) {
    GONGKAI_RETURN_IF_ERROR(canvas_.LoadFonts());
    const cairo_status_t st = canvas_.Start(
        cairo_pdf_surface_create_for_stream(&AppendBytes, &bytes_, kA4Width, kA4Height),
        notice.title + " " + notice.number, notice.signature, notice.issued_on.ToString());
    if (st != CAIRO_STATUS_SUCCESS) {
      return Internal(std::string("无法生成 PDF：") + cairo_status_to_string(st));
    }
    cr_ = canvas_.cr();
    context_ = canvas_.context();
    y_ = kMarginTop;
    return Status::Ok();
  }

  Result<std::string> Close() {
    FinishPage();
    const cairo_status_t st = canvas_.Finish();
    if (st != CAIRO_STATUS_SUCCESS) {
      return Internal(std::string("无法生成 PDF：") + cairo_status_to_string(st));
    }
    return std::move(bytes_);
  }

  // Draws `text` as a block of lines `width` wide, moving to a new page between lines when the
  // page is full.
  void Flow(const char* family, double size, bool bold, const std::string& text,
            PangoAlignment align, double indent) {
    LayoutPtr layout = NewLayout(context_, family, size, bold);
    pango_layout_set_width(layout.get(), static_cast<int>(content_width() * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    if (indent != 0) pango_layout_set_indent(layout.get(), static_cast<int>(indent * PANGO_SCALE));
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));

    const double pitch = size * kPitch;
    PangoLayoutIter* it = pango_layout_get_iter(layout.get());
    do {
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      PangoRectangle own;
      pango_layout_line_get_extents(line, nullptr, &own);
      const double height = Points(logical.height);
      const double ascent = Points(pango_layout_iter_get_baseline(it) - logical.y);
      const double advance = std::max(pitch, height);
      if (y_ + advance > kA4Height - kMarginBottom && y_ > kMarginTop) NewPage();
      cairo_move_to(cr_, kMarginSide + Points(logical.x - own.x),
                    y_ + (advance - height) / 2 + ascent);
      pango_cairo_show_layout_line(cr_, line);
      y_ += advance;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  void Space(double points) { y_ += points; }

 private:
  double content_width() const { return kA4Width - 2 * kMarginSide; }

  void NewPage() {
    FinishPage();
    y_ = kMarginTop;
  }

  void FinishPage() {
    const std::string number = "— " + std::to_string(page_) + " —";
    LayoutPtr footer(pango_layout_new(context_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kSerif);
    pango_font_description_set_absolute_size(font, kFooterSize * PANGO_SCALE);
    pango_layout_set_font_description(footer.get(), font);
    pango_font_description_free(font);
    pango_layout_set_text(footer.get(), number.data(), static_cast<int>(number.size()));
    PangoRectangle logical;
    pango_layout_get_extents(footer.get(), nullptr, &logical);
    cairo_move_to(cr_, (kA4Width - Points(logical.width)) / 2,
                  kA4Height - kMarginBottom / 2 - kFooterSize);
    pango_cairo_show_layout(cr_, footer.get());
    cairo_show_page(cr_);
    ++page_;
  }

  std::string bytes_;
  PdfCanvas canvas_;
  cairo_t* cr_ = nullptr;            // canvas_'s
  PangoContext* context_ = nullptr;  // canvas_'s
  double y_ = 0;
  int page_ = 1;
};

}  // namespace

Result<std::string> RenderNoticePdfBytes(const Notice& notice) {
  NoticeDocument doc;
  if (Status st = doc.Open(notice); !st.ok()) return st;
  doc.Flow(kSans, kTitleSize, true, notice.title, PANGO_ALIGN_CENTER, 0);
  doc.Space(kBodySize * 0.5);
  if (!notice.number.empty()) {
    doc.Flow(kSerif, kBodySize, false, notice.number, PANGO_ALIGN_RIGHT, 0);
  }
  doc.Space(kBodySize);
  // The templates open with the addressee line ("申请人："): it is not indented. A notice whose
  // body does not start with it gets one.
  const std::string addressee_line = notice.addressee + "：";
  size_t first = 0;
  if (!notice.addressee.empty()) {
    doc.Flow(kSerif, kBodySize, false, addressee_line, PANGO_ALIGN_LEFT, 0);
    if (!notice.paragraphs.empty() && notice.paragraphs.front() == addressee_line) first = 1;
  }
  for (size_t i = first; i < notice.paragraphs.size(); ++i) {
    doc.Flow(kSerif, kBodySize, false, notice.paragraphs[i], PANGO_ALIGN_LEFT, 2 * kBodySize);
  }
  doc.Space(kBodySize * 2);
  doc.Flow(kSerif, kBodySize, false, notice.signature, PANGO_ALIGN_RIGHT, 0);
  doc.Flow(kSerif, kBodySize, false, notice.issued_on.ToChinese(), PANGO_ALIGN_RIGHT, 0);
  return doc.Close();
}

}  // namespace gongkai
