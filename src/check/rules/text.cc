#include "check/rules/text.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace gongkai::check::rules {

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.resize(s.size());
  size_t o = 0;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out[o++] = b;
      ++i;
      continue;
    }
    int len = 0;
    char32_t cp = 0;
    if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07;
    }
    bool ok = len > 0 && i + len <= n;
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) {
        ok = false;
      } else {
        cp = (cp << 6) | (c & 0x3F);
      }
    }
    if (!ok) {
      out[o++] = 0xFFFD;
      ++i;
      continue;
    }
    out[o++] = cp;
    i += len;
  }
  out.resize(o);
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == U'〇' ||
         (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsAsciiAlnum(char32_t c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == '!' || c == '?' || c == ';' || c == '\n' || c == U'！' || c == U'？' ||
         c == U'；';
}

bool IsClauseEnd(char32_t c) {
  return IsSentenceEnd(c) || c == ',' || c == U'，' || c == U'、' || c == ':' || c == U'：';
}

char32_t FoldChar(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  if (c == 0x3000 || c == 0x00A0 || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
      (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF) {
    return ' ';
  }
  if (c < 0x20) return ' ';
  return c;
}

std::u32string Compact(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    const char32_t f = FoldChar(c);
    if (f != ' ' && f != '\n') out.push_back(f);
  }
  return out;
}

std::u32string Compact(std::string_view utf8) { return Compact(DecodeUtf8(utf8)); }

namespace {

// "-3-", "— 3 —", "第 3 页", "第3页 共5页", "3/5", a bare page number.
bool IsPageNumberLine(std::u32string_view line) {
  std::u32string c = Compact(line);
  if (c.empty()) return false;
  size_t i = 0;
  auto skip_dashes = [&] {
    while (i < c.size() && (c[i] == '-' || c[i] == U'—' || c[i] == U'–' || c[i] == U'－')) ++i;
  };
  auto digits = [&] {
    const size_t from = i;
    while (i < c.size() && IsAsciiDigit(c[i])) ++i;
    return i - from;
  };
  skip_dashes();
  size_t d = digits();
  if (d > 0 && d <= 4) {
    if (i < c.size() && c[i] == '/') {
      ++i;
      if (digits() == 0) return false;
    }
    skip_dashes();
    return i == c.size();
  }
  i = 0;
  if (c[i] != U'第') return false;
  ++i;
  if (digits() == 0 || i >= c.size() || c[i] != U'页') return false;
  ++i;
  if (i == c.size()) return true;
  if (c[i] != U'共') return false;
  ++i;
  if (digits() == 0 || i >= c.size() || c[i] != U'页') return false;
  return i + 1 == c.size();
}

}  // namespace

ReportText ReportText::Build(const Document& doc, const Options& options) {
  ReportText t;
  size_t total = 0;
  for (const std::string& l : doc.lines) total += l.size();
  t.text_.reserve(total);
  t.printed_.reserve(total);
  t.lines_.reserve(total);
  bool pending_space = false;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    if (options.exclude_first > 0 && line_no >= options.exclude_first &&
        line_no <= options.exclude_last) {
      continue;
    }
    const std::u32string u = DecodeUtf8(doc.lines[i]);
    if (IsPageNumberLine(u)) continue;
    for (char32_t raw : u) {
      const char32_t c = FoldChar(raw);
      if (c == ' ') {
        pending_space = true;
        continue;
      }
      if (pending_space && !t.text_.empty() && IsAsciiAlnum(t.text_.back()) && IsAsciiAlnum(c)) {
        t.text_.push_back(' ');
        t.printed_.push_back(' ');
        t.lines_.push_back(line_no);
      }
      pending_space = false;
      t.text_.push_back(c);
      t.printed_.push_back(raw);
      t.lines_.push_back(line_no);
    }
    pending_space = true;
  }

  if (options.mask != nullptr && !t.text_.empty()) {
    std::unordered_map<char32_t, std::vector<const std::u32string*>> by_first;
    for (const std::u32string& label : *options.mask) {
      if (label.size() >= 4) by_first[label[0]].push_back(&label);
    }
    for (auto& [c, v] : by_first) {
      std::sort(v.begin(), v.end(), [](const std::u32string* a, const std::u32string* b) {
        return a->size() > b->size();
      });
    }
    for (size_t p = 0; p < t.text_.size();) {
      auto it = by_first.find(t.text_[p]);
      size_t matched = 0;
      if (it != by_first.end()) {
        for (const std::u32string* label : it->second) {
          if (t.text_.compare(p, label->size(), *label) == 0) {
            matched = label->size();
            break;
          }
        }
      }
      if (matched == 0) {
        ++p;
        continue;
      }
      std::fill(t.text_.begin() + p, t.text_.begin() + p + matched, U'|');
      p += matched;
    }
  }
  return t;
}

int ReportText::LineAt(size_t pos) const {
  if (lines_.empty()) return 0;
  if (pos >= lines_.size()) return lines_.back();
  return lines_[pos];
}

std::string ReportText::Slice(size_t begin, size_t end) const {
  begin = std::min(begin, text_.size());
  end = std::min(std::max(begin, end), text_.size());
  return EncodeUtf8(std::u32string_view(printed_).substr(begin, end - begin));
}

size_t ReportText::SentenceBegin(size_t pos) const {
  pos = std::min(pos, text_.size());
  const size_t limit = pos > kMaxSentence ? pos - kMaxSentence : 0;
  while (pos > limit && !IsSentenceEnd(text_[pos - 1])) --pos;
  return pos;
}

size_t ReportText::SentenceEnd(size_t pos) const {
  const size_t limit = std::min(text_.size(), pos + kMaxSentence);
  while (pos < limit && !IsSentenceEnd(text_[pos])) ++pos;
  return pos;
}

size_t ReportText::ClauseBegin(size_t pos) const {
  pos = std::min(pos, text_.size());
  const size_t limit = pos > kMaxSentence ? pos - kMaxSentence : 0;
  while (pos > limit && !IsClauseEnd(text_[pos - 1])) --pos;
  return pos;
}

namespace {

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
    case U'○':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int64_t ChineseUnit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 10000;
    default:
      return 0;
  }
}

bool IsChineseNumeral(char32_t c) { return ChineseDigit(c) >= 0 || ChineseUnit(c) > 0; }

// Value of a run of Chinese numerals, or -1.
int64_t ParseChinese(std::u32string_view s) {
  bool has_unit = false;
  for (char32_t c : s) has_unit = has_unit || ChineseUnit(c) > 0;
  if (!has_unit) {
    if (s.size() > 12) return -1;
    int64_t v = 0;
    for (char32_t c : s) v = v * 10 + ChineseDigit(c);
    return v;
  }
  int64_t total = 0, section = 0, digit = -1;
  for (char32_t c : s) {
    const int d = ChineseDigit(c);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const int64_t u = ChineseUnit(c);
    if (u == 10000) {
      section += digit > 0 ? digit : 0;
      total += (section == 0 ? 1 : section) * 10000;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * u;  // 十二 = 12: a leading 十 means 一十
    }
    digit = -1;
  }
  if (digit > 0) section += digit;
  return total + section;
}

}  // namespace

std::optional<Number> NumberAt(std::u32string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (IsAsciiDigit(text[pos])) {
    std::string ascii;
    size_t i = pos;
    while (i < text.size()) {
      const char32_t c = text[i];
      if (IsAsciiDigit(c)) {
        ascii.push_back(static_cast<char>(c));
        ++i;
      } else if (c == ',' && i + 3 < text.size() && IsAsciiDigit(text[i + 1]) &&
                 IsAsciiDigit(text[i + 2]) && IsAsciiDigit(text[i + 3]) &&
                 (i + 4 >= text.size() || !IsAsciiDigit(text[i + 4])) &&
                 ascii.find('.') == std::string::npos) {
        ++i;  // thousands separator: exactly three digits follow
      } else if (c == '.' && i + 1 < text.size() && IsAsciiDigit(text[i + 1]) &&
                 ascii.find('.') == std::string::npos) {
        ascii.push_back('.');
        ++i;
      } else {
        break;
      }
    }
    if (ascii.size() > 18) return std::nullopt;
    const size_t dot = ascii.find('.');
    if ((dot == std::string::npos ? ascii.size() : dot) > 12) return std::nullopt;
    std::optional<Decimal> v = Decimal::Parse(ascii);
    if (!v) return std::nullopt;
    return Number{*v, pos, i, false};
  }
  if (IsChineseNumeral(text[pos])) {
    size_t i = pos;
    while (i < text.size() && IsChineseNumeral(text[i]) && i - pos < 16) ++i;
    const int64_t v = ParseChinese(text.substr(pos, i - pos));
    if (v < 0 || v > 1'000'000'000'000LL) return std::nullopt;
    return Number{Decimal::FromInt(v), pos, i, true};
  }
  return std::nullopt;
}

std::optional<Number> NumberBefore(std::u32string_view text, size_t end) {
  if (end == 0 || end > text.size()) return std::nullopt;
  size_t b = end;
  if (IsAsciiDigit(text[end - 1])) {
    while (b > 0 && (IsAsciiDigit(text[b - 1]) || ((text[b - 1] == '.' || text[b - 1] == ',') &&
                                                   b >= 2 && IsAsciiDigit(text[b - 2])))) {
      --b;
    }
    std::optional<Number> n = NumberAt(text, b);
    if (!n || n->end != end) return std::nullopt;
    return n;
  }
  if (IsChineseNumeral(text[end - 1])) {
    while (b > 0 && IsChineseNumeral(text[b - 1]) && end - b < 16) --b;
    std::optional<Number> n = NumberAt(text, b);
    if (!n || n->end != end) return std::nullopt;
    return n;
  }
  return std::nullopt;
}

std::optional<TextDate> DateAt(std::u32string_view text, size_t pos) {
  std::optional<Number> y = NumberAt(text, pos);
  if (!y || y->end - y->begin != 4 || !y->value.is_integer()) return std::nullopt;
  size_t i = y->end;
  if (i >= text.size() || text[i] != U'年') return std::nullopt;
  std::optional<Number> m = NumberAt(text, i + 1);
  if (!m || m->end >= text.size() || text[m->end] != U'月') return std::nullopt;
  std::optional<Number> d = NumberAt(text, m->end + 1);
  if (!d || d->end >= text.size() || (text[d->end] != U'日' && text[d->end] != U'号')) {
    return std::nullopt;
  }
  TextDate out;
  out.year = static_cast<int>(y->value.integer_part());
  out.month = static_cast<int>(m->value.integer_part());
  out.day = static_cast<int>(d->value.integer_part());
  if (out.year < 1949 || out.year > 2199 || out.month < 1 || out.month > 12 || out.day < 1 ||
      out.day > 31 || !m->value.is_integer() || !d->value.is_integer()) {
    return std::nullopt;
  }
  out.begin = pos;
  out.end = d->end + 1;
  return out;
}

int EditDistance(std::u32string_view a, std::u32string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

bool InsideTitleMarks(std::u32string_view text, size_t pos) {
  int depth = 0;
  const size_t end = std::min(pos, text.size());
  const size_t limit = end > 300 ? end - 300 : 0;
  for (size_t i = end; i > limit; --i) {
    const char32_t c = text[i - 1];
    if (IsSentenceEnd(c)) return false;
    if (c == U'》' || c == U'〉') ++depth;
    if (c == U'《' || c == U'〈') {
      if (depth == 0) return true;
      --depth;
    }
  }
  return false;
}

bool StartsWith(std::u32string_view text, size_t pos, std::u32string_view prefix) {
  return pos <= text.size() && text.substr(pos).starts_with(prefix);
}

bool Contains(std::u32string_view text, std::u32string_view needle) {
  return text.find(needle) != std::u32string_view::npos;
}

bool ContainsAny(std::u32string_view text, size_t begin, size_t end,
                 std::initializer_list<std::u32string_view> needles) {
  begin = std::min(begin, text.size());
  end = std::min(std::max(begin, end), text.size());
  const std::u32string_view part = text.substr(begin, end - begin);
  for (std::u32string_view n : needles) {
    if (part.find(n) != std::u32string_view::npos) return true;
  }
  return false;
}

}  // namespace gongkai::check::rules
