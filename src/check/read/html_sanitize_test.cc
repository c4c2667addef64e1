#include "check/read/html_sanitize.h"

#include <gtest/gtest.h>

namespace gongkai::check {
namespace {

TEST(FindDeclaredCharset, MetaForms) {
  EXPECT_EQ(FindDeclaredCharset("<html><head><meta charset=\"GBK\">"), CharsetHint::kGb18030);
  EXPECT_EQ(FindDeclaredCharset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                                "charset=gb2312\">"),
            CharsetHint::kGb18030);
  EXPECT_EQ(
      FindDeclaredCharset("<meta http-equiv=content-type content='text/html;charset=GB18030'>"),
      CharsetHint::kGb18030);
  EXPECT_EQ(FindDeclaredCharset("<?xml version=\"1.0\" encoding=\"gb2312\"?><html>"),
            CharsetHint::kGb18030);
  EXPECT_EQ(FindDeclaredCharset("<meta charset=utf-8>"), CharsetHint::kUtf8);
  EXPECT_EQ(FindDeclaredCharset("<meta charset=big5>"), CharsetHint::kNone);
  EXPECT_EQ(FindDeclaredCharset("<html><body>没有声明</body>"), CharsetHint::kNone);
  // A meta inside a script is no declaration.
  EXPECT_EQ(FindDeclaredCharset("<script>'<meta charset=gbk>'</script><meta charset=utf-8>"),
            CharsetHint::kUtf8);
}

TEST(SanitizeHtml, KeepsStructureAndTextDropsTheRest) {
  Result<std::string> out = SanitizeHtml(
      "<!DOCTYPE html><html><head><title>标题</title><style>td{}</style></head>"
      "<body class=x><!-- 注释 --><div id=a><span style='color:red'>文字</span> &amp; "
      "<a href='/'>链接</a></div><script>var s = '</div>';</script>"
      "<table border=1><tr><td rowspan=\"2\" colspan=' 3 ' width=9>格</td></tr></table>"
      "<p>a < b</p></body></html>");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out,
            "<div>文字 &amp; 链接</div><table><tr><td rowspan=\"2\" colspan=\"3\">格</td></tr>"
            "</table><p>a &lt; b</p>");
}

TEST(SanitizeHtml, HiddenContentIsDropped) {
  Result<std::string> out = SanitizeHtml(
      "<div>看得见<div style=\"DISPLAY: none\">隐藏<div>里层</div>也隐藏</div>之后</div>"
      "<p hidden>隐藏段落<p>新段落"
      "<span style='visibility:hidden'>隐<b>藏</b></span>尾"
      "<input type=hidden value=x><select><option>选项</select>"
      "<table><tr><td><div style=display:none>单元格内隐藏</td><td>下一格</td></tr></table>");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out,
            "<div>看得见之后</div><p>新段落尾<table><tr><td></td><td>下一格</td></tr></table>");
}

TEST(SanitizeHtml, UnclosedHeadEndsAtBody) {
  Result<std::string> out = SanitizeHtml("<html><head><title>t</title><body><p>正文");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "<p>正文");
}

TEST(SanitizeHtml, TooDeep) {
  std::string deep;
  for (int i = 0; i <= kMaxHtmlDepth; ++i) deep += "<div>";
  Result<std::string> out = SanitizeHtml(deep);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("嵌套过深"), std::string::npos);
  // The same number of divs, closed, is fine; so are unclosed paragraphs and list items, which
  // the parser closes itself.
  std::string flat;
  for (int i = 0; i <= kMaxHtmlDepth; ++i) flat += "<div>x</div><p>y<li>z";
  EXPECT_TRUE(SanitizeHtml(flat).ok());
  // Nested tables count their cells.
  std::string tables;
  for (int i = 0; i < kMaxHtmlDepth / 2; ++i) tables += "<table><tr><td>";
  EXPECT_FALSE(SanitizeHtml(tables).ok());
}

TEST(SanitizeHtml, FormattingElementsNeverReachTheParser) {
  std::string s;
  for (int i = 0; i < 10000; ++i) s += "<b><i><font color=" + std::to_string(i) + ">";
  Result<std::string> out = SanitizeHtml(s + "文字");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "文字");
}

TEST(SanitizeHtml, TooManyElements) {
  std::string s;
  for (int i = 0; i <= kMaxHtmlElements; ++i) s += "<br>";
  Result<std::string> out = SanitizeHtml(s);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("元素过多"), std::string::npos);
}

TEST(SanitizeHtml, TruncatedMarkup) {
  EXPECT_EQ(*SanitizeHtml("<p>文字<td colspan=\"2"), "<p>文字");
  EXPECT_EQ(*SanitizeHtml("<p>文字<!-- 没有结束"), "<p>文字");
  EXPECT_EQ(*SanitizeHtml("<p>文字<script>alert(1)"), "<p>文字");
  EXPECT_EQ(*SanitizeHtml("<"), "&lt;");
  EXPECT_EQ(*SanitizeHtml("</>x</ br>"), "x");
  EXPECT_EQ(*SanitizeHtml("a</br>b"), "a<br>b");
}

}  // namespace
}  // namespace gongkai::check
