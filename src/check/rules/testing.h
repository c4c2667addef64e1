// Builders for the unit tests of the checks: documents from text, extracted reports by hand,
// and matchers over findings. Tests only.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/check.h"
#include "report/testing_formats.h"

namespace gongkai::check::testing {

// A text document, one entry per line ('\n' splits).
inline Document DocOf(const std::string& text, const std::string& name = "report.txt") {
  Document d;
  d.source_name = name;
  d.encoding = "UTF-8";
  size_t p = 0;
  while (true) {
    const size_t nl = text.find('\n', p);
    d.lines.push_back(text.substr(p, nl == std::string::npos ? std::string::npos : nl - p));
    if (nl == std::string::npos) break;
    p = nl + 1;
  }
  return d;
}

// ExtractedReport("2008").Year(2018).Cell("A1", "12", 42)…
class ReportBuilder {
 public:
  explicit ReportBuilder(const std::string& format_id) { r_.format_id = format_id; }
  ReportBuilder& Agency(const std::string& name) {
    r_.agency = name;
    return *this;
  }
  ReportBuilder& Year(int y, int line = 1) {
    r_.year = y;
    r_.year_line = line;
    return *this;
  }
  ReportBuilder& Cell(const std::string& id, const std::string& value, int line = 0) {
    ExtractedCell c;
    c.id = id;
    c.value = *Decimal::Parse(value);
    c.line = line;
    c.raw = value;
    r_.cells[id] = c;
    return *this;
  }
  // Every cell of the format's table `table_id` set to `value` (a consistent all-zero table).
  ReportBuilder& AllCells(const Format& f, const std::string& table_id, const std::string& value,
                          int line = 0) {
    const Table* t = f.FindTable(table_id);
    for (const Row& r : t->rows) {
      if (r.heading) continue;
      for (const Column& c : t->columns) {
        const std::string id = t->cell_ids == "row"   ? r.id
                               : t->cell_ids == "col" ? c.id
                                                      : r.id + "/" + c.id;
        Cell(id, value, line);
      }
    }
    return *this;
  }
  ReportBuilder& Tables(int first, int last) {
    r_.table_first_line = first;
    r_.table_last_line = last;
    return *this;
  }
  ReportBuilder& RowLabel(const std::string& row_id, const std::string& label, int line) {
    r_.row_labels[row_id] = {label, line};
    return *this;
  }
  ExtractedReport Build() const { return r_; }
  ExtractedReport& report() { return r_; }

 private:
  ExtractedReport r_;
};

inline std::vector<const Format*> AllFormats() {
  return {&gongkai::testing::RealFormat("2008"), &gongkai::testing::RealFormat("2019"),
          &gongkai::testing::RealFormat("2021")};
}

// Runs every check with the real formats and the real word list.
inline std::vector<CheckFinding> Check(const Document& doc, const ExtractedReport& r,
                                       const Document* prev_doc = nullptr,
                                       const ExtractedReport* prev = nullptr) {
  static const std::vector<MiswrittenWord> words = [] {
    Result<std::vector<MiswrittenWord>> w = ParseMiswrittenList(
        gongkai::testing::ReadSourceFile("check/miswritten.tsv"), "miswritten.tsv");
    EXPECT_TRUE(w.ok()) << w.status().message();
    return w.ok() ? *w : std::vector<MiswrittenWord>{};
  }();
  CheckInput in;
  in.doc = &doc;
  in.report = &r;
  in.format = r.format_id.empty() ? nullptr : &gongkai::testing::RealFormat(r.format_id);
  in.formats = AllFormats();
  in.miswritten = &words;
  in.previous_doc = prev_doc;
  in.previous = prev;
  return RunChecks(in);
}

inline std::vector<CheckFinding> OfKind(const std::vector<CheckFinding>& all,
                                        const std::string& kind) {
  std::vector<CheckFinding> out;
  for (const CheckFinding& f : all) {
    if (f.kind == kind) out.push_back(f);
  }
  return out;
}

inline std::string Dump(const std::vector<CheckFinding>& all) {
  std::string s;
  for (const CheckFinding& f : all) {
    s += std::string(ToCode(f.severity)) + " " + f.kind + " L" + std::to_string(f.line) + " [" +
         f.rule + "] " + f.message + "\n";
  }
  return s;
}

MATCHER_P3(FindingIs, kind, severity, text, "") {
  return arg.kind == kind && arg.severity == severity &&
         arg.message.find(text) != std::string::npos;
}

}  // namespace gongkai::check::testing
