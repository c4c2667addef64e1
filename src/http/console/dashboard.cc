// The console's first page (工作台): the open applications of every agency the staff member
// may read, most urgent first, with working days left; those due within 5 working days and the
// overdue ones marked in words and by class; the 补正 notices still within their 7-day limit.
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "app/cases.h"
#include "core/application/state.h"
#include "http/console/case_pages.h"
#include "http/guard.h"
#include "http/page.h"

namespace gongkai::http::console {

using cases_internal::CaseUrl;
using cases_internal::ConsoleMeta;
using cases_internal::DaysLeftText;

namespace {

// The first `max` characters of UTF-8 `text`, with "……" when cut.
std::string Excerpt(const std::string& text, size_t max) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max) return text.substr(0, i) + "……";
  }
  return text;
}

}  // namespace

Response Dashboard(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  const Date today = call.today();
  Result<app::Dashboard> dash = app::LoadDashboard(*s, staff->actor, std::nullopt, today);
  if (!dash.ok()) return StatusPage(call, dash.status());
  Result<std::vector<Agency>> agencies = s->repo->ListAgencies();
  if (!agencies.ok()) return StatusPage(call, agencies.status());
  std::map<int64_t, const Agency*> by_id;
  for (const Agency& a : *agencies) by_id[a.id] = &a;

  View page;
  page.set("today", today.ToString());
  ViewList states;
  int open = 0;
  for (ApplicationState st : {ApplicationState::kInProgress, ApplicationState::kAwaitingCorrection,
                              ApplicationState::kInConsultation, ApplicationState::kAwaitingFee}) {
    auto it = dash->by_state.find(st);
    const int n = it == dash->by_state.end() ? 0 : it->second;
    open += n;
    View v;
    v.set("label", std::string(ToChinese(st)));
    v.set("count", std::to_string(n));
    v.set("url", "/console/applications?state=" + std::string(ToCode(st)));
    states.push_back(v);
  }
  page.set("states", states);
  page.set("open", std::to_string(open));
  page.set("due_soon", std::to_string(dash->due_soon));
  page.set("overdue", std::to_string(dash->overdue));
  page.set("has_overdue", dash->overdue > 0);
  page.set("correction_notices_due", std::to_string(dash->correction_notices_due));

  ViewList rows, corrections;
  for (const app::DashboardRow& row : dash->rows) {
    const Application& a = row.application;
    auto ag = by_id.find(a.agency_id);
    if (ag == by_id.end()) continue;
    View v;
    v.set("url", CaseUrl(*ag->second, a.id));
    v.set("number", a.number);
    v.set("agency", row.agency_name);
    v.set("received", a.StatutoryReceiptDate().ToString());
    v.set("channel", std::string(ToChinese(a.channel)));
    v.set("state", std::string(ToChinese(row.state)));
    v.set("description", Excerpt(a.content, 40));
    v.set("has_due", row.due.has_value());
    v.set("due", row.due ? row.due->ToString() : std::string());
    v.set("has_left", row.working_days_left.has_value());
    v.set("left", row.working_days_left ? DaysLeftText(*row.working_days_left) : std::string());
    v.set("overdue", row.overdue);
    v.set("due_soon", row.due_soon && !row.overdue);
    v.set("has_problem", !row.problem.empty());
    v.set("problem", row.problem);
    v.set("row_class", row.overdue ? "overdue" : row.due_soon ? "due-soon" : "");
    rows.push_back(v);
    if (row.correction_notice_due) {
      View c = v;
      c.set("correction_due", row.correction_notice_due->ToString());
      corrections.push_back(c);
    }
  }
  page.set("rows", rows);
  page.set("has_rows", !rows.empty());
  page.set("corrections", corrections);
  page.set("has_corrections", !corrections.empty());
  page.set("supervisor",
           std::any_of(staff->actor.grants.begin(), staff->actor.grants.end(),
                       [](const RoleGrant& g) { return g.role == Role::kSupervisor; }));

  PageMeta meta = ConsoleMeta(*staff, "工作台", "dashboard");
  Response r = RenderPage(call, 200, "console/dashboard", page, meta);
  return r;
}

}  // namespace gongkai::http::console
