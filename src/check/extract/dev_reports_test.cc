// Extraction of the six development reports and the seed against their hand-checked values
// (tests/fixtures/reports-dev/labels.json: "table" gives values by Chinese row/column names).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "check/extract/label.h"
#include "check/extract/testing.h"
#include "check/extract/text.h"

namespace gongkai::check {
namespace {

using extract::Squeeze;

std::u32string WithoutNote(std::u32string s) {
  size_t p = s.find(U'(');
  if (p != std::u32string::npos && p > 0) s.resize(p);
  return s;
}

// "表三 （三）不予公开 1.属于国家秘密 [自然人]" → "R3.3.1/NP" etc.; "" if the key names no cell.
std::string NationalCellId(const Format& f, const std::string& key) {
  std::vector<std::string> parts;
  std::string cur;
  std::string column;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '[') {
      size_t e = key.find(']', i);
      column = key.substr(i + 1, e - i - 1);
      break;
    }
    if (key[i] == ' ') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(key[i]);
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  if (parts.size() < 2) return "";
  const std::string table = parts[0];
  auto row_matches = [](const Row& r, const std::string& label) {
    if (r.labels.empty()) return false;
    const std::u32string want = Squeeze(label);
    const std::u32string have = Squeeze(r.labels.back());
    return have == want || (want.size() >= 6 && have.starts_with(want));
  };
  if (table == "表二") {
    // 表二 <row> <column>
    for (const Table& t : f.tables) {
      if (!t.id.starts_with("T2")) continue;
      for (const Row& r : t.rows) {
        if (!row_matches(r, parts[1])) continue;
        for (const Column& c : t.columns) {
          if (WithoutNote(Squeeze(c.label)) == WithoutNote(Squeeze(parts[2]))) {
            return r.id + "/" + c.id;
          }
        }
      }
    }
    return "";
  }
  if (table == "表三") {
    const std::string& label = parts.back();
    std::vector<const Table*> tables = {f.FindTable("T3")};
    const Format& f2019 = gongkai::testing::RealFormat("2019");
    tables.push_back(f2019.FindTable("T3"));  // "（六）其他处理" printed in a 2021 table
    for (const Table* t : tables) {
      for (const Row& r : t->rows) {
        if (!row_matches(r, label)) continue;
        for (const Column& c : t->columns) {
          if (c.label == column) return r.id + "/" + c.id;
        }
      }
    }
    return "";
  }
  if (table == "表四") {
    const Table* t = f.FindTable("T4");
    for (const Column& c : t->columns) {
      if (c.label != parts.back()) continue;
      if (c.groups.back() == parts[parts.size() - 2]) return c.id;
    }
    return "";
  }
  return "";
}

// "其中:网站公开(2011年度)" → "V.网站公开/本年度"; "政府信息公开收费减免金额(元)" → "…/本年度".
std::string VariantCellId(const std::string& key) {
  std::u32string k = Squeeze(key);
  std::string column = "本年度";
  size_t open = k.rfind(U'(');
  if (open != std::u32string::npos && k.back() == ')') {
    std::u32string inner = k.substr(open + 1, k.size() - open - 2);
    if (inner == U"历年累计") column = "历年累计";
    k.resize(open);
  }
  if (k.starts_with(U"其中:")) k = k.substr(3);
  return "V." + extract::EncodeUtf8(k) + "/" + column;
}

std::string RowOf(const std::string& cell_id) {
  size_t slash = cell_id.rfind('/');
  return slash == std::string::npos ? cell_id : cell_id.substr(0, slash);
}

struct DevCase {
  std::string file;
  // Rows whose digits ran together and split in several ways (reported, never guessed).
  std::set<std::string> ambiguous;
};

class ExtractDevReportTest : public ::testing::TestWithParam<DevCase> {};

TEST_P(ExtractDevReportTest, CellsEqualLabels) {
  const DevCase& tc = GetParam();
  const nlohmann::json labels = nlohmann::json::parse(
      extract_testing::ReadRepoFile("tests/fixtures/reports-dev/labels.json"));
  const nlohmann::json* entry = nullptr;
  for (const auto& e : labels) {
    if (e["file"] == tc.file) entry = &e;
  }
  ASSERT_NE(entry, nullptr);
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/reports-dev/" + tc.file));
  SCOPED_TRACE(extract_testing::Dump(r));

  EXPECT_EQ(r.format_id, (*entry)["format"].get<std::string>());
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, (*entry)["year"].get<int>());
  ASSERT_TRUE(r.period_from.has_value());
  EXPECT_EQ(r.period_from->year(), *r.year);
  EXPECT_EQ(r.period_from->month(), 1);
  EXPECT_EQ(r.period_to->month(), 12);
  EXPECT_EQ(r.period_to->day(), 31);
  // The agency as the title names it: the label's full name or a part of it.
  const std::string agency = (*entry)["agency"];
  EXPECT_FALSE(r.agency.empty());
  EXPECT_TRUE(agency.find(r.agency) != std::string::npos ||
              r.agency.find(agency) != std::string::npos)
      << r.agency << " vs " << agency;
  EXPECT_TRUE(r.missing_rows.empty());
  EXPECT_TRUE(r.unread_rows.empty());

  const Format& f = gongkai::testing::RealFormat((*entry)["format"].get<std::string>());
  const bool variant = !r.variant.empty();
  // Labelled values per row, for rows reported ambiguous.
  std::map<std::string, std::map<std::string, std::string>> ambiguous_values;
  int checked = 0;
  for (const auto& [key, value] : (*entry)["table"].items()) {
    const std::string id = variant ? VariantCellId(key) : NationalCellId(f, key);
    ASSERT_FALSE(id.empty()) << "no cell for label " << key;
    const Decimal want = *Decimal::Parse(value.dump());
    auto it = r.cells.find(id);
    if (it == r.cells.end()) {
      EXPECT_TRUE(tc.ambiguous.count(RowOf(id))) << id << " (" << key << ") not extracted";
      ambiguous_values[RowOf(id)][id] = want.ToString();
      continue;
    }
    EXPECT_EQ(it->second.value, want) << id << " (" << key << ")";
    EXPECT_GT(it->second.line, 0) << id;
    ++checked;
  }
  EXPECT_GT(checked, 10);
  // Ambiguous rows: exactly the expected ones, and the labelled values are one of their splits
  // (the digits as printed).
  std::set<std::string> got;
  for (const AmbiguousRow& a : r.ambiguous) {
    got.insert(a.row_id);
    EXPECT_GT(a.line, 0);
    auto vals = ambiguous_values.find(a.row_id);
    if (vals == ambiguous_values.end()) continue;
    const Table* t = nullptr;
    f.FindRow(a.row_id, &t);
    ASSERT_NE(t, nullptr);
    std::string joined;
    for (const Column& c : t->columns) joined += vals->second[a.row_id + "/" + c.id];
    std::string digits;
    for (char c : a.digits) {
      if (c != ' ') digits.push_back(c);
    }
    EXPECT_EQ(joined, digits) << a.row_id;
  }
  EXPECT_EQ(got, tc.ambiguous);
}

INSTANTIATE_TEST_SUITE_P(Dev, ExtractDevReportTest,
                         ::testing::Values(DevCase{"002.txt", {}}, DevCase{"008.txt", {}},
                                           DevCase{"013.txt",
                                                   {"T2.1.2", "T2.5.1", "T2.5.2", "T2.6.1",
                                                    "T2.6.2", "T2.8.1", "T2.9.1"}},
                                           DevCase{"015.txt", {"T2.1.2"}}, DevCase{"020.txt", {}},
                                           DevCase{"021.txt", {}}),
                         [](const ::testing::TestParamInfo<DevCase>& info) {
                           return "R" + info.param.file.substr(0, 3);
                         });

TEST(ExtractDevReports, VariantMapsOnlyWholeBreakdowns) {
  // 002 lists six channels (当面、传真、电子邮件、网上、信函、其它): C1 maps, its children do not
  // (the national C1 = C1.1+…+C1.4 would be checked against part of them).
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/reports-dev/002.txt"));
  EXPECT_EQ(r.variant, "2008-fujian");
  EXPECT_EQ(r.variant_to_national.at("V.主动公开信息数/本年度"), "A1");
  EXPECT_EQ(r.variant_to_national.at("V.受理依申请公开信息总数/本年度"), "C1");
  EXPECT_EQ(r.variant_to_national.at("V.网站公开/本年度"), "A2.2");
  EXPECT_EQ(r.variant_to_national.at("V.政府公报公开/本年度"), "A2.1");
  EXPECT_EQ(r.variant_to_national.count("V.当面申请数/本年度"), 0u);
  EXPECT_EQ(r.variant_to_national.count("V.主动公开信息数/历年累计"), 0u);
  EXPECT_EQ(r.variant_columns, (std::vector<std::string>{"2011年度", "历年累计"}));
  EXPECT_EQ(r.row_units.at("V.主动公开信息数").first, "条");
  // 008: 收费减免金额 is printed in 元 where the national G is in 万元: not mapped.
  const ExtractedReport r8 = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/reports-dev/008.txt"));
  EXPECT_EQ(r8.row_units.at("V.政府信息公开收费减免金额").first, "元");
  for (const auto& [from, to] : r8.variant_to_national) EXPECT_NE(to, "G") << from;
}

TEST(ExtractDevReports, TemplateMixAndMisprintedLabel) {
  // 021: a 2021 report whose table 三 prints the single 2019 row "（六）其他处理".
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/reports-dev/021.txt"));
  EXPECT_EQ(r.format_id, "2021");
  EXPECT_EQ(r.foreign_rows.at("R3.6"), "2019");
  EXPECT_EQ(r.cells.count("R3.6.1/NP"), 0u);
  ASSERT_EQ(r.cells.count("R3.6/NP"), 1u);
  EXPECT_EQ(r.cells.at("R3.6/NP").line, 130);
  // The misprinted label is reported as printed.
  EXPECT_EQ(r.row_labels.at("R3.3.2").first, "2.其他法律行政止公开");
  EXPECT_EQ(r.row_labels.at("R3.3.2").second, 108);
  // Table 四 as printed, although its 总计 are wrong (the checker flags them).
  EXPECT_EQ(r.cells.at("RV.M").value, Decimal::FromInt(10));
  EXPECT_EQ(r.cells.at("RV.T").value, Decimal::FromInt(0));
  EXPECT_EQ(r.cells.at("LR.M").value, Decimal::FromInt(5));
  EXPECT_EQ(r.cells.at("RV.T").line, 149);
}

TEST(ExtractDevReports, PdfLayoutLinesAndWrappedLabels) {
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/reports-dev/020.txt"));
  // The values of a label wrapped around them by the PDF.
  EXPECT_EQ(r.cells.at("R3.2/NP").value, Decimal::FromInt(447));
  EXPECT_EQ(r.cells.at("R3.2/NP").line, 130);
  EXPECT_EQ(r.cells.at("R3.6.1/TOT").value, Decimal::FromInt(71));
  EXPECT_EQ(r.row_labels.at("R3.6.1").first,
            "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
  // Table 三 continues across the page break after R3.4.1 (page number "-4-" between).
  EXPECT_EQ(r.cells.at("R3.4.1/NP").line, 156);
  EXPECT_EQ(r.cells.at("R3.4.2/NP").line, 161);
  EXPECT_EQ(r.table_first_line, 66);  // "第二十条 第（一）项"
  EXPECT_EQ(r.table_last_line, 220);
  EXPECT_EQ(r.cells.at("T2.8.1/FEE").value, *Decimal::Parse("96171.6"));
}

TEST(ExtractDevReports, RunTogetherSplitsUseCrossRowIdentities) {
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/reports-dev/015.txt"));
  // "270020130" also splits as 2|7|0|0|20|1|30 (its own total holds); only the column sums
  // (R3.7 = Σ outcome rows, R1 + R2 = R3.7 + R4) leave 27|0|0|2|0|1|30.
  EXPECT_EQ(r.cells.at("R3.1/NP").value, Decimal::FromInt(27));
  EXPECT_EQ(r.cells.at("R3.1/SO").value, Decimal::FromInt(2));
  // "2200003252.没有现成…": the next row's numbering is not a digit of this one.
  EXPECT_EQ(r.cells.at("R3.4.1/TOT").value, Decimal::FromInt(25));
  // Table 四 "10203120001200000".
  EXPECT_EQ(r.cells.at("LD.M").value, Decimal::FromInt(12));
  EXPECT_EQ(r.cells.at("LD.T").value, Decimal::FromInt(12));
  EXPECT_EQ(r.cells.at("RV.T").value, Decimal::FromInt(3));
  // Money with decimals.
  EXPECT_EQ(r.cells.at("T2.8.1/FEE").raw, "24252.311082");
}

TEST(ExtractSeed, EveryCellWithItsLine) {
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/seed-changyi-2018.txt"));
  SCOPED_TRACE(extract_testing::Dump(r));
  EXPECT_EQ(r.format_id, "2008");
  EXPECT_EQ(r.variant, "");
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2018);
  EXPECT_EQ(r.year_line, 1);
  EXPECT_FALSE(r.period_from.has_value());
  EXPECT_EQ(r.agency, "昌邑区商务局");
  EXPECT_EQ(r.agency_line, 28);
  bool filler = false;
  for (const AgencyMention& m : r.agency_mentions) {
    if (m.source == "filler") {
      filler = true;
      EXPECT_EQ(m.name, "吉林市昌邑区商务避");
      EXPECT_EQ(m.line, 33);
    }
  }
  EXPECT_TRUE(filler);
  const Format& f = gongkai::testing::RealFormat("2008");
  const std::map<std::string, int> nonzero = {{"A", 42},    {"A1", 12}, {"A1a", 12}, {"A2", 30},
                                              {"A2.2", 30}, {"H3", 1},  {"H3.2", 1}};
  for (const Row& row : f.tables[0].rows) {
    auto it = r.cells.find(row.id);
    ASSERT_NE(it, r.cells.end()) << row.id;
    const int want = nonzero.count(row.id) ? nonzero.at(row.id) : 0;
    EXPECT_EQ(it->second.value, Decimal::FromInt(want)) << row.id;
    EXPECT_EQ(it->second.on_heading, row.heading) << row.id;
  }
  // Each value on its own line: the one after its unit.
  EXPECT_EQ(r.cells.at("A").line, 39);
  EXPECT_EQ(r.cells.at("H3").line, 210);
  EXPECT_EQ(r.cells.at("I3").line, 231);
  EXPECT_EQ(r.row_labels.at("A1a").first, "其中:主动公开规范性文件数");
  EXPECT_EQ(r.row_units.at("G").first, "万元");
  EXPECT_EQ(r.table_last_line, 231);
  EXPECT_TRUE(r.ambiguous.empty());
  EXPECT_TRUE(r.missing_rows.empty());
}

}  // namespace
}  // namespace gongkai::check
