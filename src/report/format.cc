#include "report/format.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

namespace gongkai {
namespace {

using nlohmann::json;

// Walks a parsed format file, keeping the JSON path for error messages
// ("2021.json: $.tables[2].rows[5]: 缺少字段 \"id\"").
class FormatReader {
 public:
  explicit FormatReader(std::string_view source) : source_(source) {}

  Status Error(const std::string& path, const std::string& what) const {
    return InvalidInput(source_ + ": " + path + ": " + what);
  }

  Status String(const json& obj, const std::string& path, const char* key, bool required,
                std::string* out) const {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) return Error(path, std::string("缺少字段 \"") + key + "\"");
      return Status::Ok();
    }
    if (!it->is_string()) return Error(path + "." + key, "应为字符串");
    *out = it->get<std::string>();
    if (required && out->empty()) return Error(path + "." + key, "不能为空");
    return Status::Ok();
  }

  Status Int(const json& obj, const std::string& path, const char* key, bool required,
             int* out) const {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) return Error(path, std::string("缺少字段 \"") + key + "\"");
      return Status::Ok();
    }
    if (!it->is_number_integer()) return Error(path + "." + key, "应为整数");
    *out = it->get<int>();
    return Status::Ok();
  }

  Status Bool(const json& obj, const std::string& path, const char* key, bool* out) const {
    auto it = obj.find(key);
    if (it == obj.end()) return Status::Ok();
    if (!it->is_boolean()) return Error(path + "." + key, "应为 true 或 false");
    *out = it->get<bool>();
    return Status::Ok();
  }

  Status Strings(const json& obj, const std::string& path, const char* key,
                 std::vector<std::string>* out) const {
    auto it = obj.find(key);
    if (it == obj.end()) return Status::Ok();
    if (!it->is_array()) return Error(path + "." + key, "应为字符串数组");
    out->clear();
    for (size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      if (!v.is_string()) {
        return Error(path + "." + key + "[" + std::to_string(i) + "]", "应为字符串");
      }
      out->push_back(v.get<std::string>());
    }
    return Status::Ok();
  }

  Status Rule(const json& obj, const std::string& path, CellRule* out) const {
    auto it = obj.find("rule");
    if (it == obj.end()) return Status::Ok();
    const std::string p = path + ".rule";
    if (!it->is_object()) return Error(p, "应为对象");
    for (const auto& [key, v] : it->items()) {
      if (key == "measure") {
        if (!v.is_string()) return Error(p + ".measure", "应为字符串");
        out->measure = v.get<std::string>();
      } else if (key == "by_outcome_row") {
        if (!v.is_boolean()) return Error(p + ".by_outcome_row", "应为 true 或 false");
        out->by_outcome_row = v.get<bool>();
      } else {
        // A filter: one code, a boolean, or an array of codes.
        std::vector<std::string> codes;
        if (v.is_string()) {
          codes.push_back(v.get<std::string>());
        } else if (v.is_boolean()) {
          codes.push_back(v.get<bool>() ? "true" : "false");
        } else if (v.is_array() && !v.empty()) {
          for (size_t i = 0; i < v.size(); ++i) {
            if (v[i].is_string()) {
              codes.push_back(v[i].get<std::string>());
            } else if (v[i].is_boolean()) {
              codes.push_back(v[i].get<bool>() ? "true" : "false");
            } else {
              return Error(p + "." + key + "[" + std::to_string(i) + "]", "应为字符串");
            }
          }
        } else {
          return Error(p + "." + key, "筛选条件应为字符串、布尔值或非空字符串数组");
        }
        out->filters[key] = std::move(codes);
      }
    }
    if (out->by_outcome_row && out->measure != "applications.closed") {
      return Error(p, "by_outcome_row 只能与 measure \"applications.closed\" 一起使用");
    }
    return Status::Ok();
  }

  Status Column(const json& j, const std::string& path, gongkai::Column* c) const {
    if (!j.is_object()) return Error(path, "应为对象");
    GONGKAI_RETURN_IF_ERROR(String(j, path, "id", true, &c->id));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "label", true, &c->label));
    GONGKAI_RETURN_IF_ERROR(Strings(j, path, "groups", &c->groups));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "unit", false, &c->unit));
    GONGKAI_RETURN_IF_ERROR(Bool(j, path, "is_total", &c->is_total));
    GONGKAI_RETURN_IF_ERROR(Bool(j, path, "signed", &c->is_signed));
    if (c->id.find('/') != std::string::npos) return Error(path + ".id", "列编号不能含 \"/\"");
    return Rule(j, path, &c->rule);
  }

  Status Row(const json& j, const std::string& path, gongkai::Row* r) const {
    if (!j.is_object()) return Error(path, "应为对象");
    GONGKAI_RETURN_IF_ERROR(String(j, path, "id", true, &r->id));
    GONGKAI_RETURN_IF_ERROR(Strings(j, path, "labels", &r->labels));
    GONGKAI_RETURN_IF_ERROR(Int(j, path, "level", false, &r->level));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "unit", false, &r->unit));
    GONGKAI_RETURN_IF_ERROR(Bool(j, path, "heading", &r->heading));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "short", false, &r->short_label));
    if (j.contains("parent")) {
      std::string parent;
      GONGKAI_RETURN_IF_ERROR(String(j, path, "parent", true, &parent));
      r->parent = parent;
    }
    if (r->id.find('/') != std::string::npos) return Error(path + ".id", "行编号不能含 \"/\"");
    GONGKAI_RETURN_IF_ERROR(Rule(j, path, &r->rule));
    if (r->heading && !r->rule.measure.empty()) {
      return Error(path + ".rule", "标题行不能有计算规则");
    }
    return Status::Ok();
  }

  Status Table(const json& j, const std::string& path, gongkai::Table* t) const {
    if (!j.is_object()) return Error(path, "应为对象");
    GONGKAI_RETURN_IF_ERROR(String(j, path, "id", true, &t->id));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "title", false, &t->title));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "caption", false, &t->caption));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "corner", false, &t->corner));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "cell_ids", true, &t->cell_ids));
    if (t->cell_ids != "row" && t->cell_ids != "row/col" && t->cell_ids != "col") {
      return Error(path + ".cell_ids",
                   "应为 \"row\"、\"row/col\" 或 \"col\"，而不是 \"" + t->cell_ids + "\"");
    }
    GONGKAI_RETURN_IF_ERROR(Int(j, path, "label_columns", false, &t->label_columns));
    GONGKAI_RETURN_IF_ERROR(Strings(j, path, "label_headers", &t->label_headers));
    GONGKAI_RETURN_IF_ERROR(Bool(j, path, "unit_column", &t->unit_column));
    for (const char* key : {"columns", "rows"}) {
      auto it = j.find(key);
      if (it == j.end() || !it->is_array() || it->empty()) {
        return Error(path, std::string("缺少非空数组 \"") + key + "\"");
      }
    }
    const json& cols = j["columns"];
    for (size_t i = 0; i < cols.size(); ++i) {
      gongkai::Column c;
      GONGKAI_RETURN_IF_ERROR(Column(cols[i], path + ".columns[" + std::to_string(i) + "]", &c));
      t->columns.push_back(std::move(c));
    }
    const json& rows = j["rows"];
    for (size_t i = 0; i < rows.size(); ++i) {
      gongkai::Row r;
      GONGKAI_RETURN_IF_ERROR(Row(rows[i], path + ".rows[" + std::to_string(i) + "]", &r));
      t->rows.push_back(std::move(r));
    }
    if (t->cell_ids == "row" && t->columns.size() != 1) {
      return Error(path + ".columns", "cell_ids 为 \"row\" 的表只能有一个数值列");
    }
    if (t->cell_ids == "col" && t->rows.size() != 1) {
      return Error(path + ".rows", "cell_ids 为 \"col\" 的表只能有一行");
    }
    return Status::Ok();
  }

  Status Identity(const json& j, const std::string& path, gongkai::Identity* d) const {
    if (!j.is_object()) return Error(path, "应为对象");
    GONGKAI_RETURN_IF_ERROR(String(j, path, "id", true, &d->id));
    std::string severity = "error";
    GONGKAI_RETURN_IF_ERROR(String(j, path, "severity", false, &severity));
    if (severity == "error") {
      d->severity = Severity::kError;
    } else if (severity == "warning") {
      d->severity = Severity::kWarning;
    } else if (severity == "info") {
      d->severity = Severity::kInfo;
    } else {
      return Error(path + ".severity", "应为 \"error\"、\"warning\" 或 \"info\"");
    }
    GONGKAI_RETURN_IF_ERROR(String(j, path, "kind", true, &d->kind));
    static const std::set<std::string> kKinds = {"eq",      "le",     "max_le",
                                                 "prev_eq", "nonneg", "integer"};
    if (!kKinds.contains(d->kind)) {
      return Error(path + ".kind", "未知的核对类型 \"" + d->kind + "\"");
    }
    GONGKAI_RETURN_IF_ERROR(Strings(j, path, "lhs", &d->lhs));
    GONGKAI_RETURN_IF_ERROR(Strings(j, path, "rhs", &d->rhs));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "over", false, &d->over));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "table", false, &d->table));
    GONGKAI_RETURN_IF_ERROR(String(j, path, "text", true, &d->text));
    if (d->over != "" && d->over != "columns" && d->over != "rows") {
      return Error(path + ".over", "应为 \"columns\" 或 \"rows\"");
    }
    if (!d->over.empty() && d->table.empty())
      return Error(path, "按行或按列展开时须指定 \"table\"");
    const bool needs_terms = d->kind != "nonneg" && d->kind != "integer";
    if (needs_terms && (d->lhs.empty() || d->rhs.empty())) {
      return Error(path, "核对类型 \"" + d->kind + "\" 需要非空的 lhs 和 rhs");
    }
    return Status::Ok();
  }

 private:
  std::string source_;
};

// "prev:-X" / "-prev:X" → X, with flags.
std::string_view StripTermPrefixes(std::string_view term) {
  for (bool changed = true; changed;) {
    changed = false;
    if (term.starts_with("-")) {
      term.remove_prefix(1);
      changed = true;
    }
    if (term.starts_with("prev:")) {
      term.remove_prefix(5);
      changed = true;
    }
  }
  return term;
}

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
  return s;
}

// Checks everything that refers to something else: unique ids, parents, sections' tables,
// identity terms after expansion, outcome codes and their rows.
Status CheckReferences(const Format& f, const FormatReader& rd) {
  std::set<std::string> table_ids;
  std::set<std::string> cells;
  for (size_t ti = 0; ti < f.tables.size(); ++ti) {
    const Table& t = f.tables[ti];
    const std::string tp = "$.tables[" + std::to_string(ti) + "]";
    if (!table_ids.insert(t.id).second) return rd.Error(tp + ".id", "表编号 \"" + t.id + "\" 重复");
    std::set<std::string> col_ids;
    for (size_t ci = 0; ci < t.columns.size(); ++ci) {
      if (!col_ids.insert(t.columns[ci].id).second) {
        return rd.Error(tp + ".columns[" + std::to_string(ci) + "].id",
                        "列编号 \"" + t.columns[ci].id + "\" 重复");
      }
    }
    std::set<std::string> row_ids;
    for (size_t ri = 0; ri < t.rows.size(); ++ri) {
      const Row& r = t.rows[ri];
      const std::string rp = tp + ".rows[" + std::to_string(ri) + "]";
      if (f.FindRow(r.id) != &r) return rd.Error(rp + ".id", "行编号 \"" + r.id + "\" 重复");
      if (r.parent && !row_ids.contains(*r.parent)) {
        return rd.Error(rp + ".parent", "上级行 \"" + *r.parent + "\" 不存在或不在本行之前");
      }
      row_ids.insert(r.id);
      for (const Column& c : t.columns) {
        if (!r.rule.measure.empty() && !c.rule.measure.empty()) {
          return rd.Error(rp + ".rule", "行和列（" + c.id + "）都指定了 measure，只能指定一处");
        }
      }
    }
  }
  for (const std::string& id : f.CellIds()) {
    if (!cells.insert(id).second) return rd.Error("$.tables", "单元格编号 \"" + id + "\" 重复");
  }
  for (size_t si = 0; si < f.sections.size(); ++si) {
    const Section& s = f.sections[si];
    for (size_t k = 0; k < s.tables.size(); ++k) {
      if (!table_ids.contains(s.tables[k])) {
        return rd.Error("$.sections[" + std::to_string(si) + "].tables[" + std::to_string(k) + "]",
                        "表 \"" + s.tables[k] + "\" 不存在");
      }
    }
  }
  std::set<std::string> identity_ids;
  for (size_t ii = 0; ii < f.identities.size(); ++ii) {
    const Identity& d = f.identities[ii];
    const std::string ip = "$.identities[" + std::to_string(ii) + "]";
    if (!identity_ids.insert(d.id).second)
      return rd.Error(ip + ".id", "核对规则 \"" + d.id + "\" 重复");
    const Table* t = nullptr;
    if (!d.table.empty()) {
      t = f.FindTable(d.table);
      if (t == nullptr) return rd.Error(ip + ".table", "表 \"" + d.table + "\" 不存在");
    }
    std::vector<std::string> subst = {""};
    std::string_view var;
    if (d.over == "columns") {
      var = "{c}";
      subst.clear();
      for (const Column& c : t->columns) subst.push_back(c.id);
    } else if (d.over == "rows") {
      var = "{r}";
      subst.clear();
      for (const Row& r : t->rows) {
        if (!r.heading) subst.push_back(r.id);
      }
    }
    for (const char* side : {"lhs", "rhs"}) {
      const auto& terms = std::string_view(side) == "lhs" ? d.lhs : d.rhs;
      for (size_t k = 0; k < terms.size(); ++k) {
        const std::string tp = ip + "." + side + "[" + std::to_string(k) + "]";
        for (const std::string& v : subst) {
          std::string cell(StripTermPrefixes(terms[k]));
          if (!var.empty()) cell = Replace(cell, var, v);
          if (cell.find('{') != std::string::npos) {
            return rd.Error(tp,
                            "\"" + terms[k] + "\" 含有未展开的占位符（over 应为 columns 或 rows）");
          }
          if (!cells.contains(cell)) return rd.Error(tp, "单元格 \"" + cell + "\" 不存在");
          if (f.IsHeading(cell)) return rd.Error(tp, "单元格 \"" + cell + "\" 是标题行，没有数值");
        }
      }
    }
  }
  std::set<std::string> counted_rows;
  for (const auto& [code, rows] : f.outcome_rows) {
    const std::string op = "$.outcome_rows." + code;
    if (!OutcomeFromCode(code)) return rd.Error(op, "未知的办理结果代码 \"" + code + "\"");
    for (size_t k = 0; k < rows.size(); ++k) {
      const Row* r = f.FindRow(rows[k]);
      if (r == nullptr || r->heading) {
        return rd.Error(op + "[" + std::to_string(k) + "]",
                        "行 \"" + rows[k] + "\" 不存在或是标题行");
      }
      counted_rows.insert(rows[k]);
    }
  }
  for (const Table& t : f.tables) {
    for (const Row& r : t.rows) {
      if (r.rule.by_outcome_row && !counted_rows.contains(r.id)) {
        return rd.Error("$.outcome_rows",
                        "行 \"" + r.id + "\" 按办理结果计数，但没有任何办理结果对应到它");
      }
    }
  }
  return Status::Ok();
}

// "（一）主动公开政府信息数（…）" → "主动公开政府信息数": drops indentation, numbering and a
// trailing parenthesis, for the names in findings.
std::string DeriveShortLabel(std::string label) {
  const std::string kIdeoSpace = "\u3000";
  while (label.starts_with(kIdeoSpace)) label.erase(0, kIdeoSpace.size());
  if (label.starts_with("其中：")) label.erase(0, std::string("其中：").size());
  // Leading "一、" … "十、", "（一）" … "（十）", "1." … "9.".
  static const std::vector<std::string> kNumerals = {"一", "二", "三", "四", "五",
                                                     "六", "七", "八", "九", "十"};
  for (const std::string& n : kNumerals) {
    if (label.starts_with(n + "、")) {
      label.erase(0, n.size() + std::string("、").size());
      break;
    }
    if (label.starts_with("（" + n + "）")) {
      label.erase(0, n.size() + 2 * std::string("（").size());
      break;
    }
  }
  size_t digits = 0;
  while (digits < label.size() && label[digits] >= '0' && label[digits] <= '9') ++digits;
  if (digits > 0 && digits < label.size() && label[digits] == '.') label.erase(0, digits + 1);
  const std::string kClose = "）";
  if (label.ends_with(kClose)) {
    const size_t open = label.rfind("（");
    if (open != std::string::npos && open > 0) label.erase(open);
  }
  return label;
}

}  // namespace

const Table* Format::FindTable(std::string_view id) const {
  for (const Table& t : tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const Row* Format::FindRow(std::string_view row_id, const Table** table) const {
  for (const Table& t : tables) {
    for (const Row& r : t.rows) {
      if (r.id == row_id) {
        if (table != nullptr) *table = &t;
        return &r;
      }
    }
  }
  return nullptr;
}

std::vector<std::string> Format::CellIds() const {
  std::vector<std::string> ids;
  for (const Table& t : tables) {
    if (t.cell_ids == "col") {
      for (const Column& c : t.columns) ids.push_back(c.id);
      continue;
    }
    for (const Row& r : t.rows) {
      if (t.cell_ids == "row") {
        ids.push_back(r.id);
      } else {
        for (const Column& c : t.columns) ids.push_back(r.id + "/" + c.id);
      }
    }
  }
  return ids;
}

bool Format::Locate(std::string_view cell_id, const Table** table, const Row** row,
                    const Column** column) const {
  const size_t slash = cell_id.rfind('/');
  for (const Table& t : tables) {
    const Row* r = nullptr;
    const Column* c = nullptr;
    if (t.cell_ids == "row") {
      if (slash != std::string_view::npos) continue;
      for (const Row& x : t.rows) {
        if (x.id == cell_id) r = &x;
      }
      // A hand-built "row" table may omit its single value column.
      if (r != nullptr) {
        if (table != nullptr) *table = &t;
        if (row != nullptr) *row = r;
        if (column != nullptr) *column = t.columns.empty() ? nullptr : &t.columns.front();
        return true;
      }
    } else if (t.cell_ids == "col") {
      if (slash != std::string_view::npos) continue;
      for (const Column& x : t.columns) {
        if (x.id == cell_id) c = &x;
      }
      if (c != nullptr) r = t.rows.empty() ? nullptr : &t.rows.front();
    } else {
      if (slash == std::string_view::npos) continue;
      const std::string_view rid = cell_id.substr(0, slash);
      const std::string_view cid = cell_id.substr(slash + 1);
      for (const Row& x : t.rows) {
        if (x.id == rid) r = &x;
      }
      if (r == nullptr) continue;
      for (const Column& x : t.columns) {
        if (x.id == cid) c = &x;
      }
      if (c == nullptr) r = nullptr;
    }
    if (r != nullptr && c != nullptr) {
      if (table != nullptr) *table = &t;
      if (row != nullptr) *row = r;
      if (column != nullptr) *column = c;
      return true;
    }
  }
  return false;
}

std::string Format::UnitOf(std::string_view cell_id) const {
  const Row* r = nullptr;
  const Column* c = nullptr;
  if (!Locate(cell_id, nullptr, &r, &c)) return "";
  return !r->unit.empty() || c == nullptr ? r->unit : c->unit;
}

bool Format::IsHeading(std::string_view cell_id) const {
  const Row* r = nullptr;
  return Locate(cell_id, nullptr, &r, nullptr) && r->heading;
}

std::string Format::CellName(std::string_view cell_id) const {
  const Table* t = nullptr;
  const Row* r = nullptr;
  const Column* c = nullptr;
  if (!Locate(cell_id, &t, &r, &c)) return std::string(cell_id);
  if (c == nullptr) {
    return (r->short_label.empty() && !r->labels.empty() ? DeriveShortLabel(r->labels.back())
                                                         : r->short_label) +
           "(" + std::string(cell_id) + ")";
  }
  std::string name;
  if (t->cell_ids == "col") {
    name = (c->groups.empty() ? "" : c->groups.back()) + c->label;
  } else {
    name = !r->short_label.empty() ? r->short_label
           : !r->labels.empty()    ? DeriveShortLabel(r->labels.back())
                                   : c->label;
    // Columns that carry their own unit say what is counted (本年制发件数); the applicant
    // columns of table 三 are already in the id.
    if (t->cell_ids == "row/col" && !c->unit.empty()) name += c->label;
  }
  return name + "(" + std::string(cell_id) + ")";
}

Result<std::vector<std::string>> Format::RowsForOutcome(Outcome o) const {
  auto it = outcome_rows.find(std::string(ToCode(o)));
  if (it == outcome_rows.end()) {
    return Unsupported(name + "（" + id + "）格式无法统计办理结果“" + std::string(ToChinese(o)) +
                       "”（" + std::string(ToCode(o)) + "）");
  }
  return it->second;
}

Result<Format> ParseFormat(std::string_view json_text, std::string_view source_name) {
  FormatReader rd(source_name);
  json j;
  try {
    j = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    // Convert the byte offset into a line number for the person editing the file.
    const size_t upto = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, json_text.size());
    const auto line = 1 + std::count(json_text.begin(), json_text.begin() + upto, '\n');
    return InvalidInput(std::string(source_name) + ": 第" + std::to_string(line) +
                        "行: JSON 语法错误（" + e.what() + "）");
  }
  if (!j.is_object()) return rd.Error("$", "格式文件应为 JSON 对象");

  Format f;
  GONGKAI_RETURN_IF_ERROR(rd.String(j, "$", "id", true, &f.id));
  GONGKAI_RETURN_IF_ERROR(rd.String(j, "$", "name", true, &f.name));
  GONGKAI_RETURN_IF_ERROR(rd.String(j, "$", "basis", false, &f.basis));
  GONGKAI_RETURN_IF_ERROR(rd.Int(j, "$", "first_year", true, &f.first_year));
  GONGKAI_RETURN_IF_ERROR(rd.Int(j, "$", "last_year", true, &f.last_year));
  GONGKAI_RETURN_IF_ERROR(rd.String(j, "$", "title_template", true, &f.title_template));
  if (f.first_year > f.last_year) return rd.Error("$.last_year", "不能早于 first_year");

  for (const char* key : {"sections", "tables"}) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array() || it->empty()) {
      return rd.Error("$", std::string("缺少非空数组 \"") + key + "\"");
    }
  }
  const json& tables = j["tables"];
  for (size_t i = 0; i < tables.size(); ++i) {
    Table t;
    GONGKAI_RETURN_IF_ERROR(rd.Table(tables[i], "$.tables[" + std::to_string(i) + "]", &t));
    f.tables.push_back(std::move(t));
  }
  const json& sections = j["sections"];
  for (size_t i = 0; i < sections.size(); ++i) {
    const std::string p = "$.sections[" + std::to_string(i) + "]";
    const json& s = sections[i];
    if (!s.is_object()) return rd.Error(p, "应为对象");
    Section sec;
    GONGKAI_RETURN_IF_ERROR(rd.String(s, p, "id", true, &sec.id));
    GONGKAI_RETURN_IF_ERROR(rd.String(s, p, "heading", true, &sec.heading));
    GONGKAI_RETURN_IF_ERROR(rd.Strings(s, p, "tables", &sec.tables));
    GONGKAI_RETURN_IF_ERROR(rd.String(s, p, "default_body", false, &sec.default_body));
    for (const Section& other : f.sections) {
      if (other.id == sec.id) return rd.Error(p + ".id", "章节编号 \"" + sec.id + "\" 重复");
    }
    f.sections.push_back(std::move(sec));
  }
  if (auto it = j.find("identities"); it != j.end()) {
    if (!it->is_array()) return rd.Error("$.identities", "应为数组");
    for (size_t i = 0; i < it->size(); ++i) {
      Identity d;
      GONGKAI_RETURN_IF_ERROR(rd.Identity((*it)[i], "$.identities[" + std::to_string(i) + "]", &d));
      f.identities.push_back(std::move(d));
    }
  }
  if (auto it = j.find("outcome_rows"); it != j.end()) {
    if (!it->is_object())
      return rd.Error("$.outcome_rows", "应为对象（办理结果代码 → 行编号数组）");
    for (const auto& [code, v] : it->items()) {
      std::vector<std::string> rows;
      GONGKAI_RETURN_IF_ERROR(rd.Strings(*it, "$.outcome_rows", code.c_str(), &rows));
      f.outcome_rows[code] = std::move(rows);
    }
  } else {
    return rd.Error("$", "缺少字段 \"outcome_rows\"");
  }
  GONGKAI_RETURN_IF_ERROR(CheckReferences(f, rd));
  return f;
}

std::string DefaultFormatForYear(int year) {
  if (year <= 2018) return "2008";
  if (year <= 2020) return "2019";
  return "2021";
}

std::string_view ToCode(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::string_view ToChinese(Severity s) {
  switch (s) {
    case Severity::kError:
      return "错误";
    case Severity::kWarning:
      return "警告";
    case Severity::kInfo:
      return "提示";
  }
  return "错误";
}

}  // namespace gongkai
