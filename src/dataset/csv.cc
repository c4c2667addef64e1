#include "dataset/csv.h"

namespace gongkai {

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view source_name) {
  std::vector<CsvRecord> records;
  CsvRecord current;
  std::string field;
  int line = 1;
  current.line = 1;
  size_t i = 0;
  const size_t n = text.size();
  auto where = [&](int l) { return std::string(source_name) + ":" + std::to_string(l) + ": "; };
  auto end_record = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
    bool all_empty = true;
    for (const std::string& f : current.fields) {
      if (f.find_first_not_of(" \t") != std::string::npos) all_empty = false;
    }
    if (!all_empty) records.push_back(std::move(current));
    current = CsvRecord{};
  };
  bool at_field_start = true;
  while (i < n) {
    const char c = text[i];
    if (at_field_start && c == '"') {
      // Quoted field.
      const int start_line = line;
      ++i;
      bool closed = false;
      while (i < n) {
        const char q = text[i];
        if (q == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (q == '\n') ++line;
        if (q == '\r' && i + 1 < n && text[i + 1] == '\n') {
          ++i;  // CRLF inside a field becomes LF
          continue;
        }
        field += q;
        ++i;
      }
      if (!closed) {
        return InvalidInput(where(start_line) +
                            "引号未闭合：从这一行开始的带引号字段直到文件末尾都没有结束的引号");
      }
      if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        return InvalidInput(
            where(line) +
            "引号之后应为逗号或换行，实际为多余的字符（字段中的引号请写成两个引号 \"\"）");
      }
      at_field_start = false;
      continue;
    }
    at_field_start = false;
    if (c == ',') {
      current.fields.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      current.line = line;
      at_field_start = true;
      continue;
    }
    field += c;
    ++i;
  }
  if (!at_field_start || !field.empty() || !current.fields.empty()) end_record();
  return records;
}

}  // namespace gongkai
