// Internal to the HTML reader: a pre-pass over the page before gumbo parses it.
//
// gumbo 0.10.1 recurses without limit and reconstructs formatting elements quadratically: a few
// MB of "<i><b>" or "<div>" crash it (stack overflow) or run for minutes. The reader needs only
// the page's structure (blocks, line breaks, tables) and its visible text, so this pass keeps
// exactly that: it drops comments, the content of invisible elements, every inline tag and every
// attribute but rowspan/colspan, and refuses pages nested deeper than any real page is. What is
// left has no formatting element for gumbo to reconstruct and a bounded depth.
#pragma once

#include <string>
#include <string_view>

#include "check/read/decode.h"
#include "core/status.h"

namespace gongkai::check {

// Nesting of structural elements beyond which a page is refused.
inline constexpr int kMaxHtmlDepth = 256;
// Structural elements (line breaks included) beyond which a page is refused: gumbo takes a few
// hundred bytes per element, and a real report has a few thousand.
inline constexpr int kMaxHtmlElements = 300'000;

// The charset a page declares in its first 64 KB: <meta charset="…">, <meta http-equiv=
// "Content-Type" content="…; charset=…">, or <?xml … encoding="…"?>. gb2312, gbk, gb18030 and
// their aliases → kGb18030; utf-8 → kUtf8; anything else or nothing → kNone.
CharsetHint FindDeclaredCharset(std::string_view raw);

// Rewrites a decoded (UTF-8) page as HTML with only:
//   - the structural elements html body div p h1–h6 ul ol li dl dt dd pre listing blockquote
//     section article header footer nav aside main address figure figcaption center fieldset
//     legend details summary hgroup menu dir hr br table caption colgroup col thead tbody tfoot
//     tr td th, without attributes except rowspan/colspan on td/th (as plain numbers);
//   - text, with "<" escaped; entities are left for gumbo to decode.
// Dropped with their content: comments, <head>, script style noscript template title textarea
// iframe noembed noframes xmp select datalist option optgroup svg math object applet video
// audio canvas map, and any element marked hidden (the hidden attribute, or a style with
// display:none or visibility:hidden); hidden content ends at its end tag, at the end tag of an
// enclosing element, or where a new element closes it implicitly (<p>, <li>, <td> …).
// Dropped, keeping their content: every other tag (span, font, a, b, strong, …).
// Errors: kInvalidInput "网页的标签嵌套过深（超过 256 层），无法读取" when structural elements
// nest deeper than kMaxHtmlDepth (counting the implicit closes of the HTML parser);
// kInvalidInput "网页的元素过多（超过 30 万个），无法读取" beyond kMaxHtmlElements.
Result<std::string> SanitizeHtml(std::string_view utf8);

}  // namespace gongkai::check
