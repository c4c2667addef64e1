#include "search/highlighter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace gongkai::search {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

TEST(HighlighterTest, MarksTheQueryCharactersAndMergesAdjacentMarks) {
  struct Case {
    const char* query;
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"公开", "政务公开指南", "政务<mark>公开</mark>指南"},
      // A 4-character query: its bigrams touch, one mark.
      {"政务公开", "关于政务公开工作", "关于<mark>政务公开</mark>工作"},
      // 1 character: every occurrence.
      {"局", "商务局与财政局", "商务<mark>局</mark>与财政<mark>局</mark>"},
      // Words are whole words, case- and width-insensitive; the original text is kept.
      {"2018", "昌商发〔2018〕3号 20185", "昌商发〔<mark>2018</mark>〕3号 20185"},
      {"pdf", "附件ＰＤＦ与PDFs", "附件<mark>ＰＤＦ</mark>与PDFs"},
      // Mixed query: each segment.
      {"昌商发 2018", "昌商发〔2018〕", "<mark>昌商发</mark>〔<mark>2018</mark>〕"},
      // Nothing matched: escaped text only.
      {"教育", "a < b", "a &lt; b"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Highlighter(c.query).Highlight(c.text), c.want) << c.query << " in " << c.text;
  }
}

TEST(HighlighterTest, EscapesEverythingElse) {
  const Highlighter h("通知");
  EXPECT_EQ(h.Highlight("<script>alert('通知')</script> & \"x\""),
            "&lt;script&gt;alert(&#39;<mark>通知</mark>&#39;)&lt;/script&gt; &amp; &quot;x&quot;");
  // A query that looks like markup is escaped, never echoed raw.
  const Highlighter markup("<b>script</b>");
  EXPECT_EQ(markup.Highlight("<b>script</b>"),
            "&lt;<mark>b</mark>&gt;<mark>script</mark>&lt;/<mark>b</mark>&gt;");
  EXPECT_EQ(HtmlEscape("a\xFF"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(HighlighterTest, SnippetIsAWindowAroundTheMatches) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += "一般性工作内容。";  // 8 characters each
  body += "本条规定了政府信息公开申请的办理期限。";
  for (int i = 0; i < 40; ++i) body += "其他事项说明。";
  const std::string snippet = Highlighter("办理期限").Snippet(body, 60);
  // Starts at the sentence of the match, cut on both sides.
  EXPECT_THAT(snippet, StartsWith("…本条规定了政府信息公开申请的<mark>办理期限</mark>"));
  EXPECT_THAT(snippet, EndsWith("…"));
}

TEST(HighlighterTest, SnippetPrefersTheDensestWindow) {
  std::string body = "公开一次。";
  for (int i = 0; i < 30; ++i) body += "无关的内容。";
  body += "信息公开目录、公开指南与公开年报。";
  const std::string snippet = Highlighter("公开").Snippet(body, 30);
  EXPECT_THAT(snippet, HasSubstr("<mark>公开</mark>目录、<mark>公开</mark>指南"));
  EXPECT_THAT(snippet, Not(HasSubstr("一次")));
}

TEST(HighlighterTest, SnippetWithoutMatchIsTheBeginningAndFlattensLines) {
  const std::string snippet = Highlighter("教育").Snippet("第一行\n第二行<br>\t第三行", 100);
  EXPECT_EQ(snippet, "第一行 第二行&lt;br&gt; 第三行");
  EXPECT_EQ(Highlighter("教育").Snippet("一二三四五六", 3), "一二三…");
  EXPECT_EQ(Highlighter("教育").Snippet(""), "");
}

}  // namespace
}  // namespace gongkai::search
