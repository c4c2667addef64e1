#include "check/extract/text.h"

#include <algorithm>

namespace gongkai::check::extract {

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t c = 0;
    if (b < 0x80) {
      out.push_back(b);
      ++i;
      continue;
    } else if ((b & 0xE0) == 0xC0) {
      len = 2;
      c = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      c = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      c = b & 0x07;
    }
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char x = static_cast<unsigned char>(s[i + k]);
      if ((x & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (x & 0x3F);
    }
    if (ok) {
      const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
      if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) ok = false;
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(c);
    i += len;
  }
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

char32_t Fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII
  switch (c) {
    case 0x3000:
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0xFEFF:
    case 0x200B:
    case '\t':
    case '\r':
    case '\f':
    case '\v':
    case 0x85:
    case 0x2028:
    case 0x2029:
      return ' ';
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x2032:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2500:
    case 0x2501:
    case 0xFE58:
    case 0xFE63:
    case 0x30FC:
      return '-';
    case 0x25CB:
    case 0x25EF:  // ○ ◯ written for 〇 in dates
      return 0x3007;
    case 0x2502:
    case 0x2503:
    case 0xFFE8:
      return '|';
    case 0x3010:
    case 0x3014:
    case 0x3016:
      return '[';
    case 0x3011:
    case 0x3015:
    case 0x3017:
      return ']';
    case 0xFF61:
      return 0x3002;  // halfwidth ideographic full stop
    case 0xFF64:
      return 0x3001;  // halfwidth ideographic comma
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';
  return c;
}

std::u32string Fold(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) c = Fold(c);
  return out;
}

bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3007;
}

bool IsPunct(char32_t c) {
  if (c < 0x80) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
  }
  return (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0x3014 && c <= 0x301F) || c == 0x00B7 || c == 0x30FB || c == 0x2026 || c == 0x2025;
}

std::u32string Squeeze(std::string_view utf8) {
  std::u32string out;
  for (char32_t c : DecodeUtf8(utf8)) {
    c = Fold(c);
    if (IsSpace(c) || c == '|') continue;
    out.push_back(c);
  }
  return out;
}

std::string Stream::Original(size_t from, size_t to) const {
  std::string out;
  if (to > original.size()) to = original.size();
  for (size_t i = from; i < to; ++i) AppendUtf8(original[i], &out);
  return out;
}

namespace {

size_t BucketOf(char32_t a, char32_t b, size_t buckets) {
  const uint64_t k = (static_cast<uint64_t>(a) << 21) ^ static_cast<uint64_t>(b);
  return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> 20) % buckets;
}

}  // namespace

const Stream::BigramIndex& Stream::Index() const {
  if (!index_) {
    auto index = std::make_shared<BigramIndex>();
    const size_t n = text.size() < 2 ? 0 : text.size() - 1;
    const size_t buckets = std::max<size_t>(n, 1);
    index->starts.assign(buckets + 1, 0);
    for (size_t i = 0; i < n; ++i) ++index->starts[BucketOf(text[i], text[i + 1], buckets) + 1];
    for (size_t k = 0; k < buckets; ++k) index->starts[k + 1] += index->starts[k];
    index->positions.resize(n);
    std::vector<uint32_t> fill(index->starts.begin(), index->starts.end() - 1);
    for (size_t i = 0; i < n; ++i) {
      index->positions[fill[BucketOf(text[i], text[i + 1], buckets)]++] = static_cast<uint32_t>(i);
    }
    index_ = std::move(index);
  }
  return *index_;
}

Stream::BigramCursor Stream::Bigram(char32_t a, char32_t b, size_t from, size_t to) const {
  BigramCursor c;
  const BigramIndex& index = Index();
  if (index.positions.empty()) return c;
  const size_t k = BucketOf(a, b, index.starts.size() - 1);
  const uint32_t* first = index.positions.data() + index.starts[k];
  const uint32_t* last = index.positions.data() + index.starts[k + 1];
  c.text_ = text.data();
  c.it_ = std::lower_bound(first, last, from);
  c.end_ = last;
  c.a_ = a;
  c.b_ = b;
  c.to_ = to;
  return c;
}

namespace {

bool AllDigits(std::u32string_view s) {
  if (s.empty()) return false;
  for (char32_t c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

}  // namespace

namespace {

bool IsPageNumberText(std::u32string_view decoded) {
  std::u32string s;
  for (char32_t c : decoded) {
    c = Fold(c);
    if (!IsSpace(c)) s.push_back(c);
  }
  if (s.empty()) return false;
  // "-3-", "--3--"
  if (s.front() == '-' && s.back() == '-') {
    size_t a = s.find_first_not_of(U'-');
    size_t b = s.find_last_not_of(U'-');
    return a != std::u32string::npos && AllDigits(s.substr(a, b - a + 1)) && b - a < 4;
  }
  // "第3页", "第3页共9页"
  if (s.front() == U'第') {
    size_t p = 1;
    size_t q = p;
    while (q < s.size() && IsDigit(s[q])) ++q;
    if (q == p || q >= s.size() || s[q] != U'页') return false;
    ++q;
    if (q == s.size()) return true;
    if (s[q] != U'共') return false;
    size_t r = q + 1;
    size_t t = r;
    while (t < s.size() && IsDigit(s[t])) ++t;
    return t > r && t + 1 == s.size() && s[t] == U'页';
  }
  // "3/9"
  size_t slash = s.find(U'/');
  if (slash != std::u32string::npos && slash > 0 && slash < 4 && s.size() - slash - 1 < 4) {
    return AllDigits(s.substr(0, slash)) && AllDigits(s.substr(slash + 1));
  }
  return false;
}

}  // namespace

bool IsPageNumberLine(std::string_view line) {
  return line.size() <= 64 && IsPageNumberText(DecodeUtf8(line));
}

Stream BuildStream(const std::vector<std::string>& lines, int first_line, size_t max_code_points) {
  Stream st;
  size_t bytes = 0;
  for (const std::string& l : lines) bytes += l.size();
  const size_t expect = std::min(bytes / 2 + 16, max_code_points);
  st.text.reserve(expect);
  st.original.reserve(expect);
  st.line.reserve(expect);
  st.brk.reserve(expect);
  st.bars.reserve(expect);
  bool pending_break = true;
  int pending_bars = 0;
  for (size_t li = 0; li < lines.size() && st.truncated_at_line == 0; ++li) {
    const std::u32string decoded = DecodeUtf8(lines[li]);
    if (lines[li].size() <= 64 && IsPageNumberText(decoded)) continue;
    const int line_no = first_line + static_cast<int>(li);
    for (char32_t orig : decoded) {
      const char32_t c = Fold(orig);
      if (IsSpace(c) || c == 0 || c == 0xFFFD) {
        pending_break = true;
        continue;
      }
      if (c == '|') {
        pending_break = true;
        if (pending_bars < 255) ++pending_bars;
        continue;
      }
      if (st.text.size() >= max_code_points) {
        st.truncated_at_line = line_no;
        break;
      }
      st.text.push_back(c);
      st.original.push_back(orig);
      st.line.push_back(line_no);
      st.brk.push_back(pending_break ? 1 : 0);
      st.bars.push_back(static_cast<uint8_t>(pending_bars));
      pending_break = false;
      pending_bars = 0;
    }
    pending_break = true;  // line end
  }
  return st;
}

}  // namespace gongkai::check::extract
