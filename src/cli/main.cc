// gongkai: the single binary. Subcommands live in cmd_<name>.cc; this file wires the global
// options and maps CLI11's usage errors to exit code 2.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/context.h"

int main(int argc, char** argv) {
  using gongkai::cli::Context;
  gongkai::cli::GlobalOptions options;
  CLI::App app{"gongkai（公开）— 政府信息公开工作平台：记录、期限与年度报告", "gongkai"};
  app.require_subcommand(1);
  app.fallthrough();
  app.option_defaults()->always_capture_default();
  app.add_option("--db", options.db_url,
                 "数据库：SQLite 文件路径，或 postgresql://… 连接串")
      ->envname("GONGKAI_DB");
  app.add_option("--data", options.data_dir, "数据目录（节假日表与年报格式），默认 $GONGKAI_DATA 或内置路径");
  app.add_option("--today", options.today, "把“今天”设为该日期（YYYY-MM-DD），用于测试与复现");

  Context ctx(options);
  int exit_code = gongkai::cli::kExitOk;
  gongkai::cli::AddLoadCommand(app, ctx, &exit_code);
  gongkai::cli::AddDeadlineCommand(app, ctx, &exit_code);
  gongkai::cli::AddReportCommand(app, ctx, &exit_code);
  gongkai::cli::AddDemoCommand(app, ctx, &exit_code);
  gongkai::cli::AddAgenciesCommand(app, ctx, &exit_code);
  gongkai::cli::AddCheckCommand(app, ctx, &exit_code);
  gongkai::cli::AddImportCommand(app, ctx, &exit_code);
  gongkai::cli::AddSearchCommand(app, ctx, &exit_code);
  gongkai::cli::AddUserCommand(app, ctx, &exit_code);
  gongkai::cli::AddGuideCommand(app, ctx, &exit_code);
  gongkai::cli::AddServeCommand(app, ctx, &exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "用法错误：" << e.what() << "\n（运行 gongkai --help 查看用法）\n";
    return gongkai::cli::kExitUsage;
  } catch (const std::exception& e) {
    // Never a crash: report what happened as a one-line error.
    std::cerr << "错误：内部错误：" << e.what() << '\n';
    return gongkai::cli::kExitUserError;
  }
  return exit_code;
}
