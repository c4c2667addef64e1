// gongkai report --agency SLUG --year Y [--format 2008|2019|2021] [--output FILE]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "cli/context.h"
#include "render/render.h"
#include "report/build.h"

namespace gongkai::cli {
namespace {

struct ReportArgs {
  std::string agency;
  int year = 0;
  std::string format;
  std::string output;
};

Status CheckYearKnown(Repository& repo, const Agency& agency, int year, const WorkCalendar& cal) {
  if (!cal.Covers(year)) {
    return OutOfCalendar("日历未收录" + std::to_string(year) +
                         "年的节假日安排，无法计算该年度的期限与报告");
  }
  Result<std::vector<int>> years = repo.YearsWithRecords(agency.id);
  if (!years.ok()) return years.status();
  // A year with no record of its own can still be reported if cases carry over into it.
  const bool known = std::any_of(years->begin(), years->end(), [&](int y) { return y <= year; });
  if (!known) {
    std::string have;
    for (int y : *years) have += (have.empty() ? "" : "、") + std::to_string(y);
    return NotFound("机关 " + agency.slug + " 在 " + std::to_string(year) +
                    " 年及以前没有任何记录" + (have.empty() ? "" : "（有记录的年份：" + have + "）"));
  }
  return Status::Ok();
}

int Run(Context& ctx, const ReportArgs& args) {
  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  Result<const WorkCalendar*> cal = ctx.Calendar();
  if (!cal.ok()) return Fail(cal.status());
  Result<Agency> agency = (*repo)->FindAgency(args.agency);
  if (!agency.ok()) return Fail(agency.status());
  if (Status st = CheckYearKnown(**repo, *agency, args.year, **cal); !st.ok()) return Fail(st);

  const std::string format_id = args.format.empty() ? DefaultFormatForYear(args.year) : args.format;
  Result<const Format*> fmt = ctx.FormatById(format_id);
  if (!fmt.ok()) return Fail(fmt.status());
  Result<Date> today = ctx.Today();
  if (!today.ok()) return Fail(today.status());

  Result<YearRecords> records = (*repo)->LoadYear(agency->id, args.year);
  if (!records.ok()) return Fail(records.status());
  std::optional<YearRecords> previous;
  if ((*cal)->Covers(args.year - 1)) {
    Result<YearRecords> prev = (*repo)->LoadYear(agency->id, args.year - 1);
    if (!prev.ok()) return Fail(prev.status());
    previous = std::move(prev).value();
  }
  BuildOptions options;
  options.generated_on = today->ToString();
  options.previous = previous ? &*previous : nullptr;
  Result<Report> report = BuildReport(**fmt, *records, **cal, options);
  if (!report.ok()) {
    return Fail(report.status().WithContext(agency->slug + " " + std::to_string(args.year) +
                                            "年报（" + format_id + "格式）"));
  }

  if (args.output.empty() || args.output == "-") {
    std::cout << RenderText(*report);
  } else if (Status st = WriteReport(*report, args.output); !st.ok()) {
    return Fail(st);
  }
  for (const Finding& f : report->findings) {
    std::cerr << ToChinese(f.severity) << " [" << f.rule << "] " << f.message << '\n';
  }
  std::cerr << (args.output.empty() ? std::string("已生成") : "已写入 " + args.output) << "："
            << report->title << "（" << format_id << "格式），" << report->ErrorCount()
            << " 个错误，" << report->WarningCount() << " 个警告\n";
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "生成年度报告（统计表与正文），并按格式的勾稽关系检查");
  cmd->add_option("--agency", args->agency, "机关代码（slug）")->required();
  cmd->add_option("--year", args->year, "报告年度")->required()->check(CLI::Range(1990, 2100));
  cmd->add_option("--format", args->format,
                  "表格格式：2008、2019 或 2021（默认按年度：≤2018→2008，2019–2020→2019，≥2021→2021）")
      ->check(CLI::IsMember({"2008", "2019", "2021"}));
  cmd->add_option("--output,-o", args->output,
                  "输出文件，类型由扩展名决定：.txt .html .json .xlsx .pdf；省略则把文本打印到标准输出");
  cmd->callback([&ctx, args, exit_code] { *exit_code = Run(ctx, *args); });
}

}  // namespace gongkai::cli
