// Staff accounts: login with lockout, sessions (random tokens, only their hash stored, idle and
// absolute expiry), logout, CSRF tokens, and adding users. Passwords are argon2id hashes
// (libsodium crypto_pwhash_str).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/services.h"
#include "core/account.h"
#include "core/status.h"
#include "core/timestamp.h"

namespace gongkai::app {

struct LoginResult {
  std::string token;       // 64 hex characters (32 random bytes): the session cookie's value
  std::string csrf_token;  // to embed in every form of this session
  User user;
  Timestamp expires_at;  // absolute end of the session
};

// Signs a user in. Errors (kForbidden, the same message "登录名或密码错误" for an unknown login,
// a wrong password and a disabled account, so none can be told apart): a password check runs
// even for an unknown login. After policy.max_failed_logins failures within the window the
// account is locked: kForbidden "登录失败次数过多，账户已暂时锁定，请于 … 后再试" until
// locked_until, even with the right password. Every attempt is audited (never the password).
Result<LoginResult> Login(const Services& s, std::string_view login, std::string_view password,
                          const std::string& client_ip, Timestamp now);

struct Authenticated {
  Actor actor;
  User user;
  std::string csrf_token;
  SessionRecord session;
};

// The signed-in actor of a session token. kForbidden "登录已失效，请重新登录" for an unknown,
// revoked, idle-expired or absolutely expired session, or a disabled user.
Result<Authenticated> Authenticate(const Services& s, std::string_view token,
                                   const std::string& client_ip, Timestamp now);

// Ends the session of `token` (no error if it is already gone).
Status Logout(const Services& s, std::string_view token, const std::string& client_ip,
              Timestamp now);

// The CSRF token of a session: a keyed hash of its token, so it needs no storage.
std::string CsrfTokenOf(std::string_view session_token);
// True if `submitted` is the CSRF token of `session_token` (constant time).
bool CheckCsrf(std::string_view session_token, std::string_view submitted);

struct NewUserRequest {
  std::string login;
  std::string display_name;
  std::string password;
  std::vector<RoleGrant> grants;  // at least one
};

// Creates a user. Allowed for Actor::System (the command line) and for an admin of every agency
// granted. Errors: kForbidden otherwise; kInvalidInput for an invalid login, an empty display
// name, a password shorter than 10 characters, no grant, a supervisor grant mixed with staff
// roles of the same agency; kConflict for a taken login; kNotFound for an unknown agency.
Result<int64_t> AddUser(const Services& s, const Actor& actor, const NewUserRequest& request,
                        Timestamp now);

}  // namespace gongkai::app
