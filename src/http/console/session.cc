// The console's door: the login page (GET/POST /console/login) and logout (POST
// /console/logout). The login form is protected like a public form (double-submit token),
// since there is no session yet.
#include <spdlog/spdlog.h>

#include "app/accounts.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/page.h"

namespace gongkai::http::console {
namespace {

// Where to go after login: a local console path, else the dashboard.
std::string NextOrDashboard(std::string_view next) {
  if (IsLocalPath(next) && next.rfind("/console/", 0) == 0 &&
      next.rfind("/console/login", 0) != 0 && next.rfind("/console/logout", 0) != 0) {
    return std::string(next);
  }
  return "/console/";
}

Response LoginPage(Call& call, int status, const std::string& login, const std::string& next,
                   const std::string& error, bool expired) {
  FormToken token = PublicFormToken(call);
  View page;
  page.set("csrf", token.value);
  page.set("next", next);
  page.set("login", login);
  // An empty string would still open {{#error}} (mustache sections test presence, not length).
  if (!error.empty()) page.set("error", error);
  page.set("expired", expired);
  PageMeta meta;
  meta.title = "工作人员登录";
  meta.layout = "layouts/console";
  Response r = RenderPage(call, status, "console/login", page, meta);
  r.status = status;
  KeepFormToken(call, token, r);
  return r;
}

}  // namespace

Response LoginForm(Call& call) {
  // Already signed in: straight on.
  if (Result<app::Authenticated> staff = call.Staff(); staff.ok()) {
    return Response::Redirect(NextOrDashboard(call.request().Query("next").value_or("")));
  }
  const std::string next(call.request().Query("next").value_or(""));
  const bool expired = call.request().Query("expired").has_value();
  return LoginPage(call, 200, "", next, "", expired);
}

Response Login(Call& call) {
  Response out;
  std::optional<Form> form = PublicForm(call, &out);
  if (!form) return out;
  const std::string& login = form->Get("login");
  const std::string& password = form->Get("password");
  const std::string& next = form->Get("next");
  if (login.empty() || password.empty()) {
    return LoginPage(call, 400, login, next, "请填写登录名和密码。", false);
  }
  if (login.size() > 64 || password.size() > 256) {
    return LoginPage(call, 400, "", next, "登录名或密码过长。", false);
  }
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<app::LoginResult> result =
      app::Login(*s, login, password, call.request().client, call.now());
  if (!result.ok()) {
    if (result.status().code() == ErrorCode::kForbidden) {
      return LoginPage(call, 403, login, next, result.status().message(), false);
    }
    return StatusPage(call, result.status());
  }
  Response r = Response::Redirect(NextOrDashboard(next));
  // A session cookie (no Max-Age): the server ends the session on idle and absolute expiry.
  r.AddCookie(SessionCookie(call, result->token, -1));
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

Response Logout(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) {
    // No valid session: nothing to end; clear the cookie anyway.
    Response r = Response::Redirect("/console/login");
    r.AddCookie(SessionCookie(call, "", 0));
    return r;
  }
  std::optional<Form> form = StaffForm(call, *staff, &out);
  if (!form) return out;
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  std::optional<std::string_view> token = call.request().Cookie(kSessionCookie);
  if (Status st = app::Logout(*s, token.value_or(""), call.request().client, call.now());
      !st.ok()) {
    return StatusPage(call, st);
  }
  Response r = Response::Redirect("/console/login");
  r.AddCookie(SessionCookie(call, "", 0));
  return r;
}

}  // namespace gongkai::http::console
