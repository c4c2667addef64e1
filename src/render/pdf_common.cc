#include "render/pdf_common.h"

namespace gongkai::render_internal {
namespace {

// True if fontconfig (through Pango) knows a family by exactly this name.
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

}  // namespace

LayoutPtr NewLayout(PangoContext* context, const char* family, double size, bool bold) {
  LayoutPtr layout(pango_layout_new(context));
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, family);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  return layout;
}

PdfCanvas::~PdfCanvas() {
  if (context_ != nullptr) g_object_unref(context_);
  if (font_map_ != nullptr) g_object_unref(font_map_);
  if (cr_ != nullptr) cairo_destroy(cr_);
  if (surface_ != nullptr) cairo_surface_destroy(surface_);
}

Status PdfCanvas::LoadFonts() {
  font_map_ = pango_cairo_font_map_new();
  if (!HasFamily(font_map_, kSans) || !HasFamily(font_map_, kSerif)) {
    return Internal(std::string("缺少中文字体 fonts-noto-cjk（需要“") + kSerif + "”和“" + kSans +
                    "”），请安装 Debian 软件包 fonts-noto-cjk");
  }
  return Status::Ok();
}

cairo_status_t PdfCanvas::Start(cairo_surface_t* surface, const std::string& title,
                                const std::string& author, const std::string& created_on) {
  surface_ = surface;
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) return status;
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, author.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "gongkai");
  if (!created_on.empty()) {
    const std::string date = created_on + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  }
  cr_ = cairo_create(surface_);
  context_ = pango_font_map_create_context(font_map_);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_cairo_update_context(cr_, context_);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t PdfCanvas::Finish() {
  cairo_surface_finish(surface_);
  return cairo_surface_status(surface_);
}

}  // namespace gongkai::render_internal
