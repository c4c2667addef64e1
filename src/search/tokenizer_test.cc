#include "search/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai::search {
namespace {

using ::testing::ElementsAre;

// "w:text" for a word, "c:text" for a CJK run.
std::vector<std::string> Cut(std::string_view text) {
  std::vector<std::string> out;
  for (const Segment& s : Segmentize(text)) {
    out.push_back((s.kind == SegmentKind::kWord ? "w:" : "c:") + s.text);
  }
  return out;
}

TEST(TokenizerTest, TableOfCases) {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"   ，。！", {}},
      {"政务公开", {"c:政务公开"}},
      // 文号: brackets separate; digits are words.
      {"昌商发〔2018〕3号", {"c:昌商发", "w:2018", "w:3", "c:号"}},
      // Latin lower-cased, letters and digits cut apart.
      {"GB18030编码", {"w:gb", "w:18030", "c:编码"}},
      {"PDF文件、Word文档", {"w:pdf", "c:文件", "w:word", "c:文档"}},
      // Full-width ASCII folded to half-width (letters, digits), ideographic space separates.
      {"ＡＢＣ１２３　测试", {"w:abc", "w:123", "c:测试"}},
      {"２０１８年", {"w:2018", "c:年"}},
      // 〇 is a CJK character (二〇一八年).
      {"二〇一八年", {"c:二〇一八年"}},
      // Accented Latin and Cyrillic are letters, lower-cased.
      {"Émile МОСКВА", {"w:émile", "w:москва"}},
      // Punctuation, symbols and emoji separate.
      {"a-b_c.d", {"w:a", "w:b", "w:c", "w:d"}},
      {"通知😀公告", {"c:通知", "c:公告"}},
      // Invalid UTF-8 bytes are separators, never part of a term.
      {"ab\xFF\xFE"
       "cd",
       {"w:ab", "w:cd"}},
      {"中\xE4\xB8", {"c:中"}},
      // Extension B characters are CJK (4 bytes).
      {"\xF0\xA0\x80\x80字", {"c:\xF0\xA0\x80\x80字"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Cut(c.text), c.want) << "text: " << c.text;
  }
}

TEST(TokenizerTest, BoundsPointIntoTheOriginalText) {
  const std::string text = "Ａ1 公开，指南";
  std::vector<Segment> segs = Segmentize(text);
  ASSERT_EQ(segs.size(), 4u);  // a, 1, 公开, 指南
  // The full-width Ａ is 3 bytes in the original, "a" in the normalized text.
  EXPECT_EQ(segs[0].text, "a");
  EXPECT_THAT(segs[0].bounds, ElementsAre(0u, 3u));
  EXPECT_THAT(segs[1].bounds, ElementsAre(3u, 4u));
  EXPECT_EQ(segs[2].chars(), 2u);
  EXPECT_THAT(segs[2].bounds, ElementsAre(5u, 8u, 11u));
  EXPECT_EQ(text.substr(segs[3].bounds[0], segs[3].bounds[2] - segs[3].bounds[0]), "指南");
}

TEST(TokenizerTest, AppendsWithoutClearing) {
  std::vector<Segment> out;
  Segmentize("公开", &out);
  Segmentize("2018", &out);
  EXPECT_EQ(out.size(), 2u);
}

}  // namespace
}  // namespace gongkai::search
