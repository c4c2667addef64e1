// gongkai import FILE --agency SLUG [--year Y] [--by NAME] [--format 2008|2019|2021]
//
// Stores the figures of an annual report published outside gongkai (cells, findings, the
// file's SHA-256, who and when) as the external report of that agency and year, replacing an
// earlier import; refuses to overwrite a report gongkai published.
#include <sodium.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/context.h"
#include "cli/report_file.h"

namespace gongkai::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string agency;
  int year = 0;
  std::string by;
  std::string format;
};

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string WhoImports(const ImportArgs& args) {
  if (!args.by.empty()) return args.by;
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "unknown";
}

int Run(Context& ctx, const ImportArgs& args) {
  if (sodium_init() < 0) return Fail(Internal("libsodium 初始化失败"));
  Result<Repository*> repo = ctx.Repo();
  if (!repo.ok()) return Fail(repo.status());
  Result<Agency> agency = (*repo)->FindAgency(args.agency);
  if (!agency.ok()) return Fail(agency.status());

  ReportChecker checker(ctx);
  if (Status st = checker.Init(); !st.ok()) return Fail(st);
  Result<ReportFile> file = checker.Read(args.file, args.format);
  if (!file.ok()) return Fail(file.status());
  checker.Check(*file, nullptr);
  const check::ExtractedReport& r = file->report;
  if (r.format_id.empty() || r.cells.empty()) {
    return Fail(
        InvalidInput(args.file + "：未能读出统计表，无法导入（可先用 gongkai check 查看原因）"));
  }
  int year = args.year;
  if (year == 0) {
    if (!r.year) {
      return Fail(InvalidInput(args.file + "：无法从报告中识别年度，请用 --year 指定"));
    }
    year = *r.year;
  } else if (r.year && *r.year != year) {
    std::cerr << "注意：报告标题的年度是 " << *r.year << " 年，按 --year 导入为 " << year
              << " 年\n";
  }

  ExternalReport ext;
  ext.agency_id = agency->id;
  ext.year = year;
  ext.format_id = r.format_id;
  ext.source_name = args.file;
  ext.source_sha256 = Sha256Hex(file->bytes);
  ext.cells_json = CellsJson(r).dump();
  ext.findings_json = FindingsJson(file->findings).dump();
  ext.imported_by = WhoImports(args);
  if (Status st = (*repo)->SaveExternalReport(ext); !st.ok()) {
    return Fail(st.WithContext(agency->slug + " " + std::to_string(year) + " 年"));
  }
  std::cout << "已导入 " << args.file << "：" << agency->name << "（" << agency->slug << "）"
            << year << " 年外部年报，" << r.format_id << "年版表样，" << r.cells.size()
            << " 个单元格；" << CountOf(file->findings, Severity::kError) << " 个错误、"
            << CountOf(file->findings, Severity::kWarning) << " 个警告、"
            << CountOf(file->findings, Severity::kInfo) << " 个提示；SHA-256 " << ext.source_sha256
            << "；导入人 " << ext.imported_by << '\n';
  return kExitOk;
}

}  // namespace

void AddImportCommand(CLI::App& app, Context& ctx, int* exit_code) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "导入在 gongkai "
      "之外发布的年度报告：读出统计表并检查，作为该机关该年度的外部年报保存（同一机关同一"
      "年度再次导入时替换；不会覆盖 gongkai 已发布的年报）");
  cmd->add_option("FILE", args->file, "年报文件（文本、网页或 PDF）")->required();
  cmd->add_option("--agency", args->agency, "机关代码（slug）")->required();
  cmd->add_option("--year", args->year, "报告年度（默认取报告标题中的年度）")
      ->check(CLI::Range(1990, 2100));
  cmd->add_option("--by", args->by, "导入人（默认为环境变量 USER）");
  cmd->add_option("--format", args->format, "按指定表样读取（默认自动识别）")
      ->check(CLI::IsMember({"2008", "2019", "2021"}));
  cmd->callback([&ctx, args, exit_code] { *exit_code = Run(ctx, *args); });
}

}  // namespace gongkai::cli
