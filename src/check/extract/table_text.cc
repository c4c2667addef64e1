#include "check/extract/table_text.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "check/extract/label.h"
#include "check/extract/solve.h"
#include "check/extract/values.h"

namespace gongkai::check::extract {
namespace {

constexpr size_t kRowWindow = 1500;          // how far after a row the next one may start
constexpr size_t kConfirmWindow = 400;       // a table's second row follows its first closely
constexpr size_t kAfterAnchorWindow = 4000;  // the first row after a table's caption or title
constexpr size_t kMaxLeadingText = 40;       // stray text allowed between a label and its values
constexpr size_t kLookaheadGap = 6;          // text before a match that makes us look ahead
constexpr int kStartAttempts = 10;           // candidate starts tried per table
constexpr size_t kStartRows = 8;             // rows a table is first looked for by
constexpr size_t kMaxListedSplits = 20;      // candidate splits listed for an ambiguous row

bool IsCountUnit(std::string_view unit) {
  static const std::set<std::string_view> kCount = {"条", "件",   "次", "篇", "个",
                                                    "人", "人次", "项", ""};
  return kCount.count(unit) > 0;
}

struct Hit {
  const Table* table = nullptr;
  const Row* row = nullptr;
  std::string foreign;  // "" = a row of the format; else the sibling format's id
  LabelMatch m;         // a "col" table: [start, end) = its title and column headers
  bool labelled = true;
};

std::string CellId(const Table& t, const Row& r, const Column* c) {
  if (t.cell_ids == "row" || c == nullptr) return r.id;
  if (t.cell_ids == "col") return c->id;
  return r.id + "/" + c->id;
}

std::vector<const Column*> ColumnsOf(const Table& t) {
  std::vector<const Column*> out;
  for (const Column& c : t.columns) out.push_back(&c);
  if (out.empty()) out.push_back(nullptr);
  if (t.cell_ids == "row") out.resize(1);  // one value column
  return out;
}

// A caption ("第二十条第（一）项") exactly, or a numbered title ("三、收到和处理…") with its
// numbering. Returns the start (npos if absent) and sets *end.
size_t FindAnchor(const Stream& st, const Table& t, size_t from, size_t to, size_t* end) {
  if (!t.caption.empty()) {
    // "第二十条第（一）项", also printed "第二十条第一项".
    const std::u32string needle = Squeeze(t.caption);
    std::u32string bare;
    for (char32_t c : needle) {
      if (c != '(' && c != ')') bare.push_back(c);
    }
    size_t best = std::u32string::npos;
    for (const std::u32string& n : {needle, bare}) {
      const size_t p = FindExact(st, n, from, to);
      if (p < best) {
        best = p;
        *end = p + n.size();
      }
    }
    return best;
  }
  const LabelPattern title = MakeLabelPattern(t.title);
  if (title.number == 0 || title.core.size() < 4) return std::u32string::npos;
  for (size_t p = FindExact(st, title.core, from, to); p != std::u32string::npos;
       p = FindExact(st, title.core, p + 1, to)) {
    const size_t s = NumberingStart(st, p, title.number, from);
    if (s != p) {
      *end = p + title.core.size();
      return s;
    }
  }
  return std::u32string::npos;
}

class TableReader {
 public:
  TableReader(const Stream& st, const Format& format, const Format* sibling, ExtractedReport* out)
      : st_(st), format_(format), sibling_(sibling), out_(out) {
    constraints_ = ConstraintsOf(format);
    if (sibling_ != nullptr) {
      for (LinearConstraint& c : ConstraintsOf(*sibling_)) constraints_.push_back(std::move(c));
    }
    // The constraints within one row (a row total), used while splitting that row.
    std::map<std::string, std::string> row_of_cell;
    for (const Format* f : {&format, sibling}) {
      if (f == nullptr) continue;
      for (const Table& t : f->tables) {
        for (const Row& r : t.rows) {
          for (const Column* c : ColumnsOf(t)) row_of_cell[CellId(t, r, c)] = r.id;
        }
      }
    }
    for (const LinearConstraint& c : constraints_) {
      std::string row;
      bool one_row = true;
      for (const auto& term : c.terms) {
        auto it = row_of_cell.find(term.cell);
        if (it == row_of_cell.end() || (!row.empty() && it->second != row)) {
          one_row = false;
          break;
        }
        row = it->second;
      }
      if (one_row && !row.empty()) row_constraints_[row].push_back(&c);
    }
  }

  int Run() {
    size_t cursor = 0;
    for (const Table& t : format_.tables) {
      size_t end = t.cell_ids == "col" ? LocateColTable(t, cursor) : LocateTable(t, cursor);
      if (end == std::u32string::npos && cursor > 0) {
        end = t.cell_ids == "col" ? LocateColTable(t, 0) : LocateTable(t, 0);
        if (end != std::u32string::npos) end = cursor;  // found earlier: keep our place
      }
      if (end != std::u32string::npos) cursor = std::max(cursor, end);
    }
    std::sort(hits_.begin(), hits_.end(),
              [](const Hit& a, const Hit& b) { return a.m.start < b.m.start; });
    std::vector<size_t> bounds = anchors_;
    for (const Hit& h : hits_) bounds.push_back(h.m.start);
    std::sort(bounds.begin(), bounds.end());
    for (const Hit& h : hits_) {
      auto it = std::upper_bound(bounds.begin(), bounds.end(), h.m.start);
      const size_t region_end = it == bounds.end() ? st_.size() : *it;
      ReadRow(h, region_end);
    }
    Resolve();
    ListMissing();
    int found = 0;
    for (const Hit& h : hits_) {
      if (h.labelled) ++found;
    }
    return found;
  }

 private:
  struct Pending {
    const Hit* hit;
    std::vector<std::string> cells;
    std::vector<const Column*> cols;
    std::vector<std::vector<std::string>> splits;  // accepted splits (parts per column)
    std::vector<ValueToken> run;
  };

  // Finds the rows of `t` from `from` on; returns the end of the last row found (npos if none).
  size_t LocateTable(const Table& t, size_t from) {
    size_t anchor_end = 0;
    const size_t anchor = FindAnchor(st_, t, from, st_.size(), &anchor_end);
    size_t start = from;
    size_t first_to = st_.size();
    if (anchor != std::u32string::npos) {
      anchors_.push_back(anchor);
      start = anchor_end;
      first_to = std::min(st_.size(), anchor_end + kAfterAnchorWindow);
    }
    // A table with a caption (the blocks of table 二, whose row labels — 规章, 行政许可 — are
    // common words of the narrative) is read only after its caption.
    if (!t.caption.empty() && anchor == std::u32string::npos) return std::u32string::npos;
    std::vector<const Row*> rows;
    std::vector<LabelPattern> patterns;
    for (const Row& r : t.rows) {
      if (r.labels.empty()) continue;
      rows.push_back(&r);
      patterns.push_back(MakeLabelPattern(r.labels.back()));
    }
    // The table starts at its first row found after `start`, if one of the next rows follows it
    // closely (one lone label may be a word of the narrative), or right after its caption.
    size_t table_start = std::u32string::npos;
    size_t start_row = 0;  // the row it was found by
    size_t start_end = 0;  // where that row's label ends
    const bool anchored = anchor != std::u32string::npos;
    // The earliest row found from `start` on. Each row's search result is kept: a match while
    // `start` has not passed it, or "none before `none_before[j]`". Rows need only be searched
    // up to the best candidate so far.
    std::vector<LabelMatch> next(rows.size());
    std::vector<size_t> none_before(rows.size(), 0);
    // Tables are looked for by their first rows (kStartRows of them); by any row only if none of
    // those is printed.
    size_t start_rows = 0;
    for (size_t j = 0, eligible = 0; j < rows.size() && eligible < kStartRows; ++j) {
      start_rows = j + 1;
      if (anchored || patterns[j].core.size() >= 4) ++eligible;
    }
    for (int attempt = 0; attempt < kStartAttempts && start < st_.size(); ++attempt) {
      size_t k = rows.size();
      for (size_t j = 0; j < rows.size(); ++j) {
        if (j == start_rows && k != rows.size()) break;
        if (!anchored && patterns[j].core.size() < 4) continue;  // "规章": not without caption
        const size_t bound = k == rows.size() ? first_to : next[k].start;
        const bool known = next[j].found ? next[j].start >= start : none_before[j] >= bound;
        if (!known) {
          next[j] = FindLabel(st_, patterns[j], start, bound, /*strict=*/!anchored);
          none_before[j] = next[j].found ? 0 : bound;
        }
        if (next[j].found && (k == rows.size() || next[j].start < next[k].start)) k = j;
      }
      if (k == rows.size()) break;
      const LabelMatch& first = next[k];
      bool confirmed =
          anchored || rows.size() == 1 || (first.cost == 0 && first.end - first.start >= 10);
      for (size_t la = k + 1; !confirmed && la <= k + 3 && la < rows.size(); ++la) {
        confirmed = FindLabel(st_, patterns[la], first.end,
                              std::min(st_.size(), first.end + kConfirmWindow), /*strict=*/true)
                        .found;
      }
      if (confirmed) {
        table_start = first.start;
        start_row = k;
        start_end = first.end;
        break;
      }
      start = first.end;
    }
    std::vector<Hit> found;
    if (table_start != std::u32string::npos) {
      // Rows before the one the table was found by may still be printed just before it (a label
      // too garbled for the strict search): looked for between the anchor (or a little before)
      // and that row.
      const size_t lead =
          anchored
              ? anchor_end
              : std::max(from, table_start > kRowWindow ? table_start - kRowWindow : size_t{0});
      found = SearchRows(t, rows, patterns, start_row > 0 ? lead : table_start, start_row,
                         start_end, first_to, anchored);
    }
    if (found.empty()) return anchor == std::u32string::npos ? std::u32string::npos : anchor_end;
    if (anchor != std::u32string::npos) NoteLines(st_.line[anchor]);
    size_t end = found.back().m.end;
    for (Hit& h : found) hits_.push_back(h);
    FindForeignRows(t, found);
    return end;
  }

  // The rows in order from `from`; rows before `start_row` only before `start_end` (the end of
  // the row the table was found by), the first row found at or after it within `first_to`.
  std::vector<Hit> SearchRows(const Table& t, const std::vector<const Row*>& rows,
                              const std::vector<LabelPattern>& patterns, size_t from,
                              size_t start_row, size_t start_end, size_t first_to, bool anchored) {
    std::vector<Hit> found;
    size_t cur = from;
    for (size_t k = 0; k < rows.size(); ++k) {
      const bool first = found.empty();
      // Short labels ("规章") start a table only right after its caption.
      if (first && !anchored && patterns[k].core.size() < 4) continue;
      size_t to = first ? first_to : std::min(st_.size(), cur + kRowWindow);
      if (k < start_row) to = std::min(to, start_end);
      LabelMatch m = FindLabel(st_, patterns[k], cur, to);
      if (!m.found) continue;
      if (!first && Lookahead(patterns, k, cur, m.start)) continue;
      Hit h;
      h.table = &t;
      h.row = rows[k];
      h.m = std::move(m);
      cur = h.m.end;
      found.push_back(std::move(h));
    }
    return found;
  }

  // True if one of the next rows is printed before `match_start`: row k is absent and its label
  // matched something further on (two rows of the 2008 form are both "（二）被依法纠错数").
  bool Lookahead(const std::vector<LabelPattern>& patterns, size_t k, size_t cur,
                 size_t match_start) const {
    size_t text = 0;
    for (size_t i = cur; i < match_start; ++i) {
      if (!IsDigit(st_.text[i])) ++text;
    }
    if (text < kLookaheadGap) return false;
    for (size_t la = 1; la <= 2 && k + la < patterns.size(); ++la) {
      if (patterns[k + la].core.size() < 3) continue;
      if (FindLabel(st_, patterns[k + la], cur, match_start).found) return true;
    }
    return false;
  }

  // Rows only the sibling format has (2019's single "（六）其他处理" in a 2021 table), looked for
  // where all the rows of `t` they stand in for are absent.
  void FindForeignRows(const Table& t, const std::vector<Hit>& found) {
    if (sibling_ == nullptr) return;
    const Table* other = sibling_->FindTable(t.id);
    if (other == nullptr || other->cell_ids != t.cell_ids) return;
    std::vector<std::string> own_cols;
    std::vector<std::string> other_cols;
    for (const Column& c : t.columns) own_cols.push_back(c.id);
    for (const Column& c : other->columns) other_cols.push_back(c.id);
    if (own_cols != other_cols) return;
    std::map<std::string, const Hit*> by_row;
    for (const Hit& h : found) by_row[h.row->id] = &h;
    auto own_index = [&](const std::string& id) -> int {
      for (size_t i = 0; i < t.rows.size(); ++i) {
        if (t.rows[i].id == id) return static_cast<int>(i);
      }
      return -1;
    };
    for (size_t i = 0; i < other->rows.size(); ++i) {
      const Row& r = other->rows[i];
      if (own_index(r.id) >= 0 || r.labels.empty()) continue;
      // Neighbours present in both formats.
      int prev = -1;
      for (size_t j = i; j-- > 0;) {
        if ((prev = own_index(other->rows[j].id)) >= 0) break;
      }
      int next = -1;
      for (size_t j = i + 1; j < other->rows.size(); ++j) {
        if ((next = own_index(other->rows[j].id)) >= 0) break;
      }
      if (prev < 0) continue;
      bool replaced_absent = true;
      const int stop = next < 0 ? static_cast<int>(t.rows.size()) : next;
      for (int j = prev + 1; j < stop; ++j) {
        if (by_row.count(t.rows[j].id)) replaced_absent = false;
      }
      if (!replaced_absent || stop == prev + 1) continue;
      auto p = by_row.find(t.rows[prev].id);
      if (p == by_row.end()) continue;
      const size_t from = p->second->m.end;
      size_t to = std::min(st_.size(), from + kRowWindow);
      if (next >= 0) {
        auto q = by_row.find(t.rows[next].id);
        if (q != by_row.end()) to = q->second->m.start;
      }
      LabelMatch m = FindLabel(st_, MakeLabelPattern(r.labels.back()), from, to);
      if (!m.found) continue;
      Hit h;
      h.table = other;
      h.row = &r;
      h.foreign = sibling_->id;
      h.m = std::move(m);
      out_->foreign_rows[r.id] = sibling_->id;
      for (int j = prev + 1; j < stop; ++j) replaced_.insert(t.rows[j].id);
      hits_.push_back(std::move(h));
    }
  }

  // A table of one unlabelled row (table 四): its title, its column headers, then the numbers.
  size_t LocateColTable(const Table& t, size_t from) {
    size_t a_start = std::u32string::npos;
    size_t a_end = 0;
    a_start = FindAnchor(st_, t, from, st_.size(), &a_end);
    if (a_start == std::u32string::npos) {
      LabelMatch m = FindLabel(st_, MakeLabelPattern(t.title), from, st_.size());
      if (m.found) {
        a_start = m.start;
        a_end = m.end;
      }
    }
    std::set<char32_t> header_chars;
    std::vector<std::u32string> header_words;
    for (const Column& c : t.columns) {
      header_words.push_back(Squeeze(c.label));
      for (const std::string& g : c.groups) header_words.push_back(Squeeze(g));
    }
    for (const std::u32string& w : header_words) header_chars.insert(w.begin(), w.end());
    if (a_start == std::u32string::npos) {
      // No title: the first group header ("行政复议") followed closely by a column header.
      for (size_t p =
               FindExact(st_, header_words.size() > 1 ? header_words[1] : U"", from, st_.size());
           p != std::u32string::npos; p = FindExact(st_, header_words[1], p + 1, st_.size())) {
        if (FindExact(st_, header_words[0], p, std::min(st_.size(), p + 200)) !=
            std::u32string::npos) {
          a_start = p;
          a_end = p;
          break;
        }
      }
    }
    if (a_start == std::u32string::npos) return std::u32string::npos;
    anchors_.push_back(a_start);
    // The headers start at the first column label after the title.
    size_t hp = std::u32string::npos;
    const size_t limit = std::min(st_.size(), a_end + 3000);
    for (const std::u32string& w : header_words) {
      hp = std::min(hp, FindExact(st_, w, a_end, limit));
    }
    size_t p = hp == std::u32string::npos ? a_end : hp;
    const size_t header_limit = std::min(st_.size(), p + 600);
    while (p < header_limit && !IsDigit(st_.text[p]) &&
           (header_chars.count(st_.text[p]) || IsPunct(st_.text[p]))) {
      ++p;
    }
    // A short row label of its own before the numbers ("数量 | 1 | 0 …").
    if (p < st_.size() && !IsDigit(st_.text[p]) && st_.brk[p]) {
      size_t q = p;
      while (q < st_.size() && q - p <= 6 && !IsDigit(st_.text[q])) ++q;
      if (q < st_.size() && q - p <= 6 && IsDigit(st_.text[q]) && st_.brk[q]) p = q;
    }
    if (p >= st_.size() || !IsDigit(st_.text[p])) return std::u32string::npos;
    Hit h;
    h.table = &t;
    h.row = t.rows.empty() ? nullptr : &t.rows.front();
    h.labelled = false;
    h.m.found = true;
    h.m.start = p;
    h.m.end = p;
    h.m.line = st_.line[p];
    if (h.row == nullptr) return std::u32string::npos;
    NoteLines(st_.line[a_start]);
    hits_.push_back(h);
    return p;
  }

  static std::vector<size_t> LabelIndices(const Hit& h) {
    std::vector<size_t> skip;
    size_t ii = 0;
    for (size_t i = h.m.start; i < h.m.end; ++i) {
      if (ii < h.m.inserted.size() && h.m.inserted[ii] == i) {
        ++ii;
        continue;
      }
      skip.push_back(i);
    }
    return skip;
  }

  std::vector<ColumnKind> KindsOf(const Table& t, const Row& r,
                                  const std::vector<const Column*>& cols) const {
    std::vector<ColumnKind> kinds;
    for (const Column* c : cols) {
      ColumnKind k;
      const std::string& unit = !r.unit.empty() || c == nullptr ? r.unit : c->unit;
      k.decimal = !IsCountUnit(unit);
      k.is_signed = c != nullptr && c->is_signed;
      kinds.push_back(k);
    }
    return kinds;
  }

  void NoteLines(int line) {
    if (line <= 0) return;
    if (out_->table_first_line == 0 || line < out_->table_first_line) {
      out_->table_first_line = line;
    }
    out_->table_last_line = std::max(out_->table_last_line, line);
  }

  void Unread(const Hit& h, const std::vector<ValueToken>& run, std::string reason) {
    UnreadRow u;
    u.row_id = h.row->id;
    u.line = run.empty() ? h.m.line : run.front().line;
    for (const ValueToken& t : run) {
      if (!u.text.empty()) u.text += " ";
      u.text += t.raw.empty() ? "□" : t.raw;
    }
    u.reason = std::move(reason);
    out_->unread_rows.push_back(std::move(u));
  }

  void ReadRow(const Hit& h, size_t region_end) {
    const Table& t = *h.table;
    const Row& r = *h.row;
    if (h.labelled) {
      out_->row_labels[r.id] = {h.m.printed, h.m.line};
      NoteLines(h.m.line);
    }
    const std::vector<ValueToken> tokens =
        TokenizeValues(st_, h.m.start, region_end, LabelIndices(h));
    // Leading text: a unit word (tables with a unit column), or stray text of a broken-up
    // layout (not on a heading row, whose label may simply have no value).
    size_t i = 0;
    size_t text_seen = 0;
    while (i < tokens.size() && tokens[i].kind == ValueToken::Kind::kText) {
      const bool unit = IsUnitWord(tokens[i].text);
      if (unit && t.unit_column) {
        out_->row_units[r.id] = {tokens[i].raw, tokens[i].line};
      } else if (r.heading || t.unit_column) {
        // Text right after the label: no value here.
        if (!r.heading) Unread(h, {}, "行名后没有读到数字");
        return;
      }
      text_seen += tokens[i].text.size();
      if (text_seen > kMaxLeadingText) {
        Unread(h, {}, "行名后没有读到数字");
        return;
      }
      ++i;
    }
    std::vector<ValueToken> run;
    for (; i < tokens.size(); ++i) {
      if (tokens[i].kind == ValueToken::Kind::kText) {
        // "3件 0件 …": a unit word glued to each value is no end of the values.
        const bool glued_unit = IsUnitWord(tokens[i].text) && !run.empty() &&
                                run.back().kind == ValueToken::Kind::kNumber &&
                                run.back().to == tokens[i].from && !st_.brk[tokens[i].from];
        if (glued_unit) continue;
        break;
      }
      run.push_back(tokens[i]);
    }
    const std::vector<const Column*> cols = ColumnsOf(t);
    const size_t n = cols.size();
    if (t.unit_column && run.size() == n + 1 && run[0].kind == ValueToken::Kind::kBlank) {
      if (!run[0].raw.empty()) out_->row_units[r.id] = {run[0].raw, run[0].line};
      run.erase(run.begin());
    }
    while (run.size() > n && run.back().kind == ValueToken::Kind::kBlank &&
           run.back().raw.empty()) {
      run.pop_back();
    }
    bool has_number = false;
    for (const ValueToken& v : run) {
      if (v.kind == ValueToken::Kind::kNumber) has_number = true;
    }
    if (!has_number) {
      // Nothing but dashes: printed empty. Nothing at all on a row that needs values: the
      // layout put them where they cannot be told apart (before the label, say).
      if (run.empty() && !r.heading && h.labelled) {
        Unread(h, run, "行名后没有读到数字");
      }
      return;
    }
    if (run.size() > n) {
      // pdftotext may put the next row's numbers in the same region: keep the first line's.
      std::vector<ValueToken> first_line;
      for (const ValueToken& v : run) {
        if (v.line == run.front().line) first_line.push_back(v);
      }
      if (first_line.size() == n) {
        run = first_line;
      } else {
        Unread(
            h, run,
            "数字个数（" + std::to_string(run.size()) + "）多于列数（" + std::to_string(n) + "）");
        return;
      }
    }
    std::vector<std::string> cell_ids;
    for (const Column* c : cols) cell_ids.push_back(CellId(t, r, c));
    if (run.size() == n) {
      std::vector<std::pair<std::string, ExtractedCell>> cells;
      for (size_t k = 0; k < n; ++k) {
        if (run[k].kind != ValueToken::Kind::kNumber) continue;
        std::optional<Decimal> v = Decimal::Parse(EncodeUtf8(run[k].text));
        if (!v) {
          Unread(h, run, "“" + run[k].raw + "”不是数字");
          return;
        }
        ExtractedCell cell;
        cell.id = cell_ids[k];
        cell.value = *v;
        cell.line = run[k].line;
        cell.raw = run[k].raw;
        cell.on_heading = r.heading;
        cells.emplace_back(cell.id, cell);
      }
      for (auto& [id, cell] : cells) {
        known_[id] = cell.value;
        NoteLines(cell.line);
        out_->cells[id] = std::move(cell);
      }
      return;
    }
    // Fewer tokens than columns: the digits ran together.
    const std::vector<ColumnKind> kinds = KindsOf(t, r, cols);
    static const std::vector<const LinearConstraint*> kNone;
    auto rc = row_constraints_.find(r.id);
    const std::vector<const LinearConstraint*>& own =
        rc == row_constraints_.end() ? kNone : rc->second;
    // The row's own identities by column index: Σ coef·value over (column, coef).
    std::vector<std::pair<std::vector<std::pair<size_t, int>>, bool>> checks;
    for (const LinearConstraint* c : own) {
      std::vector<std::pair<size_t, int>> terms;
      for (const auto& term : c->terms) {
        auto at = std::find(cell_ids.begin(), cell_ids.end(), term.cell);
        if (at == cell_ids.end()) break;
        terms.push_back({static_cast<size_t>(at - cell_ids.begin()), term.coef});
      }
      if (terms.size() == c->terms.size()) checks.push_back({std::move(terms), c->equality});
    }
    std::vector<std::optional<int64_t>> v(cell_ids.size());
    auto accept = [&](const std::vector<std::string>& parts) {
      for (size_t k = 0; k < parts.size(); ++k) {
        std::optional<Decimal> d = parts[k].empty() ? std::nullopt : Decimal::Parse(parts[k]);
        v[k] = d ? std::optional<int64_t>(d->micros()) : std::nullopt;
      }
      for (const auto& [terms, equality] : checks) {
        int64_t sum = 0;
        bool usable = true;
        for (const auto& [k, coef] : terms) {
          if (!v[k]) {
            usable = false;
            break;
          }
          sum += coef * *v[k];
        }
        if (usable && (equality ? sum != 0 : sum > 0)) return false;
      }
      return true;
    };
    SplitResult split = EnumerateSplits(run, kinds, accept);
    Pending p;
    p.hit = &h;
    p.cells = cell_ids;
    p.cols = cols;
    p.run = run;
    if (split.fitting == 0) {
      Unread(h, run, "数字无法分成" + std::to_string(n) + "列");
      return;
    }
    if (split.too_many) {
      AmbiguousRow a;
      a.row_id = r.id;
      a.line = run.front().line;
      a.digits = JoinRaw(run);
      out_->ambiguous.push_back(std::move(a));
      return;
    }
    if (split.accepted.empty()) {
      if (split.fitting == 1) {
        p.splits.push_back(split.only);  // the only split: the report itself is inconsistent
      } else {
        SplitResult any = EnumerateSplits(run, kinds, nullptr, 200000, kMaxListedSplits);
        AmbiguousRow a;
        a.row_id = r.id;
        a.line = run.front().line;
        a.digits = JoinRaw(run);
        a.splits = ForDisplay(any.accepted);
        out_->ambiguous.push_back(std::move(a));
        return;
      }
    } else {
      p.splits = std::move(split.accepted);
    }
    pending_.push_back(std::move(p));
  }

  static std::string JoinRaw(const std::vector<ValueToken>& run) {
    std::string s;
    for (const ValueToken& t : run) {
      if (!s.empty()) s += " ";
      s += t.raw.empty() ? "□" : t.raw;
    }
    return s;
  }

  static std::vector<std::vector<std::string>> ForDisplay(
      const std::vector<std::vector<std::string>>& splits) {
    std::vector<std::vector<std::string>> out;
    for (const auto& s : splits) {
      if (out.size() >= kMaxListedSplits) break;
      std::vector<std::string> row;
      for (const std::string& part : s) row.push_back(part.empty() ? "—" : part);
      out.push_back(std::move(row));
    }
    return out;
  }

  void Resolve() {
    std::vector<RowChoice> choices;
    for (const Pending& p : pending_) {
      RowChoice c;
      c.row_id = p.hit->row->id;
      c.cells = p.cells;
      for (const auto& s : p.splits) {
        std::vector<std::optional<Decimal>> values;
        for (const std::string& part : s) {
          values.push_back(part.empty() ? std::nullopt : Decimal::Parse(part));
        }
        c.candidates.push_back(std::move(values));
      }
      choices.push_back(std::move(c));
    }
    if (choices.empty()) return;
    SolveResult res = Solve(known_, choices, constraints_);
    for (size_t i = 0; i < pending_.size(); ++i) {
      const Pending& p = pending_[i];
      const Row& r = *p.hit->row;
      if (res.chosen[i] < 0) {
        AmbiguousRow a;
        a.row_id = r.id;
        a.line = p.run.front().line;
        a.digits = JoinRaw(p.run);
        std::vector<std::vector<std::string>> listed;
        for (int k : res.possible[i]) listed.push_back(p.splits[k]);
        a.splits = ForDisplay(listed);
        out_->ambiguous.push_back(std::move(a));
        continue;
      }
      const std::vector<std::string>& parts = p.splits[res.chosen[i]];
      const std::vector<int> lines = PartLines(p.run, parts);
      for (size_t k = 0; k < parts.size(); ++k) {
        if (parts[k].empty()) continue;
        ExtractedCell cell;
        cell.id = p.cells[k];
        cell.value = *Decimal::Parse(parts[k]);
        cell.line = lines[k];
        cell.raw = parts[k];
        cell.on_heading = r.heading;
        NoteLines(cell.line);
        out_->cells[cell.id] = std::move(cell);
      }
    }
  }

  void ListMissing() {
    std::set<std::string> seen;
    for (const Hit& h : hits_) seen.insert(h.row->id);
    for (const Table& t : format_.tables) {
      for (const Row& r : t.rows) {
        if (r.heading || seen.count(r.id) || replaced_.count(r.id)) continue;
        out_->missing_rows.push_back(r.id);
      }
    }
  }

  const Stream& st_;
  const Format& format_;
  const Format* sibling_;
  ExtractedReport* out_;
  std::vector<LinearConstraint> constraints_;
  std::map<std::string, std::vector<const LinearConstraint*>> row_constraints_;
  std::vector<Hit> hits_;
  std::vector<size_t> anchors_;
  std::set<std::string> replaced_;
  std::map<std::string, Decimal> known_;
  std::vector<Pending> pending_;
};

}  // namespace

bool IsUnitWord(std::u32string_view text) {
  static const std::set<std::u32string_view> kUnits = {
      U"条", U"件", U"次", U"篇", U"个", U"人", U"人次", U"万元", U"元", U"项", U"家",
      U"期", U"场", U"户", U"份", U"天", U"日", U"批",   U"部",   U"处", U"张"};
  return kUnits.count(text) > 0;
}

int ExtractTextTables(const Stream& st, const Format& format, const Format* sibling,
                      ExtractedReport* out) {
  TableReader reader(st, format, sibling, out);
  return reader.Run();
}

}  // namespace gongkai::check::extract
