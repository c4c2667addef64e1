#include "check/extract/variant.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "check/extract/label.h"
#include "check/extract/solve.h"
#include "check/extract/table_text.h"
#include "check/extract/values.h"

namespace gongkai::check::extract {
namespace {

constexpr size_t kHeaderGap = 8;  // between 指标名称 and 计量单位
constexpr size_t kMaxLabel = 60;  // longer text ends the table
constexpr size_t kTableReach = 20000;
constexpr int kMaxRows = 300;

enum class ColumnMeaning { kThisYear, kCumulative, kOther };

struct VColumn {
  std::string printed;  // "2011年度"
  std::string id;       // "本年度", "历年累计", or the printed header
  ColumnMeaning meaning = ColumnMeaning::kOther;
};

struct VRow {
  std::string id;       // "V.主动公开信息数"
  std::u32string core;  // "主动公开信息数"
  std::string printed;  // "主动公开信息数" as printed (numbering included)
  std::u32string unit;
  int line = 0;
  int number = 0;      // numbering ("1.") or 0
  bool child = false;  // a "其中" / numbered row under the last top row
  int parent = -1;     // index of the row it belongs to
  std::vector<ValueToken> run;
};

// Report-year and cumulative column headers.
bool MatchHeaderWord(const Stream& st, size_t p, size_t limit, VColumn* col, size_t* end) {
  const std::u32string_view t(st.text);
  // "2011年度", "2011年"
  size_t q = p;
  while (q < limit && q - p < 4 && IsDigit(t[q])) ++q;
  if (q - p == 4 && q < limit && t[q] == U'年') {
    ++q;
    if (q < limit && t[q] == U'度') ++q;
    col->printed = st.Original(p, q);
    col->id = "本年度";
    col->meaning = ColumnMeaning::kThisYear;
    *end = q;
    return true;
  }
  static const std::array<std::pair<std::u32string_view, ColumnMeaning>, 14> kWords = {{
      {U"历年累计数", ColumnMeaning::kCumulative},
      {U"历年累计", ColumnMeaning::kCumulative},
      {U"累计数", ColumnMeaning::kCumulative},
      {U"累计", ColumnMeaning::kCumulative},
      {U"本年度", ColumnMeaning::kThisYear},
      {U"本年数", ColumnMeaning::kThisYear},
      {U"本年", ColumnMeaning::kThisYear},
      {U"本期", ColumnMeaning::kThisYear},
      {U"统计数", ColumnMeaning::kThisYear},
      {U"数量", ColumnMeaning::kThisYear},
      {U"上年度", ColumnMeaning::kOther},
      {U"上年数", ColumnMeaning::kOther},
      {U"上年", ColumnMeaning::kOther},
      {U"同比增减", ColumnMeaning::kOther},
  }};
  for (const auto& [word, meaning] : kWords) {
    if (p + word.size() <= limit && t.substr(p, word.size()) == word) {
      col->printed = EncodeUtf8(word);
      col->meaning = meaning;
      col->id = meaning == ColumnMeaning::kThisYear     ? "本年度"
                : meaning == ColumnMeaning::kCumulative ? "历年累计"
                                                        : col->printed;
      *end = p + word.size();
      return true;
    }
  }
  return false;
}

// The header "指标名称 计量单位 2011年度 历年累计": returns where the rows start (npos if none).
size_t FindHeader(const Stream& st, std::vector<VColumn>* cols) {
  for (std::u32string_view name : {U"指标名称", U"统计指标", U"指标"}) {
    for (size_t p = FindExact(st, name, 0, st.size()); p != std::u32string::npos;
         p = FindExact(st, name, p + 1, st.size())) {
      size_t q = p + name.size();
      size_t unit_end = std::u32string::npos;
      for (std::u32string_view unit : {U"计量单位", U"单位"}) {
        size_t u = FindExact(st, unit, q, std::min(st.size(), q + kHeaderGap));
        if (u != std::u32string::npos) {
          unit_end = u + unit.size();
          break;
        }
      }
      if (unit_end == std::u32string::npos) continue;
      std::vector<VColumn> found;
      size_t r = unit_end;
      VColumn col;
      size_t end = 0;
      while (found.size() < 6 && MatchHeaderWord(st, r, st.size(), &col, &end)) {
        found.push_back(col);
        r = end;
      }
      if (found.empty()) continue;
      // Two columns may not both be "本年度".
      int this_year = 0;
      for (const VColumn& c : found) {
        if (c.id == "本年度") ++this_year;
      }
      if (this_year > 1) continue;
      *cols = std::move(found);
      return r;
    }
  }
  return std::u32string::npos;
}

size_t UnitSuffix(std::u32string_view label) {
  for (std::u32string_view u : {U"人次", U"万元"}) {
    if (label.size() > u.size() && label.ends_with(u)) return u.size();
  }
  if (label.size() > 1 && IsUnitWord(label.substr(label.size() - 1))) return 1;
  return 0;
}

// Parses "其中:" and a numbering at the start of a folded label.
std::u32string StripNumbering(std::u32string_view label, int* number, bool* qizhong) {
  *number = 0;
  *qizhong = false;
  LabelPattern p = MakeLabelPattern(EncodeUtf8(label));
  *number = p.number;
  *qizhong = p.qizhong || label.starts_with(U"其中");
  std::u32string core = p.core;
  if (core.starts_with(U"其中")) core = core.substr(2);
  if (!core.empty() && core[0] == ':') core = core.substr(1);
  return core;
}

// National rows a variant label means (this-year column only). Labels equal to a national
// row's label (numbering aside) map without being listed.
const std::map<std::u32string, std::string>& Aliases() {
  static const std::map<std::u32string, std::string> kAliases = {
      {U"主动公开信息数", "A1"},
      {U"主动公开文件数", "A1"},
      {U"主动公开政府信息数", "A1"},
      {U"主动公开信息总数", "A1"},
      {U"网站公开", "A2.2"},
      {U"网站公开数", "A2.2"},
      {U"政府网站公开", "A2.2"},
      {U"政府网站公开数", "A2.2"},
      {U"政府公报公开", "A2.1"},
      {U"政府公报公开数", "A2.1"},
      {U"受理依申请公开信息总数", "C1"},
      {U"受理申请总数", "C1"},
      {U"受理申请数", "C1"},
      {U"收到申请数", "C1"},
      {U"收到申请总数", "C1"},
      {U"依申请公开申请总数", "C1"},
      {U"网上申请数", "C1.3"},
      {U"网络申请数", "C1.3"},
      {U"对申请的答复数", "C3"},
      {U"对申请的答复总数", "C3"},
      {U"申请答复数", "C3"},
      {U"申请答复总数", "C3"},
      {U"不同意公开答复数", "C3.4"},
      {U"不予公开答复数", "C3.4"},
      {U"否决公开答复数", "C3.4"},
      {U"行政复议数", "D"},
      {U"行政复议数量", "D"},
      {U"行政诉讼数", "E"},
      {U"行政诉讼数量", "E"},
      {U"举报投诉数", "F"},
      {U"举报投诉数量", "F"},
  };
  return kAliases;
}

bool SameKindOfUnit(std::u32string_view printed, const std::string& national) {
  const bool money_printed = printed == U"万元" || printed == U"元";
  const bool money_national = national == "万元" || national == "元";
  if (money_printed || money_national) return EncodeUtf8(printed) == national;
  return true;  // counts: 条 for 件 is common in local tables
}

class VariantReader {
 public:
  VariantReader(const Stream& st, const Format& national, ExtractedReport* out)
      : st_(st), national_(national), out_(out) {}

  int Run() {
    const size_t start = FindHeader(st_, &cols_);
    if (start == std::u32string::npos) return 0;
    ScanRows(start, std::min(st_.size(), start + kTableReach));
    if (rows_.empty()) return 0;
    AssignIds();
    ReadValues();
    MapToNational();
    bool this_year = false;
    bool cumulative = false;
    for (const VColumn& c : cols_) {
      out_->variant_columns.push_back(c.printed);
      this_year |= c.meaning == ColumnMeaning::kThisYear;
      cumulative |= c.meaning == ColumnMeaning::kCumulative;
    }
    out_->format_id = "2008";
    out_->variant = this_year && cumulative ? "2008-fujian" : "2008-local";
    return static_cast<int>(rows_.size());
  }

 private:
  void ScanRows(size_t p, size_t limit) {
    const std::u32string& t = st_.text;
    int top = -1;
    while (p < limit && static_cast<int>(rows_.size()) < kMaxRows) {
      // The label, with a numbering printed at its start ("1.", "其中：1、").
      const size_t lf = p;
      while (p < limit && p - lf <= kMaxLabel) {
        if (IsDigit(t[p])) {
          std::u32string_view so_far(t.data() + lf, p - lf);
          if (so_far.empty() || so_far == U"其中:" || so_far == U"其中") {
            size_t q = p;
            while (q < limit && IsDigit(t[q]) && q - p < 2) ++q;
            if (q + 1 < limit && (t[q] == '.' || t[q] == 0x3001 || t[q] == ')') &&
                !IsDigit(t[q + 1])) {
              p = q + 1;
              continue;
            }
          }
          break;
        }
        ++p;
      }
      if (p == lf || p - lf > kMaxLabel) break;
      std::u32string label = t.substr(lf, p - lf);
      const size_t unit_len = UnitSuffix(label);
      if (unit_len == 0) break;  // a table row names its unit
      VRow row;
      row.unit = label.substr(label.size() - unit_len);
      label.resize(label.size() - unit_len);
      row.printed = st_.Original(lf, p - unit_len);
      row.line = st_.line[lf];
      row.core = StripNumbering(label, &row.number, &row.child);
      if (row.core.empty()) break;
      row.child = row.child || row.number > 0;
      if (row.child && top >= 0) {
        row.parent = top;
      } else {
        row.child = false;
        top = static_cast<int>(rows_.size());
      }
      // The values: numbers up to the next label. A numbering glued to the last number
      // ("41815092.政府公报公开": 4181509 | 2.) goes to the next label.
      std::vector<ValueToken> tokens = TokenizeValues(st_, p, std::min(limit, p + 400));
      size_t i = 0;
      while (i < tokens.size() && tokens[i].kind != ValueToken::Kind::kText) {
        row.run.push_back(tokens[i]);
        ++i;
      }
      size_t next = row.run.empty() ? p : row.run.back().to;
      if (!row.run.empty() && i < tokens.size() && !st_.brk[tokens[i].from] &&
          row.run.back().kind == ValueToken::Kind::kNumber &&
          (tokens[i].text[0] == '.' || tokens[i].text[0] == 0x3001)) {
        const int expected = row.child ? row.number + 1 : 1;
        const std::string tail = std::to_string(expected);
        ValueToken& last = row.run.back();
        const std::string digits = EncodeUtf8(last.text);
        if (digits == tail) {
          next = last.from;  // "2 0 0 2、网上申请数": the numbering stands apart
          row.run.pop_back();
        } else if (digits.size() > tail.size() && digits.ends_with(tail)) {
          last.text.resize(last.text.size() - tail.size());
          last.raw.resize(last.raw.size() - tail.size());
          last.to -= tail.size();
          next = last.to;
        }
      }
      if (row.run.empty()) break;  // a label and a unit, but no value: not this table
      rows_.push_back(std::move(row));
      p = next;
    }
  }

  void AssignIds() {
    std::map<std::string, int> used;
    for (VRow& r : rows_) {
      std::string id = "V." + EncodeUtf8(r.core);
      if (int n = ++used[id]; n > 1) id += "#" + std::to_string(n);
      r.id = id;
      out_->row_labels[r.id] = {r.printed, r.line};
      out_->row_units[r.id] = {EncodeUtf8(r.unit), r.line};
      NoteLine(r.line);
    }
  }

  std::string CellId(const VRow& r, const VColumn& c) const { return r.id + "/" + c.id; }

  void NoteLine(int line) {
    if (out_->table_first_line == 0 || line < out_->table_first_line) {
      out_->table_first_line = line;
    }
    out_->table_last_line = std::max(out_->table_last_line, line);
  }

  void ReadValues() {
    // What the columns mean, as constraints.
    std::vector<LinearConstraint> constraints;
    for (const VRow& r : rows_) {
      for (const VColumn& a : cols_) {
        if (a.meaning != ColumnMeaning::kThisYear) continue;
        for (const VColumn& b : cols_) {
          if (b.meaning != ColumnMeaning::kCumulative) continue;
          constraints.push_back({{{CellId(r, a), 1}, {CellId(r, b), -1}}, false, "cumulative"});
        }
      }
      if (r.parent >= 0) {
        for (const VColumn& c : cols_) {
          constraints.push_back(
              {{{CellId(r, c), 1}, {CellId(rows_[r.parent], c), -1}}, false, "part_of"});
        }
      }
    }
    std::map<std::string, Decimal> known;
    std::vector<RowChoice> choices;
    std::vector<std::vector<std::vector<std::string>>> splits;
    std::vector<const VRow*> choice_rows;
    for (const VRow& r : rows_) {
      std::vector<std::string> ids;
      for (const VColumn& c : cols_) ids.push_back(CellId(r, c));
      if (r.run.size() == cols_.size()) {
        for (size_t k = 0; k < cols_.size(); ++k) {
          if (r.run[k].kind != ValueToken::Kind::kNumber) continue;
          std::optional<Decimal> v = Decimal::Parse(EncodeUtf8(r.run[k].text));
          if (!v) continue;
          known[ids[k]] = *v;
          Put(ids[k], *v, r.run[k].raw, r.run[k].line);
        }
        continue;
      }
      if (r.run.size() > cols_.size()) {
        Unread(r, "数字个数（" + std::to_string(r.run.size()) + "）多于列数（" +
                      std::to_string(cols_.size()) + "）");
        continue;
      }
      std::vector<ColumnKind> kinds(cols_.size());
      for (ColumnKind& k : kinds) k.decimal = r.unit == U"万元" || r.unit == U"元";
      auto own_ok = [&](const std::vector<std::string>& parts) {
        // 历年累计 ≥ 本年度 within the row.
        std::optional<Decimal> this_year;
        std::optional<Decimal> cumulative;
        for (size_t k = 0; k < parts.size(); ++k) {
          if (parts[k].empty()) continue;
          if (cols_[k].meaning == ColumnMeaning::kThisYear) this_year = Decimal::Parse(parts[k]);
          if (cols_[k].meaning == ColumnMeaning::kCumulative) cumulative = Decimal::Parse(parts[k]);
        }
        return !(this_year && cumulative && *this_year > *cumulative);
      };
      SplitResult s = EnumerateSplits(r.run, kinds, own_ok);
      if (s.fitting == 0) {
        Unread(r, "数字无法分成" + std::to_string(cols_.size()) + "列");
        continue;
      }
      std::vector<std::vector<std::string>> cands = s.accepted;
      if (cands.empty() && s.fitting == 1) cands.push_back(s.only);
      if (cands.empty() || s.too_many) {
        AmbiguousRow a;
        a.row_id = r.id;
        a.line = r.run.front().line;
        a.digits = Join(r.run);
        if (!s.too_many) {
          a.splits = EnumerateSplits(r.run, kinds, nullptr, 200000, 20).accepted;
        }
        out_->ambiguous.push_back(std::move(a));
        continue;
      }
      RowChoice c;
      c.row_id = r.id;
      c.cells = ids;
      for (const auto& parts : cands) {
        std::vector<std::optional<Decimal>> v;
        for (const std::string& part : parts) {
          v.push_back(part.empty() ? std::nullopt : Decimal::Parse(part));
        }
        c.candidates.push_back(std::move(v));
      }
      choices.push_back(std::move(c));
      splits.push_back(std::move(cands));
      choice_rows.push_back(&r);
    }
    if (choices.empty()) return;
    SolveResult res = Solve(known, choices, constraints);
    for (size_t i = 0; i < choices.size(); ++i) {
      const VRow& r = *choice_rows[i];
      if (res.chosen[i] < 0) {
        AmbiguousRow a;
        a.row_id = r.id;
        a.line = r.run.front().line;
        a.digits = Join(r.run);
        for (int k : res.possible[i]) {
          if (a.splits.size() < 20) a.splits.push_back(splits[i][k]);
        }
        out_->ambiguous.push_back(std::move(a));
        continue;
      }
      const std::vector<std::string>& parts = splits[i][res.chosen[i]];
      const std::vector<int> lines = PartLines(r.run, parts);
      for (size_t k = 0; k < parts.size(); ++k) {
        if (parts[k].empty()) continue;
        Put(choices[i].cells[k], *Decimal::Parse(parts[k]), parts[k], lines[k]);
      }
    }
  }

  void Put(const std::string& id, Decimal v, const std::string& raw, int line) {
    ExtractedCell cell;
    cell.id = id;
    cell.value = v;
    cell.raw = raw;
    cell.line = line;
    NoteLine(line);
    out_->cells[id] = std::move(cell);
  }

  static std::string Join(const std::vector<ValueToken>& run) {
    std::string s;
    for (const ValueToken& t : run) {
      if (!s.empty()) s += " ";
      s += t.raw;
    }
    return s;
  }

  void Unread(const VRow& r, std::string reason) {
    out_->unread_rows.push_back(
        {r.id, r.run.empty() ? r.line : r.run.front().line, Join(r.run), std::move(reason)});
  }

  // 本年度 cells → national cells, where the label means the same row (an alias or the national
  // label itself) and the units are of the same kind. A "其中" row maps only if all its
  // siblings do: a national sum (C1 = C1.1+…+C1.4) must not be checked against part of a
  // local breakdown (当面、传真、电子邮件、网上、信函、其它).
  void MapToNational() {
    const VColumn* this_year = nullptr;
    for (const VColumn& c : cols_) {
      if (c.meaning == ColumnMeaning::kThisYear) this_year = &c;
    }
    if (this_year == nullptr) return;
    const Table* table = national_.tables.empty() ? nullptr : &national_.tables.front();
    if (table == nullptr) return;
    std::map<std::u32string, const Row*> by_core;
    for (const Row& r : table->rows) {
      if (r.labels.empty() || r.heading) continue;
      LabelPattern p = MakeLabelPattern(r.labels.back());
      by_core[p.core] = &r;
      if (!p.core_short.empty()) by_core[p.core_short] = &r;
    }
    std::vector<const Row*> target(rows_.size(), nullptr);
    for (size_t i = 0; i < rows_.size(); ++i) {
      const VRow& r = rows_[i];
      const Row* n = nullptr;
      if (auto it = by_core.find(r.core); it != by_core.end()) {
        n = it->second;
      } else if (auto a = Aliases().find(r.core); a != Aliases().end()) {
        n = national_.FindRow(a->second);
      }
      if (n != nullptr && SameKindOfUnit(r.unit, n->unit)) target[i] = n;
    }
    // Siblings all mapped, or none.
    for (size_t i = 0; i < rows_.size(); ++i) {
      bool all = true;
      for (size_t j = 0; j < rows_.size(); ++j) {
        if (rows_[j].parent == static_cast<int>(i) && target[j] == nullptr) all = false;
      }
      if (all) continue;
      for (size_t j = 0; j < rows_.size(); ++j) {
        if (rows_[j].parent == static_cast<int>(i)) target[j] = nullptr;
      }
    }
    // A national row claimed twice maps from neither.
    std::map<const Row*, int> claims;
    for (const Row* t : target) {
      if (t != nullptr) ++claims[t];
    }
    for (size_t i = 0; i < rows_.size(); ++i) {
      if (target[i] == nullptr || claims[target[i]] > 1) continue;
      out_->variant_to_national[CellId(rows_[i], *this_year)] = target[i]->id;
    }
  }

  const Stream& st_;
  const Format& national_;
  ExtractedReport* out_;
  std::vector<VColumn> cols_;
  std::vector<VRow> rows_;
};

}  // namespace

int ExtractVariant(const Stream& st, const Format& national, ExtractedReport* out) {
  VariantReader reader(st, national, out);
  return reader.Run();
}

}  // namespace gongkai::check::extract
