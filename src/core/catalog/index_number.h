// 索引号 (index number) of a catalog item: `{org_code}/{yyyy}-{seq:05}` (regulation.md §3.4),
// e.g. "000014349/2018-00012". Allocated on publish, per agency per year, unique, never reused —
// even after the item is withdrawn (the store keeps a counter; see Repository::PublishCatalogItem).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// REQUIRES: seq >= 1. Serials beyond 99999 are written with more digits.
std::string FormatIndexNumber(std::string_view org_code, int year, int seq);

struct IndexNumberParts {
  std::string org_code;
  int year = 0;
  int seq = 0;
};

// Parses the form FormatIndexNumber writes (at least 5 serial digits); nullopt otherwise.
std::optional<IndexNumberParts> ParseIndexNumber(std::string_view text);

}  // namespace gongkai
