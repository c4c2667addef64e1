// Staff accounts, sessions and the audit log of SociRepository (migration 3).
#include <string>
#include <utility>

#include "store/soci_repository.h"
#include "store/web_queries.h"
#include "store/web_support.h"

namespace gongkai::store {
namespace {

struct UserRow {
  long long id = 0;
  std::string login, display_name, password_hash, first_failed_at, locked_until, created_at;
  int disabled = 0, failed_count = 0;
  soci::indicator first_ind = soci::i_null, locked_ind = soci::i_null;
};

// Reads the user selected by `query` bound to `key`, with its grants; kNotFound if absent.
template <typename Key>
Result<User> LoadUser(Connection& conn, const char* query, Key key, const char* key_name,
                      const std::string& shown) {
  UserRow r;
  soci::statement st =
      (conn.sql.prepare << query, soci::use(key, key_name), soci::into(r.id), soci::into(r.login),
       soci::into(r.display_name), soci::into(r.password_hash), soci::into(r.disabled),
       soci::into(r.failed_count), soci::into(r.first_failed_at, r.first_ind),
       soci::into(r.locked_until, r.locked_ind), soci::into(r.created_at));
  if (!st.execute(true)) return NotFound("未找到用户 " + shown);
  User u;
  u.id = r.id;
  u.login = r.login;
  u.display_name = r.display_name;
  u.password_hash = r.password_hash;
  u.disabled = r.disabled != 0;
  u.login_state.failed_count = r.failed_count;
  if (r.first_ind == soci::i_ok) {
    u.login_state.first_failed_at = TimestampColumn(r.first_failed_at, "users.first_failed_at");
  }
  if (r.locked_ind == soci::i_ok) {
    u.login_state.locked_until = TimestampColumn(r.locked_until, "users.locked_until");
  }
  u.created_at = TimestampColumn(r.created_at, "users.created_at");

  long long agency_id = 0;
  std::string role;
  soci::statement roles = (conn.sql.prepare << kSelectUserRoles, soci::use(r.id, "user_id"),
                           soci::into(agency_id), soci::into(role));
  roles.execute();
  while (roles.fetch()) {
    std::optional<Role> decoded = RoleFromCode(role);
    if (!decoded) {
      throw DecodeError(StorageError("数据库中 user_roles.role 的值 \"" + role + "\" 无法识别"));
    }
    u.grants.push_back({agency_id, *decoded});
  }
  return u;
}

}  // namespace

Result<Agency> SociRepository::FindAgencyById(int64_t id) {
  return Guarded(*conn_, [&]() -> Result<Agency> { return LoadAgencyById(*conn_, id); });
}

Result<int64_t> SociRepository::CreateUser(const User& user, const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Result<int64_t> {
    if (!IsValidLogin(user.login)) {
      return InvalidInput("登录名 \"" + user.login +
                          "\" 无效（2–64 个小写字母、数字或 . _ -，以字母或数字开头）");
    }
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long taken = 0;
    std::string login = user.login;
    conn_->sql << kCountUserLogin, soci::use(login, "login"), soci::into(taken);
    if (taken > 0) return Conflict("登录名 \"" + login + "\" 已存在");
    for (const RoleGrant& g : user.grants) {
      Result<Agency> a = LoadAgencyById(*conn_, g.agency_id);
      if (!a.ok()) return a.status();
    }
    long long id = AllocateIds(*conn_, "users", 1).front();
    std::string display_name = user.display_name, hash = user.password_hash;
    std::string created_at = audit.recorded_at.ToIso8601();
    int disabled = user.disabled ? 1 : 0;
    conn_->sql << kInsertUser, soci::use(id, "id"), soci::use(login, "login"),
        soci::use(display_name, "display_name"), soci::use(hash, "password_hash"),
        soci::use(disabled, "disabled"), soci::use(created_at, "created_at");
    for (const RoleGrant& g : user.grants) {
      long long agency_id = g.agency_id;
      std::string role(ToCode(g.role));
      conn_->sql << kInsertUserRole, soci::use(id, "user_id"), soci::use(agency_id, "agency_id"),
          soci::use(role, "role");
    }
    AppendAuditRow(*conn_, audit);
    tx.Commit();
    return static_cast<int64_t>(id);
  });
}

Result<User> SociRepository::FindUserByLogin(std::string_view login) {
  return Guarded(*conn_, [&]() -> Result<User> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    std::string key(login);
    Result<User> u = LoadUser(*conn_, kSelectUserByLogin, key, "login", "\"" + key + "\"");
    tx.Commit();
    return u;
  });
}

Result<User> SociRepository::FindUserById(int64_t id) {
  return Guarded(*conn_, [&]() -> Result<User> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    long long key = id;
    Result<User> u =
        LoadUser(*conn_, kSelectUserById, key, "id", "（编号 " + std::to_string(id) + "）");
    tx.Commit();
    return u;
  });
}

Status SociRepository::SaveLoginState(int64_t user_id, const LoginState& state) {
  return Guarded(*conn_, [&]() -> Status {
    long long id = user_id;
    int failed = state.failed_count;
    std::string first = state.first_failed_at ? state.first_failed_at->ToIso8601() : "";
    std::string locked = state.locked_until ? state.locked_until->ToIso8601() : "";
    soci::indicator first_ind = state.first_failed_at ? soci::i_ok : soci::i_null;
    soci::indicator locked_ind = state.locked_until ? soci::i_ok : soci::i_null;
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    soci::statement st =
        (conn_->sql.prepare << kUpdateLoginState, soci::use(failed, "failed_count"),
         soci::use(first, first_ind, "first_failed_at"),
         soci::use(locked, locked_ind, "locked_until"), soci::use(id, "id"));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return NotFound("未找到用户（编号 " + std::to_string(user_id) + "）");
    }
    tx.Commit();
    return Status::Ok();
  });
}

Result<int64_t> SociRepository::CreateSession(const SessionRecord& s) {
  return Guarded(*conn_, [&]() -> Result<int64_t> {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long id = AllocateIds(*conn_, "sessions", 1).front();
    long long user_id = s.user_id;
    std::string hash = s.token_hash, created = s.created_at.ToIso8601(),
                seen = s.last_seen_at.ToIso8601(), expires = s.expires_at.ToIso8601(),
                ip = s.client_ip;
    conn_->sql << kInsertSession, soci::use(id, "id"), soci::use(hash, "token_hash"),
        soci::use(user_id, "user_id"), soci::use(created, "created_at"),
        soci::use(seen, "last_seen_at"), soci::use(expires, "expires_at"),
        soci::use(ip, "client_ip");
    tx.Commit();
    return static_cast<int64_t>(id);
  });
}

Result<SessionRecord> SociRepository::FindSession(std::string_view token_hash) {
  return Guarded(*conn_, [&]() -> Result<SessionRecord> {
    std::string key(token_hash);
    long long id = 0, user_id = 0;
    std::string hash, created, seen, expires, revoked, ip;
    soci::indicator revoked_ind = soci::i_null;
    soci::statement st =
        (conn_->sql.prepare << kSelectSessionByHash, soci::use(key, "token_hash"), soci::into(id),
         soci::into(hash), soci::into(user_id), soci::into(created), soci::into(seen),
         soci::into(expires), soci::into(revoked, revoked_ind), soci::into(ip));
    if (!st.execute(true)) return NotFound("会话不存在");
    SessionRecord s;
    s.id = id;
    s.token_hash = hash;
    s.user_id = user_id;
    s.created_at = TimestampColumn(created, "sessions.created_at");
    s.last_seen_at = TimestampColumn(seen, "sessions.last_seen_at");
    s.expires_at = TimestampColumn(expires, "sessions.expires_at");
    if (revoked_ind == soci::i_ok) s.revoked_at = TimestampColumn(revoked, "sessions.revoked_at");
    s.client_ip = ip;
    return s;
  });
}

Status SociRepository::TouchSession(int64_t session_id, Timestamp at) {
  return Guarded(*conn_, [&]() -> Status {
    long long id = session_id;
    std::string when = at.ToIso8601();
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    conn_->sql << kTouchSession, soci::use(when, "at"), soci::use(id, "id");
    tx.Commit();
    return Status::Ok();
  });
}

Status SociRepository::RevokeSession(int64_t session_id, Timestamp at) {
  return Guarded(*conn_, [&]() -> Status {
    long long id = session_id;
    std::string when = at.ToIso8601();
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    conn_->sql << kRevokeSession, soci::use(when, "at"), soci::use(id, "id");
    tx.Commit();
    return Status::Ok();
  });
}

Status SociRepository::AppendAuditRecord(const AuditRecord& record) {
  return Guarded(*conn_, [&]() -> Status {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    AppendAuditRow(*conn_, record);
    tx.Commit();
    return Status::Ok();
  });
}

Result<std::vector<AuditRecord>> SociRepository::ListAuditRecords(std::optional<int64_t> agency_id,
                                                                  int64_t before_id, int limit) {
  if (limit < 1 || limit > 1000) return InvalidInput("审计日志每页条数应在 1–1000 之间");
  return Guarded(*conn_, [&]() -> Result<std::vector<AuditRecord>> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    long long before = before_id > 0 ? before_id : (1LL << 62);
    long long agency = agency_id.value_or(0);
    long long id = 0, row_agency = 0;
    std::string at, actor, action, ip, detail;
    soci::indicator agency_ind = soci::i_null;
    soci::statement st(conn_->sql);
    if (agency_id) {
      st = (conn_->sql.prepare << kSelectAuditOfAgency, soci::use(agency, "agency_id"),
            soci::use(before, "before_id"), soci::into(id), soci::into(at), soci::into(actor),
            soci::into(action), soci::into(row_agency, agency_ind), soci::into(ip),
            soci::into(detail));
    } else {
      st = (conn_->sql.prepare << kSelectAuditAll, soci::use(before, "before_id"), soci::into(id),
            soci::into(at), soci::into(actor), soci::into(action),
            soci::into(row_agency, agency_ind), soci::into(ip), soci::into(detail));
    }
    std::vector<AuditRecord> out;
    st.execute();
    while (static_cast<int>(out.size()) < limit && st.fetch()) {
      AuditRecord r;
      r.id = id;
      r.recorded_at = TimestampColumn(at, "audit_log.recorded_at");
      r.actor = actor;
      r.action = action;
      if (agency_ind == soci::i_ok) r.agency_id = row_agency;
      r.client_ip = ip;
      r.detail = detail;
      out.push_back(std::move(r));
      agency_ind = soci::i_null;
    }
    tx.Commit();
    return out;
  });
}

}  // namespace gongkai::store
