#include "http/page.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace gongkai::http {
namespace {

struct ColumnEntry {
  const char* section;
  const char* label;
  const char* path;  // after /agencies/slug/
};

// The standard 政府信息公开 column of an agency, in the order portals show it.
constexpr ColumnEntry kColumn[] = {
    {"home", "本机关首页", ""},
    {"guide", "政府信息公开指南", "guide"},
    {"rules", "政府信息公开制度", "rules"},
    {"catalog", "法定主动公开内容", "catalog"},
    {"reports", "政府信息公开年报", "reports/"},
};

struct ConsoleEntry {
  const char* section;
  const char* label;
  const char* url;
};

// The officer console's navigation.
constexpr ConsoleEntry kConsoleNav[] = {
    {"dashboard", "工作台", "/console/"},
    {"applications", "申请办理", "/console/applications"},
    {"register", "登记申请", "/console/applications/new"},
    {"catalog", "目录发布", "/console/catalog"},
    {"check", "年报核查", "/console/check"},
    {"audit", "审计日志", "/console/audit"},
};

const char* HeadingFor(int status) {
  switch (status) {
    case 400:
      return "请求有误";
    case 403:
      return "无权访问";
    case 404:
      return "页面不存在";
    case 405:
      return "不支持的请求方法";
    case 409:
      return "请求与现有数据冲突";
    case 413:
      return "请求内容过大";
    case 414:
      return "网址过长";
    case 429:
      return "请求过于频繁";
    case 503:
      return "服务暂时不可用";
    default:
      return status >= 500 ? "服务器内部错误" : "请求未能完成";
  }
}

// A plain page for when even the templates fail (never shows detail).
Response PlainError(int status) {
  Response r = Response::Text(
      status, "text/plain; charset=utf-8",
      std::string(HeadingFor(status)) + "（" + std::to_string(status) + "）。请稍后再试。\n");
  return r;
}

}  // namespace

std::string AgencyUrl(const Agency& agency) { return "/agencies/" + EncodePath(agency.slug) + "/"; }

Response RenderPage(Call& call, int status, const std::string& name, const View& page,
                    const PageMeta& meta) {
  const Site& site = call.site();
  Result<std::string> content = site.templates->Render(name, page);
  if (!content.ok()) {
    spdlog::error("模板 {} 渲染失败：{}", name, content.status().message());
    return PlainError(500);
  }

  View layout;
  layout.set("site_name", site.config.site_name);
  layout.set("page_title", meta.title);
  layout.set("title", meta.title.empty() ? site.config.site_name
                                         : meta.title + " - " + site.config.site_name);
  layout.set("css_url", "/static/css/site.css?v=" + call.app().css_version());
  const bool large = call.large_text();
  layout.set("large_text", large);
  layout.set("text_toggle_url",
             "/settings/text-size" + QueryString({{"size", large ? "normal" : "large"},
                                                  {"back", call.request().target}}));
  layout.set("text_toggle_label", large ? "标准字号" : "大字号（适老化）");

  if (meta.agency != nullptr) {
    View agency;
    agency.set("name", meta.agency->name);
    agency.set("url", AgencyUrl(*meta.agency));
    ViewList nav;
    for (const ColumnEntry& e : kColumn) {
      View item;
      item.set("label", e.label);
      item.set("url", AgencyUrl(*meta.agency) + e.path);
      item.set("current", meta.section == e.section);
      nav.push_back(item);
    }
    agency.set("nav", nav);
    layout.set("agency", agency);
  }
  ViewList crumbs;
  for (const Crumb& c : meta.crumbs) {
    View v;
    v.set("label", c.label);
    v.set("url", c.url);
    v.set("has_url", !c.url.empty());
    crumbs.push_back(v);
  }
  if (meta.staff != nullptr) {
    View staff;
    staff.set("name", meta.staff->user.display_name);
    staff.set("login", meta.staff->user.login);
    staff.set("csrf", meta.staff->csrf_token);
    staff.set("supervisor", std::any_of(meta.staff->actor.grants.begin(),
                                        meta.staff->actor.grants.end(), [](const RoleGrant& g) {
                                          return g.role == Role::kSupervisor;
                                        }));
    layout.set("staff", staff);
    ViewList nav;
    for (const auto& [section, label, url] : kConsoleNav) {
      View item;
      item.set("label", label);
      item.set("url", url);
      item.set("current", meta.section == section);
      nav.push_back(item);
    }
    layout.set("console_nav", nav);
  }
  ViewList notices, warnings;
  for (const std::string& n : meta.notices) notices.push_back(View(n));
  for (const std::string& w : meta.warnings) warnings.push_back(View(w));
  layout.set("flash_notices", notices);
  layout.set("flash_warnings", warnings);
  layout.set("has_flash", !meta.notices.empty() || !meta.warnings.empty());
  layout.set("crumbs", crumbs);
  layout.set("has_crumbs", !meta.crumbs.empty());
  layout.set("content_html", *content);

  Result<std::string> html = site.templates->Render(meta.layout, layout);
  if (!html.ok()) {
    spdlog::error("模板 {} 渲染失败：{}", meta.layout, html.status().message());
    return PlainError(500);
  }
  Response r = Response::Html(status, std::move(html).value());
  // Console pages show applicants' identities and contact data: never kept by a browser or a
  // proxy (an office computer is often shared).
  if (meta.layout == "layouts/console") r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return 200;
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kOutOfCalendar:
      return 404;
    case ErrorCode::kUnsupported:
      return 500;
    case ErrorCode::kStorage:
      return 503;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kForbidden:
      return 403;
  }
  return 500;
}

Response ErrorPage(Call& call, int status, const std::string& message) {
  View page;
  page.set("status", std::to_string(status));
  page.set("heading", HeadingFor(status));
  page.set("message", message);
  PageMeta meta;
  meta.title = HeadingFor(status);
  // In the console, a signed-in officer keeps the console's navigation and goes back to the
  // dashboard; everyone else gets the portal's page.
  std::optional<app::Authenticated> staff;
  if (call.request().path.rfind("/console/", 0) == 0) {
    if (Result<app::Authenticated> s = call.Staff(); s.ok()) staff = std::move(s).value();
  }
  if (staff) {
    meta.layout = "layouts/console";
    meta.staff = &*staff;
    page.set("back_url", "/console/");
    page.set("back_label", "返回工作台");
  } else {
    page.set("back_url", "/");
    page.set("back_label", "返回首页");
  }
  Response r = RenderPage(call, status, "portal/error", page, meta);
  r.status = status;
  return r;
}

Response StatusPage(Call& call, const Status& status) {
  const int code = HttpStatusFor(status.code());
  if (code < 500) return ErrorPage(call, code, status.message());
  spdlog::error("{} {}：{}", call.request().method, call.request().target, status.message());
  if (status.code() == ErrorCode::kStorage) {
    // Attachment files (app/attachment_store.h) fail apart from the database: say which, without
    // the server's paths.
    const std::string& m = status.message();
    if (m.rfind("无法保存附件", 0) == 0) {
      return ErrorPage(call, code,
                       "服务器无法保存附件（磁盘已满或附件存储不可用），本次上传未保存。"
                       "请稍后再试或联系系统管理员。");
    }
    if (m.rfind("附件文件已损坏", 0) == 0) {
      return ErrorPage(call, code, "附件文件已损坏，暂时无法提供下载。请联系系统管理员。");
    }
    call.DiscardRepo();
    return ErrorPage(call, code, "数据库暂时无法访问，请稍后再试。");
  }
  return ErrorPage(call, code, "处理请求时出错，已记录在服务器日志中。请稍后再试。");
}

}  // namespace gongkai::http
