// ReadText: plain text (UTF-8 / GB18030 / UTF-16), lines as they are.
#include "check/read/decode.h"
#include "check/read/page_furniture.h"
#include "check/reader.h"

namespace gongkai::check {

Result<Document> ReadText(std::string_view utf8_or_gb, std::string_view source_name) {
  if (utf8_or_gb.empty()) return FileError(source_name, "文件为空");
  Result<DecodedText> decoded = DecodeText(utf8_or_gb);
  if (!decoded.ok()) return FileError(source_name, decoded.status().message());
  SplitText split = SplitLines(decoded->text);

  Document doc;
  doc.source_name = std::string(source_name);
  doc.kind = SourceKind::kText;
  doc.encoding = decoded->encoding;
  doc.lines = std::move(split.lines);
  if (!HasText(doc.lines)) return FileError(source_name, "文件为空（只有空白）");
  if (!split.page_starts.empty()) {
    for (const int start : split.page_starts) doc.page_starts.push_back(start + 1);
    for (const int line : FindPageFurniture(doc.lines, split.page_starts)) {
      doc.lines[line].clear();
      doc.dropped_lines.push_back(line + 1);
    }
    if (!HasText(doc.lines)) return FileError(source_name, "文件为空（只有页码或页眉页脚）");
  }
  return doc;
}

}  // namespace gongkai::check
