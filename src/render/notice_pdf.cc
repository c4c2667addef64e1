#include "render/notice_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace gongkai {
namespace {

constexpr const char* kSerif = "Noto Serif CJK SC";
constexpr const char* kSans = "Noto Sans CJK SC";

constexpr double kA4Width = 595.2756;   // 210 mm in points
constexpr double kA4Height = 841.8898;  // 297 mm
constexpr double kMarginTop = 80;
constexpr double kMarginBottom = 70;
constexpr double kMarginSide = 75;

constexpr double kTitleSize = 20;
constexpr double kBodySize = 14;
constexpr double kPitch = 1.8;  // line pitch in ems
constexpr double kFooterSize = 10.5;

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

double Points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

bool HasFamily(PangoFontMap* map, const char* name) {
  PangoFontFamily** families = nullptr;
  int n = 0;
  pango_font_map_list_families(map, &families, &n);
  bool found = false;
  for (int i = 0; i < n && !found; ++i) {
    found = g_ascii_strcasecmp(pango_font_family_get_name(families[i]), name) == 0;
  }
  g_free(families);
  return found;
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One notice being drawn, page after page, into a string.
class NoticeDocument {
 public:
  NoticeDocument() = default;
  NoticeDocument(const NoticeDocument&) = delete;
  NoticeDocument& operator=(const NoticeDocument&) = delete;
  ~NoticeDocument() {
    if (context_ != nullptr) g_object_unref(context_);
    if (font_map_ != nullptr) g_object_unref(font_map_);
    if (cr_ != nullptr) cairo_destroy(cr_);
    if (surface_ != nullptr) cairo_surface_destroy(surface_);
  }

  Status Open(const Notice& notice) {
    font_map_ = pango_cairo_font_map_new();
    if (!HasFamily(font_map_, kSans) || !HasFamily(font_map_, kSerif)) {
      return Internal(std::string("缺少中文字体 fonts-noto-cjk（需要“") + kSerif + "”和“" + kSans +
                      "”），请安装 Debian 软件包 fonts-noto-cjk");
    }
    surface_ = cairo_pdf_surface_create_for_stream(&AppendBytes, &bytes_, kA4Width, kA4Height);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      return Internal(std::string("无法生成 PDF：") +
                      cairo_status_to_string(cairo_surface_status(surface_)));
    }
    const std::string title = notice.title + " " + notice.number;
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, notice.signature.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "gongkai");
    const std::string date = notice.issued_on.ToString() + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cr_ = cairo_create(surface_);
    context_ = pango_font_map_create_context(font_map_);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_cairo_update_context(cr_, context_);
    y_ = kMarginTop;
    return Status::Ok();
  }

  Result<std::string> Close() {
    FinishPage();
    cairo_surface_finish(surface_);
    const cairo_status_t st = cairo_surface_status(surface_);
    if (st != CAIRO_STATUS_SUCCESS) {
      return Internal(std::string("无法生成 PDF：") + cairo_status_to_string(st));
    }
    return std::move(bytes_);
  }

  // Draws `text` as a block of lines `width` wide, moving to a new page between lines when the
  // page is full.
  void Flow(const char* family, double size, bool bold, const std::string& text,
            PangoAlignment align, double indent) {
    LayoutPtr layout(pango_layout_new(context_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
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
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
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
