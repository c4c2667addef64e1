// Test helpers of extraction: Documents built from text, the real formats, and a readable dump
// of an ExtractedReport for failure messages.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "check/document.h"
#include "check/extract.h"
#include "check/extracted.h"
#include "report/testing_formats.h"

namespace gongkai::check::extract_testing {

// A text Document: `text` split at '\n' ('\r' dropped), as a text reader would give it.
inline Document DocumentFromText(const std::string& text, const std::string& name = "test.txt") {
  Document d;
  d.source_name = name;
  d.encoding = "UTF-8";
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      d.lines.push_back(line);
      line.clear();
    } else if (c != '\r') {
      line.push_back(c);
    }
  }
  if (!line.empty()) d.lines.push_back(line);
  return d;
}

// A file of the source tree (relative to the repository root).
inline std::string ReadRepoFile(const std::string& relative) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<const Format*> AllFormats() {
  return {&gongkai::testing::RealFormat("2008"), &gongkai::testing::RealFormat("2019"),
          &gongkai::testing::RealFormat("2021")};
}

inline ExtractedReport ExtractText(const std::string& text, const ExtractOptions& options = {}) {
  return Extract(DocumentFromText(text), AllFormats(), options);
}

inline std::string Dump(const ExtractedReport& r) {
  std::ostringstream o;
  o << "format=" << r.format_id << " variant=" << r.variant << " agency=" << r.agency << "@"
    << r.agency_line << " year=" << (r.year ? std::to_string(*r.year) : "-") << "@" << r.year_line;
  if (r.period_from)
    o << " period=" << r.period_from->ToString() << ".." << r.period_to->ToString();
  o << " tables=" << r.table_first_line << "-" << r.table_last_line << "\n";
  for (const auto& m : r.agency_mentions)
    o << "  agency " << m.source << ": " << m.name << "@" << m.line << "\n";
  for (const auto& [id, c] : r.cells) {
    o << "  " << id << " = " << c.value.ToString() << " (" << c.raw << ")@" << c.line
      << (c.on_heading ? " heading" : "") << "\n";
  }
  for (const auto& a : r.ambiguous) {
    o << "  AMBIGUOUS " << a.row_id << "@" << a.line << " [" << a.digits << "]";
    for (const auto& s : a.splits) {
      o << " {";
      for (const auto& p : s) o << p << "|";
      o << "}";
    }
    o << "\n";
  }
  for (const auto& u : r.unread_rows)
    o << "  UNREAD " << u.row_id << "@" << u.line << " [" << u.text << "] " << u.reason << "\n";
  o << "  missing:";
  for (const auto& m : r.missing_rows) o << " " << m;
  o << "\n  foreign:";
  for (const auto& [k, v] : r.foreign_rows) o << " " << k << "=" << v;
  o << "\n  labels:";
  for (const auto& [k, v] : r.row_labels) o << " " << k << "=" << v.first << "@" << v.second;
  o << "\n  to_national:";
  for (const auto& [k, v] : r.variant_to_national) o << " " << k << "→" << v;
  o << "\n";
  return o.str();
}

}  // namespace gongkai::check::extract_testing
