#include "check/extract/label.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <queue>

namespace gongkai::check::extract {
namespace {

constexpr int kSub = 20;      // a different character
constexpr int kPunctSub = 5;  // one punctuation mark printed for another ("、" for ".")
constexpr int kDel = 20;      // a label character missing from the text
constexpr int kIns = 20;      // a text character that is not in the label
constexpr int kInsDigit = 4;  // a digit inside a label: a value a PDF put inside the cell
constexpr size_t kDirectWindow = 256;
constexpr size_t kChunk = 2048;  // longest range aligned at once

int InsCost(char32_t c) { return IsDigit(c) ? kInsDigit : kIns; }

bool IsChineseDigit(char32_t c) {
  return std::u32string_view(U"〇零一二三四五六七八九十百").find(c) != std::u32string_view::npos;
}

std::u32string ChineseNumeral(int n) {
  static const std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (n <= 0 || n >= 100) return U"";
  std::u32string out;
  if (n >= 10) {
    if (n / 10 > 1) out.push_back(kDigits[n / 10]);
    out.push_back(U'十');
    if (n % 10 != 0) out.push_back(kDigits[n % 10]);
  } else {
    out.push_back(kDigits[n]);
  }
  return out;
}

std::u32string ArabicNumeral(int n) {
  std::u32string out;
  for (char c : std::to_string(n)) out.push_back(static_cast<char32_t>(c));
  return out;
}

bool EndsWithAt(const std::u32string& text, size_t pos, std::u32string_view what, size_t floor) {
  if (what.empty() || pos < what.size() || pos - what.size() < floor) return false;
  return std::u32string_view(text).substr(pos - what.size(), what.size()) == what;
}

// The start of a printed numbering of value `number` (and/or "其中：") that ends at `pos`; `pos`
// itself if there is none.
size_t ExtendOverNumbering(const Stream& st, size_t pos, int number, size_t floor) {
  const std::u32string& t = st.text;
  auto strip_qizhong = [&](size_t p) {
    if (EndsWithAt(t, p, U"其中:", floor)) return p - 3;
    if (EndsWithAt(t, p, U"其中", floor)) return p - 2;
    return p;
  };
  pos = strip_qizhong(pos);
  if (number > 0 && pos > floor) {
    const char32_t sep = t[pos - 1];
    const std::u32string arabic = ArabicNumeral(number);
    const std::u32string chinese = ChineseNumeral(number);
    size_t found = pos;
    if (sep == ')') {
      for (const std::u32string& n : {arabic, chinese}) {
        if (EndsWithAt(t, pos - 1, n, floor)) {
          size_t p = pos - 1 - n.size();
          if (p > floor && t[p - 1] == '(') --p;
          found = p;
          break;
        }
      }
    } else if (sep == '.' || sep == 0x3001 || sep == ',') {
      for (const std::u32string& n : {arabic, chinese}) {
        if (EndsWithAt(t, pos - 1, n, floor)) {
          found = pos - 1 - n.size();
          break;
        }
      }
    }
    pos = found;
  }
  return strip_qizhong(pos);
}

struct CoreMatch {
  bool found = false;
  size_t start = 0;
  size_t end = 0;
  int cost = 0;
  std::vector<size_t> inserted;
  std::vector<size_t> matched;  // text indices aligned to label characters
};

// Sellers' approximate search of `p` in text[from, to): the first end position whose cost is
// within `max_cost`, moved on to the local minimum, with its alignment.
CoreMatch AlignRange(const Stream& st, std::u32string_view p, size_t from, size_t to,
                     int max_cost) {
  CoreMatch out;
  const size_t m = p.size();
  if (m == 0 || to <= from) return out;
  const size_t n = to - from;
  const std::u32string& t = st.text;
  std::vector<uint8_t> p_punct(m);
  for (size_t i = 0; i < m; ++i) p_punct[i] = IsPunct(p[i]);
  // Columns are computed (and kept, for the trace back) only as far as the first match and a
  // little beyond.
  // One buffer per thread, reused: (m + 1) × (n + 1) at most (n ≤ kChunk).
  thread_local std::vector<int> buffer;
  if (buffer.size() < (m + 1) * (n + 1)) buffer.resize((m + 1) * (n + 1));
  int* d = buffer.data();
  auto at = [&](size_t i, size_t j) -> int& { return d[j * (m + 1) + i]; };
  auto sub = [&](size_t i, size_t j) {
    const char32_t a = p[i - 1];
    const char32_t c = t[from + j - 1];
    if (a == c) return 0;
    return p_punct[i - 1] && IsPunct(c) ? kPunctSub : kSub;
  };
  for (size_t i = 0; i <= m; ++i) at(i, 0) = static_cast<int>(i) * kDel;
  size_t end_j = 0;
  size_t first_j = 0;
  for (size_t j = 1; j <= n; ++j) {
    const char32_t c = t[from + j - 1];
    const int ins = InsCost(c);
    const bool c_punct = IsPunct(c);
    at(0, j) = 0;
    int* col = &at(0, j);
    const int* prev = &at(0, j - 1);
    for (size_t i = 1; i <= m; ++i) {
      const char32_t a = p[i - 1];
      const int s = a == c ? 0 : (p_punct[i - 1] && c_punct ? kPunctSub : kSub);
      int v = prev[i - 1] + s;
      v = std::min(v, col[i - 1] + kDel);
      v = std::min(v, prev[i] + ins);
      col[i] = v;
    }
    if (end_j == 0) {
      if (at(m, j) <= max_cost) {
        end_j = j;
        first_j = j;
      }
    } else {
      // A little further the rest of a wrapped label may follow numbers a PDF put inside it:
      // keep the cheapest end within reach of the first one.
      if (at(m, j) < at(m, end_j)) end_j = j;
      if (j >= first_j + m + 16) break;
    }
  }
  if (end_j == 0) return out;
  // Trace back, preferring the diagonal so the match starts as late as possible.
  size_t i = m;
  size_t j = end_j;
  while (i > 0) {
    const int v = at(i, j);
    if (j > 0 && v == at(i - 1, j - 1) + sub(i, j)) {
      out.matched.push_back(from + j - 1);
      --i;
      --j;
    } else if (v == at(i - 1, j) + kDel) {
      --i;
    } else {
      out.inserted.push_back(from + j - 1);
      --j;
    }
  }
  out.found = true;
  out.start = from + j;
  out.end = from + end_j;
  out.cost = at(m, end_j);
  std::reverse(out.inserted.begin(), out.inserted.end());
  std::reverse(out.matched.begin(), out.matched.end());
  // Insertions before the first matched character cannot be part of the label.
  while (!out.inserted.empty() && !out.matched.empty() &&
         out.inserted.front() < out.matched.front()) {
    out.inserted.erase(out.inserted.begin());
  }
  if (!out.matched.empty()) out.start = out.matched.front();
  return out;
}

// AlignRange over chunks of kChunk code points, so memory stays bounded on long ranges. A match
// near the end of a chunk may be cut there: it is aligned again from its start.
CoreMatch AlignFirst(const Stream& st, std::u32string_view p, size_t from, size_t to,
                     int max_cost) {
  const size_t overlap = 3 * p.size() + 32;
  size_t a = from;
  while (a < to) {
    const size_t b = std::min(to, a + kChunk);
    CoreMatch r = AlignRange(st, p, a, b, max_cost);
    if (b == to) return r;
    if (r.found) {
      if (r.end + p.size() + 16 <= b) return r;
      return AlignRange(st, p, r.start, std::min(to, r.start + kChunk), max_cost);
    }
    a = b > a + overlap ? b - overlap : b;
  }
  return CoreMatch();
}

// Approximate search of `core` in text[from, to). Long ranges go through a q-gram filter: a
// match within the allowed edits keeps at least (m−1) − 2·edits of the label's distinct bigrams
// (an edit breaks at most two), so only regions where that many distinct bigrams occur close
// together are aligned. The cost is linear in the number of bigram hits.
CoreMatch FindCore(const Stream& st, std::u32string_view core, size_t from, size_t to,
                   bool strict) {
  CoreMatch none;
  if (core.empty() || from >= to) return none;
  const int allowed = strict ? AllowedEdits(core.size()) / 2 : AllowedEdits(core.size());
  const int max_cost = allowed * kSub;
  if (to - from <= kDirectWindow) return AlignFirst(st, core, from, to, max_cost);
  if (core.size() < 3 || max_cost == 0) {
    size_t p = FindExact(st, core, from, to);
    if (p == std::u32string::npos) return none;
    return AlignFirst(st, core, p, std::min(to, p + core.size()), 0);
  }
  const size_t m = core.size();
  std::vector<std::pair<char32_t, char32_t>> keys;
  for (size_t i = 0; i + 1 < m; ++i) keys.push_back({core[i], core[i + 1]});
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  // Long labels are the ones a PDF wraps around their numbers: two more bigrams may break there.
  const int slack = m > 10 ? 2 : 0;
  const size_t need =
      static_cast<size_t>(std::max<int>(1, static_cast<int>(keys.size()) - 2 * allowed - slack));
  const size_t span = m + 24;  // a label with numbers inside
  const size_t margin = m + 16;
  // The hits of all bigrams in ascending order (a merge of one cursor per bigram), taken only as
  // far as needed: the first region that aligns ends the search.
  using Hit = std::pair<size_t, size_t>;  // position, which bigram
  std::vector<Stream::BigramCursor> cursors;
  std::priority_queue<Hit, std::vector<Hit>, std::greater<Hit>> heap;
  for (size_t k = 0; k < keys.size(); ++k) {
    cursors.push_back(st.Bigram(keys[k].first, keys[k].second, from, to));
    size_t p;
    if (cursors.back().Next(&p)) heap.push({p, k});
  }
  std::deque<Hit> window;  // hits within `span` of the newest
  std::vector<int> count(keys.size(), 0);
  size_t distinct = 0;
  size_t win_from = 0;
  size_t win_to = 0;
  bool open = false;
  while (!heap.empty()) {
    const Hit h = heap.top();
    heap.pop();
    size_t p;
    if (cursors[h.second].Next(&p)) heap.push({p, h.second});
    // A region that no later hit can reach any more is aligned now.
    if (open && h.first > win_to + span + margin) {
      CoreMatch m1 = AlignFirst(st, core, win_from, win_to, max_cost);
      if (m1.found) return m1;
      open = false;
    }
    window.push_back(h);
    if (count[h.second]++ == 0) ++distinct;
    while (window.front().first + span <= h.first) {
      if (--count[window.front().second] == 0) --distinct;
      window.pop_front();
    }
    if (distinct < need) continue;
    const size_t wa = window.front().first > from + margin ? window.front().first - margin : from;
    const size_t wb = std::min(to, h.first + margin);
    if (open && wa <= win_to) {
      win_to = std::max(win_to, wb);
      continue;
    }
    if (open) {
      CoreMatch m1 = AlignFirst(st, core, win_from, win_to, max_cost);
      if (m1.found) return m1;
    }
    open = true;
    win_from = wa;
    win_to = wb;
  }
  if (open) return AlignFirst(st, core, win_from, win_to, max_cost);
  return none;
}

LabelMatch Finish(const Stream& st, const CoreMatch& cm, const LabelPattern& pattern, size_t floor,
                  bool short_form) {
  LabelMatch out;
  out.found = true;
  out.short_form = short_form;
  out.cost = cm.cost;
  out.end = cm.end;
  out.start = ExtendOverNumbering(st, cm.start, pattern.number, floor);
  out.inserted = cm.inserted;
  out.line = st.line[out.start];
  // The printed label: the numbering, the aligned characters and the inserted ones that are
  // neither digits nor on another line than the aligned characters around them (a PDF puts the
  // next column's text there).
  std::string printed = st.Original(out.start, cm.start);
  size_t mi = 0;
  size_t ii = 0;
  while (mi < cm.matched.size() || ii < cm.inserted.size()) {
    if (ii >= cm.inserted.size() || (mi < cm.matched.size() && cm.matched[mi] < cm.inserted[ii])) {
      AppendUtf8(st.original[cm.matched[mi]], &printed);
      ++mi;
      continue;
    }
    const size_t k = cm.inserted[ii++];
    if (IsDigit(st.text[k])) continue;
    const int before = mi > 0 ? st.line[cm.matched[mi - 1]] : st.line[k];
    const int after = mi < cm.matched.size() ? st.line[cm.matched[mi]] : st.line[k];
    if (before == st.line[k] && after == st.line[k]) AppendUtf8(st.original[k], &printed);
  }
  out.printed = std::move(printed);
  return out;
}

}  // namespace

int ChineseNumeralValue(std::u32string_view s) {
  if (s.empty() || s.size() > 3) return 0;
  auto digit = [](char32_t c) -> int {
    static const std::u32string_view kDigits = U"〇一二三四五六七八九";
    if (c == U'零') return 0;
    size_t p = kDigits.find(c);
    return p == std::u32string_view::npos ? -1 : static_cast<int>(p);
  };
  size_t ten = s.find(U'十');
  if (ten == std::u32string_view::npos) {
    if (s.size() != 1) return 0;
    int d = digit(s[0]);
    return d > 0 ? d : 0;
  }
  int tens = 1;
  if (ten == 1) {
    tens = digit(s[0]);
    if (tens <= 0) return 0;
  } else if (ten != 0) {
    return 0;
  }
  int units = 0;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return 0;
    units = digit(s[ten + 1]);
    if (units < 0) return 0;
  }
  return tens * 10 + units;
}

LabelPattern MakeLabelPattern(std::string_view label) {
  LabelPattern out;
  std::u32string s = Squeeze(label);
  size_t pos = 0;
  auto take_qizhong = [&] {
    if (s.compare(pos, 3, U"其中:") == 0) {
      out.qizhong = true;
      pos += 3;
    }
  };
  take_qizhong();
  if (pos < s.size()) {
    if (s[pos] == '(') {
      size_t close = s.find(U')', pos);
      if (close != std::u32string::npos && close - pos <= 4 && close > pos + 1) {
        std::u32string inner = s.substr(pos + 1, close - pos - 1);
        int v = 0;
        if (std::all_of(inner.begin(), inner.end(), IsDigit)) {
          v = std::stoi(EncodeUtf8(inner));
        } else {
          v = ChineseNumeralValue(inner);
        }
        if (v > 0) {
          out.number = v;
          pos = close + 1;
        }
      }
    } else {
      size_t q = pos;
      while (q < s.size() && q - pos < 3 && IsDigit(s[q])) ++q;
      if (q > pos && q < s.size() &&
          (s[q] == '.' || s[q] == 0x3001 || s[q] == ')' || s[q] == ',')) {
        out.number = std::stoi(EncodeUtf8(s.substr(pos, q - pos)));
        pos = q + 1;
      } else {
        q = pos;
        while (q < s.size() && q - pos < 3 && IsChineseDigit(s[q])) ++q;
        if (q > pos && q < s.size() && (s[q] == 0x3001 || s[q] == '.')) {
          int v = ChineseNumeralValue(s.substr(pos, q - pos));
          if (v > 0) {
            out.number = v;
            pos = q + 1;
          }
        }
      }
    }
  }
  take_qizhong();
  out.core = s.substr(pos);
  if (!out.core.empty() && out.core.back() == ')') {
    int depth = 0;
    for (size_t i = out.core.size(); i-- > 0;) {
      if (out.core[i] == ')') ++depth;
      if (out.core[i] == '(' && --depth == 0) {
        if (i >= 2) out.core_short = out.core.substr(0, i);
        break;
      }
    }
  }
  return out;
}

size_t NumberingStart(const Stream& st, size_t pos, int number, size_t floor) {
  return ExtendOverNumbering(st, pos, number, floor);
}

int AllowedEdits(size_t length) {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return static_cast<int>(length * 3 / 10);
}

size_t FindExact(const Stream& st, std::u32string_view needle, size_t from, size_t to) {
  if (needle.empty() || from >= to || to > st.size()) return std::u32string::npos;
  if (needle.size() >= 2 && to - from > kDirectWindow) {
    // Through the bigram index: only where the first two characters are.
    Stream::BigramCursor c = st.Bigram(needle[0], needle[1], from, to);
    for (size_t p; c.Next(&p);) {
      if (p + needle.size() <= to &&
          std::u32string_view(st.text).substr(p, needle.size()) == needle) {
        return p;
      }
    }
    return std::u32string::npos;
  }
  std::u32string_view hay(st.text.data() + from, to - from);
  size_t p = hay.find(needle);
  return p == std::u32string_view::npos ? std::u32string::npos : from + p;
}

LabelMatch FindLabel(const Stream& st, const LabelPattern& pattern, size_t from, size_t to,
                     bool strict) {
  to = std::min(to, st.size());
  LabelMatch none;
  // A short label ("3.其他", "（七）总计") counts only with its numbering printed: the words
  // alone occur in other labels ("（六）其他处理") and in headers.
  const bool need_number = pattern.number > 0 && pattern.core.size() <= 3;
  size_t pos = from;
  while (pos < to) {
    CoreMatch full = FindCore(st, pattern.core, pos, to, strict);
    CoreMatch brief;
    if (!pattern.core_short.empty()) {
      // Only where the full label is not found earlier.
      brief = FindCore(st, pattern.core_short, pos, full.found ? full.start + 1 : to, strict);
    }
    LabelMatch m;
    size_t core_start;
    if (full.found && (!brief.found || full.start <= brief.start + pattern.core_short.size())) {
      m = Finish(st, full, pattern, from, false);
      core_start = full.start;
    } else if (brief.found) {
      m = Finish(st, brief, pattern, from, true);
      core_start = brief.start;
    } else {
      return none;
    }
    if (!need_number || m.start != core_start) return m;
    pos = core_start + 1;
  }
  return none;
}

}  // namespace gongkai::check::extract
