// Who may do what over HTTP, in one place: staff pages need a valid session (else the login
// page), staff forms need the session's CSRF token, public forms need their double-submit token
// and an empty honeypot. Authorization of the records themselves stays in the use cases
// (src/app): these checks only decide whether a request reaches them.
#pragma once

#include <optional>
#include <string>

#include "app/accounts.h"
#include "http/app.h"
#include "http/form.h"
#include "http/response.h"

namespace gongkai::http {

// The name of the hidden CSRF field of every form.
inline constexpr char kCsrfField[] = "csrf";
// The honeypot of public forms: a field hidden from people (CSS and aria-hidden) that bots fill.
inline constexpr char kHoneypotField[] = "website";

// The signed-in staff member, or nullopt with `*out` set to what to send instead: a redirect
// to /console/login?next=<this page> for a GET without a valid session, 403 for other methods,
// or an error page (database down).
std::optional<app::Authenticated> RequireStaff(Call& call, Response* out);

// A staff form post: parsed, its CSRF token checked against the session. nullopt with `*out`
// set (400 for a malformed form, 403 "表单已过期…" for a wrong or missing token).
std::optional<Form> StaffForm(Call& call, const app::Authenticated& staff, Response* out);

// The token a public form embeds (hidden field kCsrfField): the visitor's kPublicCsrfCookie, or
// a new random one that KeepFormToken must set on the response.
struct FormToken {
  std::string value;
  bool is_new = false;
};
FormToken PublicFormToken(Call& call);
void KeepFormToken(Call& call, const FormToken& token, Response& response);

// A public form post: parsed, its token equal to the visitor's cookie, the honeypot empty.
// nullopt with `*out` set otherwise (400 / 403 with a Chinese message).
std::optional<Form> PublicForm(Call& call, Response* out);

// The idempotency nonce of one filled-in form (24 lower-case hex characters): a double submit
// of the same form carries the same nonce, so the use case can return the first result.
std::string NewFormNonce();
// True if `nonce` looks like one NewFormNonce made (16–64 lower-case hex characters).
bool IsFormNonce(std::string_view nonce);

// The session cookie for `token` (empty token and max_age 0 delete it).
SetCookie SessionCookie(const Call& call, const std::string& token, int max_age_seconds);

}  // namespace gongkai::http
