// Accounts of agency staff (工作人员账户), their roles per agency, and the Actor every use case
// is performed by. The portal's public visitors are actors too, without a user.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/timestamp.h"

namespace gongkai {

// Roles are granted per agency. An admin holds every staff role of its agency (editor, handler,
// reviewer) and also manages its users and reads its audit log. A supervisor reads every
// application and item of the agencies it is granted (a group), and changes nothing.
enum class Role {
  kAdmin,       // 管理员
  kEditor,      // 编辑 — publishes catalog items and guides
  kHandler,     // 经办 — registers and handles applications
  kReviewer,    // 审核 — approves extensions and answers
  kSupervisor,  // 监督 — read-only over a group of agencies
};

std::string_view ToCode(Role r);     // "admin", "editor", "handler", "reviewer", "supervisor"
std::string_view ToChinese(Role r);  // "管理员", "编辑", "经办", "审核", "监督"
std::optional<Role> RoleFromCode(std::string_view code);

struct RoleGrant {
  int64_t agency_id = 0;
  Role role = Role::kHandler;

  friend bool operator==(const RoleGrant&, const RoleGrant&) = default;
};

// Failed-login bookkeeping of one user (see app/accounts.h for the policy).
struct LoginState {
  int failed_count = 0;                      // failures in the current window
  std::optional<Timestamp> first_failed_at;  // start of the current window
  std::optional<Timestamp> locked_until;     // refused until then, even with the right password

  friend bool operator==(const LoginState&, const LoginState&) = default;
};

struct User {
  int64_t id = 0;
  std::string login;          // [a-z0-9._-]{2,64}, unique
  std::string display_name;   // e.g. "张三"
  std::string password_hash;  // libsodium crypto_pwhash_str (argon2id), never the password
  bool disabled = false;
  std::vector<RoleGrant> grants;
  LoginState login_state;
  Timestamp created_at;
};

// A staff session (登录会话). Only the hash of its token is stored: the token itself lives in
// the visitor's cookie. Ends at the idle timeout after last_seen_at, at expires_at, or on logout.
struct SessionRecord {
  int64_t id = 0;
  std::string token_hash;  // hex BLAKE2b-256 of the token
  int64_t user_id = 0;
  Timestamp created_at;
  Timestamp last_seen_at;
  Timestamp expires_at;  // absolute end
  std::optional<Timestamp> revoked_at;
  std::string client_ip;
};

// Who performs a use case: a signed-in user with its grants, or the public. Authorization is
// decided here, in the use cases, never in pages.
struct Actor {
  std::optional<int64_t> user_id;  // empty for the public
  std::string login;
  std::string display_name;
  std::vector<RoleGrant> grants;
  std::string client_ip;  // for events and the audit log ("from where")
  // The server's operator at the command line (`gongkai user add`): may create users for any
  // agency. Never set by a web front door.
  bool system = false;

  static Actor System(std::string name) {
    Actor a;
    a.login = std::move(name);
    a.system = true;
    return a;
  }
  static Actor Public(std::string client_ip) {
    Actor a;
    a.client_ip = std::move(client_ip);
    return a;
  }
  static Actor OfUser(const User& user, std::string client_ip) {
    Actor a;
    a.user_id = user.id;
    a.login = user.login;
    a.display_name = user.display_name;
    a.grants = user.grants;
    a.client_ip = std::move(client_ip);
    return a;
  }

  bool is_public() const { return !user_id.has_value() && !system; }
  // True if the actor holds `role` for `agency_id`; an admin of the agency holds every staff
  // role of it (not kSupervisor, which is only ever granted explicitly).
  bool Has(Role role, int64_t agency_id) const;
  // True if the actor may read the agency's non-public records: any grant on it.
  bool CanRead(int64_t agency_id) const;
  // The agencies the actor may read, ascending, without duplicates.
  std::vector<int64_t> ReadableAgencies() const;
  // Who is named in events and the audit log: the login, or "public".
  std::string Name() const { return is_public() ? std::string("public") : login; }
};

// Checks a login name: 2–64 characters of [a-z0-9._-], starting with a letter or digit.
bool IsValidLogin(std::string_view login);

}  // namespace gongkai
