#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "check/rules/testing.h"

namespace gongkai::check {
namespace {

using testing::Check;
using testing::DocOf;
using testing::Dump;
using ::testing::HasSubstr;
using testing::OfKind;
using testing::ReportBuilder;

std::vector<CheckFinding> Sums(const std::string& text, const std::string& format = "2021") {
  return OfKind(Check(DocOf(text), ReportBuilder(format).Year(2019).Build()), "narrative_sum");
}

TEST(NarrativeSumTest, ACompleteListMustAddUpToItsTotal) {
  const auto f = Sums(
      "今年共公布政府信息120条，（其中机构职能类信息20条，规划计划类信息30条，"
      "其他应主动公开政府信息60条）对于主动公开的政府信息…");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_THAT(f[0].message, HasSubstr("20 + 30 + 60 = 110 条，与总数 120 条"));
  EXPECT_TRUE(Sums("今年共公布政府信息110条，（其中机构职能类信息20条，规划计划类信息30条，"
                   "其他应主动公开政府信息60条）")
                  .empty());
}

TEST(NarrativeSumTest, AListWithoutATotalIsHeldAgainstTheStatedActiveTotal) {
  const auto f = Sums(
      "二、主动公开政府信息情况\n（一）数量\n2014年主动公开政府信息 "
      "100条。其中，区直各部门主动公开政府信息60条，"
      "各乡镇主动公开政府信息40条。\n（二）主要类别\n主动公开政府信息的主要类别有：机构职能类信息50"
      "条，"
      "政策、规范性文件类信息30条，其他应主动公开的信息30条。");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].line, 5);
  EXPECT_THAT(
      f[0].message,
      HasSubstr("50 + 30 + 30 = 110 条，与总数 100 条（第3行“2014年主动公开政府信息100条”）"));
}

TEST(NarrativeSumTest, NestedBreakdownsAndPartialListsThatFit) {
  EXPECT_TRUE(
      Sums("今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、"
           "部门预决算公开165条）、“三公”经费27条、债券发行4条。")
          .empty());
  // A partial list (no 其他) may leave items out; parts above the total are a note.
  EXPECT_TRUE(Sums("共发布信息100条，其中通知公告30条，工作动态20条，政策解读10条。").empty());
  const auto f = Sums("共发布信息100条，其中通知公告80条，工作动态20条，政策解读10条。");
  ASSERT_EQ(f.size(), 1u) << Dump(f);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
}

TEST(NarrativeSumTest, ListsOfDifferentThingsAreNotSummed) {
  EXPECT_TRUE(Sums("共收到申请5件，办结5件，答复5件。全年公开核准企业资质条、施工许可证76条、"
                   "安全生产许可证121条、排水许可证5条。")
                  .empty());
}

}  // namespace
}  // namespace gongkai::check
