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

// Detects the kind by content (%PDF- → PDF; <html / <table / <!doctype → HTML; else text) and
// the encoding (valid UTF-8 with or without BOM → UTF-8; else GB18030). Errors (kInvalidInput,
// message in Chinese naming the file): empty file, binary data that is no text, a PDF without
// text ("PDF 中没有可提取的文字，可能是扫描件，需要先做文字识别（OCR）"), a damaged PDF, too large.
Result<Document> ReadDocument(std::string_view bytes, std::string_view source_name,
                              const ReadLimits& limits = {});

// The individual readers (ReadDocument dispatches to them).
Result<Document> ReadText(std::string_view utf8_or_gb, std::string_view source_name);
Result<Document> ReadHtml(std::string_view bytes, std::string_view source_name);
Result<Document> ReadPdf(std::string_view bytes, std::string_view source_name,
                         const ReadLimits& limits = {});

}  // namespace gongkai::check
