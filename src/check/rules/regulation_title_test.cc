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

std::vector<CheckFinding> Titles(const std::string& text) {
  return OfKind(Check(DocOf(text), ReportBuilder("").Build()), "title");
}

TEST(RegulationTitleTest, MisnamedTitlesAreErrorsWithTheRightTitle) {
  const auto f = Titles(
      "根据《中华人民共和国政府信息公开个例》的规定。\n贯彻《政府信息公开工作条例》。\n"
      "落实《中华人民共和国政府信息公开工作条例》和《中华人民共和国信息公开条例》。\n"
      "再次落实《中华人民共和国政府信息公开个例》。");
  ASSERT_EQ(f.size(), 4u) << Dump(f);
  EXPECT_THAT(f[0].message, HasSubstr("全文共 2 处：第1行、第4行"));
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_EQ(f[0].line, 1);
  EXPECT_THAT(
      f[0].message,
      HasSubstr("《中华人民共和国政府信息公开个例》应为《中华人民共和国政府信息公开条例》"));
  EXPECT_THAT(f[1].message, HasSubstr("《政府信息公开工作条例》应为《政府信息公开条例》"));
  EXPECT_EQ(f[2].line, 3);
  EXPECT_EQ(f[3].line, 3);
}

TEST(RegulationTitleTest, TheRegulationAndOtherDocumentsAreNotFlagged) {
  EXPECT_TRUE(
      Titles("《中华人民共和国政府信息公开条例》《条例》《政府信息公开条例》《政府信息公开指南》"
             "《政府信息公开目录》《平潭县2018年政府信息公开工作年度报告》"
             "《福建省政府信息公开办法》《广东省政务公开条例》《政府信息公开信息处理费管理办法》"
             "《国务院办公厅关于做好施行〈中华人民共和国政府信息公开条例〉准备工作的通知》"
             "《中华人民共和国档案法实施条例》")
          .empty());
}

TEST(RegulationTitleTest, TitleBrokenAcrossLinesIsReadWhole) {
  EXPECT_TRUE(Titles("根据《中华人民共和国政府\n信息公开条例》（国令第 711 号）").empty());
  EXPECT_EQ(Titles("根据《中华人民共和国政府\n信息公开个例》").size(), 1u);
}

}  // namespace
}  // namespace gongkai::check
