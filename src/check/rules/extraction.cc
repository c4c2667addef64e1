// What the extraction could not settle: rows whose run-together digits split in several ways,
// rows of the format that were not found, a report without a recognisable table, a text too
// long to read whole.
#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

std::string RowName(const Format* fmt, const std::string& row_id) {
  if (fmt != nullptr) {
    if (const Row* r = fmt->FindRow(row_id); r != nullptr && !r->labels.empty()) {
      return Quoted(EncodeUtf8(Compact(r->labels.back())));
    }
  }
  return row_id;
}

std::string SplitText(const std::vector<std::string>& split) {
  std::string s;
  for (size_t i = 0; i < split.size(); ++i) s += (i > 0 ? "|" : "") + split[i];
  return s;
}

}  // namespace

void CheckExtraction(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  const ExtractedReport& r = *ctx.report;
  if (r.unread_from_line > 0) {
    out.push_back({"truncated",
                   Severity::kWarning,
                   r.unread_from_line,
                   {},
                   "全文过长：查找统计表时读到第" + std::to_string(r.unread_from_line) +
                       "行已达上限（约 " + std::to_string((r.read_code_points + 5000) / 10000) +
                       " 万个字符），此后的内容未读取，其中的统计表和数字未核对",
                   "extract.truncated"});
  }
  if (r.format_id.empty()) {
    out.push_back({"missing_rows",
                   Severity::kInfo,
                   0,
                   {},
                   "未能识别出统计表（2008年以来的任一种表样）：只检查了正文，表格中的数字未核对",
                   "extract.no_table"});
    return;
  }
  for (const AmbiguousRow& a : r.ambiguous) {
    std::string msg = RowName(ctx.format, a.row_id) + "的数字" + Quoted(a.digits) +
                      "连在一起，有多种拆分都符合列数和勾稽关系";
    if (!a.splits.empty()) {
      msg += "（如 ";
      for (size_t i = 0; i < a.splits.size() && i < 3; ++i) {
        msg += (i > 0 ? "，或 " : "") + SplitText(a.splits[i]);
      }
      msg += "）";
    }
    msg += "：无法确定各格的数，该行未参与核对；请在原文中用分隔符或表格标明各格";
    out.push_back({"ambiguous", Severity::kInfo, a.line, {}, msg, "extract.ambiguous/" + a.row_id});
  }
  for (const UnreadRow& u : r.unread_rows) {
    out.push_back({"unreadable",
                   Severity::kInfo,
                   u.line,
                   {},
                   RowName(ctx.format, u.row_id) + "后的数字" + Quoted(u.text) + "读不出：" +
                       u.reason + "；该行未参与核对",
                   "extract.unread/" + u.row_id});
  }
  if (!r.missing_rows.empty()) {
    std::string names;
    for (size_t i = 0; i < r.missing_rows.size() && i < 8; ++i) {
      names += (i > 0 ? "、" : "") + RowName(ctx.format, r.missing_rows[i]);
    }
    if (r.missing_rows.size() > 8) names += "等";
    // The national 2008-era table dates from 2014 (国办发〔2014〕32号): earlier reports used
    // provincial tables, which lack rows of it by design.
    const bool national =
        r.variant.empty() && !(r.format_id == "2008" && ctx.year && *ctx.year < 2014);
    out.push_back({"missing_rows",
                   national ? Severity::kWarning : Severity::kInfo,
                   r.table_last_line,
                   {},
                   "统计表中没有读到 " + std::to_string(r.missing_rows.size()) + " 行：" + names +
                       (national ? "：表格可能不完整或被截断，这些行未参与核对"
                                 : "：地方表样或早年的表样可能没有这些行，未参与核对"),
                   "extract.missing_rows"});
  }
  if (r.cells.empty()) {
    out.push_back(
        {"missing_rows",
         Severity::kWarning,
         r.table_first_line,
         {},
         "识别出统计表（" + r.format_id + "年版表样），但没有读出任何数字：表格可能是图片或已损坏",
         "extract.no_cells"});
  }
}

}  // namespace gongkai::check::rules
