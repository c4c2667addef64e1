// A notice (告知书、答复书) as a printed A4 page: the title centred, its number (文书字号) below
// it on the right, the addressee line, the body paragraphs with a two-character first-line
// indent, then the signature and the date of issue on the right. Text is shaped and broken into
// lines by Pango with the Noto CJK fonts (fonts-noto-cjk); a long notice flows onto more pages,
// each with its page number.
#pragma once

#include <string>

#include "core/application/notice.h"
#include "core/status.h"

namespace gongkai {

// The PDF bytes of `notice` (escaping is not needed: the text is drawn, never parsed). Errors:
// kInternal when the CJK fonts are missing or cairo fails to write.
Result<std::string> RenderNoticePdfBytes(const Notice& notice);

}  // namespace gongkai
