// gongkai user add --login L --name N --role admin|editor|handler|reviewer|supervisor
//                  --agency SLUG [--agencies A,B] [--password-stdin]
// Creates a staff account (e.g. the first administrator) through the AddUser use case, as the
// server's operator (Actor::System). The password comes from standard input or an echo-less
// prompt, never from the command line.
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

#include "app/accounts.h"
#include "app/clock.h"
#include "cli/context.h"

namespace gongkai::cli {
namespace {

struct UserAddOptions {
  std::string login, name, role, agency, agencies;
  bool password_stdin = false;
};

// Reads a line from the terminal without echo.
bool PromptHidden(const char* prompt, std::string& out) {
  std::cerr << prompt << std::flush;
  termios old{};
  const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  const bool ok = static_cast<bool>(std::getline(std::cin, out));
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << '\n';
  return ok;
}

Result<std::string> ReadPassword(bool from_stdin) {
  std::string password;
  if (from_stdin) {
    if (!std::getline(std::cin, password)) return InvalidInput("未能从标准输入读取密码");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  if (!isatty(STDIN_FILENO)) {
    return InvalidInput("标准输入不是终端：请用 --password-stdin 从标准输入提供密码");
  }
  std::string again;
  if (!PromptHidden("密码：", password) || !PromptHidden("再次输入密码：", again)) {
    return InvalidInput("未能读取密码");
  }
  if (password != again) return InvalidInput("两次输入的密码不一致");
  return password;
}

std::vector<std::string> SplitComma(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ',')) {
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

int RunAdd(Context& ctx, const UserAddOptions& o) {
  std::optional<Role> role = RoleFromCode(o.role);
  if (!role) {
    return Fail(InvalidInput("未知的角色 \"" + o.role +
                             "\"（可选 admin 管理员、editor 编辑、handler 经办、reviewer 审核、"
                             "supervisor 监督）"));
  }
  std::vector<std::string> slugs;
  if (!o.agency.empty()) slugs.push_back(o.agency);
  for (const std::string& s : SplitComma(o.agencies)) slugs.push_back(s);
  if (slugs.empty()) return Fail(InvalidInput("请用 --agency（或监督角色用 --agencies）指定机关"));
  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  app::NewUserRequest req;
  req.login = o.login;
  req.display_name = o.name;
  std::string shown;
  for (const std::string& slug : slugs) {
    Result<Agency> agency = (*repo)->FindAgency(slug);
    if (!agency.ok()) return Fail(agency.status());
    req.grants.push_back({agency->id, *role});
    if (!shown.empty()) shown += "、";
    shown += agency->name;
  }
  Result<std::string> password = ReadPassword(o.password_stdin);
  if (!password.ok()) return Fail(password.status());
  req.password = std::move(password).value();
  app::Services services;
  services.repo = *repo;
  Result<int64_t> id = app::AddUser(services, Actor::System("cli"), req, app::SystemNow());
  if (!id.ok()) return Fail(id.status());
  std::cout << "已添加用户 " << o.login << "（" << o.name << "）：" << ToChinese(*role) << "，"
            << shown << '\n';
  return kExitOk;
}

}  // namespace

void AddUserCommand(CLI::App& app, Context& ctx, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("user", "管理工作人员账户");
  cmd->require_subcommand(1);
  auto o = std::make_shared<UserAddOptions>();
  CLI::App* add = cmd->add_subcommand("add", "添加工作人员账户（如第一个管理员）");
  add->add_option("--login", o->login, "登录名：2–64 个小写字母、数字或 . _ -")->required();
  add->add_option("--name", o->name, "姓名")->required();
  add->add_option("--role", o->role, "角色：admin、editor、handler、reviewer、supervisor")
      ->required();
  add->add_option("--agency", o->agency, "机关代码（slug）");
  add->add_option("--agencies", o->agencies, "更多机关，以逗号分隔（监督角色的机关组）");
  add->add_flag("--password-stdin", o->password_stdin, "从标准输入读取密码（一行）");
  add->callback([&ctx, o, exit_code] { *exit_code = RunAdd(ctx, *o); });
}

}  // namespace gongkai::cli
