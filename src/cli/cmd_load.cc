// TEMPORARY placeholder while the command is being written; replaced by its owner.
#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace gongkai::cli {

void AddLoadCommand(CLI::App& app, Context& ctx, int* exit_code) {
  app.add_subcommand("load", "(未完成)")->callback([exit_code] { *exit_code = Fail(Internal("未完成")); });
}

}  // namespace gongkai::cli
