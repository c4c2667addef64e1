#include "check/read/page_furniture.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gongkai::check {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(ParsePageNumber, Forms) {
  const std::pair<const char*, int> kCases[] = {
      {"— 3 —", 3},        {"                 —1—", 1},
      {"- 12 -", 12},      {"-3-", 3},
      {"－３－", 3},       {"一 3 一", 3},
      {"–7–", 7},          {"——5——", 5},
      {"第3页", 3},        {"第 3 页 共 12 页", 3},
      {"第3页/共12页", 3}, {"共12页 第4页", 4},
      {"3/12", 3},         {"３／１２", 3},
      {"Page 3", 3},       {"page 3 of 12", 3},
      {"3 of 12", 3},
  };
  for (const auto& [line, n] : kCases) {
    EXPECT_EQ(ParsePageNumber(line), std::optional<int>(n)) << line;
  }
  const char* kNotPageNumbers[] = {
      "3",       "12/3", "— 3", "第3条", "2021年", "3/12 收到申请", "一、总体情况",
      "- 3 - 4", "",     "—",   "第页",  "- a -",  "1/0",           "共12页"};
  for (const char* line : kNotPageNumbers) {
    EXPECT_EQ(ParsePageNumber(line), std::nullopt) << line;
  }
}

TEST(FindPageFurniture, DashedPageNumbersAtTheBottom) {
  const std::vector<std::string> lines = {"标题",   "正文一", "",     "   — 1 —",
                                          "正文二", "正文三", "— 2 —"};
  EXPECT_THAT(FindPageFurniture(lines, {0, 4}), ElementsAre(3, 6));
}

TEST(FindPageFurniture, PageNumberInsideTheTextIsKept) {
  // Only the first two and last two non-empty lines of a page are candidates.
  const std::vector<std::string> lines = {"a", "b", "- 1 -", "c", "d"};
  EXPECT_THAT(FindPageFurniture(lines, {0}), IsEmpty());
}

TEST(FindPageFurniture, LoneNumbersNeedAgreeingPages) {
  // Bare numbers 1, 2, 3 at the bottom of three pages: page numbers.
  const std::vector<std::string> numbered = {"甲", "乙", "1", "丙", "丁", "2", "戊", "己", "3"};
  EXPECT_THAT(FindPageFurniture(numbered, {0, 3, 6}), ElementsAre(2, 5, 8));
  // A table row that ends a page with a lone value is no page number.
  const std::vector<std::string> table = {"甲", "乙", "7", "丙", "丁", "戊"};
  EXPECT_THAT(FindPageFurniture(table, {0, 3}), IsEmpty());
  // Numbering that starts after a cover page (offset 0 on pages 2 and 3).
  const std::vector<std::string> offset = {"封面", "x", "y", "甲", "乙", "2", "丙", "丁", "3"};
  EXPECT_THAT(FindPageFurniture(offset, {0, 3, 6}), ElementsAre(5, 8));
}

TEST(FindPageFurniture, RunningHeaderDroppedExceptItsFirstOccurrence) {
  const std::vector<std::string> lines = {
      "某区政府信息公开年报", "正文1", "正文2", "— 1 —",
      "某区政府信息公开年报", "正文3", "正文4", "— 2 —",
      "某区政府信息公开年报", "正文5", "正文6", "— 3 —",
  };
  EXPECT_THAT(FindPageFurniture(lines, {0, 4, 8}), ElementsAre(3, 4, 7, 8, 11));
}

TEST(FindPageFurniture, RepeatedNumberRowsAreNoHeader) {
  const std::vector<std::string> lines = {"0 0 0", "a", "b",     "c", "0 0 0", "d",
                                          "e",     "f", "0 0 0", "g", "h",     "i"};
  EXPECT_THAT(FindPageFurniture(lines, {0, 4, 8}), IsEmpty());
}

TEST(FindPageFurniture, TwoPagesKeepRepeatedText) {
  // "Most pages" needs at least three: two pages may repeat a title legitimately.
  const std::vector<std::string> lines = {"表头", "a", "b", "表头", "c", "d"};
  EXPECT_THAT(FindPageFurniture(lines, {0, 3}), IsEmpty());
}

TEST(FindPageFurniture, FooterWithChangingDigits) {
  const std::vector<std::string> lines = {"正文1", "正文2", "正文3", "第1页 共3页",
                                          "正文4", "正文5", "正文6", "第2页 共3页",
                                          "正文7", "正文8", "正文9", "第3页 共3页"};
  EXPECT_THAT(FindPageFurniture(lines, {0, 4, 8}), ElementsAre(3, 7, 11));
}

}  // namespace
}  // namespace gongkai::check
