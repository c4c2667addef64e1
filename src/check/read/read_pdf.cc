// ReadPdf: layout-preserving text of each page (poppler-cpp), page furniture removed.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
// poppler's core (libpoppler-private-dev): its error reporting, which poppler-cpp cannot turn off.
#include <poppler/Error.h>
#include <poppler/GlobalParams.h>

#include <algorithm>
#include <cstdio>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "check/read/deadline.h"
#include "check/read/decode.h"
#include "check/read/page_furniture.h"
#include "check/reader.h"

namespace gongkai::check {
namespace {

// Above this a PDF is no annual report (they run to a few dozen pages).
constexpr int kMaxPdfPages = 2000;

constexpr std::string_view kScannedMessage =
    "PDF 中没有可提取的文字，可能是扫描件，需要先做文字识别（OCR）后再检查";

// A one-page PDF with no content, its cross-reference offsets computed.
std::string EmptyPdf() {
  const char* objects[] = {
      "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
      "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\nendobj\n",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (const char* o : objects) {
    offsets.push_back(pdf.size());
    pdf += o;
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 4\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Once per process: poppler's global tables kept loaded, and its error messages off at the
// source. poppler-cpp loads those tables (name-to-Unicode maps, CMaps: dozens of files under
// /usr/share/poppler, parsed with sscanf) when a first document opens and frees them when the
// last one closes, so every ReadPdf paid for reading them again — most of its time on a small
// report. One empty document held for the life of the process keeps them loaded.
//
// poppler reports every syntax error of a damaged file (one per bad token of a content stream)
// by formatting a message and handing it to poppler-cpp, which formats it again for its debug
// function — which can only discard it. On a damaged PDF that was close to half of ReadPdf's
// time. With no error callback and errQuiet set, poppler's error() returns before formatting.
// poppler-cpp installs its callback only when the first document opens (the held one), so it
// is not put back.
void InitPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    static const std::string bytes = EmptyPdf();
    static const std::unique_ptr<poppler::document> keep(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    setErrorCallback(nullptr);
    if (globalParams != nullptr) globalParams->setErrQuiet(true);
  });
}

// A character poppler yields for a glyph it cannot map to Unicode: U+FFFD, private use, control
// characters, or — for CID fonts with Identity encoding and no ToUnicode map, where poppler
// takes the glyph number for the code point — letters of scripts no Chinese report is written
// in (Latin Extended … Georgian, U+0100–U+1FFF; Glagolitic … Coptic, U+2C00–U+2DFF; Yi and
// Hangul, U+A000–U+D7FF).
bool LooksUnmapped(char32_t cp) {
  return cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 || cp < 0x20 ||
         (cp >= 0x7F && cp < 0xA0) || (cp >= 0x100 && cp < 0x2000) ||
         (cp >= 0x2C00 && cp < 0x2E00) || (cp >= 0xA000 && cp < 0xD800);
}

// True if most visible characters look unmapped.
bool MostlyUnmapped(const std::vector<std::string>& lines) {
  size_t visible = 0;
  size_t unmapped = 0;
  for (const std::string& line : lines) {
    for (size_t i = 0; i < line.size();) {
      int len = 0;
      const char32_t cp = DecodeUtf8At(line, i, len);
      i += len;
      if (cp == ' ' || cp == '\t' || cp == 0x3000) continue;
      ++visible;
      if (LooksUnmapped(cp)) ++unmapped;
    }
  }
  return visible > 0 && unmapped * 2 > visible;
}

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, std::string_view source_name,
                         const ReadLimits& limits) {
  if (bytes.empty()) return FileError(source_name, "文件为空");
  if (bytes.size() > limits.max_bytes || bytes.size() > static_cast<size_t>(INT_MAX)) {
    return FileError(source_name, TooLargeMessage(static_cast<double>(bytes.size()),
                                                  std::min<size_t>(limits.max_bytes, INT_MAX)));
  }
  const Deadline deadline(limits.max_seconds);
  InitPoppler();

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (pdf == nullptr) return FileError(source_name, "PDF 文件已损坏或不完整，无法读取");
  if (pdf->is_locked()) {
    return FileError(source_name, "PDF 文件设有打开密码（已加密），无法读取；请提供未加密的文件");
  }
  const int pages = pdf->pages();
  if (pages <= 0) return FileError(source_name, "PDF 文件已损坏或不完整（没有页面），无法读取");
  if (pages > kMaxPdfPages) {
    return FileError(source_name, "PDF 页数过多（" + std::to_string(pages) + " 页），上限 " +
                                      std::to_string(kMaxPdfPages) + " 页");
  }

  Document doc;
  doc.source_name = std::string(source_name);
  doc.kind = SourceKind::kPdf;
  doc.encoding = "PDF";
  std::vector<int> page_starts;  // 0-based
  bool any_text = false;
  for (int i = 0; i < pages; ++i) {
    if (deadline.Expired()) return FileError(source_name, deadline.Message());
    page_starts.push_back(static_cast<int>(doc.lines.size()));
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (page == nullptr) {
      doc.lines.emplace_back();
      continue;
    }
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    std::string text(utf8.begin(), utf8.end());
    std::erase(text, '\f');
    SplitText split = SplitLines(text);
    // A page without text still gets a line, so that every page has its own start.
    if (split.lines.empty()) split.lines.emplace_back();
    for (std::string& line : split.lines) {
      if (!any_text && line.find_first_not_of(" \t") != std::string::npos) any_text = true;
      doc.lines.push_back(std::move(line));
    }
  }
  if (deadline.Expired()) return FileError(source_name, deadline.Message());
  if (!any_text) return FileError(source_name, kScannedMessage);
  if (MostlyUnmapped(doc.lines)) {
    return FileError(source_name,
                     "PDF 中的文字无法正确提取（字体没有字符映射，得到的是乱码），请提供网页版、"
                     "文字版或重新导出的 PDF");
  }
  for (const int start : page_starts) doc.page_starts.push_back(start + 1);
  for (const int line : FindPageFurniture(doc.lines, page_starts)) {
    doc.lines[line].clear();
    doc.dropped_lines.push_back(line + 1);
  }
  // Scanned pages to which a tool added page numbers as text.
  if (!HasText(doc.lines)) return FileError(source_name, kScannedMessage);
  return doc;
}

}  // namespace gongkai::check
