// How domain values are written to and read back from the database columns, identically on
// both backends: dates as ISO "YYYY-MM-DD" text, enums as their stable codes, booleans as 0/1.
// Reading fails with kStorage naming the column when a stored value is not one this program
// understands (a database written by a newer version, or edited by hand).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/application.h"
#include "core/catalog_item.h"
#include "core/date.h"
#include "core/oversight.h"
#include "core/response.h"
#include "core/status.h"

namespace gongkai::store {

// "2019-05-15".
std::string DateText(Date d);

// Parses a stored date. kStorage "数据库中 <column> 的值 "…" 不是有效日期" otherwise.
Result<Date> ParseDateColumn(std::string_view text, std::string_view column);

// Decodes a stored enum code with the core's FromCode function; kStorage naming the column and
// the value if unknown.
template <typename Enum, typename Decoder>
Result<Enum> DecodeColumn(std::string_view code, std::string_view column, Decoder decode) {
  std::optional<Enum> v = decode(code);
  if (!v) {
    return StorageError("数据库中 " + std::string(column) + " 的值 \"" + std::string(code) +
                        "\" 无法识别（数据库可能由更新版本的程序写入）");
  }
  return *v;
}

}  // namespace gongkai::store
