// Reading the catalog (目录) as the public sees it: which items are public on a day, the
// filters of a 法定主动公开内容 column (主题分类, 体裁, year, 有效性), paging and facets.
// Used through Repository::ListCatalogItems and friends (core/repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog_item.h"
#include "core/date.h"

namespace gongkai {

// True if `item` is public on `day`: published on or before it and not withdrawn by then.
// Drafts (no 公开日期) are never public; a withdrawn item keeps its 索引号 but leaves the portal.
inline bool IsPublicOn(const CatalogItem& item, Date day) {
  if (!item.published_on || *item.published_on > day) return false;
  return !item.withdrawn_on || *item.withdrawn_on > day;
}

// What a catalog listing selects. Every field left empty means "any"; all set fields must hold.
struct CatalogFilter {
  Date as_of;                        // REQUIRED: only items public on this day (IsPublicOn)
  std::string topic;                 // exact 主题分类, e.g. "综合政务\\政务公开"
  std::string genre;                 // exact 体裁, e.g. "通知"
  std::optional<int> year;           // year of the 公开日期
  std::optional<Validity> validity;  // only normative documents with this 有效性 on as_of
  std::string title_contains;        // a substring of the title (matched literally)
};

// A page of a listing: 1-based number, size rows per page.
struct PageRequest {
  int number = 1;
  int size = 20;
};

struct CatalogPage {
  // Listing rows: every field except `body` and `channels`, which stay empty (a page of 20 does
  // not carry 20 bodies; the item page loads them with FindCatalogItem*).
  std::vector<CatalogItem> items;
  int64_t total = 0;  // rows matching the filter, on every page
  int number = 1;     // as requested (may be past the last page: then items is empty)
  int size = 20;
};

// One value of a facet and how many public items have it.
struct FacetCount {
  std::string value;
  int64_t count = 0;
};

// The values the catalog's filters can take for one agency on one day, with counts: 主题分类 and
// 体裁 in code-point order, years (of the 公开日期, as "2018") newest first.
struct CatalogFacets {
  std::vector<FacetCount> topics;
  std::vector<FacetCount> genres;
  std::vector<FacetCount> years;
};

}  // namespace gongkai
