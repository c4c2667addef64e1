// Text encodings of files agencies hand us: UTF-8 (with or without BOM) or GB18030/GBK, the
// default of Excel and WPS on Chinese Windows.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai {

// True if `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, ≤ U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Returns `bytes` as UTF-8 without a byte-order mark: valid UTF-8 is kept as is (a leading BOM
// removed); anything else is converted from GB18030 (a superset of GBK and GB2312). Errors:
// kInvalidInput "无法识别文件编码…" naming the first byte offset that is neither, when the
// bytes are not GB18030 either.
Result<std::string> ToUtf8(std::string_view bytes);

// Converts UTF-8 to GB18030 (for writing test fixtures and exports). kInvalidInput on bad input.
Result<std::string> Utf8ToGb18030(std::string_view utf8);

}  // namespace gongkai
