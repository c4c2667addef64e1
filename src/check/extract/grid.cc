#include "check/extract/grid.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "check/extract/label.h"
#include "check/extract/table_text.h"
#include "check/extract/text.h"
#include "check/extract/values.h"

namespace gongkai::check::extract {
namespace {

enum class CellKind { kNumber, kBlank, kText };

struct GCell {
  const GridCell* cell = nullptr;
  CellKind kind = CellKind::kBlank;
  std::u32string squeezed;
  std::optional<Decimal> value;
  bool unit = false;            // a unit word (条, 件 …)
  bool first_of_origin = true;  // not a repeat of the cell to its left (colspan)
};

struct Candidate {
  const Table* table;
  const Row* row;
  std::string foreign;  // sibling id for a sibling-only row
  LabelPattern pattern;
  int order;
};

GCell Classify(const GridCell& c) {
  GCell g;
  g.cell = &c;
  g.squeezed = Squeeze(c.text);
  if (g.squeezed.empty()) return g;
  Stream st = BuildStream({c.text}, c.line);
  std::vector<ValueToken> toks = TokenizeValues(st, 0, st.size());
  if (toks.size() == 1 && toks[0].kind == ValueToken::Kind::kBlank) return g;
  if (toks.size() == 1 && toks[0].kind == ValueToken::Kind::kNumber) {
    g.value = Decimal::Parse(EncodeUtf8(toks[0].text));
    if (g.value) {
      g.kind = CellKind::kNumber;
      return g;
    }
  }
  g.kind = CellKind::kText;
  g.unit = IsUnitWord(g.squeezed);
  return g;
}

// The cost of `text` as the label `p` (the label must cover most of the cell), or -1.
int LabelCost(const std::u32string& squeezed, const std::string& text, int line,
              const LabelPattern& p) {
  if (squeezed.empty()) return -1;
  Stream st = BuildStream({text}, line);
  LabelMatch m = FindLabel(st, p, 0, st.size());
  if (!m.found) return -1;
  const size_t covered = m.end - m.start;
  if (covered * 10 < st.size() * 7) return -1;
  return m.cost + static_cast<int>(st.size() - covered) * 2;
}

class GridReader {
 public:
  GridReader(const Document& doc, const Format& format, const Format* sibling, ExtractedReport* out)
      : doc_(doc), format_(format), sibling_(sibling), out_(out) {
    int order = 0;
    for (const Table& t : format.tables) {
      for (const Row& r : t.rows) {
        if (r.labels.empty()) continue;
        candidates_.push_back({&t, &r, "", MakeLabelPattern(r.labels.back()), order++});
      }
      if (sibling == nullptr) continue;
      const Table* other = sibling->FindTable(t.id);
      if (other == nullptr || other->columns.size() != t.columns.size()) continue;
      for (const Row& r : other->rows) {
        if (r.labels.empty() || format.FindRow(r.id) != nullptr) continue;
        candidates_.push_back({other, &r, sibling->id, MakeLabelPattern(r.labels.back()), order++});
      }
    }
  }

  int Run() {
    int read = 0;
    for (const Grid& g : doc_.grids) read += ReadGrid(g);
    return read;
  }

 private:
  int ReadGrid(const Grid& g) {
    std::vector<std::vector<GCell>> rows;
    for (const auto& row : g.rows) {
      std::vector<GCell> cells;
      for (size_t c = 0; c < row.size(); ++c) {
        GCell x = Classify(row[c]);
        if (c > 0 && row[c].origin_row == row[c - 1].origin_row &&
            row[c].origin_col == row[c - 1].origin_col) {
          x.first_of_origin = false;
        }
        cells.push_back(std::move(x));
      }
      rows.push_back(std::move(cells));
    }
    int read = 0;
    int last_order = -1;
    size_t header_from = 0;  // header rows of the next table start here
    const Table* current = nullptr;
    std::map<const Table*, std::vector<int>> column_maps;
    for (size_t ri = 0; ri < rows.size(); ++ri) {
      const std::vector<GCell>& cells = rows[ri];
      int numbers = 0;
      int label_col = -1;
      for (size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].kind == CellKind::kNumber) ++numbers;
        if (cells[c].kind == CellKind::kText && !cells[c].unit && numbers == 0) {
          label_col = static_cast<int>(c);
        }
      }
      const Candidate* match = nullptr;
      if (label_col >= 0) match = MatchRow(cells, label_col, last_order);
      if (match == nullptr && label_col < 0 && numbers > 0) {
        match = MatchUnlabelled(rows, header_from, ri);
      }
      if (match == nullptr) {
        if (numbers == 0 && (current == nullptr || ri > 0)) {
          // A header row (or a caption) of what follows.
          if (ri == 0 || RowHasNumbers(rows[ri - 1])) header_from = ri;
        }
        continue;
      }
      if (match->table != current) {
        current = match->table;
        column_maps[current] = MapColumns(*current, rows, header_from, ri, label_col);
      }
      if (ReadDataRow(*match, cells, label_col, column_maps[current])) ++read;
      last_order = match->order;
      header_from = ri + 1;
    }
    return read;
  }

  static bool RowHasNumbers(const std::vector<GCell>& cells) {
    for (const GCell& c : cells) {
      if (c.kind == CellKind::kNumber) return true;
    }
    return false;
  }

  const Candidate* MatchRow(const std::vector<GCell>& cells, int label_col, int last_order) {
    std::vector<std::pair<std::u32string, std::string>> tries;
    const GCell& lc = cells[label_col];
    tries.push_back({lc.squeezed, lc.cell->text});
    std::string all;
    for (int c = 0; c <= label_col; ++c) {
      if (cells[c].kind == CellKind::kText && cells[c].first_of_origin) all += cells[c].cell->text;
    }
    tries.push_back({Squeeze(all), all});
    for (const auto& [squeezed, text] : tries) {
      const Candidate* best = nullptr;
      int best_cost = 0;
      for (const Candidate& cand : candidates_) {
        int cost = LabelCost(squeezed, text, lc.cell->line, cand.pattern);
        if (cost < 0) continue;
        if (!cand.foreign.empty()) cost += 1;  // the format's own rows first
        const bool better =
            best == nullptr || cost < best_cost ||
            (cost == best_cost && cand.order > last_order && best->order <= last_order);
        if (better) {
          best = &cand;
          best_cost = cost;
        }
      }
      if (best != nullptr) return best;
    }
    return nullptr;
  }

  // A row of numbers without a label: the single row of a "col" table (table 四) whose headers
  // are above it.
  const Candidate* MatchUnlabelled(const std::vector<std::vector<GCell>>& rows, size_t header_from,
                                   size_t ri) {
    for (const Table& t : format_.tables) {
      if (t.cell_ids != "col" || t.rows.empty()) continue;
      int hits = 0;
      for (size_t h = header_from; h < ri; ++h) {
        for (const GCell& c : rows[h]) {
          for (const Column& col : t.columns) {
            if (c.squeezed == Squeeze(col.label)) ++hits;
          }
        }
      }
      if (hits == 0) continue;
      if (unlabelled_.count(&t) == 0) {
        unlabelled_[&t] = Candidate{&t, &t.rows.front(), "", {}, -1};
      }
      return &unlabelled_[&t];
    }
    return nullptr;
  }

  // Grid column of each format column (-1 unknown), from the header rows [from, to).
  std::vector<int> MapColumns(const Table& t, const std::vector<std::vector<GCell>>& rows,
                              size_t from, size_t to, int label_col) {
    std::vector<int> map(t.columns.size(), -1);
    size_t width = 0;
    for (size_t h = from; h < to; ++h) width = std::max(width, rows[h].size());
    std::vector<std::vector<std::u32string>> paths(width);
    for (size_t h = from; h < to; ++h) {
      for (size_t c = 0; c < rows[h].size(); ++c) {
        const std::u32string& s = rows[h][c].squeezed;
        if (s.empty() || rows[h][c].kind != CellKind::kText) continue;
        if (paths[c].empty() || paths[c].back() != s) paths[c].push_back(s);
      }
    }
    for (size_t k = 0; k < t.columns.size(); ++k) {
      const Column& col = t.columns[k];
      const std::u32string label = Squeeze(col.label);
      int found = -1;
      int count = 0;
      for (size_t c = static_cast<size_t>(label_col + 1); c < width; ++c) {
        if (paths[c].empty() || paths[c].back() != label) continue;
        bool groups = true;
        for (const std::string& g : col.groups) {
          const std::u32string gs = Squeeze(g);
          if (std::find(paths[c].begin(), paths[c].end(), gs) == paths[c].end()) groups = false;
        }
        if (!groups) continue;
        ++count;
        if (found < 0) found = static_cast<int>(c);
      }
      if (count == 1) map[k] = found;
    }
    for (int m : map) {
      if (m < 0) return {};
    }
    std::set<int> distinct(map.begin(), map.end());
    if (distinct.size() != map.size()) return {};
    return map;
  }

  bool ReadDataRow(const Candidate& cand, const std::vector<GCell>& cells, int label_col,
                   const std::vector<int>& map) {
    const Table& t = *cand.table;
    const Row& r = *cand.row;
    std::vector<const Column*> cols;
    for (const Column& c : t.columns) cols.push_back(&c);
    if (cols.empty() || t.cell_ids == "row") cols.resize(1, cols.empty() ? nullptr : cols[0]);
    // The value cells: by header, else in order after the label (units left out).
    std::vector<const GCell*> values(cols.size(), nullptr);
    if (!map.empty() && map.size() == cols.size() && t.cell_ids != "row") {
      for (size_t k = 0; k < cols.size(); ++k) {
        if (map[k] < static_cast<int>(cells.size())) values[k] = &cells[map[k]];
      }
    } else {
      std::vector<const GCell*> after;
      for (size_t c = static_cast<size_t>(label_col + 1); c < cells.size(); ++c) {
        if (!cells[c].first_of_origin || cells[c].unit) continue;
        if (t.unit_column && after.empty() && cells[c].kind == CellKind::kBlank &&
            c + 1 < cells.size() && cells[c + 1].kind != CellKind::kText) {
          continue;  // the unit column's "—"
        }
        after.push_back(&cells[c]);
      }
      while (after.size() > cols.size() && after.back()->kind == CellKind::kBlank) after.pop_back();
      if (after.size() != cols.size()) {
        bool any = false;
        for (const GCell* c : after) any |= c->kind == CellKind::kNumber;
        if (!any) return false;
        Forget(r.id);
        std::string text;
        for (const GCell* c : after) text += (text.empty() ? "" : " ") + c->cell->text;
        out_->unread_rows.push_back({r.id, after.front()->cell->line, text,
                                     "单元格个数（" + std::to_string(after.size()) + "）与列数（" +
                                         std::to_string(cols.size()) + "）不符"});
        return false;
      }
      values = after;
    }
    bool any = false;
    for (const GCell* v : values) any |= v != nullptr && v->kind != CellKind::kBlank;
    if (!any) return false;
    Forget(r.id);
    if (label_col >= 0) {
      out_->row_labels[r.id] = {EncodeUtf8(cells[label_col].squeezed), cells[label_col].cell->line};
      NoteLine(cells[label_col].cell->line);
    }
    for (const GCell& c : cells) {
      if (c.unit && t.unit_column) out_->row_units[r.id] = {c.cell->text, c.cell->line};
    }
    if (!cand.foreign.empty()) {
      out_->foreign_rows[r.id] = cand.foreign;
      ForgetReplaced(t, r);
    }
    for (size_t k = 0; k < cols.size(); ++k) {
      const GCell* v = values[k];
      if (v == nullptr) continue;
      if (v->kind == CellKind::kText) {
        out_->unread_rows.push_back(
            {r.id, v->cell->line, v->cell->text, "“" + v->cell->text + "”不是数字"});
        continue;
      }
      if (v->kind != CellKind::kNumber) continue;
      ExtractedCell cell;
      const Column* col = cols[k];
      cell.id = t.cell_ids == "row" || col == nullptr ? r.id
                : t.cell_ids == "col"                 ? col->id
                                                      : r.id + "/" + col->id;
      cell.value = *v->value;
      cell.line = v->cell->line;
      cell.raw = v->cell->text;
      cell.on_heading = r.heading;
      NoteLine(cell.line);
      out_->cells[cell.id] = std::move(cell);
    }
    return true;
  }

  // Drops what the text reading said about a row the grid reads.
  void Forget(const std::string& row_id) {
    auto& m = out_->missing_rows;
    m.erase(std::remove(m.begin(), m.end(), row_id), m.end());
    auto& a = out_->ambiguous;
    a.erase(std::remove_if(a.begin(), a.end(),
                           [&](const AmbiguousRow& x) { return x.row_id == row_id; }),
            a.end());
    auto& u = out_->unread_rows;
    u.erase(
        std::remove_if(u.begin(), u.end(), [&](const UnreadRow& x) { return x.row_id == row_id; }),
        u.end());
    for (auto it = out_->cells.begin(); it != out_->cells.end();) {
      const std::string& id = it->first;
      if (id == row_id || id.starts_with(row_id + "/")) {
        it = out_->cells.erase(it);
      } else {
        ++it;
      }
    }
  }

  // A sibling-only row stands in for the rows of the format between the same neighbours.
  void ForgetReplaced(const Table& other, const Row& r) {
    const Table* own = format_.FindTable(other.id);
    if (own == nullptr) return;
    std::set<std::string> in_other;
    for (const Row& x : other.rows) in_other.insert(x.id);
    auto& m = out_->missing_rows;
    for (const Row& x : own->rows) {
      if (in_other.count(x.id)) continue;
      // Only rows next to r's place: those the sibling lacks in the same table.
      m.erase(std::remove(m.begin(), m.end(), x.id), m.end());
    }
    (void)r;
  }

  void NoteLine(int line) {
    if (line <= 0) return;
    if (out_->table_first_line == 0 || line < out_->table_first_line) {
      out_->table_first_line = line;
    }
    out_->table_last_line = std::max(out_->table_last_line, line);
  }

  const Document& doc_;
  const Format& format_;
  const Format* sibling_;
  ExtractedReport* out_;
  std::vector<Candidate> candidates_;
  std::map<const Table*, Candidate> unlabelled_;
};

}  // namespace

int ExtractGridTables(const Document& doc, const Format& format, const Format* sibling,
                      ExtractedReport* out) {
  GridReader reader(doc, format, sibling, out);
  return reader.Run();
}

}  // namespace gongkai::check::extract
