#include "check/extract/detect.h"

#include <gtest/gtest.h>

namespace gongkai::check::extract {
namespace {

ExtractedReport Facts(const std::vector<std::string>& lines) {
  ExtractedReport r;
  DetectReportFacts(BuildStream(lines), &r);
  return r;
}

std::string Decide(const std::vector<std::string>& lines, std::optional<int> year = {}) {
  return DecideFormat(GatherEvidence(BuildStream(lines)), year);
}

TEST(DecideFormat, ByDistinctiveLabels) {
  // 2021: the three （六）其他处理 sub-rows, 本年制发件数.
  EXPECT_EQ(Decide({"一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1", "（六）其他处理",
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}),
            "2021");
  // 2019: one （六）其他处理 row, 本年新制作数量.
  EXPECT_EQ(Decide({"信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
                    "一、本年新收政府信息公开申请数量", "（六）其他处理 0 0 0 0 0 0 0",
                    "四、结转下年度继续办理"}),
            "2019");
  // 2008 era: 统计指标 | 单位 | 统计数, 主动公开政府信息数, 不同渠道.
  EXPECT_EQ(Decide({"统计指标 | 单位 | 统计数", "（一）主动公开政府信息数 | 条 | 3",
                    "（二）通过不同渠道和方式公开政府信息的情况"}),
            "2008");
  EXPECT_EQ(Decide({"指标名称 计量单位 本年度 历年累计", "主动公开信息数 条 4 10"}), "2008");
  // Nothing recognisable.
  EXPECT_EQ(Decide({"关于做好政务公开工作的通知"}), "");
}

TEST(DecideFormat, ATieGoesByTheReportYear) {
  const std::vector<std::string> common = {"一、本年新收政府信息公开申请数量",
                                           "四、结转下年度继续办理", "未经复议直接起诉"};
  EXPECT_EQ(Decide(common, 2020), "2019");
  EXPECT_EQ(Decide(common, 2022), "2021");
  EXPECT_EQ(Decide(common), "2021");
}

TEST(ReportFacts, TitleWithSiteChrome) {
  ExtractedReport r =
      Facts({"当前位置： 首页政务公开政府信息公开年报 平潭综合实验区管委会2014年度"
             "政府信息公开工作年度报告 来源：平潭县人民政府"});
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2014);
  EXPECT_EQ(r.agency, "平潭综合实验区管委会");
  ASSERT_EQ(r.agency_mentions.size(), 1u);
  EXPECT_EQ(r.agency_mentions[0].source, "title");
}

TEST(ReportFacts, TitleOverTwoLines) {
  ExtractedReport r = Facts(
      {"", "                洪泽区人民政府", "      2023 年政府信息公开工作年度报告", "正文"});
  EXPECT_EQ(*r.year, 2023);
  EXPECT_EQ(r.year_line, 3);
  EXPECT_EQ(r.agency, "洪泽区人民政府");
  EXPECT_EQ(r.agency_line, 2);
}

TEST(ReportFacts, TitleWithGuanyu) {
  ExtractedReport r = Facts({"市生态环境局关于2020年政府信息公开工作年度报告"});
  EXPECT_EQ(*r.year, 2020);
  EXPECT_EQ(r.agency, "市生态环境局");
}

TEST(ReportFacts, YearWithoutATitleName) {
  // The seed: the year is named in its first sentence, the agency only in the signature.
  ExtractedReport r = Facts(
      {"根据规定,结合我局实际,编制了2018年度政府信息公开工作报告。现将2017年工作报告如下:",
       "一、概述", "昌邑区商务局", "2019年1月3日", "附件2", "填报单位(盖章): 吉林市昌邑区商务避"});
  EXPECT_EQ(*r.year, 2018);
  EXPECT_EQ(r.agency, "昌邑区商务局");
  EXPECT_EQ(r.agency_line, 3);
  ASSERT_EQ(r.agency_mentions.size(), 2u);
  EXPECT_EQ(r.agency_mentions[1].source, "filler");
  EXPECT_EQ(r.agency_mentions[1].name, "吉林市昌邑区商务避");
  EXPECT_EQ(r.agency_mentions[1].line, 6);
}

TEST(ReportFacts, SignatureOnTheDateLine) {
  ExtractedReport r = Facts({"正文。", "红河市市场监督管理局 2024年1月18日"});
  ASSERT_EQ(r.agency_mentions.size(), 1u);
  EXPECT_EQ(r.agency_mentions[0].source, "signature");
  EXPECT_EQ(r.agency_mentions[0].name, "红河市市场监督管理局");
  // A date inside a sentence is no signature.
  r = Facts({"全年共召开会议，于2021年3月5日 印发通知。"});
  EXPECT_TRUE(r.agency_mentions.empty());
}

TEST(ReportFacts, YearFromTheTableWhenThereIsNoTitle) {
  ExtractedReport r = Facts({"附件2", "政府信息公开情况统计表", "( 2018 年度)"});
  EXPECT_EQ(*r.year, 2018);
  EXPECT_EQ(r.year_line, 3);
}

TEST(ReportFacts, PeriodVariants) {
  ExtractedReport r = Facts({"本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。"});
  ASSERT_TRUE(r.period_from.has_value());
  EXPECT_EQ(r.period_from->ToString(), "2011-01-01");
  EXPECT_EQ(r.period_to->ToString(), "2011-12-31");
  r = Facts({"报告中所列数据统计期限自 2023 年 1 月 1 日", "起至 2023 年 12 月 31 日止。"});
  ASSERT_TRUE(r.period_from.has_value());
  EXPECT_EQ(r.period_to->ToString(), "2023-12-31");
  EXPECT_EQ(r.period_line, 1);
  r = Facts({"统计期限为2023年1月1日至2023年12月31日"});
  EXPECT_EQ(r.period_from->ToString(), "2023-01-01");
  r = Facts({"本年度报告数据自2022年1月1日起至2022年12月31日止。"});
  EXPECT_EQ(r.period_to->ToString(), "2022-12-31");
  // A wrong period is read as printed (the checker compares it with the year).
  r = Facts({"2021年政府信息公开工作年度报告", "统计期限自2020年1月1日起至2020年12月31日止"});
  EXPECT_EQ(*r.year, 2021);
  EXPECT_EQ(r.period_from->year(), 2020);
  EXPECT_EQ(r.period_line, 2);
  // Two unrelated dates are no period.
  r = Facts({"统计期限内，2023年1月1日召开会议，研究部署，2023年5月1日印发"});
  EXPECT_FALSE(r.period_from.has_value());
}

TEST(ReportFacts, TableTitleNamesTheAgency) {
  ExtractedReport r = Facts({"附件1：平潭县人民政府2011年政府信息公开情况统计表"});
  ASSERT_EQ(r.agency_mentions.size(), 1u);
  EXPECT_EQ(r.agency_mentions[0].source, "table_title");
  EXPECT_EQ(r.agency_mentions[0].name, "平潭县人民政府");
}

}  // namespace
}  // namespace gongkai::check::extract

namespace gongkai::check::extract {
namespace {

TEST(ReportFacts, YearBeforeTheAgencyInTheTitle) {
  ExtractedReport r = Facts({"2021年度南京市统计局政府信息公开工作年度报告"});
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2021);
  EXPECT_EQ(r.agency, "南京市统计局");
}

TEST(ReportFacts, PeriodEndWithoutItsYear) {
  ExtractedReport r = Facts({"本报告统计期限为2022年1月1日至12月31日。"});
  ASSERT_TRUE(r.period_to.has_value());
  EXPECT_EQ(r.period_to->ToString(), "2022-12-31");
}

}  // namespace
}  // namespace gongkai::check::extract
