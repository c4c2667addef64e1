// What the two PDF writers share (pdf.cc: reports, WritePdf; notice_pdf.cc: notices,
// RenderNoticePdf): the Noto CJK families, A4 in points, Pango layouts, and the cairo PDF
// surface with its Pango context (font metrics unhinted, so that line breaks do not depend on
// the output device).
#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>

#include "core/status.h"

namespace gongkai::render_internal {

inline constexpr const char* kSerif = "Noto Serif CJK SC";
inline constexpr const char* kSans = "Noto Sans CJK SC";

inline constexpr double kA4Short = 595.2756;  // 210 mm in points
inline constexpr double kA4Long = 841.8898;   // 297 mm

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

inline double Points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

// A layout of `context` in `family` at `size` points (absolute), bold or normal weight; no text,
// width or alignment yet.
LayoutPtr NewLayout(PangoContext* context, const char* family, double size, bool bold);

// The cairo and Pango objects of one PDF being drawn; frees them all.
class PdfCanvas {
 public:
  PdfCanvas() = default;
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;
  ~PdfCanvas();

  // Creates the font map. kInternal naming the Debian package fonts-noto-cjk when fontconfig
  // knows neither kSerif nor kSans by exactly that name (or lacks one of them).
  Status LoadFonts();

  // Takes `surface` (a new cairo PDF surface; owned from now on, whatever happens) and returns
  // its status. When that is CAIRO_STATUS_SUCCESS, sets the document's title, author, creator
  // "gongkai" and, if `created_on` is not empty, its creation date ("YYYY-MM-DD", as midnight),
  // and creates the drawing context and the Pango context. After LoadFonts().
  cairo_status_t Start(cairo_surface_t* surface, const std::string& title,
                       const std::string& author, const std::string& created_on);

  // Finishes the surface (writes the file or stream); its status.
  cairo_status_t Finish();

  cairo_surface_t* surface() const { return surface_; }
  cairo_t* cr() const { return cr_; }
  PangoContext* context() const { return context_; }

 private:
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
};

}  // namespace gongkai::render_internal
