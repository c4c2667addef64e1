// Readers: bytes of a file → Document. Each is total: any input gives a Document or an error
// Status, never a crash or a hang (they are fuzzed).
#pragma once

#include <string>
#include <string_view>

#include "check/document.h"
#include "core/status.h"

namespace gongkai::check {

struct ReadLimits {
  size_t max_bytes = 20 * 1024 * 1024;  // larger files: kInvalidInput "文件过大（…），上限 20 MB"
  double max_seconds = 10.0;            // per file; exceeded → kInvalidInput "读取超时"
};

// Detects the kind by content (%PDF- in the first 1024 bytes → PDF; a page starting with an HTML
// tag, <!doctype or <!--, or holding at least two of <html <body <table <tr <td <div <p <br </p>
// </div> </td> </tr> in its first 64 KB → HTML; else text) and the encoding (valid UTF-8 with or
// without BOM → UTF-8; UTF-16 with BOM; else GB18030; see check/read/decode.h). Errors
// (kInvalidInput, message in Chinese "<source_name>：…"): too large ("文件过大（…），上限 20 MB",
// checked first, before anything is decoded), empty ("文件为空"; also a file of only spaces),
// binary data that is no text ("不是文本、HTML 或 PDF 文件"), a PDF without text ("PDF 中没有可提取的
// 文字，可能是扫描件，需要先做文字识别（OCR）后再检查"), a damaged or encrypted PDF, time limit
// exceeded ("读取超时…"). Documented in docs/checker-readers.md.
Result<Document> ReadDocument(std::string_view bytes, std::string_view source_name,
                              const ReadLimits& limits = {});

// The kind ReadDocument reads `bytes` as (the rules above; no decoding, no error).
SourceKind DetectKind(std::string_view bytes);

// Reads the file at `path` (named `path` in messages) with ReadDocument. The size is checked
// before the file is read, so a huge file is refused at once. Errors: kNotFound "无法读取文件
// <path>：<原因>" when it is missing, a directory or unreadable; else ReadDocument's errors.
Result<Document> ReadDocumentFile(const std::string& path, const ReadLimits& limits = {});

// The individual readers (ReadDocument dispatches to them; each also refuses empty and binary
// input). Text: lines as they are (cleaned by CleanLine in check/read/decode.h: trailing spaces
// dropped, zero-width characters removed, NBSP → space); a form feed is a page break (text from
// pdftotext): pages are recorded and their page numbers and running headers/footers dropped as
// for PDF. HTML: see Document::lines and Document::grids; the charset comes from the BOM, else
// <meta charset> / http-equiv content-type, else detection. PDF: see Document::lines.
Result<Document> ReadText(std::string_view utf8_or_gb, std::string_view source_name);
Result<Document> ReadHtml(std::string_view bytes, std::string_view source_name,
                          const ReadLimits& limits = {});
Result<Document> ReadPdf(std::string_view bytes, std::string_view source_name,
                         const ReadLimits& limits = {});

}  // namespace gongkai::check
