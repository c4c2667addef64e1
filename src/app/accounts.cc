#include "app/accounts.h"

#include <mutex>

#include "core/application/applicant.h"

namespace gongkai::app {
namespace {

constexpr char kBadLogin[] = "登录名或密码错误";
constexpr char kSessionGone[] = "登录已失效，请重新登录";
// Sessions are written back at most once a minute: the idle timeout does not need more.
constexpr int64_t kTouchEverySeconds = 60;

// A real hash with the policy's cost, verified when the login is unknown so that an unknown
// login takes as long as a wrong password.
const std::string& DummyHash(const SecurityPolicy& p) {
  static std::mutex mu;
  static std::string hash;
  static uint64_t ops = 0;
  static size_t mem = 0;
  std::lock_guard<std::mutex> lock(mu);
  if (hash.empty() || ops != p.pwhash_opslimit || mem != p.pwhash_memlimit) {
    Result<std::string> h =
        HashPassword("gongkai-dummy-password", p.pwhash_opslimit, p.pwhash_memlimit);
    hash = h.ok() ? *h : "";
    ops = p.pwhash_opslimit;
    mem = p.pwhash_memlimit;
  }
  return hash;
}

AuditRecord Audit(Timestamp now, std::string actor, std::string action, std::string ip,
                  std::string detail) {
  AuditRecord r;
  r.recorded_at = now;
  r.actor = std::move(actor);
  r.action = std::move(action);
  r.client_ip = std::move(ip);
  r.detail = std::move(detail);
  return r;
}

std::optional<int64_t> FirstAgency(const User& u) {
  if (u.grants.empty()) return std::nullopt;
  return u.grants.front().agency_id;
}

}  // namespace

std::string CsrfTokenOf(std::string_view session_token) {
  return KeyedHashHex(session_token, "gongkai-csrf");
}

bool CheckCsrf(std::string_view session_token, std::string_view submitted) {
  return !session_token.empty() && ConstantTimeEquals(CsrfTokenOf(session_token), submitted);
}

Result<LoginResult> Login(const Services& s, std::string_view login, std::string_view password,
                          const std::string& client_ip, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(InitCrypto());
  const SecurityPolicy& p = s.policy;
  const std::string shown =
      IsWellFormedUtf8(login) && login.size() <= 64 ? std::string(login) : "?";
  Result<User> found = s.repo->FindUserByLogin(login);
  if (!found.ok()) {
    if (found.status().code() != ErrorCode::kNotFound) return found.status();
    (void)VerifyPassword(DummyHash(p), password);
    GONGKAI_RETURN_IF_ERROR(s.repo->AppendAuditRecord(
        Audit(now, shown, "login.failed", client_ip, "登录失败：登录名不存在")));
    return Forbidden(kBadLogin);
  }
  User user = std::move(found).value();
  LoginState state = user.login_state;
  if (state.locked_until && now < *state.locked_until) {
    (void)VerifyPassword(user.password_hash, password);
    GONGKAI_RETURN_IF_ERROR(s.repo->AppendAuditRecord(
        Audit(now, user.login, "login.locked", client_ip, "账户锁定期间尝试登录")));
    return Forbidden("登录失败次数过多，账户已暂时锁定，请于 " + state.locked_until->ChinaText() +
                     " 后再试");
  }
  const bool ok = VerifyPassword(user.password_hash, password);
  if (!ok || user.disabled) {
    if (state.locked_until || !state.first_failed_at ||
        now.unix_seconds - state.first_failed_at->unix_seconds >= p.failure_window_seconds) {
      state = LoginState{0, now, std::nullopt};  // a new window (a lock that ran out resets it)
    }
    ++state.failed_count;
    std::string detail = user.disabled ? "登录失败：账户已停用" : "登录失败：密码错误";
    if (state.failed_count >= p.max_failed_logins) {
      state.locked_until = now.Plus(p.lockout_seconds);
      detail += "，连续失败 " + std::to_string(state.failed_count) + " 次，锁定至 " +
                state.locked_until->ChinaText();
    }
    GONGKAI_RETURN_IF_ERROR(s.repo->SaveLoginState(user.id, state));
    AuditRecord a = Audit(now, user.login, "login.failed", client_ip, detail);
    a.agency_id = FirstAgency(user);
    GONGKAI_RETURN_IF_ERROR(s.repo->AppendAuditRecord(a));
    return Forbidden(kBadLogin);
  }
  if (state.failed_count != 0 || state.locked_until || state.first_failed_at) {
    GONGKAI_RETURN_IF_ERROR(s.repo->SaveLoginState(user.id, LoginState{}));
    user.login_state = LoginState{};
  }
  LoginResult out;
  out.token = RandomHex(32);
  out.csrf_token = CsrfTokenOf(out.token);
  out.expires_at = now.Plus(p.session_absolute_seconds);
  SessionRecord session;
  session.token_hash = HashHex(out.token);
  session.user_id = user.id;
  session.created_at = now;
  session.last_seen_at = now;
  session.expires_at = out.expires_at;
  session.client_ip = client_ip;
  Result<int64_t> id = s.repo->CreateSession(session);
  if (!id.ok()) return id.status();
  AuditRecord a = Audit(now, user.login, "login", client_ip, "登录成功");
  a.agency_id = FirstAgency(user);
  GONGKAI_RETURN_IF_ERROR(s.repo->AppendAuditRecord(a));
  out.user = std::move(user);
  return out;
}

static Result<Authenticated> SessionOf(const Services& s, std::string_view token, Timestamp now) {
  if (token.size() != 64) return Forbidden(kSessionGone);
  Result<SessionRecord> session = s.repo->FindSession(HashHex(token));
  if (!session.ok()) {
    if (session.status().code() == ErrorCode::kNotFound) return Forbidden(kSessionGone);
    return session.status();
  }
  Authenticated out;
  out.session = std::move(session).value();
  return out;
}

Result<Authenticated> Authenticate(const Services& s, std::string_view token,
                                   const std::string& client_ip, Timestamp now) {
  Result<Authenticated> found = SessionOf(s, token, now);
  if (!found.ok()) return found.status();
  Authenticated out = std::move(found).value();
  const SessionRecord& sr = out.session;
  if (sr.revoked_at || now >= sr.expires_at ||
      now.unix_seconds - sr.last_seen_at.unix_seconds >= s.policy.session_idle_seconds) {
    return Forbidden(kSessionGone);
  }
  Result<User> user = s.repo->FindUserById(sr.user_id);
  if (!user.ok()) {
    if (user.status().code() == ErrorCode::kNotFound) return Forbidden(kSessionGone);
    return user.status();
  }
  if (user->disabled) return Forbidden(kSessionGone);
  if (now.unix_seconds - sr.last_seen_at.unix_seconds >= kTouchEverySeconds) {
    GONGKAI_RETURN_IF_ERROR(s.repo->TouchSession(sr.id, now));
    out.session.last_seen_at = now;
  }
  out.user = std::move(user).value();
  out.actor = Actor::OfUser(out.user, client_ip);
  out.csrf_token = CsrfTokenOf(token);
  return out;
}

Status Logout(const Services& s, std::string_view token, const std::string& client_ip,
              Timestamp now) {
  Result<Authenticated> found = SessionOf(s, token, now);
  if (!found.ok()) {
    return found.status().code() == ErrorCode::kForbidden ? Status::Ok() : found.status();
  }
  if (found->session.revoked_at) return Status::Ok();
  GONGKAI_RETURN_IF_ERROR(s.repo->RevokeSession(found->session.id, now));
  Result<User> user = s.repo->FindUserById(found->session.user_id);
  AuditRecord a = Audit(now, user.ok() ? user->login : "unknown", "logout", client_ip, "退出登录");
  if (user.ok()) a.agency_id = FirstAgency(*user);
  return s.repo->AppendAuditRecord(a);
}

Result<int64_t> AddUser(const Services& s, const Actor& actor, const NewUserRequest& r,
                        Timestamp now) {
  if (r.grants.empty()) return InvalidInput("至少需要授予一个机关的一个角色");
  if (!actor.system) {
    for (const RoleGrant& g : r.grants) {
      if (!actor.Has(Role::kAdmin, g.agency_id)) {
        return Forbidden("只有该机关的管理员可以为其添加用户");
      }
    }
  }
  if (!IsValidLogin(r.login)) {
    return InvalidInput("登录名 \"" + r.login +
                        "\" 无效（2–64 个小写字母、数字或 . _ -，以字母或数字开头）");
  }
  if (!IsWellFormedUtf8(r.display_name) || r.display_name.empty() ||
      Utf8Length(r.display_name) > 50) {
    return InvalidInput("请填写姓名（不超过 50 个字）");
  }
  if (!IsWellFormedUtf8(r.password) || Utf8Length(r.password) < 10) {
    return InvalidInput("密码至少需要 10 个字符");
  }
  for (const RoleGrant& g : r.grants) {
    if (g.role != Role::kSupervisor) continue;
    for (const RoleGrant& h : r.grants) {
      if (h.agency_id == g.agency_id && h.role != Role::kSupervisor) {
        return InvalidInput("监督角色是只读角色，不能与同一机关的其他角色同时授予");
      }
    }
  }
  Result<std::string> hash =
      HashPassword(r.password, s.policy.pwhash_opslimit, s.policy.pwhash_memlimit);
  if (!hash.ok()) return hash.status();
  User u;
  u.login = r.login;
  u.display_name = r.display_name;
  u.password_hash = std::move(hash).value();
  u.grants = r.grants;
  u.created_at = now;
  std::string roles;
  for (const RoleGrant& g : r.grants) {
    if (!roles.empty()) roles += "、";
    Result<Agency> agency = s.repo->FindAgencyById(g.agency_id);
    roles += std::string(ToChinese(g.role)) + "@" +
             (agency.ok() ? agency->slug : std::to_string(g.agency_id));
  }
  AuditRecord a = Audit(now, actor.Name(), "user.add", actor.client_ip,
                        "添加用户 " + r.login + "（" + roles + "）");
  a.agency_id = r.grants.front().agency_id;
  return s.repo->CreateUser(u, a);
}

}  // namespace gongkai::app
