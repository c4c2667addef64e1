#include "check/read/page_furniture.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "check/read/decode.h"

namespace gongkai::check {
namespace {

// The line as code points without spaces, full-width digits and slash made ASCII.
std::u32string Compact(std::string_view line) {
  std::u32string out;
  for (size_t i = 0; i < line.size();) {
    int len = 0;
    char32_t cp = DecodeUtf8At(line, i, len);
    i += len;
    if (cp == ' ' || cp == '\t' || cp == 0x3000) continue;
    if (cp >= 0xFF10 && cp <= 0xFF19) cp = '0' + (cp - 0xFF10);
    if (cp == 0xFF0F) cp = '/';
    if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
    out.push_back(cp);
  }
  return out;
}

bool IsDash(char32_t c) {
  return c == '-' || c == '~' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D ||
         c == 0x2500 || c == 0x2501 || c == 0x4E00 || c == 0xFF5E || c == 0xB7 || c == 0x2022 ||
         c == 0x30FB;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Reads a number of 1–5 digits at s[i]; advances i.
std::optional<int> ReadNumber(const std::u32string& s, size_t& i) {
  const size_t start = i;
  int n = 0;
  while (i < s.size() && IsDigit(s[i]) && i - start < 5)
    n = n * 10 + static_cast<int>(s[i++] - '0');
  if (i == start || (i < s.size() && IsDigit(s[i]))) return std::nullopt;
  return n;
}

bool Eat(const std::u32string& s, size_t& i, std::u32string_view word) {
  if (s.compare(i, word.size(), word) != 0) return false;
  i += word.size();
  return true;
}

void EatSeparators(const std::u32string& s, size_t& i) {
  while (i < s.size() && (s[i] == ',' || s[i] == 0xFF0C || s[i] == '/' || s[i] == 0x3001 ||
                          s[i] == 0xFF1B || s[i] == ';')) {
    ++i;
  }
}

// "第N页" at i.
std::optional<int> ReadDiYe(const std::u32string& s, size_t& i) {
  size_t j = i;
  if (!Eat(s, j, U"第")) return std::nullopt;
  const auto n = ReadNumber(s, j);
  if (!n || !Eat(s, j, U"页")) return std::nullopt;
  i = j;
  return n;
}

// "共M页" at i.
bool ReadGongYe(const std::u32string& s, size_t& i) {
  size_t j = i;
  if (!Eat(s, j, U"共") || !ReadNumber(s, j) || !Eat(s, j, U"页")) return false;
  i = j;
  return true;
}

bool HasLetterOrCjk(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    int len = 0;
    const char32_t cp = DecodeUtf8At(line, i, len);
    i += len;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
        (IsWideCodePoint(cp) && !(cp >= 0x3000 && cp <= 0x303F) &&
         !(cp >= 0xFF01 && cp <= 0xFF60))) {
      return true;
    }
  }
  return false;
}

// Header/footer identity of a line: spaces collapsed. Digits count: lines that differ only in
// their numbers ("正文1", "正文2", table rows) are different lines.
std::string HeaderKey(std::string_view line) {
  std::string key;
  bool space = false;
  for (const char c : line) {
    if (c == ' ' || c == '\t') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(c);
  }
  return key;
}

std::optional<int> ParseLoneNumber(std::string_view line) {
  const std::u32string s = Compact(line);
  size_t i = 0;
  const auto n = ReadNumber(s, i);
  if (!n || i != s.size() || *n == 0) return std::nullopt;
  return n;
}

}  // namespace

std::optional<int> ParsePageNumber(std::string_view line) {
  const std::u32string s = Compact(line);
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  // Dashes around a number.
  if (IsDash(s[0])) {
    while (i < s.size() && IsDash(s[i])) ++i;
    const auto n = ReadNumber(s, i);
    if (n && i < s.size() && IsDash(s[i])) {
      while (i < s.size() && IsDash(s[i])) ++i;
      if (i == s.size()) return n;
    }
    return std::nullopt;
  }
  // 第N页 [共M页] | 共M页 第N页
  i = 0;
  if (auto n = ReadDiYe(s, i)) {
    EatSeparators(s, i);
    ReadGongYe(s, i);
    if (i == s.size()) return n;
    return std::nullopt;
  }
  i = 0;
  if (ReadGongYe(s, i)) {
    EatSeparators(s, i);
    const auto n = ReadDiYe(s, i);
    if (n && i == s.size()) return n;
    return std::nullopt;
  }
  // page N [of M]
  i = 0;
  if (Eat(s, i, U"page")) {
    const auto n = ReadNumber(s, i);
    if (!n) return std::nullopt;
    if (i == s.size()) return n;
    if (Eat(s, i, U"of") && ReadNumber(s, i) && i == s.size()) return n;
    return std::nullopt;
  }
  // N/M, N of M
  i = 0;
  const auto n = ReadNumber(s, i);
  if (!n || i == s.size()) return std::nullopt;
  if (s[i] == '/' || Eat(s, i, U"of")) {
    if (s[i] == '/') ++i;
    const auto m = ReadNumber(s, i);
    if (m && i == s.size() && *n >= 1 && *n <= *m) return n;
  }
  return std::nullopt;
}

std::vector<int> FindPageFurniture(const std::vector<std::string>& lines,
                                   const std::vector<int>& page_starts) {
  const int page_count = static_cast<int>(page_starts.size());
  const int line_count = static_cast<int>(lines.size());
  std::set<int> drop;

  // Candidate positions: (page, side 0 = top / 1 = bottom, rank, line index).
  struct Candidate {
    int page, side, rank, line;
  };
  std::vector<Candidate> candidates;
  for (int p = 0; p < page_count; ++p) {
    const int begin = std::clamp(page_starts[p], 0, line_count);
    const int end =
        p + 1 < page_count ? std::clamp(page_starts[p + 1], begin, line_count) : line_count;
    std::vector<int> nonempty;
    for (int l = begin; l < end; ++l) {
      if (lines[l].find_first_not_of(" \t") != std::string::npos) nonempty.push_back(l);
    }
    const int n = static_cast<int>(nonempty.size());
    for (int r = 0; r < std::min(2, n); ++r) candidates.push_back({p, 0, r, nonempty[r]});
    for (int r = 0; r < std::min(2, n); ++r) {
      if (n - 1 - r >= 2) candidates.push_back({p, 1, r, nonempty[n - 1 - r]});
    }
  }

  // Page numbers, and the offsets (printed number − page index) they show.
  std::map<int, int> offset_votes;
  for (const Candidate& c : candidates) {
    if (auto n = ParsePageNumber(lines[c.line])) {
      drop.insert(c.line);
      ++offset_votes[*n - c.page];
    }
  }
  std::vector<std::pair<Candidate, int>> lone;
  for (const Candidate& c : candidates) {
    if (drop.count(c.line)) continue;
    if (auto n = ParseLoneNumber(lines[c.line])) {
      lone.push_back({c, *n});
      ++offset_votes[*n - c.page];
    }
  }
  if (!lone.empty()) {
    const auto best = std::max_element(offset_votes.begin(), offset_votes.end(),
                                       [](auto& a, auto& b) { return a.second < b.second; });
    for (const auto& [c, n] : lone) {
      const bool agreed = best->second >= 2 && n - c.page == best->first;
      const bool single_page = page_count == 1 && n == 1 && c.side == 1 && c.rank == 0;
      if (agreed || single_page) drop.insert(c.line);
    }
  }

  // Running headers and footers.
  if (page_count >= 3) {
    std::map<std::tuple<int, int, std::string>, std::vector<Candidate>> groups;
    for (const Candidate& c : candidates) {
      if (drop.count(c.line) || !HasLetterOrCjk(lines[c.line])) continue;
      groups[{c.side, c.rank, HeaderKey(lines[c.line])}].push_back(c);
    }
    for (const auto& [key, members] : groups) {
      std::set<int> pages;
      for (const Candidate& c : members) pages.insert(c.page);
      const int count = static_cast<int>(pages.size());
      if (count < 3 || count * 2 <= page_count) continue;
      for (size_t k = 1; k < members.size(); ++k) drop.insert(members[k].line);
    }
  }
  return {drop.begin(), drop.end()};
}

}  // namespace gongkai::check
