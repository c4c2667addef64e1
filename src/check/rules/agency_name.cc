// The agency as named by the report's title, its 填报单位 and its signature: a name that
// differs from another by a character or two is a misprint (the seed's "吉林市昌邑区商务避").
// Names that differ only by a prefix (吉林市昌邑区商务局 / 昌邑区商务局) or a suffix
// (平潭综合实验区 / 平潭综合实验区管委会) are the same agency; names that differ a lot are
// different bodies (a government and its office) and are left alone.
#include <set>

#include "check/rules/rules.h"

namespace gongkai::check::rules {
namespace {

struct NameSource {
  std::string what;  // "标题", "填报单位", "署名"
  std::u32string name;
  int line = 0;
};

bool IsOrgSuffix(char32_t c) {
  static const std::u32string kSuffixes = U"局委办院府会厅室处署所站馆队区县市镇乡司部心社组";
  return kSuffixes.find(c) != std::u32string::npos;
}

bool HasSentencePunct(std::u32string_view s) {
  for (char32_t c : s) {
    if (IsClauseEnd(c) || c == U'。' || c == '(' || c == ')' || c == U'《' || c == '|') return true;
  }
  return false;
}

// Folded text of a line with runs of spaces kept as one ' '.
std::u32string FoldKeepSpaces(std::string_view line) {
  std::u32string out;
  for (char32_t c : DecodeUtf8(line)) {
    const char32_t f = FoldChar(c);
    if (f == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(f);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool PlausibleName(std::u32string_view n) {
  return n.size() >= 3 && n.size() <= 30 && !HasSentencePunct(n) && IsOrgSuffix(n.back());
}

// The name before "YYYY年(度)政府信息公开…报告" in the first lines: the last space-separated
// token before the year on the same line, else the previous non-empty line.
std::optional<NameSource> TitleName(const Document& doc) {
  const size_t n = std::min<size_t>(doc.lines.size(), 12);
  for (size_t i = 0; i < n; ++i) {
    std::u32string l = FoldKeepSpaces(doc.lines[i]);
    if (l.size() > 600) l.resize(600);
    for (size_t p = 0; p + 4 < l.size(); ++p) {
      if (!IsAsciiDigit(l[p]) || (p > 0 && IsAsciiDigit(l[p - 1]))) continue;
      size_t e = p;
      while (e < l.size() && IsAsciiDigit(l[e])) ++e;
      if (e - p != 4) continue;
      size_t k = e;
      if (k < l.size() && l[k] == ' ') ++k;
      if (k >= l.size() || l[k] != U'年') continue;
      const std::u32string rest = Compact(std::u32string_view(l).substr(k + 1, 40));
      if (!rest.starts_with(U"政府信息公开") && !rest.starts_with(U"度政府信息公开")) continue;
      if (rest.find(U"报告") == std::u32string::npos) continue;
      size_t b = p;
      while (b > 0 && l[b - 1] == ' ') --b;
      size_t s = b;
      while (s > 0 && l[s - 1] != ' ' && !IsClauseEnd(l[s - 1]) && l[s - 1] != U'。') --s;
      std::u32string name = Compact(std::u32string_view(l).substr(s, b - s));
      if (name.empty() && b == 0) {
        for (size_t j = i; j > 0; --j) {
          std::u32string prev = Compact(doc.lines[j - 1]);
          if (prev.empty()) continue;
          name = prev;
          break;
        }
      }
      if (PlausibleName(name)) return NameSource{"标题", name, static_cast<int>(i) + 1};
    }
  }
  return std::nullopt;
}

// "填报单位（盖章）：吉林市昌邑区商务避".
std::optional<NameSource> FillingUnit(const Document& doc) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const std::u32string l = FoldKeepSpaces(doc.lines[i]);
    size_t p = l.find(U"填报单位");
    if (p == std::u32string::npos) continue;
    p += 4;
    auto skip = [&] {
      while (p < l.size() && (l[p] == ' ' || l[p] == ':' || l[p] == U'：')) ++p;
    };
    skip();
    if (p < l.size() && (l[p] == '(' || l[p] == U'（')) {
      const size_t close = l.find_first_of(U")）", p);
      if (close == std::u32string::npos) continue;
      p = close + 1;
    }
    skip();
    size_t e = p;
    while (e < l.size() && l[e] != ' ' && !IsClauseEnd(l[e]) && l[e] != '|' && l[e] != '(') ++e;
    std::u32string name = l.substr(p, e - p);
    for (std::u32string_view stop : {U"填报", U"单位负责人", U"统计", U"指标"}) {
      const size_t s = name.find(stop);
      if (s != std::u32string::npos) name.resize(s);
    }
    if (name.size() >= 3 && name.size() <= 30 && !HasSentencePunct(name)) {
      return NameSource{"填报单位", name, static_cast<int>(i) + 1};
    }
  }
  return std::nullopt;
}

bool Consistent(std::u32string_view a, std::u32string_view b) {
  return a == b || a.ends_with(b) || b.ends_with(a) || a.starts_with(b) || b.starts_with(a);
}

// Distance between the shorter name and the end of the longer one, trying lengths ±1; the
// aligned tail of the longer name in *tail_begin.
int TailDistance(std::u32string_view longer, std::u32string_view shorter, size_t* tail_begin) {
  int best = 1 << 20;
  for (int delta = -1; delta <= 1; ++delta) {
    const int k = static_cast<int>(shorter.size()) + delta;
    if (k <= 0 || k > static_cast<int>(longer.size())) continue;
    const size_t start = longer.size() - k;
    const int d = EditDistance(longer.substr(start), shorter);
    if (d < best) {
      best = d;
      *tail_begin = start;
    }
  }
  return best;
}

size_t CountOccurrences(std::u32string_view text, std::u32string_view needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::u32string_view::npos; p = text.find(needle, p + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

std::optional<Signature> FindSignature(const RuleContext& ctx) {
  const Document& doc = *ctx.doc;
  const ExtractedReport& r = *ctx.report;
  const bool table_range = r.table_first_line > 0 && r.table_last_line > r.table_first_line;
  std::optional<Signature> found;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    if (table_range && line_no > r.table_first_line && line_no <= r.table_last_line) continue;
    const std::u32string l = FoldKeepSpaces(doc.lines[i]);
    const std::u32string c = Compact(l);
    if (c.empty()) continue;
    if (std::optional<TextDate> d = DateAt(c, 0); d && d->end == c.size()) {
      Signature s;
      s.date = *d;
      s.date_line = line_no;
      for (size_t j = i; j > 0; --j) {
        const std::u32string prev = Compact(doc.lines[j - 1]);
        if (prev.empty()) continue;
        if (PlausibleName(prev)) {
          s.name = EncodeUtf8(prev);
          s.name_line = static_cast<int>(j);
        }
        break;
      }
      found = s;
      continue;
    }
    // A web page on one line: "…日常化。 二○一二年二月二十日 附件1" or "。 某某局 2019年1月3日".
    for (size_t p = l.find(U"。 "); p != std::u32string::npos; p = l.find(U"。 ", p + 1)) {
      size_t q = p + 2;
      size_t name_end = q;
      std::optional<TextDate> d = DateAt(l, q);
      if (!d) {
        while (name_end < l.size() && l[name_end] != ' ') ++name_end;
        if (name_end + 1 < l.size()) d = DateAt(l, name_end + 1);
      }
      if (!d || (d->end < l.size() && l[d->end] != ' ')) continue;
      Signature s;
      s.date = *d;
      s.date_line = line_no;
      if (name_end > q) {
        const std::u32string name = l.substr(q, name_end - q);
        if (PlausibleName(name)) {
          s.name = EncodeUtf8(name);
          s.name_line = line_no;
        }
      }
      found = s;
    }
    if (table_range && line_no >= r.table_first_line && found) break;
  }
  return found;
}

void CheckAgencyNames(const RuleContext& ctx, std::vector<CheckFinding>& out) {
  std::vector<NameSource> names;
  if (std::optional<NameSource> t = TitleName(*ctx.doc)) names.push_back(*t);
  if (std::optional<NameSource> f = FillingUnit(*ctx.doc)) names.push_back(*f);
  if (const std::optional<Signature>& s = ctx.signature; s && !s->name.empty()) {
    names.push_back({"署名", U(s->name), s->name_line});
  }
  // Where the extraction found the agency named (it may see a title or signature we did not).
  for (const AgencyMention& m : ctx.report->agency_mentions) {
    const std::string what = m.source == "title"         ? "标题"
                             : m.source == "filler"      ? "填报单位"
                             : m.source == "signature"   ? "署名"
                             : m.source == "table_title" ? "统计表标题"
                                                         : "";
    std::u32string name = Compact(m.name);
    // No suffix test: a misprint may be the last character (商务避).
    if (what.empty() || name.size() < 3 || name.size() > 30 || HasSentencePunct(name)) continue;
    bool known = false;
    for (const NameSource& n : names) known = known || (n.what == what && n.name == name);
    if (!known) names.push_back({what, std::move(name), m.line});
  }
  if (names.size() < 2) return;

  // Names are Han characters: the folded text of the whole document counts them as printed.
  const std::u32string& whole = ctx.full.text();

  std::set<std::u32string> reported;
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = i + 1; j < names.size(); ++j) {
      const NameSource& a = names[i];
      const NameSource& b = names[j];
      if (a.what == b.what || Consistent(a.name, b.name)) continue;
      const bool a_longer = a.name.size() >= b.name.size();
      const NameSource& lng = a_longer ? a : b;
      const NameSource& sht = a_longer ? b : a;
      if (sht.name.size() < 4) continue;
      size_t tail = 0;
      const int d = TailDistance(lng.name, sht.name, &tail);
      if (d == 0 || d > (sht.name.size() >= 8 ? 2 : 1)) continue;
      // The variant printed more often in the report is taken for the right one.
      const std::u32string lng_tail = lng.name.substr(tail);
      const size_t n_short = CountOccurrences(whole, sht.name);
      const size_t n_tail = CountOccurrences(whole, lng_tail);
      const bool short_right = n_short >= n_tail;
      const NameSource& wrong = short_right ? lng : sht;
      const NameSource& right = short_right ? sht : lng;
      const std::u32string suggestion =
          short_right ? lng.name.substr(0, tail) + sht.name : lng_tail;
      if (!reported.insert(wrong.name).second) continue;
      out.push_back({"agency_name",
                     Severity::kError,
                     wrong.line,
                     {},
                     wrong.what + Quoted(EncodeUtf8(wrong.name)) + "与" + right.what +
                         Quoted(EncodeUtf8(right.name)) + "不一致，疑为" +
                         Quoted(EncodeUtf8(suggestion)),
                     "agency.name"});
    }
  }
}

}  // namespace gongkai::check::rules
