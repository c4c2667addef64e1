#include "http/guard.h"

#include <sodium.h>

#include "http/page.h"

namespace gongkai::http {
namespace {

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

}  // namespace

std::optional<app::Authenticated> RequireStaff(Call& call, Response* out) {
  Result<app::Authenticated> staff = call.Staff();
  if (staff.ok()) return std::move(staff).value();
  if (staff.status().code() != ErrorCode::kForbidden) {
    *out = StatusPage(call, staff.status());
    return std::nullopt;
  }
  const Request& r = call.request();
  if (r.method == "GET" || r.method == "HEAD") {
    const bool had_session = r.Cookie(kSessionCookie).has_value();
    std::vector<std::pair<std::string, std::string>> query;
    if (IsLocalPath(r.target) && r.path != "/console/login") query.emplace_back("next", r.target);
    if (had_session) query.emplace_back("expired", "1");
    *out = Response::Redirect("/console/login" + QueryString(query));
    if (had_session) out->AddCookie(SessionCookie(call, "", 0));
    return std::nullopt;
  }
  *out = ErrorPage(call, 403, staff.status().message() + "。请重新登录后再提交。");
  return std::nullopt;
}

std::optional<Form> StaffForm(Call& call, const app::Authenticated& staff, Response* out) {
  Result<Form> form = ParseForm(call.request());
  if (!form.ok()) {
    *out = ErrorPage(call, 400, form.status().message());
    return std::nullopt;
  }
  std::optional<std::string_view> token = call.request().Cookie(kSessionCookie);
  if (!token || !app::CheckCsrf(*token, form->Get(kCsrfField))) {
    *out = ErrorPage(call, 403, "表单已过期或来源无法确认（CSRF 校验失败），请返回刷新页面后重新提交。");
    return std::nullopt;
  }
  return std::move(form).value();
}

FormToken PublicFormToken(Call& call) {
  std::optional<std::string_view> cookie = call.request().Cookie(kPublicCsrfCookie);
  if (cookie && cookie->size() == 32 &&
      cookie->find_first_not_of("0123456789abcdef") == std::string_view::npos) {
    return FormToken{std::string(*cookie), false};
  }
  return FormToken{RandomHex(16), true};
}

void KeepFormToken(Call& call, const FormToken& token, Response& response) {
  if (!token.is_new) return;
  SetCookie c;
  c.name = kPublicCsrfCookie;
  c.value = token.value;
  c.secure = call.site().secure_cookies;
  response.AddCookie(c);
}

std::optional<Form> PublicForm(Call& call, Response* out) {
  Result<Form> form = ParseForm(call.request());
  if (!form.ok()) {
    *out = ErrorPage(call, 400, form.status().message());
    return std::nullopt;
  }
  std::optional<std::string_view> cookie = call.request().Cookie(kPublicCsrfCookie);
  if (!cookie || !ConstantTimeEqual(*cookie, form->Get(kCsrfField))) {
    *out = ErrorPage(call, 403,
                     "表单已过期或来源无法确认，请返回上一页刷新后重新提交（浏览器需允许本站 Cookie）。");
    return std::nullopt;
  }
  if (!form->Get(kHoneypotField).empty()) {
    *out = ErrorPage(call, 400, "提交未被接受。");
    return std::nullopt;
  }
  return std::move(form).value();
}

std::string NewFormNonce() { return RandomHex(12); }

bool IsFormNonce(std::string_view nonce) {
  return nonce.size() >= 16 && nonce.size() <= 64 &&
         nonce.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

SetCookie SessionCookie(const Call& call, const std::string& token, int max_age_seconds) {
  SetCookie c;
  c.name = kSessionCookie;
  c.value = token;
  c.path = "/";
  c.max_age_seconds = token.empty() ? 0 : max_age_seconds;
  c.http_only = true;
  c.secure = call.site().secure_cookies;
  c.same_site = "Lax";
  return c;
}

}  // namespace gongkai::http
