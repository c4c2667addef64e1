#include "check/extract/detect.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "check/extract/label.h"
#include "core/date.h"

namespace gongkai::check::extract {
namespace {

constexpr size_t kTitleZone = 3000;  // the title is near the top (after any site chrome)
constexpr size_t kPeriodZone = 20000;
constexpr size_t kMaxName = 40;

int CountPresent(const Stream& st, std::initializer_list<std::u32string_view> words) {
  int n = 0;
  for (std::u32string_view w : words) {
    if (FindExact(st, w, 0, st.size()) != std::u32string::npos) ++n;
  }
  return n;
}

bool IsNameChar(char32_t c) {
  return IsCjk(c) || c == '(' || c == ')' || c == 0x00B7 || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

bool EndsWithOrgSuffix(std::u32string_view name) {
  static constexpr std::array<std::u32string_view, 40> kSuffixes = {
      U"府", U"局",   U"委",   U"会", U"办", U"室", U"院",   U"厅", U"部", U"署",
      U"区", U"县",   U"市",   U"省", U"镇", U"乡", U"处",   U"所", U"站", U"中心",
      U"馆", U"队",   U"司",   U"行", U"社", U"团", U"旗",   U"盟", U"州", U"街道",
      U"村", U"公司", U"集团", U"组", U"校", U"园", U"监狱", U"台", U"科", U"办事处"};
  for (std::u32string_view s : kSuffixes) {
    if (name.size() > s.size() && name.ends_with(s)) return true;
  }
  return false;
}

// The name printed right before stream index `end` on the same run of text (no whitespace
// between), cut at punctuation and at site chrome ("…年报", "首页…").
std::u32string NameBefore(const Stream& st, size_t end, size_t* start) {
  size_t p = end;
  // One space may separate the name from what follows on the same line ("平潭综合实验区 2014年度").
  const bool same_line_gap = p > 0 && p < st.size() && st.brk[p] && st.line[p - 1] == st.line[p];
  if (same_line_gap && IsNameChar(st.text[p - 1])) --p;
  while (p > 0 && end - p < kMaxName && IsNameChar(st.text[p - 1]) && !st.brk[p]) --p;
  std::u32string name = st.text.substr(p, end - p);
  for (std::u32string_view chrome : {U"年报", U"首页", U"当前位置", U"正文", U"报告"}) {
    size_t q = name.rfind(chrome);
    if (q != std::u32string::npos) {
      p += q + chrome.size();
      name = name.substr(q + chrome.size());
    }
  }
  if (name.ends_with(U"关于")) name.resize(name.size() - 2);
  if (name.starts_with(U"关于")) {
    name = name.substr(2);
    p += 2;
  }
  *start = p;
  return name;
}

// The text of the stream line that ends right before index `i` (the previous printed line).
std::u32string PreviousLine(const Stream& st, size_t i, size_t* start) {
  if (i == 0) return U"";
  const int line = st.line[i - 1];
  size_t p = i;
  while (p > 0 && st.line[p - 1] == line) --p;
  *start = p;
  return st.text.substr(p, i - p);
}

bool IsPlausibleName(std::u32string_view name) {
  if (name.size() < 2 || name.size() > kMaxName) return false;
  for (char32_t c : name) {
    if (!IsNameChar(c)) return false;
  }
  return true;
}

// A year "2021" (also "2021 " with the digits spread by a PDF) ending right before `pos`.
std::optional<int> YearBefore(const Stream& st, size_t pos, size_t* start) {
  if (pos < 4) return std::nullopt;
  for (size_t k = pos - 4; k < pos; ++k) {
    if (!IsDigit(st.text[k])) return std::nullopt;
  }
  if (pos > 4 && IsDigit(st.text[pos - 5])) return std::nullopt;
  int y = 0;
  for (size_t k = pos - 4; k < pos; ++k) y = y * 10 + static_cast<int>(st.text[k] - '0');
  if (y < 1990 || y > 2100) return std::nullopt;
  *start = pos - 4;
  return y;
}

// Digits (or a Chinese numeral with 〇) at `pos`; advances *pos.
std::optional<int> NumberAt(const Stream& st, size_t* pos, size_t max_digits) {
  size_t p = *pos;
  int v = 0;
  size_t n = 0;
  while (p < st.size() && IsDigit(st.text[p]) && n < max_digits) {
    v = v * 10 + static_cast<int>(st.text[p] - '0');
    ++p;
    ++n;
  }
  if (n == 0) return std::nullopt;
  if (p < st.size() && IsDigit(st.text[p])) return std::nullopt;
  *pos = p;
  return v;
}

// "2021年1月1日" at `pos` (Arabic digits); sets *end.
std::optional<Date> DateAt(const Stream& st, size_t pos, size_t* end) {
  size_t p = pos;
  auto y = NumberAt(st, &p, 4);
  if (!y || *y < 1990 || *y > 2100 || p >= st.size() || st.text[p] != U'年') return std::nullopt;
  ++p;
  auto m = NumberAt(st, &p, 2);
  if (!m || *m < 1 || *m > 12 || p >= st.size() || st.text[p] != U'月') return std::nullopt;
  ++p;
  auto d = NumberAt(st, &p, 2);
  if (!d || *d < 1 || *d > 31) return std::nullopt;
  if (p < st.size() && (st.text[p] == U'日' || st.text[p] == U'号')) ++p;
  Result<Date> date =
      Date::Parse(std::to_string(*y) + "-" + (*m < 10 ? "0" : "") + std::to_string(*m) + "-" +
                  (*d < 10 ? "0" : "") + std::to_string(*d));
  if (!date.ok()) return std::nullopt;
  *end = p;
  return date.value();
}

// "12月31日" at `pos`, in `year`; sets *end.
std::optional<Date> MonthDayAt(const Stream& st, size_t pos, int year, size_t* end) {
  if (pos > 0 && IsDigit(st.text[pos - 1])) return std::nullopt;
  size_t p = pos;
  auto m = NumberAt(st, &p, 2);
  if (!m || *m < 1 || *m > 12 || p >= st.size() || st.text[p] != U'月') return std::nullopt;
  ++p;
  auto d = NumberAt(st, &p, 2);
  if (!d || *d < 1 || *d > 31) return std::nullopt;
  if (p < st.size() && (st.text[p] == U'日' || st.text[p] == U'号')) ++p;
  Result<Date> date =
      Date::Parse(std::to_string(year) + "-" + (*m < 10 ? "0" : "") + std::to_string(*m) + "-" +
                  (*d < 10 ? "0" : "") + std::to_string(*d));
  if (!date.ok()) return std::nullopt;
  *end = p;
  return date.value();
}

// A date written in Chinese numerals ("二〇一二年二月二十日") at `pos`; only its extent matters.
bool ChineseDateAt(const Stream& st, size_t pos, size_t* end) {
  static const std::u32string_view kYearDigits = U"〇零一二三四五六七八九";
  size_t p = pos;
  size_t n = 0;
  while (p < st.size() && kYearDigits.find(st.text[p]) != std::u32string_view::npos) {
    ++p;
    ++n;
  }
  if (n != 4 || p >= st.size() || st.text[p] != U'年') return false;
  ++p;
  size_t q = st.text.find(U'日', p);
  if (q == std::u32string::npos || q - p > 6) return false;
  *end = q + 1;
  return true;
}

void AddMention(ExtractedReport* out, const char* source, std::u32string_view name, int line) {
  for (const AgencyMention& m : out->agency_mentions) {
    if (m.source == source && m.line == line) return;
  }
  out->agency_mentions.push_back({source, EncodeUtf8(name), line});
}

void DetectTitle(const Stream& st, ExtractedReport* out) {
  const size_t zone = std::min(st.size(), kTitleZone);
  static constexpr std::array<std::u32string_view, 3> kHeads = {U"政府信息公开", U"政务公开",
                                                                U"信息公开"};
  for (size_t p = 0; p < zone; ++p) {
    size_t head = 0;
    for (std::u32string_view h : kHeads) {
      if (std::u32string_view(st.text).substr(p, h.size()) == h) {
        head = h.size();
        break;
      }
    }
    if (head == 0) continue;
    // "…公开(工作)(年度)报告" / "…公开年报" closely after.
    const std::u32string_view after = std::u32string_view(st.text).substr(p + head, 8);
    const size_t rep = after.find(U"报告");
    const size_t ann = after.find(U"年报");
    if (rep == std::u32string_view::npos && ann == std::u32string_view::npos) continue;
    if (after.substr(0, std::min(rep, ann)).find(U"统计") != std::u32string_view::npos) continue;
    // "2021年" / "2021年度" right before; or at the start of the title with the name between
    // ("2021年度南京市统计局政府信息公开工作年度报告").
    size_t q = p;
    if (q > 0 && st.text[q - 1] == U'度') --q;
    size_t ystart = 0;
    std::optional<int> year;
    if (q > 0 && st.text[q - 1] == U'年') year = YearBefore(st, q - 1, &ystart);
    if (!year) {
      const int line = st.line[p];
      for (size_t k = p; k > 0 && p - k < kMaxName && st.line[k - 1] == line; --k) {
        if (st.text[k - 1] == U'度' || st.text[k - 1] == U'年') {
          size_t y = k - 1;
          if (st.text[y] == U'度' && y > 0 && st.text[y - 1] == U'年') --y;
          if (st.text[y] != U'年') continue;
          size_t ys = 0;
          std::optional<int> yy = YearBefore(st, y, &ys);
          const bool starts = ys == 0 || st.brk[ys];
          if (!yy || !starts) continue;
          year = yy;
          ystart = ys;
          std::u32string name = st.text.substr(k, p - k);
          if (IsPlausibleName(name) && EndsWithOrgSuffix(name)) {
            AddMention(out, "title", name, st.line[k]);
          }
          break;
        }
      }
      if (!year) continue;
      if (!out->year) {
        out->year = year;
        out->year_line = st.line[ystart];
      }
      return;
    }
    if (!out->year) {
      out->year = year;
      out->year_line = st.line[ystart];
    }
    size_t nstart = 0;
    std::u32string name = NameBefore(st, ystart, &nstart);
    int line = st.line[ystart];
    if (name.empty()) {
      size_t ls = 0;
      std::u32string prev = PreviousLine(st, ystart, &ls);
      if (st.line[ystart] != (ystart > 0 ? st.line[ystart - 1] : 0) && IsPlausibleName(prev)) {
        name = prev;
        line = st.line[ls];
      }
    }
    if (IsPlausibleName(name) && EndsWithOrgSuffix(name)) {
      AddMention(out, "title", name, line);
    }
    return;  // the first title-like phrase decides
  }
}

void DetectFiller(const Stream& st, ExtractedReport* out) {
  for (size_t p = FindExact(st, U"填报单位", 0, st.size()); p != std::u32string::npos;
       p = FindExact(st, U"填报单位", p + 1, st.size())) {
    size_t q = p + 4;
    if (std::u32string_view(st.text).substr(q, 4) == U"(盖章)") q += 4;
    while (q < st.size() && (st.text[q] == ':' || st.text[q] == ',')) ++q;
    size_t e = q;
    while (e < st.size() && e - q < kMaxName && IsNameChar(st.text[e]) && (e == q || !st.brk[e])) {
      ++e;
    }
    std::u32string name = st.text.substr(q, e - q);
    if (IsPlausibleName(name)) AddMention(out, "filler", name, st.line[q]);
  }
}

void DetectSignature(const Stream& st, ExtractedReport* out) {
  // A date alone on its line, with the agency's name on the line above (or before it on the
  // same line). The last one before the tables' annex is the signature.
  for (size_t p = 0; p < st.size(); ++p) {
    if (!st.brk[p]) continue;
    size_t end = 0;
    bool date = DateAt(st, p, &end).has_value() || ChineseDateAt(st, p, &end);
    if (!date) continue;
    const bool line_start = p == 0 || st.line[p - 1] != st.line[p];
    const bool line_end = end >= st.size() || st.line[end] != st.line[p] || st.brk[end];
    if (!line_end) continue;
    std::u32string name;
    size_t ns = 0;
    if (line_start) {
      name = PreviousLine(st, p, &ns);
    } else {
      name = NameBefore(st, p, &ns);
      if (ns > 0 && st.line[ns - 1] == st.line[ns] && !st.brk[ns]) name.clear();
    }
    if (IsPlausibleName(name) && EndsWithOrgSuffix(name)) {
      AddMention(out, "signature", name, st.line[ns]);
    }
  }
}

void DetectTableTitle(const Stream& st, ExtractedReport* out) {
  for (std::u32string_view key : {U"政府信息公开情况统计表", U"政府信息公开工作情况统计表"}) {
    for (size_t p = FindExact(st, key, 0, st.size()); p != std::u32string::npos;
         p = FindExact(st, key, p + 1, st.size())) {
      size_t end = p;
      if (end > 0 && st.text[end - 1] == U'度') --end;
      size_t ystart = 0;
      if (end > 0 && st.text[end - 1] == U'年' && YearBefore(st, end - 1, &ystart)) {
        end = ystart;
      }
      size_t ns = 0;
      std::u32string name = NameBefore(st, end, &ns);
      // "附件1：XX…" / "六、XX…": the name starts after the numbering punctuation.
      if (IsPlausibleName(name) && EndsWithOrgSuffix(name)) {
        AddMention(out, "table_title", name, st.line[ns]);
      }
    }
  }
}

void DetectPeriod(const Stream& st, ExtractedReport* out) {
  const size_t zone = std::min(st.size(), kPeriodZone);
  static constexpr std::array<std::u32string_view, 7> kKeys = {
      U"统计期限", U"统计时限", U"统计时间", U"统计区间", U"统计期间", U"统计周期", U"统计期"};
  auto try_at = [&](size_t from, size_t reach) -> bool {
    for (size_t p = from; p < std::min(zone, from + reach); ++p) {
      size_t e1 = 0;
      std::optional<Date> d1 = DateAt(st, p, &e1);
      if (!d1) continue;
      for (size_t q = e1; q < std::min(st.size(), e1 + 6); ++q) {
        size_t e2 = 0;
        std::optional<Date> d2 = DateAt(st, q, &e2);
        if (!d2) d2 = MonthDayAt(st, q, d1->year(), &e2);  // "…至12月31日"
        if (!d2) continue;
        // Between the two dates only a connector: 起 至 到 - ~ 止.
        bool connector = true;
        for (size_t k = e1; k < q; ++k) {
          if (std::u32string_view(U"起至到-~—止自").find(st.text[k]) == std::u32string_view::npos) {
            connector = false;
          }
        }
        if (!connector) continue;
        out->period_from = d1;
        out->period_to = d2;
        out->period_line = st.line[p];
        return true;
      }
      return false;
    }
    return false;
  };
  for (std::u32string_view key : kKeys) {
    for (size_t p = FindExact(st, key, 0, zone); p != std::u32string::npos;
         p = FindExact(st, key, p + 1, zone)) {
      if (try_at(p + key.size(), 16)) return;
    }
  }
  // Without a key: "自2021年1月1日起至2021年12月31日止".
  for (size_t p = FindExact(st, U"自", 0, zone); p != std::u32string::npos;
       p = FindExact(st, U"自", p + 1, zone)) {
    if (try_at(p + 1, 2)) return;
  }
}

void DetectYearFallback(const Stream& st, ExtractedReport* out) {
  if (out->year) return;
  // "政府信息公开情况统计表（2018年度）".
  for (size_t p = FindExact(st, U"统计表", 0, st.size()); p != std::u32string::npos;
       p = FindExact(st, U"统计表", p + 1, st.size())) {
    for (size_t q = p + 3; q < std::min(st.size(), p + 12); ++q) {
      size_t ys = 0;
      if (st.text[q] == U'年' && YearBefore(st, q, &ys) && ys >= p + 3) {
        out->year = YearBefore(st, q, &ys);
        out->year_line = st.line[ys];
        return;
      }
    }
  }
  if (out->period_from) {
    out->year = out->period_from->year();
    out->year_line = out->period_line;
  }
}

}  // namespace

FormatEvidence GatherEvidence(const Stream& st) {
  FormatEvidence e;
  e.era_2008 = CountPresent(
      st, {U"统计指标", U"主动公开政府信息数", U"通过不同渠道和方式公开政府信息", U"回应解读情况",
           U"依申请公开情况", U"收到申请数", U"申请办结数", U"申请答复数", U"指标名称", U"计量单位",
           U"历年累计", U"受理依申请公开信息总数", U"主动公开信息数", U"对申请的答复",
           U"同意公开答复数", U"举报投诉数量", U"专门机构数"});
  e.era_new = CountPresent(
      st, {U"本年新收政府信息公开申请数量", U"上年结转政府信息公开申请数量", U"结转下年度继续办理",
           U"未经复议直接起诉", U"复议后起诉", U"本年度办理结果", U"属于三类内部事务信息",
           U"属于四类过程性信息", U"本机关不掌握相关政府信息", U"本年处理决定数量"});
  e.only_2019 =
      CountPresent(st, {U"本年新制作数量", U"本年新公开数量", U"对外公开总数量", U"上一年项目数量",
                        U"本年增/减", U"采购项目数量", U"政府集中采购", U"其他对外管理服务事项"});
  e.only_2021 =
      CountPresent(st, {U"本年制发件数", U"本年废止件数", U"现行有效件数", U"本年收费金额",
                        U"申请人无正当理由逾期不补正", U"逾期未按收费通知要求缴纳费用"});
  return e;
}

std::string DecideFormat(const FormatEvidence& e, std::optional<int> year) {
  const int era_new = e.era_new + e.only_2019 + e.only_2021;
  if (era_new >= 2 && era_new >= e.era_2008) {
    if (e.only_2021 > e.only_2019) return "2021";
    if (e.only_2019 > e.only_2021) return "2019";
    return year && *year <= 2020 ? "2019" : "2021";
  }
  if (e.era_2008 >= 2) return "2008";
  return "";
}

void DetectReportFacts(const Stream& st, ExtractedReport* out) {
  DetectTitle(st, out);
  DetectPeriod(st, out);
  DetectYearFallback(st, out);
  DetectSignature(st, out);
  DetectFiller(st, out);
  DetectTableTitle(st, out);
  for (const char* source : {"title", "signature", "filler", "table_title"}) {
    for (const AgencyMention& m : out->agency_mentions) {
      if (m.source == source) {
        out->agency = m.name;
        out->agency_line = m.line;
        return;
      }
    }
  }
}

}  // namespace gongkai::check::extract
