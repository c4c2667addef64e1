// TEMPORARY placeholder while the command is being written; replaced by its owner.
#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace gongkai::cli {

void AddDemoCommand(CLI::App& app, Context& ctx, int* exit_code) {
  app.add_subcommand("demo", "(未完成)")->callback([exit_code] { *exit_code = Fail(Internal("未完成")); });
}

}  // namespace gongkai::cli
