#include "check/extract.h"

#include "check/extract/detect.h"
#include "check/extract/grid.h"
#include "check/extract/table_text.h"
#include "check/extract/text.h"
#include "check/extract/variant.h"

namespace gongkai::check {
namespace {

const Format* FindFormat(const std::vector<const Format*>& formats, std::string_view id) {
  for (const Format* f : formats) {
    if (f != nullptr && f->id == id) return f;
  }
  return nullptr;
}

// Variant tables are preferred when the national rows are mostly absent.
constexpr int kNationalRowsForNational = 8;

}  // namespace

ExtractedReport Extract(const Document& doc, const std::vector<const Format*>& formats,
                        const ExtractOptions& options) {
  ExtractedReport out;
  const extract::Stream st = extract::BuildStream(doc.lines);
  if (st.truncated_at_line > 0) {
    out.unread_from_line = st.truncated_at_line;
    out.read_code_points = st.size();
  }
  extract::DetectReportFacts(st, &out);
  const std::string id = options.force_format.empty()
                             ? extract::DecideFormat(extract::GatherEvidence(st), out.year)
                             : options.force_format;
  const Format* format = FindFormat(formats, id);
  if (format == nullptr) return out;
  const Format* sibling = id == "2019"   ? FindFormat(formats, "2021")
                          : id == "2021" ? FindFormat(formats, "2019")
                                         : nullptr;
  int rows = 0;
  if (id == "2008") {
    ExtractedReport national = out;
    const int national_rows = extract::ExtractTextTables(st, *format, nullptr, &national);
    ExtractedReport variant = out;
    const int variant_rows = extract::ExtractVariant(st, *format, &variant);
    if (variant_rows > 0 &&
        (national_rows < kNationalRowsForNational || variant_rows > national_rows)) {
      out = std::move(variant);
      rows = variant_rows;
    } else {
      out = std::move(national);
      rows = national_rows;
    }
  } else {
    rows = extract::ExtractTextTables(st, *format, sibling, &out);
  }
  if (!doc.grids.empty()) {
    rows += extract::ExtractGridTables(doc, *format, sibling, &out);
  }
  if (rows > 0 || !options.force_format.empty()) {
    out.format_id = id;
  } else {
    out.format_id.clear();
    out.missing_rows.clear();
  }
  return out;
}

}  // namespace gongkai::check
