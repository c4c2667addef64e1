#include "core/application/notice.h"

#include <algorithm>
#include <set>

namespace gongkai {
namespace {

struct KindRow {
  NoticeKind kind;
  std::string_view code;
  std::string_view mark;
};

constexpr KindRow kKinds[] = {
    {NoticeKind::kAcceptance, "acceptance", "受"},
    {NoticeKind::kCorrection, "correction", "补"},
    {NoticeKind::kExtension, "extension", "延"},
    {NoticeKind::kConsultation, "consultation", "征"},
    {NoticeKind::kFee, "fee", "费"},
    {NoticeKind::kAnswer, "answer", "答"},
};

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// Calls `on_text` and `on_placeholder` for the pieces of `p`; false on an unclosed or invalid
// placeholder.
template <typename Text, typename Placeholder>
bool Scan(std::string_view p, Text on_text, Placeholder on_placeholder) {
  size_t i = 0;
  while (i < p.size()) {
    const size_t open = p.find('{', i);
    if (open == std::string_view::npos) {
      on_text(p.substr(i));
      break;
    }
    on_text(p.substr(i, open - i));
    const size_t close = p.find('}', open);
    if (close == std::string_view::npos) return false;
    const std::string_view name = p.substr(open + 1, close - open - 1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), IsNameChar)) return false;
    on_placeholder(name);
    i = close + 1;
  }
  return true;
}

}  // namespace

std::string_view ToCode(NoticeKind k) {
  for (const KindRow& r : kKinds) {
    if (r.kind == k) return r.code;
  }
  return "?";
}

std::optional<NoticeKind> NoticeKindFromCode(std::string_view code) {
  for (const KindRow& r : kKinds) {
    if (r.code == code) return r.kind;
  }
  return std::nullopt;
}

std::string_view NumberMark(NoticeKind k) {
  for (const KindRow& r : kKinds) {
    if (r.kind == k) return r.mark;
  }
  return "?";
}

std::string FormatNoticeNumber(std::string_view prefix, NoticeKind kind, int year, int seq) {
  return std::string(prefix) + std::string(NumberMark(kind)) + "〔" + std::to_string(year) + "〕" +
         std::to_string(seq) + "号";
}

Result<NoticeTemplate> ParseNoticeTemplate(std::string_view text, std::string_view source) {
  NoticeTemplate t;
  const auto error = [&](int line, const std::string& what) {
    return InvalidInput(std::string(source) + ":" + std::to_string(line) + ": " + what);
  };
  bool in_body = false;
  int line_no = 0;
  std::string current;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = TrimView(text.substr(pos, end - pos));
    ++line_no;
    pos = end + 1;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (!in_body) {
      if (line.empty() || line.front() == '#') continue;
      if (line == "---") {
        if (t.title.empty()) return error(line_no, "模板缺少 title");
        in_body = true;
        continue;
      }
      const size_t eq = line.find('=');
      if (eq == std::string_view::npos) return error(line_no, "应为“键 = 值”或“---”");
      const std::string_view key = TrimView(line.substr(0, eq));
      const std::string_view value = TrimView(line.substr(eq + 1));
      if (key == "title") {
        t.title = std::string(value);
      } else if (key == "to_applicant") {
        if (value != "yes" && value != "no") return error(line_no, "to_applicant 应为 yes 或 no");
        t.to_applicant = value == "yes";
      } else {
        return error(line_no, "未知的模板键 \"" + std::string(key) + "\"");
      }
      continue;
    }
    if (line.empty()) {
      if (!current.empty()) t.paragraphs.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!Scan(
            line, [](std::string_view) {}, [](std::string_view) {})) {
      return error(line_no, "占位符不完整或名称无效（应为 {小写字母_}）");
    }
    current += line;
  }
  if (!current.empty()) t.paragraphs.push_back(std::move(current));
  if (!in_body) return error(line_no, "模板缺少“---”分隔的正文");
  if (t.paragraphs.empty()) return error(line_no, "模板正文为空");
  return t;
}

std::vector<std::string> PlaceholdersOf(const NoticeTemplate& t) {
  std::set<std::string> names;
  for (const std::string& p : t.paragraphs) {
    Scan(
        p, [](std::string_view) {}, [&](std::string_view n) { names.emplace(n); });
  }
  return {names.begin(), names.end()};
}

Result<RenderedNotice> RenderNotice(const NoticeTemplate& t, const NoticeValues& values) {
  RenderedNotice out;
  out.title = t.title;
  out.to_applicant = t.to_applicant;
  for (const std::string& p : t.paragraphs) {
    if (p.size() > 2 && p.front() == '{' && p.back() == '}' &&
        p.find('{', 1) == std::string::npos) {
      const std::string name = p.substr(1, p.size() - 2);
      if (auto it = values.lists.find(name); it != values.lists.end()) {
        for (const std::string& item : it->second) {
          std::string one = item;
          std::replace(one.begin(), one.end(), '\n', ' ');
          std::replace(one.begin(), one.end(), '\r', ' ');
          out.paragraphs.push_back(std::move(one));
        }
        continue;
      }
    }
    std::string rendered;
    std::string missing;
    Scan(
        p, [&](std::string_view s) { rendered += s; },
        [&](std::string_view n) {
          auto it = values.text.find(std::string(n));
          if (it == values.text.end()) {
            if (missing.empty()) missing = std::string(n);
            return;
          }
          std::string v = it->second;
          std::replace(v.begin(), v.end(), '\n', ' ');
          std::replace(v.begin(), v.end(), '\r', ' ');
          rendered += v;
        });
    if (!missing.empty()) {
      return InvalidInput("告知书模板“" + t.title + "”的占位符 {" + missing + "} 没有值");
    }
    if (!rendered.empty()) out.paragraphs.push_back(std::move(rendered));
  }
  return out;
}

std::string_view RemedySentence() {
  return "如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起"
         "6个月内依法向人民法院提起行政诉讼。";
}

}  // namespace gongkai
