// Internal to the readers: the bytes of a text or HTML file → UTF-8, and the clean-up every
// reader applies to its lines. Not part of the checker's interface (use check/reader.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gongkai::check {

// The message of every "this is no text" error (the caller puts the file name in front).
inline constexpr std::string_view kNotTextMessage = "不是文本、HTML 或 PDF 文件";

// What an HTML page declares about its encoding (<meta charset>); text files declare nothing.
enum class CharsetHint { kNone, kUtf8, kGb18030 };

struct DecodedText {
  std::string text;      // UTF-8, without a byte-order mark
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE"
};

// True if `bytes` hold a NUL byte or more than 5% control bytes (other than tab, line feed,
// vertical tab, form feed and carriage return): no text file looks like that.
bool LooksBinary(std::string_view bytes);

// Decodes `bytes`:
//   - a UTF-16 byte-order mark (FF FE / FE FF) → UTF-16;
//   - binary data (LooksBinary) → error;
//   - well-formed UTF-8 (a UTF-8 BOM is dropped) → UTF-8;
//   - else GB18030 (a superset of GBK and GB2312) if the bytes are well-formed GB18030;
//   - else, since files are sometimes cut in the middle of a character or carry a stray byte,
//     the encoding under which at most 0.5% of the bytes are malformed (UTF-8 is chosen when its
//     well-formed multi-byte characters outnumber the malformed bytes ten to one, or a UTF-8 BOM
//     is present), each malformed byte becoming U+FFFD;
//   - else error.
// `hint` kGb18030 tries strict GB18030 before a UTF-8 reading with malformed bytes (a page that
// declares gbk but whose bytes are valid UTF-8 is still UTF-8: the declaration is stale).
// Errors: kInvalidInput kNotTextMessage.
Result<DecodedText> DecodeText(std::string_view bytes, CharsetHint hint = CharsetHint::kNone);

// Lines of decoded text. Line breaks: LF, CRLF, CR, U+0085, U+2028, U+2029. A form feed is a page
// break: it is removed and the line holding the next character starts a new page (a form feed
// after text on the same line ends that line; at the start of a line, as pdftotext writes it,
// it changes no line number).
struct SplitText {
  std::vector<std::string> lines;
  std::vector<int> page_starts;  // 0-based line indices; empty when the text has no form feed
};
SplitText SplitLines(std::string_view utf8);

// Cleans one line in place (documented in docs/checker-readers.md):
//   - NBSP (U+00A0) and the typographic spaces U+2000–U+200A, U+202F, U+205F → ASCII space;
//   - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD) removed;
//   - control characters other than tab → ASCII space;
//   - trailing spaces, tabs and ideographic spaces (U+3000) removed.
// The ideographic space and every other full-width character are kept as they are, leading
// spaces too (PDF layout text aligns columns with them).
// REQUIRES: `line` is valid UTF-8 without line breaks.
void CleanLine(std::string& line);

// True if some line holds more than spaces and tabs.
bool HasText(const std::vector<std::string>& lines);

// True for code points of East Asian wide scripts and punctuation (CJK ideographs, kana,
// CJK and full-width punctuation and forms). Between two such characters a line break inside a
// paragraph or a table cell is not a space.
bool IsWideCodePoint(char32_t cp);

// Decodes the UTF-8 character starting at s[i]; sets `len` to its length (1 for a malformed
// byte, which decodes to U+FFFD). REQUIRES: i < s.size().
char32_t DecodeUtf8At(std::string_view s, size_t i, int& len);
// The last code point of `s` (0 if empty).
char32_t LastCodePoint(std::string_view s);
// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

// "12.5 MB", "3.0 KB", "900 字节" (whole megabytes without decimals: "20 MB").
std::string FormatSize(double bytes);
// "文件过大（<size>），上限 <max>".
std::string TooLargeMessage(double size, size_t max_bytes);

// "<name>：<message>" as an kInvalidInput status.
Status FileError(std::string_view source_name, std::string_view message);

}  // namespace gongkai::check
