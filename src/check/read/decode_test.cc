#include "check/read/decode.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dataset/encoding.h"

namespace gongkai::check {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DecodeText, Utf8WithAndWithoutBom) {
  Result<DecodedText> plain = DecodeText("年度报告");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->text, "年度报告");
  EXPECT_EQ(plain->encoding, "UTF-8");
  Result<DecodedText> bom = DecodeText("\xEF\xBB\xBF年度报告");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->text, "年度报告");
  EXPECT_EQ(bom->encoding, "UTF-8");
}

TEST(DecodeText, Gb18030) {
  Result<std::string> gb = Utf8ToGb18030("政府信息公开工作年度报告：收到申请12件，喆镕堃");
  ASSERT_TRUE(gb.ok());
  Result<DecodedText> decoded = DecodeText(*gb);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "GB18030");
  EXPECT_EQ(decoded->text, "政府信息公开工作年度报告：收到申请12件，喆镕堃");
}

TEST(DecodeText, Utf16WithBom) {
  const std::string le("\xFF\xFE\x74\x5E\xA6\x5E\x0A\x00", 8);  // 年度\n
  Result<DecodedText> decoded = DecodeText(le);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "UTF-16LE");
  EXPECT_EQ(decoded->text, "年度\n");
  const std::string be("\xFE\xFF\x5E\x74\x5E\xA6", 6);
  decoded = DecodeText(be);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "UTF-16BE");
  EXPECT_EQ(decoded->text, "年度");
}

TEST(DecodeText, Utf8CutInTheMiddleOfACharacterStaysUtf8) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "政府信息公开";
  text += "\xE5\xB9";  // half of 年
  Result<DecodedText> decoded = DecodeText(text);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "UTF-8");
  EXPECT_EQ(decoded->text.substr(0, 18), "政府信息公开");
  EXPECT_EQ(decoded->text.substr(decoded->text.size() - 3), "\xEF\xBF\xBD");  // U+FFFD
}

TEST(DecodeText, Gb18030WithAStrayByte) {
  Result<std::string> gb =
      Utf8ToGb18030(std::string(300, 'a') + "政府信息公开" + std::string(300, 'b'));
  ASSERT_TRUE(gb.ok());
  std::string damaged = *gb + "\xFF";
  Result<DecodedText> decoded = DecodeText(damaged);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "GB18030");
  EXPECT_NE(decoded->text.find("政府信息公开"), std::string::npos);
}

TEST(DecodeText, DeclaredGbkButBytesAreUtf8) {
  Result<DecodedText> decoded = DecodeText("年度报告", CharsetHint::kGb18030);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "UTF-8");
  EXPECT_EQ(decoded->text, "年度报告");
}

TEST(DecodeText, BinaryIsRefused) {
  const std::string with_nul("PK\x03\x04\x00\x00 text", 11);
  EXPECT_FALSE(DecodeText(with_nul).ok());
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += (i % 4 == 0) ? '\x01' : 'a';
  Result<DecodedText> decoded = DecodeText(controls);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(decoded.status().message(), kNotTextMessage);
}

TEST(DecodeText, NeitherUtf8NorGb18030IsRefused) {
  // 0x80 and 0xFF are never valid GB18030 lead bytes; no control bytes, so not "binary" by look.
  std::string junk;
  for (int i = 0; i < 400; ++i) junk += (i % 2 == 0) ? "\x80" : "\xFF";
  EXPECT_FALSE(DecodeText(junk).ok());
}

TEST(LooksBinary, ControlShare) {
  EXPECT_FALSE(LooksBinary("一行\t文字\r\n第二行\f"));
  EXPECT_TRUE(LooksBinary(std::string("a\0b", 3)));
  EXPECT_FALSE(LooksBinary(std::string(100, 'a') + "\x1B"));
  EXPECT_TRUE(LooksBinary("\x01\x02\x03 abc"));
}

TEST(SplitLines, LineBreaksOfEveryKind) {
  SplitText split = SplitLines("一\r\n二\r三\n四\xE2\x80\xA8五\n");
  EXPECT_THAT(split.lines, ElementsAre("一", "二", "三", "四", "五"));
  EXPECT_THAT(split.page_starts, IsEmpty());
  EXPECT_THAT(SplitLines("a\n\nb").lines, ElementsAre("a", "", "b"));
  EXPECT_THAT(SplitLines("a\n\n").lines, ElementsAre("a", ""));
}

TEST(SplitLines, FormFeedsArePageBreaks) {
  // pdftotext: each page ends with a form feed, which then precedes the next page's first line.
  SplitText split = SplitLines("p1 a\np1 b\n\fp2 a\n\n\fp3 a\n\f");
  EXPECT_THAT(split.lines, ElementsAre("p1 a", "p1 b", "p2 a", "", "p3 a"));
  EXPECT_THAT(split.page_starts, ElementsAre(0, 2, 4));
}

TEST(CleanLine, SpacesAndInvisibleCharacters) {
  std::string line =
      "  一、总体情况\xC2\xA0\xC2\xA0共\xE2\x80\x8B计\xEF\xBB\xBF 12\xE3\x80\x80 \t ";
  CleanLine(line);
  EXPECT_EQ(line, "  一、总体情况  共计 12");
  std::string fullwidth = "\xE3\x80\x80\xE3\x80\x80本年度１２件（ＡＢ）";
  CleanLine(fullwidth);
  EXPECT_EQ(fullwidth, "\xE3\x80\x80\xE3\x80\x80本年度１２件（ＡＢ）");  // full-width kept
  std::string controls =
      "a\x01"
      "b\x7F"
      "c\xC2\x80"
      "d\tz";
  CleanLine(controls);
  EXPECT_EQ(controls, "a b c d\tz");
}

TEST(IsWideCodePoint, CjkAndFullWidth) {
  EXPECT_TRUE(IsWideCodePoint(U'年'));
  EXPECT_TRUE(IsWideCodePoint(U'，'));
  EXPECT_TRUE(IsWideCodePoint(U'（'));
  EXPECT_TRUE(IsWideCodePoint(U'、'));
  EXPECT_FALSE(IsWideCodePoint(U'a'));
  EXPECT_FALSE(IsWideCodePoint(U'1'));
  EXPECT_FALSE(IsWideCodePoint(0x3000));
}

}  // namespace
}  // namespace gongkai::check
