#include "report/narrative.h"

#include <map>
#include <string_view>

namespace gongkai {
namespace {

// Counting units a stated number may carry, longest first so "万元" wins over "元".
constexpr std::string_view kUnits[] = {"万元", "人次", "件", "条", "次", "人", "篇", "个", "元"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Text with its placeholders replaced, plus the written (non-placeholder) parts for checking.
struct Expanded {
  std::string text;
  std::string written;  // the author's own characters; each placeholder becomes one space
};

Result<Expanded> Expand(std::string_view body, const std::map<std::string, std::string>& values,
                        const Section& section) {
  Expanded out;
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t open = body.find("{{", pos);
    if (open == std::string_view::npos) {
      out.text.append(body.substr(pos));
      out.written.append(body.substr(pos));
      break;
    }
    out.text.append(body.substr(pos, open - pos));
    out.written.append(body.substr(pos, open - pos));
    const size_t close = body.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return InvalidInput("正文“" + section.heading + "”（" + section.id +
                          "）中有未闭合的占位符“{{”");
    }
    std::string key(body.substr(open + 2, close - open - 2));
    while (!key.empty() && key.front() == ' ') key.erase(key.begin());
    while (!key.empty() && key.back() == ' ') key.pop_back();
    auto it = values.find(key);
    if (it == values.end()) {
      return InvalidInput("正文“" + section.heading + "”（" + section.id + "）中的占位符 {{" +
                          key + "}} 不是本格式的单元格，也不是 year、agency 等可用字段");
    }
    out.text.append(it->second);
    out.written.push_back(' ');
    pos = close + 2;
  }
  return out;
}

// Numbers in `written` followed by a counting unit, except article references (第…条).
struct StatedNumber {
  std::string number;
  std::string unit;
};

std::vector<StatedNumber> FindStatedNumbers(std::string_view s) {
  std::vector<StatedNumber> found;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i]) || (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == '.'))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && (IsDigit(s[j]) || s[j] == '.' || s[j] == ',')) ++j;
    std::string_view number = s.substr(i, j - i);
    size_t k = j;
    while (k < s.size() && s[k] == ' ') ++k;
    const bool after_di = i >= 3 && s.substr(i - 3, 3) == "第";
    for (std::string_view unit : kUnits) {
      if (s.substr(k, unit.size()) == unit && !after_di) {
        found.push_back({std::string(number), std::string(unit)});
        break;
      }
    }
    i = j;
  }
  return found;
}

}  // namespace

Result<NarrativeResult> RenderNarrative(const Format& fmt, const Report& report,
                                        const std::vector<NarrativeSection>& written) {
  std::map<std::string, std::string> values;
  for (const auto& [id, cell] : report.cells) {
    values[id] = cell.value ? cell.value->ToString() : "—";
  }
  values["year"] = std::to_string(report.year);
  values["next_year"] = std::to_string(report.year + 1);
  values["prev_year"] = std::to_string(report.year - 1);
  values["agency"] = report.agency.short_name.empty() ? report.agency.name
                                                      : report.agency.short_name;
  values["agency_full"] = report.agency.name;

  NarrativeResult result;
  for (const Section& section : fmt.sections) {
    const NarrativeSection* own = nullptr;
    for (const NarrativeSection& w : written) {
      if (w.section_id == section.id && (w.format_id.empty() || w.format_id == fmt.id)) own = &w;
    }
    const std::string& body = own != nullptr ? own->body : section.default_body;
    Result<Expanded> expanded = Expand(body, values, section);
    if (!expanded.ok()) return expanded.status();
    result.sections.push_back({section.id, section.heading, expanded->text, section.tables});

    for (const StatedNumber& n : FindStatedNumbers(expanded->written)) {
      Finding f;
      f.severity = Severity::kWarning;
      f.rule = "narrative.unbound_number";
      std::string same;
      if (std::optional<Decimal> d = Decimal::Parse(n.number)) {
        for (const auto& [id, cell] : report.cells) {
          if (cell.value && *cell.value == *d && fmt.UnitOf(id) == n.unit) {
            f.cells.push_back(id);
            same += (same.empty() ? "" : "、") + id;
            if (f.cells.size() >= 5) break;
          }
        }
      }
      f.message = "正文“" + section.heading + "”写有“" + n.number + n.unit +
                  "”，这个数字没有绑定到统计表的单元格，表格变动时正文不会随之更新";
      f.message += same.empty() ? "；表中没有单位为“" + n.unit + "”且等于 " + n.number +
                                      " 的单元格，请核对"
                                : "；表中等于该数的单元格：" + same + "，请改用占位符（如 {{" +
                                      f.cells.front() + "}}）";
      result.findings.push_back(std::move(f));
    }
  }
  return result;
}

}  // namespace gongkai
