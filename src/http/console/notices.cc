// A notice of a case as the officer prints or sends it: HTML (the shared partial) and PDF
// (render/notice_pdf.h). Any staff member who may view the case may view its notices — a
// consultation letter (not addressed to the applicant) too.
#include <optional>
#include <string>

#include "app/cases.h"
#include "http/console/case_pages.h"
#include "http/guard.h"
#include "http/notice_view.h"
#include "http/page.h"
#include "render/notice_pdf.h"

namespace gongkai::http::console {

using cases_internal::CaseUrl;
using cases_internal::ConsoleMeta;
using cases_internal::StaffAgency;

Response CaseNotice(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<Agency> agency = StaffAgency(call, *staff);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Result<int64_t> id = cases_internal::RouteId(call, "id", "申请");
  if (!id.ok()) return StatusPage(call, id.status());
  // "12" (HTML) or "12.pdf".
  std::string key = call.request().Route("notice");
  const bool pdf = key.size() > 4 && key.compare(key.size() - 4, 4, ".pdf") == 0;
  if (pdf) key.resize(key.size() - 4);
  if (key.empty() || key.size() > 18 || key.find_first_not_of("0123456789") != std::string::npos) {
    return ErrorPage(call, 404, "未找到告知书（" + call.request().Route("notice") + "）");
  }
  const int64_t notice_id = std::stoll(key);

  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<app::CaseView> cv = app::ViewCase(*s, staff->actor, agency->id, *id, call.today());
  if (!cv.ok()) return StatusPage(call, cv.status());
  const Notice* notice = nullptr;
  for (const Notice& n : cv->file.notices) {
    if (n.id == notice_id) notice = &n;
  }
  if (notice == nullptr) {
    return ErrorPage(call, 404, "未找到告知书（编号 " + key + "）");
  }
  const std::string case_url = CaseUrl(*agency, *id);

  if (pdf) {
    Result<std::string> bytes = RenderNoticePdfBytes(*notice);
    if (!bytes.ok()) return StatusPage(call, bytes.status());
    Response r = Response::Text(200, "application/pdf", std::move(bytes).value());
    const std::string name = (notice->number.empty() ? notice->title : notice->number) + ".pdf";
    r.AddHeader("Content-Disposition", "inline; filename=\"notice-" + key +
                                           ".pdf\"; filename*=UTF-8''" + EncodeQueryValue(name));
    r.AddHeader("Cache-Control", "private, no-store");
    return r;
  }

  View page = NoticeView(*notice);
  page.set("case_url", case_url);
  page.set("pdf_url", case_url + "/notices/" + key + ".pdf");
  page.set("register_no", cv->file.application.number);
  PageMeta meta = ConsoleMeta(*staff, notice->title + " " + notice->number, "applications");
  meta.crumbs = {{"申请办理", "/console/applications"},
                 {"申请 " + cv->file.application.number, case_url},
                 {notice->title, ""}};
  return RenderPage(call, 200, "console/notice", page, meta);
}

}  // namespace gongkai::http::console
