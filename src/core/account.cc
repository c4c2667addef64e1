#include "core/account.h"

#include <algorithm>

namespace gongkai {
namespace {

struct RoleRow {
  Role role;
  std::string_view code;
  std::string_view chinese;
};

constexpr RoleRow kRoles[] = {
    {Role::kAdmin, "admin", "管理员"},         {Role::kEditor, "editor", "编辑"},
    {Role::kHandler, "handler", "经办"},       {Role::kReviewer, "reviewer", "审核"},
    {Role::kSupervisor, "supervisor", "监督"},
};

}  // namespace

std::string_view ToCode(Role r) {
  for (const RoleRow& row : kRoles) {
    if (row.role == r) return row.code;
  }
  return "?";
}

std::string_view ToChinese(Role r) {
  for (const RoleRow& row : kRoles) {
    if (row.role == r) return row.chinese;
  }
  return "?";
}

std::optional<Role> RoleFromCode(std::string_view code) {
  for (const RoleRow& row : kRoles) {
    if (row.code == code) return row.role;
  }
  return std::nullopt;
}

bool Actor::Has(Role role, int64_t agency_id) const {
  if (is_public()) return false;
  for (const RoleGrant& g : grants) {
    if (g.agency_id != agency_id) continue;
    if (g.role == role) return true;
    if (g.role == Role::kAdmin && role != Role::kSupervisor) return true;
  }
  return false;
}

bool Actor::CanRead(int64_t agency_id) const {
  if (is_public()) return false;
  return std::any_of(grants.begin(), grants.end(),
                     [&](const RoleGrant& g) { return g.agency_id == agency_id; });
}

std::vector<int64_t> Actor::ReadableAgencies() const {
  std::vector<int64_t> ids;
  if (is_public()) return ids;
  for (const RoleGrant& g : grants) ids.push_back(g.agency_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool IsValidLogin(std::string_view login) {
  if (login.size() < 2 || login.size() > 64) return false;
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(login[0])) return false;
  return std::all_of(login.begin(), login.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

}  // namespace gongkai
