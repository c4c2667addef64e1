// What every subcommand shares: global options, data files, the database, and the one place
// that turns a Status into an exit code and a one-line message.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/calendar/work_calendar.h"
#include "core/date.h"
#include "core/repository.h"
#include "core/status.h"
#include "report/format.h"

namespace CLI {
class App;
}

namespace gongkai::cli {

// Exit codes (README "Exit codes"): 0 success, 1 user error, 2 usage error; `check` uses 3 for
// "read, but with error findings".
inline constexpr int kExitOk = 0;
inline constexpr int kExitUserError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFindings = 3;  // `check`: read, but with error findings

struct GlobalOptions {
  std::string db_url = "var/gongkai.db";  // --db
  std::string data_dir;                   // --data; default: $GONGKAI_DATA or the built-in path
  std::string today;                      // --today (YYYY-MM-DD); default: the system date
};

class Context {
 public:
  // `options` is filled by the parser and read lazily, so it must outlive the context.
  explicit Context(const GlobalOptions& options) : options_(options) {}

  const GlobalOptions& options() const { return options_; }
  // The data directory: --data, else $GONGKAI_DATA, else the source tree's data/.
  std::string DataDir() const;
  // Today's date (--today or the system clock): the only place the CLI reads the clock.
  Result<Date> Today() const;
  // The working-day calendar from <data>/holidays-cn.csv (loaded once).
  Result<const WorkCalendar*> Calendar();
  // A report format from <data>/formats/<id>.json (loaded once). kNotFound for an unknown id.
  Result<const Format*> FormatById(const std::string& id);
  // The database (opened once, migrations applied).
  Result<Repository*> Repo();

 private:
  const GlobalOptions& options_;
  std::unique_ptr<WorkCalendar> calendar_;
  std::map<std::string, std::unique_ptr<Format>> formats_;
  std::unique_ptr<Repository> repo_;
};

// Prints "错误：<message>" to stderr and returns the exit code for `status` (1 for every
// user-facing error, including storage errors).
int Fail(const Status& status);

// Reads a whole file. kNotFound "无法读取文件 PATH：reason".
Result<std::string> ReadFile(const std::string& path);

// Subcommand registration: each adds its subcommand to `app` and sets its callback, which
// stores the exit code in *exit_code. Defined in cmd_<name>.cc.
void AddLoadCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddDeadlineCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddReportCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddDemoCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddAgenciesCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddCheckCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddImportCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddSearchCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddUserCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddGuideCommand(CLI::App& app, Context& ctx, int* exit_code);
void AddServeCommand(CLI::App& app, Context& ctx, int* exit_code);

}  // namespace gongkai::cli
