#include "http/console/staff_pages.h"

#include <algorithm>

#include "http/guard.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::console {

Result<Agency> ReadableAgency(Call& call, const app::Authenticated& staff) {
  Result<Agency> agency = portal::RouteAgency(call);
  if (!agency.ok()) return agency.status();
  if (!staff.actor.CanRead(agency->id)) {
    return Forbidden("无权查看" + agency->name + "的工作记录：当前账户在该机关没有任何角色");
  }
  return agency;
}

Response AgencyChooser(Call& call, const std::string& section, const std::string& title,
                       const std::string& path) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return StatusPage(call, repo.status());
  ViewList rows;
  std::string only;
  for (int64_t id : staff->actor.ReadableAgencies()) {
    Result<Agency> a = (*repo)->FindAgencyById(id);
    if (!a.ok()) return StatusPage(call, a.status());
    View row;
    row.set("name", a->name);
    row.set("url", ConsoleAgencyUrl(*a) + path);
    rows.push_back(row);
    only = ConsoleAgencyUrl(*a) + path;
  }
  if (rows.size() == 1) return Response::Redirect(only);
  View page;
  page.set("title", title);
  page.set("agencies", rows);
  page.set("has_agencies", !rows.empty());
  PageMeta meta = ConsoleMeta(*staff, title, section);
  meta.crumbs = {{title, ""}};
  return RenderPage(call, 200, "console/catalog_agencies", page, meta);
}

void FieldErrors::Set(View& view) const {
  for (const auto& [field, message] : fields) view.set(field + "_error", message);
  if (!form.empty()) view.set("form_error", form);
  view.set("has_errors", !empty());
}

std::string FieldOfMessage(const std::string& message,
                           const std::vector<std::pair<std::string, std::string>>& labels) {
  size_t best = std::string::npos;
  std::string field;
  for (const auto& [label, name] : labels) {
    const size_t at = message.find(label);
    if (at != std::string::npos && (best == std::string::npos || at < best)) {
      best = at;
      field = name;
    }
  }
  return field;
}

View PageLinks(int page, int pages, const std::function<std::string(int)>& url_of, int window) {
  View p;
  p.set("has_pages", pages > 1);
  p.set("page", std::to_string(page));
  p.set("pages", std::to_string(pages));
  p.set("has_prev", page > 1);
  p.set("has_next", page < pages);
  p.set("first_url", url_of(1));
  p.set("prev_url", url_of(std::max(1, page - 1)));
  p.set("next_url", url_of(page + 1));
  p.set("last_url", url_of(std::max(1, pages)));
  ViewList links;
  for (int n = std::max(1, page - window); n <= std::min(pages, page + window); ++n) {
    View l;
    l.set("number", std::to_string(n));
    l.set("url", url_of(n));
    l.set("current", n == page);
    links.push_back(l);
  }
  p.set("links", links);
  return p;
}

View SelectOption(std::string_view value, std::string_view label, bool selected) {
  View o;
  o.set("value", std::string(value));
  o.set("label", std::string(label));
  o.set("selected", selected);
  return o;
}

std::string ConsoleAgencyUrl(const Agency& agency) {
  return "/console/agencies/" + EncodePath(agency.slug) + "/";
}

}  // namespace gongkai::http::console
