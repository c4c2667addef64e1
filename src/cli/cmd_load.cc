// gongkai load FILE.json | gongkai load --ledger FILE.csv --agency SLUG
// Reads a JSON dataset or a CSV application ledger and imports it in one transaction: one bad
// record and nothing is stored (the file is fully checked before the database is opened).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/context.h"
#include "dataset/format_check.h"
#include "dataset/json_dataset.h"
#include "dataset/ledger_csv.h"

namespace gongkai::cli {
namespace {

struct LoadOptions {
  std::string file;
  std::string ledger;
  std::string agency;
};

std::string Summary(const ImportSummary& s) {
  return "已导入：机关 " + std::to_string(s.agencies) + " 个，目录条目 " +
         std::to_string(s.catalog_items) + " 条，申请 " + std::to_string(s.applications) +
         " 件（事件 " + std::to_string(s.events) + " 个），行政复议 " + std::to_string(s.reviews) +
         " 件，行政诉讼 " + std::to_string(s.lawsuits) + " 件，其他记录 " +
         std::to_string(s.other_records) + " 条";
}

int RunLoad(Context& ctx, const LoadOptions& opts) {
  const bool is_ledger = !opts.ledger.empty();
  const std::string& path = is_ledger ? opts.ledger : opts.file;
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return Fail(bytes.status());

  Result<Dataset> dataset =
      is_ledger ? ParseLedgerCsv(*bytes, opts.agency, path) : ParseDataset(*bytes, path);
  if (!dataset.ok()) return Fail(dataset.status());
  if (!is_ledger) {
    Status st = CheckAgainstFormats(*dataset, path,
                                    [&ctx](const std::string& id) { return ctx.FormatById(id); });
    if (!st.ok()) return Fail(st);
  }

  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  if (is_ledger) {
    Result<Agency> agency = (*repo)->FindAgency(opts.agency);
    if (!agency.ok()) return Fail(agency.status());
  }
  dataset->source = (is_ledger ? "登记台账 " : "数据集 ") + path;
  Result<ImportSummary> summary = (*repo)->Import(*dataset);
  if (!summary.ok()) return Fail(summary.status().WithContext(path));
  std::cout << Summary(*summary) << '\n';
  return kExitOk;
}

}  // namespace

void AddLoadCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto opts = std::make_shared<LoadOptions>();
  CLI::App* cmd = app.add_subcommand(
      "load", "导入数据：JSON 数据集（格式见 docs/dataset-format.md），或 CSV 依申请公开登记台账");
  cmd->add_option("FILE", opts->file, "JSON 数据集文件");
  cmd->add_option("--ledger", opts->ledger,
                  "CSV 登记台账文件（UTF-8 或 GB18030/GBK，表头为中文列名）");
  cmd->add_option("--agency", opts->agency, "台账所属机关的标识（须已存在），与 --ledger 一起使用");
  cmd->callback([&ctx, exit_code, opts] {
    if (opts->file.empty() == opts->ledger.empty()) {
      throw CLI::ValidationError(
          "load", "请给出一个 JSON 数据集文件，或用 --ledger 给出 CSV 台账（二者选一）");
    }
    if (!opts->ledger.empty() && opts->agency.empty()) {
      throw CLI::ValidationError("--agency", "导入台账须用 --agency 指明所属机关");
    }
    if (opts->ledger.empty() && !opts->agency.empty()) {
      throw CLI::ValidationError("--agency",
                                 "--agency 只用于 --ledger；JSON 数据集中每条记录自带机关");
    }
    *exit_code = RunLoad(ctx, *opts);
  });
}

}  // namespace gongkai::cli
