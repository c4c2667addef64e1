#include "check/extract/variant.h"

#include <gtest/gtest.h>

#include "check/extract/testing.h"

namespace gongkai::check::extract {
namespace {

ExtractedReport ReadVariant(const std::vector<std::string>& lines, int* rows = nullptr) {
  ExtractedReport r;
  int n = ExtractVariant(BuildStream(lines), gongkai::testing::RealFormat("2008"), &r);
  if (rows != nullptr) *rows = n;
  return r;
}

Decimal Cell(const ExtractedReport& r, const std::string& id) {
  auto it = r.cells.find(id);
  EXPECT_NE(it, r.cells.end()) << id << "\n" << extract_testing::Dump(r);
  return it == r.cells.end() ? Decimal() : it->second.value;
}

TEST(VariantTable, RunTogetherWithUnitsAndGluedNumbering) {
  int rows = 0;
  ExtractedReport r = ReadVariant(
      {"指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条41815092."
       "政府公报公开条77受理依申请公开信息总数条00"},
      &rows);
  EXPECT_EQ(rows, 4);
  EXPECT_EQ(r.variant, "2008-fujian");
  EXPECT_EQ(Cell(r, "V.主动公开信息数/本年度"), Decimal::FromInt(425));
  EXPECT_EQ(Cell(r, "V.主动公开信息数/历年累计"), Decimal::FromInt(1516));
  EXPECT_EQ(Cell(r, "V.网站公开/本年度"), Decimal::FromInt(418));
  EXPECT_EQ(Cell(r, "V.网站公开/历年累计"), Decimal::FromInt(1509));
  EXPECT_EQ(Cell(r, "V.政府公报公开/本年度"), Decimal::FromInt(7));
  EXPECT_EQ(Cell(r, "V.受理依申请公开信息总数/历年累计"), Decimal::FromInt(0));
  EXPECT_EQ(r.row_labels.at("V.政府公报公开").first, "2.政府公报公开");
  EXPECT_TRUE(r.ambiguous.empty());
}

TEST(VariantTable, WithoutTheChildrenTheSplitStaysAmbiguous) {
  // "4251516" alone: 4|251516, 42|51516 and 425|1516 all keep 本年度 ≤ 历年累计.
  ExtractedReport r = ReadVariant({"指标名称计量单位本年度历年累计主动公开信息数条4251516"});
  ASSERT_EQ(r.ambiguous.size(), 1u);
  EXPECT_EQ(r.ambiguous[0].row_id, "V.主动公开信息数");
  EXPECT_EQ(r.ambiguous[0].splits.size(), 3u);
  EXPECT_EQ(r.cells.count("V.主动公开信息数/本年度"), 0u);
}

TEST(VariantTable, SpaceSeparatedWithSeparateNumbering) {
  ExtractedReport r = ReadVariant(
      {"指标名称 计量单位 2014年度 历年累计 受理依申请公开信息总数 条 1 1 其中：1、当面申请数 条 0 "
       "0 "
       "2、网上申请数 条 0 0 3、信函、传真申请数 条 1 1 政府信息公开收费减免金额 元 0 0 附件下载"});
  EXPECT_EQ(Cell(r, "V.当面申请数/本年度"), Decimal::FromInt(0));
  EXPECT_EQ(Cell(r, "V.信函、传真申请数/本年度"), Decimal::FromInt(1));
  EXPECT_EQ(Cell(r, "V.政府信息公开收费减免金额/历年累计"), Decimal::FromInt(0));
  EXPECT_EQ(r.variant_columns, (std::vector<std::string>{"2014年度", "历年累计"}));
  // C1 maps; its children do not: 信函、传真 is one local row for two national ones.
  EXPECT_EQ(r.variant_to_national.at("V.受理依申请公开信息总数/本年度"), "C1");
  EXPECT_EQ(r.variant_to_national.count("V.当面申请数/本年度"), 0u);
  // 元 is not the national 万元.
  for (const auto& [from, to] : r.variant_to_national) EXPECT_NE(to, "G");
  EXPECT_TRUE(r.unread_rows.empty());
}

TEST(VariantTable, AWholeBreakdownMaps) {
  ExtractedReport r = ReadVariant(
      {"指标名称 计量单位 本年度 历年累计", "收到申请数 件 5 20", "其中：1.当面申请数 件 1 4",
       "2.传真申请数 件 0 1", "3.网络申请数 件 3 10", "4.信函申请数 件 1 5", "行政复议数 件 0 0"});
  EXPECT_EQ(r.variant_to_national.at("V.收到申请数/本年度"), "C1");
  EXPECT_EQ(r.variant_to_national.at("V.当面申请数/本年度"), "C1.1");
  EXPECT_EQ(r.variant_to_national.at("V.网络申请数/本年度"), "C1.3");
  EXPECT_EQ(r.variant_to_national.at("V.信函申请数/本年度"), "C1.4");
  EXPECT_EQ(r.variant_to_national.at("V.行政复议数/本年度"), "D");
  EXPECT_EQ(r.cells.at("V.网络申请数/历年累计").line, 5);
}

TEST(VariantTable, OtherColumnsAreKeptAsPrinted) {
  ExtractedReport r = ReadVariant({"统计指标 单位 本年 上年", "主动公开信息数 条 12 9"});
  EXPECT_EQ(r.variant, "2008-local");
  EXPECT_EQ(Cell(r, "V.主动公开信息数/本年度"), Decimal::FromInt(12));
  EXPECT_EQ(Cell(r, "V.主动公开信息数/上年"), Decimal::FromInt(9));
}

TEST(VariantTable, NoHeaderNoTable) {
  int rows = 1;
  ReadVariant({"主动公开信息数 条 12 9"}, &rows);
  EXPECT_EQ(rows, 0);
  // A header and no row.
  ReadVariant({"指标名称 计量单位 本年度 历年累计", "附件下载"}, &rows);
  EXPECT_EQ(rows, 0);
}

TEST(VariantTable, ExtractPrefersTheNationalRowsWhenTheyArePrinted) {
  // The seed's header is 统计指标 | 单位 | 统计数 too, but its rows are the national ones.
  const ExtractedReport r = extract_testing::ExtractText(
      extract_testing::ReadRepoFile("tests/fixtures/seed-changyi-2018.txt"));
  EXPECT_EQ(r.variant, "");
  EXPECT_EQ(r.cells.count("A1"), 1u);
}

}  // namespace
}  // namespace gongkai::check::extract
