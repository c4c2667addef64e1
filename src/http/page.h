// Rendering a page in its layout, and the one place that turns errors into HTTP statuses and
// Chinese error pages (STYLE.md §6): the public sees a safe message, the log gets the detail.
#pragma once

#include <string>
#include <vector>

#include "core/agency.h"
#include "core/status.h"
#include "http/app.h"
#include "http/response.h"
#include "http/templates.h"

namespace gongkai::http {

struct Crumb {
  std::string label;
  std::string url;  // empty for the current page
};

struct PageMeta {
  std::string title;               // the page's own title (before " - site name")
  const Agency* agency = nullptr;  // shows the agency's 政府信息公开 column in the header
  std::string section;             // the current column entry: home guide rules catalog reports
  std::vector<Crumb> crumbs;       // after 首页
  std::string layout = "layouts/portal";
  // Console pages (layout "layouts/console"): the signed-in staff member, for the header, the
  // navigation (section: dashboard applications register catalog check audit) and the logout
  // form's CSRF token.
  const app::Authenticated* staff = nullptr;
  // Messages shown above the content (after an action: "已发送补正告知书", warnings).
  std::vector<std::string> notices;
  std::vector<std::string> warnings;
};

// Renders template `name` with `page`, then the layout around it (site name, navigation,
// large-text toggle, breadcrumbs). A template failure becomes a plain 500 page.
Response RenderPage(Call& call, int status, const std::string& name, const View& page,
                    const PageMeta& meta);

// The HTTP status for an error code: kInvalidInput 400, kNotFound 404, kConflict 409,
// kOutOfCalendar 404 (no such report), kUnsupported 500, kStorage 503, kInternal 500,
// kForbidden 403.
int HttpStatusFor(ErrorCode code);

// The Chinese error page for `status` with `message` (escaped), e.g. 404 "未找到机关 …".
Response ErrorPage(Call& call, int status, const std::string& message);

// The error page for `status`: client errors show their message; server errors (5xx) show a
// generic message and log the detail (and a storage error retires the request's database
// connection).
Response StatusPage(Call& call, const Status& status);

// The links of an agency's 政府信息公开 column.
std::string AgencyUrl(const Agency& agency);  // "/agencies/slug/"

}  // namespace gongkai::http
