#include "check/extract/values.h"

#include <algorithm>

namespace gongkai::check::extract {
namespace {

bool IsBlankText(std::u32string_view t) {
  if (t == U"/" || t == U"无" || t == U"\\" || t == U"空") return true;
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char32_t c) { return c == '-'; });
}

// True if `t` is a number with thousands separators grouped by three ("1,234,567.5").
bool IsGroupedNumber(std::u32string_view t) {
  size_t start = (t.size() > 0 && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
  size_t dot = t.find(U'.');
  std::u32string_view whole =
      t.substr(start, dot == std::u32string_view::npos ? t.npos : dot - start);
  if (whole.find(U',') == std::u32string_view::npos) return false;
  size_t group = 0;
  bool first = true;
  for (char32_t c : whole) {
    if (c == ',') {
      if (group == 0 || (first ? group > 3 : group != 3)) return false;
      first = false;
      group = 0;
    } else if (IsDigit(c)) {
      ++group;
    } else {
      return false;
    }
  }
  return group == 3;
}

struct Splitter {
  // Atoms: each token's text; number tokens may be cut between digits.
  struct Atom {
    std::u32string text;
    bool blank = false;
    bool atomic = false;  // grouped number: never cut
  };
  std::vector<Atom> atoms;
  const std::vector<ColumnKind>& cols;
  uint64_t cap;
  // memo[(atom, offset, column)] → ways, -1 unknown
  std::vector<std::vector<std::vector<int64_t>>> memo;

  Splitter(std::vector<Atom> a, const std::vector<ColumnKind>& c, uint64_t cap_)
      : atoms(std::move(a)), cols(c), cap(cap_) {
    memo.resize(atoms.size());
    for (size_t i = 0; i < atoms.size(); ++i) {
      memo[i].assign(atoms[i].text.size() + 1, std::vector<int64_t>(cols.size() + 1, -1));
    }
  }

  // Whether text[k, e) of atom `a` is a valid value for column `c`.
  bool ValidPart(const Atom& a, size_t k, size_t e, size_t c) const {
    std::u32string_view p(a.text.data() + k, e - k);
    if (p.empty()) return false;
    if (a.atomic)
      return k == 0 && e == a.text.size() && (cols[c].decimal || p.find(U'.') == p.npos);
    size_t i = 0;
    if (p[0] == '-' || p[0] == '+') {
      if (k != 0 || !cols[c].is_signed) return false;
      i = 1;
    }
    if (i >= p.size() || !IsDigit(p[i])) return false;
    size_t dot = p.find(U'.', i);
    size_t int_len = (dot == p.npos ? p.size() : dot) - i;
    if (int_len == 0 || int_len > 12) return false;
    if (int_len > 1 && p[i] == '0') return false;  // leading zero
    if (dot != p.npos) {
      if (!cols[c].decimal) return false;
      size_t frac = p.size() - dot - 1;
      if (frac == 0 || frac > 6) return false;
    }
    return true;
  }

  bool CanCut(const Atom& a, size_t e) const {
    if (a.atomic || e == 0 || e >= a.text.size()) return false;
    return IsDigit(a.text[e - 1]) && IsDigit(a.text[e]);
  }

  uint64_t Count(size_t ai, size_t k, size_t c) {
    if (ai == atoms.size()) return c == cols.size() ? 1 : 0;
    if (c == cols.size()) return 0;
    int64_t& m = memo[ai][k][c];
    if (m >= 0) return static_cast<uint64_t>(m);
    uint64_t total = 0;
    const Atom& a = atoms[ai];
    if (a.blank) {
      total = Count(ai + 1, 0, c + 1);
    } else {
      for (size_t e = k + 1; e <= a.text.size() && total <= cap; ++e) {
        if (e < a.text.size() && !CanCut(a, e)) continue;
        if (!ValidPart(a, k, e, c)) continue;
        total += e == a.text.size() ? Count(ai + 1, 0, c + 1) : Count(ai, e, c + 1);
      }
    }
    total = std::min<uint64_t>(total, cap + 1);
    m = static_cast<int64_t>(total);
    return total;
  }

  template <typename F>
  bool Walk(size_t ai, size_t k, size_t c, std::vector<std::string>* parts, F& leaf) {
    if (ai == atoms.size()) return leaf(*parts);
    const Atom& a = atoms[ai];
    if (a.blank) {
      if (Count(ai + 1, 0, c + 1) == 0) return true;
      parts->push_back("");
      bool go = Walk(ai + 1, 0, c + 1, parts, leaf);
      parts->pop_back();
      return go;
    }
    for (size_t e = k + 1; e <= a.text.size(); ++e) {
      if (e < a.text.size() && !CanCut(a, e)) continue;
      if (!ValidPart(a, k, e, c)) continue;
      const bool last = e == a.text.size();
      if ((last ? Count(ai + 1, 0, c + 1) : Count(ai, e, c + 1)) == 0) continue;
      parts->push_back(EncodeUtf8(std::u32string_view(a.text).substr(k, e - k)));
      bool go = last ? Walk(ai + 1, 0, c + 1, parts, leaf) : Walk(ai, e, c + 1, parts, leaf);
      parts->pop_back();
      if (!go) return false;
    }
    return true;
  }
};

}  // namespace

std::vector<ValueToken> TokenizeValues(const Stream& st, size_t from, size_t to,
                                       const std::vector<size_t>& skip) {
  std::vector<ValueToken> out;
  to = std::min(to, st.size());
  size_t si = std::lower_bound(skip.begin(), skip.end(), from) - skip.begin();
  ValueToken cur;
  bool open = false;
  auto close = [&] {
    if (!open) return;
    if (cur.kind == ValueToken::Kind::kText && IsBlankText(cur.text)) {
      cur.kind = ValueToken::Kind::kBlank;
    }
    out.push_back(std::move(cur));
    cur = ValueToken();
    open = false;
  };
  for (size_t i = from; i < to; ++i) {
    if (si < skip.size() && skip[si] == i) {
      ++si;
      close();
      continue;
    }
    const char32_t c = st.text[i];
    if (st.brk[i]) close();
    if (st.bars[i] >= 2) {
      for (int b = 1; b < st.bars[i]; ++b) {
        ValueToken e;
        e.kind = ValueToken::Kind::kBlank;
        e.from = e.to = i;
        e.line = st.line[i];
        out.push_back(e);
      }
    }
    const bool next_digit = i + 1 < to && IsDigit(st.text[i + 1]) && !st.brk[i + 1];
    bool numeric;
    if (IsDigit(c)) {
      numeric = true;
    } else if (c == '.' || c == ',') {
      // Inside a number only between digits.
      numeric = open && cur.kind == ValueToken::Kind::kNumber && next_digit &&
                (c == ',' || cur.text.find(U'.') == std::u32string::npos);
    } else if (c == '-' || c == '+') {
      numeric = next_digit && (!open || cur.kind != ValueToken::Kind::kNumber);
    } else {
      numeric = false;
    }
    const ValueToken::Kind kind = numeric ? ValueToken::Kind::kNumber : ValueToken::Kind::kText;
    if (open && cur.kind != kind) close();
    if (!open) {
      cur.kind = kind;
      cur.from = i;
      cur.line = st.line[i];
      open = true;
    }
    cur.text.push_back(c);
    AppendUtf8(st.original[i], &cur.raw);
    cur.to = i + 1;
  }
  close();
  return out;
}

namespace {

// The atoms a token is cut into (see EnumerateSplits): their lengths, 0 for a blank.
void AtomsOf(const ValueToken& t, std::vector<size_t>* lengths) {
  if (t.kind == ValueToken::Kind::kBlank) {
    lengths->push_back(0);
    return;
  }
  if (IsGroupedNumber(t.text)) {
    lengths->push_back(t.text.size() - std::count(t.text.begin(), t.text.end(), U','));
    return;
  }
  size_t piece = 0;
  for (char32_t c : t.text) {
    if (c == ',') {
      if (piece > 0) lengths->push_back(piece);
      piece = 0;
    } else {
      ++piece;
    }
  }
  if (piece > 0) lengths->push_back(piece);
}

}  // namespace

std::vector<int> PartLines(const std::vector<ValueToken>& tokens,
                           const std::vector<std::string>& parts) {
  std::vector<int> atom_line;
  std::vector<size_t> atom_len;
  for (const ValueToken& t : tokens) {
    const size_t before = atom_len.size();
    AtomsOf(t, &atom_len);
    atom_line.resize(atom_len.size(), t.line);
    (void)before;
  }
  std::vector<int> out;
  size_t a = 0;
  size_t used = 0;
  const int fallback = tokens.empty() ? 0 : tokens.back().line;
  for (const std::string& p : parts) {
    out.push_back(a < atom_line.size() ? atom_line[a] : fallback);
    const size_t len = p.empty() ? 0 : DecodeUtf8(p).size();
    used += len;
    if (a < atom_len.size() && used >= atom_len[a]) {
      ++a;
      used = 0;
    }
  }
  return out;
}

SplitResult EnumerateSplits(const std::vector<ValueToken>& tokens,
                            const std::vector<ColumnKind>& columns,
                            const std::function<bool(const std::vector<std::string>&)>& accept,
                            uint64_t max_fitting, size_t max_accepted) {
  SplitResult out;
  std::vector<Splitter::Atom> atoms;
  for (const ValueToken& t : tokens) {
    if (t.kind == ValueToken::Kind::kBlank) {
      atoms.push_back({U"", true, false});
      continue;
    }
    if (t.kind != ValueToken::Kind::kNumber) return out;  // text cannot be a value
    if (IsGroupedNumber(t.text)) {
      std::u32string plain;
      for (char32_t c : t.text) {
        if (c != ',') plain.push_back(c);
      }
      atoms.push_back({plain, false, true});
      continue;
    }
    // Other commas separate values ("1,0,2").
    std::u32string piece;
    for (char32_t c : t.text) {
      if (c == ',') {
        if (!piece.empty()) atoms.push_back({piece, false, false});
        piece.clear();
      } else {
        piece.push_back(c);
      }
    }
    if (!piece.empty()) atoms.push_back({piece, false, false});
  }
  if (columns.empty()) return out;
  // A value takes at most 20 characters (sign, 12 digits, point, 6 decimals): longer digit runs
  // cannot fit, and are not enumerated.
  size_t chars = 0;
  for (const Splitter::Atom& a : atoms) chars += a.text.size();
  if (chars > 20 * columns.size()) return out;
  Splitter s(std::move(atoms), columns, max_fitting);
  out.fitting = s.Count(0, 0, 0);
  if (out.fitting == 0) return out;
  if (out.fitting > max_fitting) {
    out.too_many = true;
    return out;
  }
  std::vector<std::string> parts;
  auto leaf = [&](const std::vector<std::string>& p) {
    if (out.fitting == 1) out.only = p;
    if (accept && !accept(p)) return true;
    if (out.accepted.size() >= max_accepted) {
      out.too_many = true;
      return false;
    }
    out.accepted.push_back(p);
    return true;
  };
  s.Walk(0, 0, 0, &parts, leaf);
  return out;
}

}  // namespace gongkai::check::extract
