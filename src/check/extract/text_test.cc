#include "check/extract/text.h"

#include <gtest/gtest.h>

namespace gongkai::check::extract {
namespace {

TEST(Fold, WidthsSpacesQuotesAndDashes) {
  EXPECT_EQ(Fold(U'（'), U'(');
  EXPECT_EQ(Fold(U'１'), U'1');
  EXPECT_EQ(Fold(U'：'), U':');
  EXPECT_EQ(Fold(U'．'), U'.');
  EXPECT_EQ(Fold(U'\u3000'), U' ');
  EXPECT_EQ(Fold(U'\f'), U' ');
  EXPECT_EQ(Fold(U'“'), U'"');
  EXPECT_EQ(Fold(U'—'), U'-');
  EXPECT_EQ(Fold(U'－'), U'-');
  EXPECT_EQ(Fold(U'○'), U'〇');
  EXPECT_EQ(Fold(U'、'), U'、');  // kept: it is part of numbering ("一、")
  EXPECT_EQ(Fold(U'汉'), U'汉');
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacters) {
  std::u32string s = DecodeUtf8(std::string("a\xff\xe4\xb8\xad", 5));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], U'a');
  EXPECT_EQ(s[1], 0xFFFDu);
  EXPECT_EQ(s[2], U'中');
  EXPECT_EQ(EncodeUtf8(U"中文1"), "中文1");
  // A truncated sequence at the end.
  EXPECT_EQ(DecodeUtf8(std::string("\xe4\xb8", 2)), std::u32string(2, 0xFFFD));
}

TEST(Squeeze, DropsWhitespaceAndBars) {
  EXPECT_EQ(Squeeze("统 计 指 标 |"), U"统计指标");
  EXPECT_EQ(Squeeze("（一）予以公开"), U"(一)予以公开");
}

TEST(PageNumbers, OnlyPageFurnitureIsDropped) {
  EXPECT_TRUE(IsPageNumberLine("                -3-"));
  EXPECT_TRUE(IsPageNumberLine("— 12 —"));
  EXPECT_TRUE(IsPageNumberLine("- 4 -"));
  EXPECT_TRUE(IsPageNumberLine("第3页"));
  EXPECT_TRUE(IsPageNumberLine("第 3 页 共 9 页"));
  EXPECT_TRUE(IsPageNumberLine("3/9"));
  EXPECT_FALSE(IsPageNumberLine("3"));  // may be a value
  EXPECT_FALSE(IsPageNumberLine("0 0 0 0"));
  EXPECT_FALSE(IsPageNumberLine("-"));
  EXPECT_FALSE(IsPageNumberLine("第三条"));
  EXPECT_FALSE(IsPageNumberLine("2021-2035"));
}

TEST(TextStream, BreaksBarsAndLines) {
  Stream st = BuildStream({"规章 | 0 |", "  -2-", "行政许可\t12"});
  EXPECT_EQ(st.text, U"规章0行政许可12");
  ASSERT_EQ(st.size(), 9u);
  EXPECT_EQ(st.line[0], 1);
  EXPECT_EQ(st.line[2], 1);
  EXPECT_EQ(st.line[3], 3);  // line 2 is a page number
  EXPECT_TRUE(st.brk[2]);    // " | " before "0"
  EXPECT_EQ(st.bars[2], 1);
  EXPECT_TRUE(st.brk[3]);  // line break (and a bar) before 行
  EXPECT_FALSE(st.brk[4]);
  EXPECT_TRUE(st.brk[7]);  // tab before "12"
  EXPECT_EQ(st.Original(3, 7), "行政许可");
}

TEST(TextStream, OriginalKeepsFullWidth) {
  Stream st = BuildStream({"（一）１２"});
  EXPECT_EQ(st.text, U"(一)12");
  EXPECT_EQ(st.Original(0, st.size()), "（一）１２");
}

TEST(TextStream, CapsTheCodePoints) {
  Stream st = BuildStream({std::string(100, 'a'), "bbb"}, 1, 50);
  EXPECT_EQ(st.size(), 50u);
  EXPECT_EQ(st.truncated_at_line, 1);
}

TEST(TextStream, NamesTheLineWhereTheCapStoppedIt) {
  // 10 + 10 code points fill the cap exactly; white space after it is not text, line 4 is.
  Stream st = BuildStream({std::string(10, 'a'), std::string(10, 'b'), "   ", "c"}, 7, 20);
  EXPECT_EQ(st.size(), 20u);
  EXPECT_EQ(st.truncated_at_line, 10);
  EXPECT_EQ(BuildStream({std::string(10, 'a'), std::string(10, 'b'), "   "}, 7, 20)
                .truncated_at_line,
            0);
  EXPECT_EQ(BuildStream({"abc"}).truncated_at_line, 0);
}

}  // namespace
}  // namespace gongkai::check::extract
