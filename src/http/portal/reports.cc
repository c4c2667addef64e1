// 政府信息公开年报: the years an agency can report, and each year's report as HTML, PDF or XLSX
// from the report engine (BuildReport + the renderers), computed on request and kept in the
// ReportCache. (Published report snapshots will take over for finished years.)
#include <algorithm>

#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"
#include "render/render.h"
#include "report/build.h"

namespace gongkai::http::portal {
namespace {

// The years whose report the public can read: a year with records that has ended (the report
// of year Y is published early in Y+1) and that the holiday calendar covers.
Result<std::vector<int>> ReportYears(Call& call, const Agency& agency) {
  Result<std::vector<int>> years = (*call.Repo())->YearsWithRecords(agency.id);
  if (!years.ok()) return years.status();
  std::vector<int> out;
  for (int y : *years) {
    if (y < call.today().year() && call.site().calendar->Covers(y)) out.push_back(y);
  }
  std::sort(out.rbegin(), out.rend());
  return out;
}

struct ReportType {
  const char* ext;
  const char* content_type;
  bool attachment;
};

constexpr ReportType kTypes[] = {
    {"html", "text/html; charset=utf-8", false},
    {"pdf", "application/pdf", false},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true},
};

// The report HTML is self-contained with an inline <style> and no script.
constexpr char kReportCsp[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

Result<std::string> Render(const Report& report, std::string_view ext) {
  if (ext == "html") return RenderHtml(report);
  if (ext == "pdf") return RenderPdfBytes(report);
  return RenderXlsxBytes(report);
}

Result<std::string> BuildAndRender(Call& call, const Agency& agency, int year,
                                   std::string_view ext) {
  const Site& site = call.site();
  const std::string format_id = DefaultFormatForYear(year);
  auto fmt = site.formats.find(format_id);
  if (fmt == site.formats.end()) return Internal("没有加载年报格式 " + format_id);
  Repository& repo = **call.Repo();
  Result<YearRecords> records = repo.LoadYear(agency.id, year);
  if (!records.ok()) return records.status();
  std::optional<YearRecords> previous;
  if (site.calendar->Covers(year - 1)) {
    Result<YearRecords> prev = repo.LoadYear(agency.id, year - 1);
    if (!prev.ok()) return prev.status();
    previous = std::move(prev).value();
  }
  BuildOptions options;
  options.generated_on = call.today().ToString();
  options.previous = previous ? &*previous : nullptr;
  Result<Report> report = BuildReport(*fmt->second, *records, *site.calendar, options);
  if (!report.ok()) {
    return report.status().WithContext(agency.slug + " " + std::to_string(year) + "年报");
  }
  return Render(*report, ext);
}

// RFC 5987 filename*: UTF-8, percent-encoded.
std::string Disposition(bool attachment, const std::string& ascii_name, const std::string& name) {
  return std::string(attachment ? "attachment" : "inline") + "; filename=\"" + ascii_name +
         "\"; filename*=UTF-8''" + EncodeQueryValue(name);
}

}  // namespace

Response Reports(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Result<std::vector<int>> years = ReportYears(call, *agency);
  if (!years.ok()) return StatusPage(call, years.status());
  ViewList rows;
  for (int y : *years) {
    const std::string base = AgencyUrl(*agency) + "reports/" + std::to_string(y);
    View v;
    v.set("year", std::to_string(y));
    v.set("title", ShortName(*agency) + std::to_string(y) + "年政府信息公开工作年度报告");
    auto fmt = call.site().formats.find(DefaultFormatForYear(y));
    v.set("format", fmt == call.site().formats.end() ? std::string() : fmt->second->name);
    v.set("html_url", base + ".html");
    v.set("pdf_url", base + ".pdf");
    v.set("xlsx_url", base + ".xlsx");
    rows.push_back(v);
  }
  View page;
  page.set("agency", AgencyRow(*agency));
  page.set("reports", rows);
  page.set("has_reports", !years->empty());
  PageMeta meta;
  meta.title = "政府信息公开年报 - " + agency->name;
  meta.agency = &*agency;
  meta.section = "reports";
  meta.crumbs = {{agency->name, AgencyUrl(*agency)}, {"政府信息公开年报", ""}};
  return RenderPage(call, 200, "portal/reports", page, meta);
}

Response ReportFile(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  const std::string& file = call.request().Route("file");
  const size_t dot = file.find('.');
  const std::string year_text = file.substr(0, dot);
  const std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  const ReportType* type = nullptr;
  for (const ReportType& t : kTypes) {
    if (ext == t.ext) type = &t;
  }
  const bool year_ok =
      year_text.size() == 4 &&
      std::all_of(year_text.begin(), year_text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (type == nullptr || !year_ok) {
    return ErrorPage(
        call, 404, "没有年报文件 “" + file + "”：年报的地址形如 reports/2018.html、.pdf 或 .xlsx");
  }
  const int year = std::stoi(year_text);
  Result<std::vector<int>> years = ReportYears(call, *agency);
  if (!years.ok()) return StatusPage(call, years.status());
  if (std::find(years->begin(), years->end(), year) == years->end()) {
    return ErrorPage(call, 404, agency->name + " 没有 " + year_text + " 年的政府信息公开年报");
  }

  const std::string key =
      agency->slug + "|" + year_text + "|" + ext + "|" + call.today().ToString();
  std::shared_ptr<const std::string> bytes = call.app().reports().Get(key, call.app().Now());
  if (!bytes) {
    Result<std::string> rendered = BuildAndRender(call, *agency, year, ext);
    if (!rendered.ok()) return StatusPage(call, rendered.status());
    bytes = std::make_shared<const std::string>(std::move(rendered).value());
    call.app().reports().Put(key, bytes, call.app().Now());
  }
  Response r = Response::Text(200, type->content_type, *bytes);
  if (ext == "html") r.csp = kReportCsp;
  const std::string name = ShortName(*agency) + year_text + "年政府信息公开工作年度报告." + ext;
  r.AddHeader("Content-Disposition",
              Disposition(type->attachment, agency->slug + "-" + year_text + "." + ext, name));
  r.AddHeader("Cache-Control",
              "public, max-age=" + std::to_string(call.site().config.report_cache_seconds));
  return r;
}

}  // namespace gongkai::http::portal
