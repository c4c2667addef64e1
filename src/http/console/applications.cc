// The list of applications (申请办理): those still open across the agencies the staff member may
// read (the default), or every application handled in a year — received that year or carried
// over into it, open and closed (Repository::LoadYear's selection, as the annual report counts
// them) — filtered by agency and state, 50 a page.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/cases.h"
#include "core/application/deadline.h"
#include "core/application/state.h"
#include "http/console/case_pages.h"
#include "http/console/staff_pages.h"
#include "http/guard.h"
#include "http/page.h"

namespace gongkai::http::console {

using cases_internal::CaseUrl;

namespace {

constexpr int kPageSize = 50;

struct Row {
  const Agency* agency = nullptr;
  Application app;
  ApplicationState state = ApplicationState::kInProgress;
  std::optional<Closing> closing;
};

std::optional<int> IntQuery(const Request& r, std::string_view name, int min, int max) {
  std::optional<std::string_view> v = r.Query(name);
  if (!v || v->empty() || v->size() > 6 ||
      v->find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const int n = std::stoi(std::string(*v));
  if (n < min || n > max) return std::nullopt;
  return n;
}

}  // namespace

Response Applications(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return StatusPage(call, repo.status());
  const Request& req = call.request();
  const Date today = call.today();

  Result<std::vector<Agency>> all = (*repo)->ListAgencies();
  if (!all.ok()) return StatusPage(call, all.status());
  std::vector<const Agency*> readable;
  for (const Agency& a : *all) {
    if (staff->actor.CanRead(a.id)) readable.push_back(&a);
  }
  const std::string agency_slug(req.Query("agency").value_or(""));
  std::vector<const Agency*> chosen;
  for (const Agency* a : readable) {
    if (agency_slug.empty() || a->slug == agency_slug) chosen.push_back(a);
  }
  if (!agency_slug.empty() && chosen.empty()) {
    return ErrorPage(call, 404, "未找到机关 \"" + agency_slug + "\"");
  }
  std::optional<int> year = IntQuery(req, "year", 2008, 2100);
  const std::string state_code(req.Query("state").value_or(""));
  std::optional<ApplicationState> state_filter;
  for (ApplicationState st : {ApplicationState::kInProgress, ApplicationState::kAwaitingCorrection,
                              ApplicationState::kInConsultation, ApplicationState::kAwaitingFee,
                              ApplicationState::kClosed}) {
    if (state_code == ToCode(st)) state_filter = st;
  }
  // Closed applications are listed by year: this year unless another is chosen.
  if (state_filter == ApplicationState::kClosed && !year) year = today.year();
  const int page_no = IntQuery(req, "page", 1, 100000).value_or(1);

  std::map<int64_t, const Agency*> by_id;
  for (const Agency* a : chosen) by_id[a->id] = a;
  std::vector<Row> rows;
  const auto add = [&](Application app) {
    Row r;
    r.agency = by_id[app.agency_id];
    Result<ApplicationState> st = ReplayEvents(app);
    if (!st.ok() || r.agency == nullptr) return;
    r.state = *st;
    if (state_filter && *state_filter != r.state) return;
    r.closing = ClosingOf(app);
    r.app = std::move(app);
    rows.push_back(std::move(r));
  };
  if (year) {
    for (const Agency* a : chosen) {
      Result<YearRecords> records = (*repo)->LoadYear(a->id, *year);
      if (!records.ok()) return StatusPage(call, records.status());
      for (Application& app : records->applications) add(std::move(app));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
      return x.app.received_on > y.app.received_on;
    });
  } else if (!chosen.empty()) {
    std::vector<int64_t> ids;
    for (const Agency* a : chosen) ids.push_back(a->id);
    Result<std::vector<Application>> open = (*repo)->ListOpenApplications(ids);
    if (!open.ok()) return StatusPage(call, open.status());
    for (Application& app : *open) add(std::move(app));
  }

  const int total = static_cast<int>(rows.size());
  const int pages = std::max(1, (total + kPageSize - 1) / kPageSize);
  const int page = std::min(page_no, pages);
  ViewList list;
  for (int i = (page - 1) * kPageSize; i < std::min(total, page * kPageSize); ++i) {
    const Row& r = rows[i];
    View v;
    v.set("url", CaseUrl(*r.agency, r.app.id));
    v.set("number", r.app.number);
    v.set("agency", r.agency->name);
    v.set("channel", std::string(ToChinese(r.app.channel)));
    v.set("received", r.app.StatutoryReceiptDate().ToString());
    v.set("state", std::string(ToChinese(r.state)));
    v.set("closed", r.closing.has_value());
    v.set("outcome", r.closing ? std::string(ToChinese(r.closing->outcome)) : std::string());
    v.set("closed_on", r.closing ? r.closing->on.ToString() : std::string());
    std::string due;
    bool overdue = false;
    if (!r.closing && call.site().calendar != nullptr) {
      Result<Deadline> d =
          ComputeDeadline(DeadlineInputOf(r.app, today), *call.site().calendar, false);
      if (d.ok()) {
        due = d->due.ToString();
        overdue = today > d->due;
      }
    }
    v.set("has_due", !due.empty());
    v.set("due", due);
    v.set("overdue", overdue);
    list.push_back(v);
  }

  View page_view;
  page_view.set("rows", list);
  page_view.set("has_rows", total > 0);
  page_view.set("total", std::to_string(total));
  page_view.set("open_only", !year.has_value());
  page_view.set("year", year ? std::to_string(*year) : std::string());
  ViewList agency_options;
  for (const Agency* a : readable) {
    agency_options.push_back(SelectOption(a->slug, a->name, a->slug == agency_slug));
  }
  page_view.set("agencies", agency_options);
  page_view.set("many_agencies", readable.size() > 1);
  ViewList years;
  years.push_back(SelectOption("", "全部未办结", !year.has_value()));
  for (int y = today.year(); y >= today.year() - 6; --y) {
    years.push_back(
        SelectOption(std::to_string(y), std::to_string(y) + " 年度（含上年结转）", year == y));
  }
  page_view.set("years", years);
  ViewList states;
  states.push_back(SelectOption("", "全部", !state_filter.has_value()));
  for (ApplicationState st : {ApplicationState::kInProgress, ApplicationState::kAwaitingCorrection,
                              ApplicationState::kInConsultation, ApplicationState::kAwaitingFee,
                              ApplicationState::kClosed}) {
    states.push_back(SelectOption(ToCode(st), ToChinese(st), state_filter == st));
  }
  page_view.set("states", states);
  std::vector<std::pair<std::string, std::string>> query;
  if (!agency_slug.empty()) query.emplace_back("agency", agency_slug);
  if (year) query.emplace_back("year", std::to_string(*year));
  if (state_filter) query.emplace_back("state", std::string(ToCode(*state_filter)));
  const auto url_of = [&](int n) {
    auto q = query;
    if (n > 1) q.emplace_back("page", std::to_string(n));
    return "/console/applications" + QueryString(q);
  };
  page_view.set("pagination", PageLinks(page, pages, url_of, /*window=*/4));

  PageMeta meta = ConsoleMeta(*staff, "申请办理", "applications");
  meta.crumbs = {{"申请办理", ""}};
  return RenderPage(call, 200, "console/applications", page_view, meta);
}

}  // namespace gongkai::http::console
