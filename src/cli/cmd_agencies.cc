// gongkai agencies [--tsv]: the agencies of the deployment and the years they have records for.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/context.h"

namespace gongkai::cli {
namespace {

int Run(Context& ctx, bool tsv) {
  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  Result<std::vector<Agency>> agencies = (*repo)->ListAgencies();
  if (!agencies.ok()) return Fail(agencies.status());
  if (!tsv) std::cout << "机关代码\t名称\t有记录的年份\n";
  for (const Agency& a : *agencies) {
    Result<std::vector<int>> years = (*repo)->YearsWithRecords(a.id);
    if (!years.ok()) return Fail(years.status());
    if (years->empty()) {
      if (!tsv) std::cout << a.slug << '\t' << a.name << "\t（无记录）\n";
      continue;
    }
    if (tsv) {
      std::cout << a.slug << '\t' << a.name << '\t' << years->front() << '\t' << years->back()
                << '\n';
    } else {
      std::cout << a.slug << '\t' << a.name << '\t' << years->front() << "–" << years->back()
                << '\n';
    }
  }
  return kExitOk;
}

}  // namespace

void AddAgenciesCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto tsv = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("agencies", "列出本部署的机关及其有记录的年份");
  cmd->add_flag("--tsv", *tsv, "机器可读：slug、名称、首年、末年，以制表符分隔");
  cmd->callback([&ctx, tsv, exit_code] { *exit_code = Run(ctx, *tsv); });
}

}  // namespace gongkai::cli
