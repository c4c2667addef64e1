// gongkai check FILE... [--previous FILE] [--json] [--format 2008|2019|2021]
//
// Reads published annual reports (text, HTML, PDF), extracts their tables and lists what is
// wrong with them. Exit 0 when no file has an error finding, 3 when one has, 1 when a file
// cannot be read (the others are still checked).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/context.h"
#include "cli/report_file.h"

namespace gongkai::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string previous;
  std::string format;
  bool json = false;
};

std::string Describe(const ReportFile& f) {
  const check::ExtractedReport& r = f.report;
  std::string s;
  if (f.format != nullptr) {
    s += "表样：" + r.format_id + "年版" + f.format->name;
    if (!r.variant.empty()) s += "（地方表样 " + r.variant + "）";
  } else {
    s += "表样：未识别";
  }
  s += "；机关：" + (r.agency.empty() ? std::string("未识别") : r.agency);
  s += "；年度：" + (r.year ? std::to_string(*r.year) : std::string("未识别"));
  s += "；读出 " + std::to_string(r.cells.size()) + " 个单元格";
  return s;
}

void PrintHuman(const ReportFile& f) {
  std::cout << "== " << f.path << " ==\n" << Describe(f) << '\n';
  if (f.findings.empty()) {
    std::cout << "未发现问题\n";
    return;
  }
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    const int n = CountOf(f.findings, s);
    if (n == 0) continue;
    std::cout << ToChinese(s) << "（" << n << "）：\n";
    for (const check::CheckFinding& x : f.findings) {
      if (x.severity != s) continue;
      std::cout << "  " << (x.line > 0 ? "第" + std::to_string(x.line) + "行" : std::string("全文"))
                << " [" << x.rule << "] " << x.message << '\n';
    }
  }
  std::cout << "共 " << CountOf(f.findings, Severity::kError) << " 个错误、"
            << CountOf(f.findings, Severity::kWarning) << " 个警告、"
            << CountOf(f.findings, Severity::kInfo) << " 个提示\n";
}

nlohmann::json FileJson(const ReportFile& f) {
  const check::ExtractedReport& r = f.report;
  nlohmann::json j;
  j["file"] = f.path;
  j["format"] = r.format_id.empty() ? nlohmann::json() : nlohmann::json(r.format_id);
  j["variant"] = r.variant;
  j["agency"] = r.agency;
  j["year"] = r.year ? nlohmann::json(*r.year) : nlohmann::json();
  if (r.period_from && r.period_to) {
    j["period"] = {{"from", r.period_from->ToString()}, {"to", r.period_to->ToString()}};
  } else {
    j["period"] = nullptr;
  }
  j["cells"] = CellsJson(r);
  j["ambiguous"] = nlohmann::json::array();
  for (const check::AmbiguousRow& a : r.ambiguous) {
    j["ambiguous"].push_back(
        {{"row", a.row_id}, {"line", a.line}, {"digits", a.digits}, {"splits", a.splits}});
  }
  j["missing_rows"] = r.missing_rows;
  j["unread_rows"] = nlohmann::json::array();
  for (const check::UnreadRow& u : r.unread_rows) {
    j["unread_rows"].push_back(
        {{"row", u.row_id}, {"line", u.line}, {"text", u.text}, {"reason", u.reason}});
  }
  j["findings"] = FindingsJson(f.findings);
  j["counts"] = {{"error", CountOf(f.findings, Severity::kError)},
                 {"warning", CountOf(f.findings, Severity::kWarning)},
                 {"info", CountOf(f.findings, Severity::kInfo)}};
  return j;
}

int Run(Context& ctx, const CheckArgs& args) {
  ReportChecker checker(ctx);
  if (Status st = checker.Init(); !st.ok()) return Fail(st);

  std::optional<ReportFile> previous;
  if (!args.previous.empty()) {
    Result<ReportFile> p = checker.Read(args.previous, "");
    if (!p.ok()) return Fail(p.status().WithContext("上一年度报告"));
    previous = std::move(p).value();
  }

  bool unreadable = false, errors = false;
  nlohmann::json files = nlohmann::json::array();
  for (const std::string& path : args.files) {
    Result<ReportFile> f = checker.Read(path, args.format);
    if (!f.ok()) {
      unreadable = true;
      Fail(f.status());
      if (args.json) files.push_back({{"file", path}, {"error", f.status().message()}});
      continue;
    }
    checker.Check(*f, previous ? &*previous : nullptr);
    errors = errors || CountOf(f->findings, Severity::kError) > 0;
    if (args.json) {
      files.push_back(FileJson(*f));
    } else {
      PrintHuman(*f);
    }
  }
  if (args.json) std::cout << nlohmann::json{{"files", files}}.dump(2) << '\n';
  if (unreadable) return kExitUserError;
  return errors ? kExitFindings : kExitOk;
}

}  // namespace

void AddCheckCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "检查已发布的政府信息公开工作年度报告（文本、网页、PDF）：读出统计表，列出错误、警告和提示。"
      "无错误时退出码 0，有错误时 3，文件无法读取时 1");
  cmd->add_option("FILE", args->files, "要检查的年报文件（可多个）")->required();
  cmd->add_option("--previous", args->previous,
                  "同一机关上一年度的年报文件：核对上年结转与上年结转下年度，并检查内容雷同");
  cmd->add_option("--format", args->format, "按指定表样读取（默认自动识别）")
      ->check(CLI::IsMember({"2008", "2019", "2021"}));
  cmd->add_flag("--json", args->json,
                "输出 JSON：每个文件的 format、agency、year、cells、ambiguous、findings");
  cmd->callback([&ctx, args, exit_code] { *exit_code = Run(ctx, *args); });
}

}  // namespace gongkai::cli
