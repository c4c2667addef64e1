// View models of the public portal: what templates see of agencies and catalog items (display
// strings, URLs and flags), never the records themselves (STYLE.md §9).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/agency.h"
#include "core/catalog_item.h"
#include "core/date.h"
#include "core/status.h"
#include "http/app.h"
#include "http/request.h"
#include "http/templates.h"

namespace gongkai::http::portal {

// "/agencies/slug/items/000014349/2018-00012" (the 索引号 with its slash kept), or
// "/agencies/slug/items/123" for an item without one.
std::string ItemUrl(const Agency& agency, const CatalogItem& item);

// A row of a listing: title, url, index_no, doc_no, published ("2018-01-22"), topic, genre.
View ItemRow(const Agency& agency, const CatalogItem& item);

// An agency in a list: name, short_name, region, url.
View AgencyRow(const Agency& agency);

// The agency's display name in a list: its short name if set, else its name.
const std::string& ShortName(const Agency& agency);

// The non-empty lines of `text` (trailing spaces and CRs dropped), one paragraph each.
ViewList Paragraphs(const std::string& text);

// The agency named by the route parameter "slug". kNotFound "未找到机关 …" (→ 404).
Result<Agency> RouteAgency(Call& call);

// An optional integer query parameter within [min, max]; kInvalidInput naming `label` and the
// value for anything else ("页码 \"-1\" 无效：应为 1 到 100000 之间的整数").
Result<std::optional<int>> IntParam(const Request& request, std::string_view name, int min, int max,
                                    std::string_view label);

// An optional text query parameter of at most `max_chars` characters (empty = absent);
// kInvalidInput naming `label` if longer.
Result<std::string> TextParam(const Request& request, std::string_view name, size_t max_chars,
                              std::string_view label);

}  // namespace gongkai::http::portal
