// gongkai demo generate --agencies N --applications M --seed S [--years 2018-2025] [--output FILE]
// Generates consistent demo records (dataset/demo.h); writes them as a JSON dataset, or imports
// them into the database when no --output is given.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/context.h"
#include "dataset/demo.h"
#include "dataset/json_dataset.h"

namespace gongkai::cli {
namespace {

struct DemoCliOptions {
  int agencies = 2;
  int applications = 600;
  uint64_t seed = 2026;
  std::string years = "2018-2025";
  std::string until;
  std::string output;
};

// "2018-2025" or "2021" → first and last year.
Status ParseYears(const std::string& text, int* first, int* last) {
  const size_t dash = text.find('-');
  try {
    size_t used = 0;
    *first = std::stoi(text.substr(0, dash), &used);
    if (used != (dash == std::string::npos ? text.size() : dash)) throw std::invalid_argument(text);
    *last = *first;
    if (dash != std::string::npos) {
      const std::string tail = text.substr(dash + 1);
      *last = std::stoi(tail, &used);
      if (used != tail.size()) throw std::invalid_argument(text);
    }
  } catch (const std::exception&) {
    return InvalidInput("--years 应写作 2018-2025 或 2021，实际为 \"" + text + "\"");
  }
  if (*first > *last) return InvalidInput("--years 的起始年份晚于结束年份：\"" + text + "\"");
  return Status::Ok();
}

Status WriteOutput(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? Status::Ok() : InvalidInput("无法写入标准输出");
  }
  // Atomically: a temporary file beside the target, then rename.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return InvalidInput("无法写入文件 " + path);
    out << text;
    if (!out.flush()) {
      std::remove(tmp.c_str());
      return InvalidInput("无法写入文件 " + path);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return InvalidInput("无法写入文件 " + path + "：" + ec.message());
  }
  return Status::Ok();
}

int RunGenerate(Context& ctx, const DemoCliOptions& o) {
  DemoOptions opt;
  opt.agencies = o.agencies;
  opt.applications = o.applications;
  opt.seed = o.seed;
  if (Status st = ParseYears(o.years, &opt.first_year, &opt.last_year); !st.ok()) return Fail(st);
  if (!o.until.empty()) {
    Result<Date> until = Date::Parse(o.until);
    if (!until.ok()) return Fail(until.status().WithContext("--until"));
    opt.until = *until;
  }
  Result<const WorkCalendar*> cal = ctx.Calendar();
  if (!cal.ok()) return Fail(cal.status());
  opt.calendar = *cal;
  Result<Dataset> dataset = GenerateDemo(opt);
  if (!dataset.ok()) return Fail(dataset.status());

  if (!o.output.empty()) {
    Result<std::string> json = DatasetToJson(*dataset);
    if (!json.ok()) return Fail(json.status());
    if (Status st = WriteOutput(o.output, *json); !st.ok()) return Fail(st);
    if (o.output != "-") {
      std::cout << "已生成演示数据：机关 " << dataset->agencies.size() << " 个，目录条目 "
                << dataset->catalog_items.size() << " 条，申请 " << dataset->applications.size()
                << " 件 → " << o.output << '\n';
    }
    return kExitOk;
  }
  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  dataset->source = "演示数据 gongkai demo generate --agencies " + std::to_string(o.agencies) +
                    " --applications " + std::to_string(o.applications) + " --seed " +
                    std::to_string(o.seed) + " --years " + o.years +
                    (o.until.empty() ? "" : " --until " + o.until);
  Result<ImportSummary> s = (*repo)->Import(*dataset);
  if (!s.ok()) return Fail(s.status());
  std::cout << "已导入演示数据：机关 " << s->agencies << " 个，目录条目 " << s->catalog_items
            << " 条，申请 " << s->applications << " 件（事件 " << s->events << " 个），行政复议 "
            << s->reviews << " 件，行政诉讼 " << s->lawsuits << " 件，其他记录 " << s->other_records
            << " 条\n";
  return kExitOk;
}

}  // namespace

void AddDemoCommand(CLI::App& app, Context& ctx, int* exit_code) {
  CLI::App* demo = app.add_subcommand("demo", "演示数据");
  demo->require_subcommand(1);
  auto o = std::make_shared<DemoCliOptions>();
  CLI::App* gen = demo->add_subcommand(
      "generate",
      "生成虚构机关（江北省江城市）的演示数据：写成 JSON 数据集（--output），或导入数据库");
  gen->add_option("--agencies", o->agencies, "机关数（第一个为区政府办公室，其余为区政府部门）")
      ->check(CLI::Range(1, 60));
  gen->add_option("--applications", o->applications, "依申请公开申请总数（分布到各机关、各年）")
      ->check(CLI::Range(0, 1000000));
  gen->add_option("--seed", o->seed, "随机种子：同一种子生成完全相同的数据");
  gen->add_option("--years", o->years, "年份范围，如 2018-2025");
  gen->add_option("--until", o->until,
                  "截止日期 YYYY-MM-DD（在结束年份内）：此后不再有任何记录，办理中的申请保持未办结");
  gen->add_option("--output", o->output,
                  "写入 JSON 数据集文件（- 为标准输出）；不给则导入 --db 数据库");
  gen->callback([&ctx, exit_code, o] { *exit_code = RunGenerate(ctx, *o); });
}

}  // namespace gongkai::cli
