// 申请查询: the applicant's view of an application, only with its tracking code AND secret
// (app::Track). Code and secret never go in a URL (access logs, history, Referer): the page is
// the answer to a POST, and the downloads on it (notice PDFs, answer files) are POST forms
// carrying them as hidden fields. A wrong code and a wrong secret give the same 404 page.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "app/portal.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/notice_view.h"
#include "http/page.h"
#include "http/portal/files.h"
#include "http/portal/views.h"
#include "render/notice_pdf.h"

namespace gongkai::http::portal {
namespace {

constexpr char kWrongCode[] = "查询码或查询密码不正确，请核对后重新输入。";

Response TrackFormPage(Call& call, int status, const std::string& code,
                       const std::string& error) {
  FormToken token = PublicFormToken(call);
  View page;
  page.set("csrf", token.value);
  page.set("code", code);
  page.set("has_error", !error.empty());
  page.set("error", error);
  PageMeta meta;
  meta.title = "查询申请办理情况";
  meta.crumbs = {{"申请查询", ""}};
  Response r = RenderPage(call, status, "portal/track", page, meta);
  r.status = status;
  KeepFormToken(call, token, r);
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

// The code and secret of a tracking form post, or nullopt with `*out` set: the track form
// again (400 when a field is missing, 404 for a wrong pair — the same message either way).
struct Credentials {
  std::string code;
  std::string secret;
  std::string csrf;
};

std::optional<Credentials> ReadCredentials(Call& call, Response* out) {
  std::optional<Form> form = PublicForm(call, out);
  if (!form) return std::nullopt;
  Credentials c{app::NormalizeCode(form->Get("code")), app::NormalizeCode(form->Get("secret")),
                form->Get(kCsrfField)};
  if (c.code.empty() || c.secret.empty() || c.code.size() > 40 || c.secret.size() > 40) {
    *out = TrackFormPage(call, 400, form->Get("code").substr(0, 40), "请输入查询码和查询密码。");
    return std::nullopt;
  }
  return c;
}

ViewList Hidden(const Credentials& c) {
  ViewList out;
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {kCsrfField, c.csrf}, {"code", c.code}, {"secret", c.secret}}) {
    View v;
    v.set("name", name);
    v.set("value", value);
    out.push_back(v);
  }
  return out;
}

std::string SizeText(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " 字节";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

// The shared notice view (addressee once, as in the console) plus its PDF download.
View TrackNotice(const Notice& n) {
  View v = http::NoticeView(n);
  v.set("pdf_url", "/track/notices/" + std::to_string(n.id) + ".pdf");
  return v;
}

Response TrackViewPage(Call& call, const app::TrackView& t, const Credentials& c) {
  View page;
  page.set("tracking_code", app::GroupCode(t.tracking_code));
  page.set("agency_name", t.agency_name);
  page.set("register_no", t.register_no);
  page.set("description", Paragraphs(t.description));
  page.set("channel", std::string(ToChinese(t.channel)));
  page.set("received", t.received_on.ToChinese());
  page.set("state", t.state_label);
  page.set("has_due", t.due.has_value());
  page.set("due", t.due ? t.due->ToChinese() : std::string());
  page.set("overdue", t.overdue);
  page.set("closed", t.closing.has_value());
  if (t.closing) {
    page.set("closed_on", t.closing->on.ToChinese());
    page.set("outcome", std::string(ToChinese(t.closing->outcome)));
  }
  ViewList timeline;
  for (const app::TimelineEntry& e : t.timeline) {
    View v;
    v.set("date", e.on.ToChinese());
    v.set("label", e.label);
    timeline.push_back(v);
  }
  page.set("timeline", timeline);
  page.set("has_timeline", !t.timeline.empty());
  ViewList notices;
  for (const Notice& n : t.notices) notices.push_back(TrackNotice(n));
  page.set("notices", notices);
  page.set("has_notices", !t.notices.empty());
  ViewList files;
  for (const Attachment& a : t.answer_files) {
    View v;
    v.set("url", "/track/files/" + std::to_string(a.id));
    v.set("name", a.file_name);
    v.set("size", SizeText(a.size));
    files.push_back(v);
  }
  page.set("files", files);
  page.set("has_files", !t.answer_files.empty());
  page.set("hidden", Hidden(c));

  PageMeta meta;
  meta.title = "申请办理情况";
  meta.crumbs = {{"申请查询", "/track"}, {"办理情况", ""}};
  Response r = RenderPage(call, 200, "portal/track_view", page, meta);
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

// A route id: a positive integer, or nullopt.
std::optional<int64_t> PositiveId(std::string_view text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const int64_t id = std::stoll(std::string(text));
  if (id <= 0) return std::nullopt;
  return id;
}

}  // namespace

Response TrackForm(Call& call) { return TrackFormPage(call, 200, "", ""); }

Response TrackPost(Call& call) {
  Response out;
  std::optional<Credentials> c = ReadCredentials(call, &out);
  if (!c) return out;
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<app::TrackView> view = app::Track(*s, c->code, c->secret, call.today());
  if (!view.ok()) {
    if (view.status().code() == ErrorCode::kNotFound) {
      return TrackFormPage(call, 404, "", kWrongCode);
    }
    return StatusPage(call, view.status());
  }
  return TrackViewPage(call, *view, *c);
}

Response TrackNoticePdf(Call& call) {
  Response out;
  std::optional<Credentials> c = ReadCredentials(call, &out);
  if (!c) return out;
  std::string file = call.request().Route("file");
  const std::string suffix = ".pdf";
  std::optional<int64_t> id;
  if (file.size() > suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0) {
    id = PositiveId(std::string_view(file).substr(0, file.size() - suffix.size()));
  }
  if (!id) return ErrorPage(call, 404, "告知书 “" + file + "” 不存在");
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<app::TrackView> view = app::Track(*s, c->code, c->secret, call.today());
  if (!view.ok()) {
    if (view.status().code() == ErrorCode::kNotFound) {
      return TrackFormPage(call, 404, "", kWrongCode);
    }
    return StatusPage(call, view.status());
  }
  for (const Notice& n : view->notices) {
    if (n.id != *id) continue;
    Result<std::string> pdf = RenderNoticePdfBytes(n);
    if (!pdf.ok()) return StatusPage(call, pdf.status());
    Response r = Response::Text(200, "application/pdf", std::move(pdf).value());
    r.AddHeader("Content-Disposition",
                AttachmentDisposition((n.number.empty() ? n.title : n.title + "（" + n.number + "）") +
                                      ".pdf"));
    r.AddHeader("Cache-Control", "no-store");
    r.csp = "default-src 'none'; sandbox";
    return r;
  }
  return ErrorPage(call, 404, "这份申请没有编号为 " + std::to_string(*id) + " 的告知书");
}

Response TrackFile(Call& call) {
  Response out;
  std::optional<Credentials> c = ReadCredentials(call, &out);
  if (!c) return out;
  std::optional<int64_t> id = PositiveId(call.request().Route("id"));
  if (!id) return ErrorPage(call, 404, "答复附件 “" + call.request().Route("id") + "” 不存在");
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<app::FileDownload> file = app::DownloadAnswerFile(*s, c->code, c->secret, *id);
  if (!file.ok()) {
    switch (file.status().code()) {
      case ErrorCode::kNotFound:
        // A wrong pair and a file of another application look the same.
        return TrackFormPage(call, 404, "", "查询码或查询密码不正确，或这份申请没有该答复附件。");
      case ErrorCode::kStorage:
        spdlog::error("答复附件 {} 无法读取：{}", *id, file.status().message());
        return ErrorPage(call, 503, "答复附件文件已损坏或暂时无法读取，请稍后再试，或联系办理机关。");
      default:
        return StatusPage(call, file.status());
    }
  }
  return FileResponse(*file, "no-store");
}

}  // namespace gongkai::http::portal
