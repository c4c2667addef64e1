// Renderers of a Report. Each writes one file type; all take the same snapshot.
#pragma once

#include <string>

#include "core/status.h"
#include "report/report.h"

namespace gongkai {

// Text in the seed's layout (labels, units and values one cell per line ending in " |").
std::string RenderText(const Report& report);
// One self-contained HTML page with print CSS and real tables with merged headers.
std::string RenderHtml(const Report& report);
// JSON: format, agency, year, cells keyed by cell id (headings null), findings.
std::string RenderJson(const Report& report);
// XLSX / PDF are written straight to `path`. Errors: kInvalidInput if the file cannot be written;
// WritePdf: kInternal "缺少中文字体 fonts-noto-cjk…" if fontconfig lacks Noto Sans/Serif CJK SC.
// Layouts: docs/rendering.md.
Status WriteXlsx(const Report& report, const std::string& path);
Status WritePdf(const Report& report, const std::string& path);

// The XLSX / PDF of `report` as bytes, for serving over HTTP: written to a temporary file
// (under $TMPDIR or /tmp) that is read back and removed. Errors as WriteXlsx / WritePdf, or
// kInternal if no temporary file can be made or read.
Result<std::string> RenderXlsxBytes(const Report& report);
Result<std::string> RenderPdfBytes(const Report& report);

// Picks the renderer by the extension of `path` (.txt .html .json .xlsx .pdf, any case) and
// writes the file atomically (temporary file + rename), so a failure leaves nothing behind.
// Errors: kInvalidInput "不支持的输出类型 .doc（可选 .txt .html .json .xlsx .pdf）" for another
// extension, kInvalidInput naming `path` if it cannot be written, or the writer's error.
// REQUIRES: report.format != nullptr (else kInternal).
Status WriteReport(const Report& report, const std::string& path);

}  // namespace gongkai
