// The console's case work (申请办理, engineer C): the dashboard, the list of applications,
// registering an application received at the counter, by post or by fax, the case page with one
// form per allowed action, and the notices as HTML and PDF. {a} = /console/agencies/{slug}.
// Handlers parse, call one use case of app/cases.h, and render; authorization stays in the use
// cases (a supervisor gets no forms because CaseView::actions is empty for it).
#pragma once

#include <cstdint>
#include <string>

#include "app/accounts.h"
#include "core/agency.h"
#include "core/status.h"
#include "http/app.h"
#include "http/page.h"
#include "http/response.h"

namespace gongkai::http::console {

Response Dashboard(Call& call);         // GET  /console/                      (dashboard.cc)
Response Applications(Call& call);      // GET  /console/applications?agency=&year=&state=&page=
                                        //                                     (applications.cc)
Response RegisterAgencies(Call& call);  // GET  /console/applications/new → the agencies one
                                        //      may register for (one: a redirect)
Response RegisterForm(Call& call);      // GET  {a}/applications/new          (cases.cc)
Response Register(Call& call);          // POST {a}/applications/new → the case page
Response CasePage(Call& call);          // GET  {a}/applications/{id}?done=&notice=&warn=
Response CaseAction(Call& call);        // POST {a}/applications/{id}/{action} → 303 to the page
Response CaseNotice(Call& call);        // GET  {a}/applications/{id}/notices/{nid}[.pdf]
                                        //                                     (notices.cc)
Response CaseFileDownload(Call& call);  // GET  {a}/applications/{id}/files/{file_id}

namespace cases_internal {

// "/console/agencies/<slug>/applications/<id>".
std::string CaseUrl(const Agency& agency, int64_t id);

// The agency of the route parameter "slug". kNotFound "未找到机关 …" for an unknown slug, and
// the same for an agency `staff` holds no grant on (so other agencies' pages look absent).
Result<Agency> StaffAgency(Call& call, const app::Authenticated& staff);

// The positive integer route parameter `name`; kNotFound for anything else (a guessed or
// malformed id is a page that does not exist).
Result<int64_t> RouteId(const Call& call, const std::string& name, std::string_view what);

// A console page: layout, staff header, navigation section, title and breadcrumbs.
PageMeta ConsoleMeta(const app::Authenticated& staff, std::string title, std::string section);

// "剩 3 个工作日" / "今天到期" / "已超期 2 个工作日".
std::string DaysLeftText(int working_days_left);

}  // namespace cases_internal
}  // namespace gongkai::http::console
