// 审计日志 in the console: an agency's audit rows (app::ListAudit, admins of the agency),
// newest first, 50 a page, older pages by ?before=<id>.
#include "app/cases.h"
#include "http/console/staff_pages.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::console {
namespace {

constexpr int kPageSize = 50;

// Chinese names of the actions the use cases record; others are shown by their code.
std::string ActionLabel(const std::string& action) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"login", "登录"},
      {"login.failed", "登录失败"},
      {"login.locked", "账户锁定"},
      {"logout", "退出登录"},
      {"user.add", "添加用户"},
      {"catalog.create", "新建目录条目"},
      {"catalog.edit", "修改目录条目"},
      {"catalog.publish", "发布目录条目"},
      {"catalog.withdraw", "撤回目录条目"},
      {"catalog.attach", "上传目录附件"},
      {"guide.publish", "发布指南"},
      {"application.submit", "在线提交申请"},
      {"application.register", "登记申请"},
      {"application.attach", "上传申请附件"},
      {"application.request_extension", "申请延期"},
  };
  for (const auto& [code, label] : kLabels) {
    if (action == code) return label;
  }
  // Case steps: "application.<event>", described in the row's detail.
  if (action.rfind("application.", 0) == 0) return "办理申请（" + action.substr(12) + "）";
  return action;
}

}  // namespace

Response AuditAgencies(Call& call) { return AgencyChooser(call, "audit", "审计日志", "audit"); }

Response AuditLog(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<Agency> agency = ReadableAgency(call, *staff);
  if (!agency.ok()) return StatusPage(call, agency.status());
  int64_t before = 0;
  if (std::optional<std::string_view> text = call.request().Query("before");
      text && !text->empty()) {
    bool ok = text->size() <= 18;
    for (char c : *text) {
      if (c < '0' || c > '9') ok = false;
      if (ok) before = before * 10 + (c - '0');
    }
    if (!ok || before < 1) {
      return ErrorPage(call, 400,
                       "参数 before “" + std::string(text->substr(0, 40)) + "”无效：应为正整数");
    }
  }
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<std::vector<AuditRecord>> rows =
      app::ListAudit(*s, staff->actor, agency->id, before, kPageSize + 1);
  if (!rows.ok()) return StatusPage(call, rows.status());
  const bool more = rows->size() > static_cast<size_t>(kPageSize);
  if (more) rows->pop_back();

  const std::string base = ConsoleAgencyUrl(*agency) + "audit";
  ViewList list;
  for (const AuditRecord& a : *rows) {
    View r;
    r.set("id", std::to_string(a.id));
    r.set("when", a.recorded_at.ChinaText());
    r.set("when_iso", a.recorded_at.ToIso8601());
    r.set("actor", a.actor);
    r.set("action", ActionLabel(a.action));
    r.set("action_code", a.action);
    r.set("detail", a.detail);
    r.set("ip", a.client_ip.empty() ? "—" : a.client_ip);
    list.push_back(r);
  }
  View page;
  page.set("agency_name", agency->name);
  page.set("records", list);
  page.set("has_records", !list.empty());
  page.set("is_first_page", before == 0);
  page.set("newest_url", base);
  if (more && !rows->empty()) {
    page.set("older_url", base + "?before=" + std::to_string(rows->back().id));
  }
  PageMeta meta = ConsoleMeta(*staff, "审计日志 - " + agency->name, "audit");
  meta.crumbs = {{"审计日志", "/console/audit"}, {agency->name, ""}};
  return RenderPage(call, 200, "console/audit", page, meta);
}

}  // namespace gongkai::http::console
