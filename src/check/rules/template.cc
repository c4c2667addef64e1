// A table layout that does not fit the report year: the 2008-era 统计表 in a 2019+ report, the
// 2019 format in a 2021+ report, and 2019 rows inside a 2021 table (columns of table 二 that
// the 2021 format dropped; a single （六）其他处理 row where 2021 has three).
#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

constexpr char kFormat2019[] =
    "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）";
constexpr char kFormat2021[] =
    "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）";

size_t FindAny(const ReportText& t, std::initializer_list<std::u32string_view> words,
               std::u32string_view* which) {
  size_t best = std::u32string::npos;
  for (std::u32string_view w : words) {
    const size_t p = t.Find(w);
    if (p < best) {
      best = p;
      *which = w;
    }
  }
  return best;
}

}  // namespace

void CheckTemplate(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  if (!ctx.year) return;
  const int y = *ctx.year;
  const std::string ys = std::to_string(y);
  const std::string& f = ctx.report->format_id;
  const int line = ctx.report->table_first_line;
  if (f.empty()) return;

  if (f == "2008" && y >= 2019) {
    out.push_back(
        {"template",
         y == 2019 ? Severity::kWarning : Severity::kError,
         line,
         {},
         ys + "年度报告仍使用2019年以前的《政府信息公开情况统计表》：" +
             (y == 2019
                  ? std::string("2019年度报告应使用") + kFormat2019 + "（确有困难的可参照执行）"
                  : std::string(y >= 2021 ? "2021年度起应使用" : "2019、2020年度应使用") +
                        (y >= 2021 ? kFormat2021 : kFormat2019)),
         "template.format_year"});
    return;
  }
  if (f == "2019" && y >= 2021) {
    out.push_back(
        {"template",
         Severity::kError,
         line,
         {},
         ys +
             "年度报告仍使用2019年版的年度报告格式（表二有“本年新制作数量”“上一年项目数量”等"
             "列，表三“其他处理”只有一行）：2021年度起应使用" +
             std::string(kFormat2021),
         "template.format_year"});
    return;
  }
  if ((f == "2019" || f == "2021") && y <= 2018) {
    out.push_back({"template",
                   Severity::kWarning,
                   line,
                   {},
                   ys + "年度报告使用了" + (f == "2019" ? "2019" : "2021") +
                       "年版的年度报告格式，该格式" + (f == "2019" ? "自2019年度" : "自2021年度") +
                       "起才适用：请核对报告年度",
                   "template.format_year"});
    return;
  }
  if (f == "2021" && y <= 2020) {
    out.push_back({"template",
                   Severity::kWarning,
                   line,
                   {},
                   ys + "年度报告使用了2021年版的年度报告格式（2021年9月印发），" + ys +
                       "年度应使用" + std::string(kFormat2019) + "：请核对报告年度",
                   "template.format_year"});
    return;
  }
  if (f != "2021") return;

  // 2019 columns of table 二 in a 2021 table.
  std::u32string_view which;
  const size_t old_columns =
      FindAny(ctx.full,
              {U"本年新制作数量", U"本年新公开数量", U"对外公开总数量", U"上一年项目数量"}, &which);
  if (old_columns != std::u32string::npos) {
    out.push_back({"template",
                   Severity::kWarning,
                   ctx.full.LineAt(old_columns),
                   {},
                   "表二仍有2019年版格式的列“" + EncodeUtf8(which) + "”：" + ys +
                       "年度报告的表二应为“本年制发件数、本年废止件数、现行有效件数”和“本年处理决定"
                       "数量”，见" +
                       std::string(kFormat2021),
                   "template.table2_columns"});
  }
  const size_t nine = ctx.full.Find(U"第二十条第(九)项");
  if (nine != std::u32string::npos) {
    out.push_back(
        {"template",
         Severity::kWarning,
         ctx.full.LineAt(nine),
         {},
         "表二仍有2019年版格式的“第二十条第（九）项”（政府集中采购），2021年版格式已删去该项",
         "template.table2_rows"});
  }

  // One （六）其他处理 row: the 2021 sub-rows are absent everywhere in the text.
  const size_t other = ctx.full.Find(U"(六)其他处理");
  if (other != std::u32string::npos && ctx.full.Find(U"逾期不补正") == std::u32string::npos &&
      ctx.full.Find(U"逾期未按收费通知") == std::u32string::npos) {
    out.push_back(
        {"template",
         Severity::kWarning,
         ctx.full.LineAt(other),
         {},
         "表三“（六）其他处理”只有一行，这是2019年版格式的写法：" + ys +
             "年度报告应分为“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”“2."
             "申请人"
             "逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”“3.其他”三行",
         "template.other_processing"});
  }
}

}  // namespace gongkai::check::rules
