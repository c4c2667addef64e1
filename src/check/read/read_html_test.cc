#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "check/read/testing.h"
#include "check/reader.h"
#include "dataset/encoding.h"

namespace gongkai::check {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

bool AnyLineContains(const Document& doc, std::string_view text) {
  return std::any_of(doc.lines.begin(), doc.lines.end(),
                     [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

const Grid* GridStartingWith(const Document& doc, std::string_view text) {
  for (const Grid& g : doc.grids) {
    if (!g.rows.empty() && !g.rows[0].empty() && g.rows[0][0].text.starts_with(text)) return &g;
  }
  return nullptr;
}

class ReportPage : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Document> doc = ReadHtml(testing::Fixture("html/report-2021.html"), "report-2021.html");
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    doc_ = std::move(*doc);
  }
  Document doc_;
};

TEST_F(ReportPage, VisibleTextInReadingOrder) {
  EXPECT_EQ(doc_.kind, SourceKind::kHtml);
  EXPECT_EQ(doc_.encoding, "UTF-8");
  EXPECT_THAT(doc_.lines, Contains("某某区人民政府办公室2021年政府信息公开工作年度报告"));
  EXPECT_THAT(doc_.lines, Contains("当前位置：首页 > 政务公开 > 政府信息公开年报"));
  // Source line breaks between Chinese characters are no spaces; &nbsp; indentation is dropped.
  EXPECT_THAT(doc_.lines, Contains("2021年，区政府办公室认真贯彻落实《条例》，全年主动公开政府信息"
                                   "1520条，收到政府信息公开申请33件。"));
  EXPECT_THAT(doc_.lines, Contains("某某区人民政府办公室"));
  EXPECT_THAT(doc_.lines, Contains("2022年1月25日"));
  const auto title = std::find(doc_.lines.begin(), doc_.lines.end(), "一、总体情况");
  const auto table =
      std::find(doc_.lines.begin(), doc_.lines.end(), "三、收到和处理政府信息公开申请情况");
  EXPECT_LT(title, table);
}

TEST_F(ReportPage, InvisibleContentIsSkipped) {
  for (const char* hidden : {"脚本写出的内容", "分享到", "隐藏的内层", "您的浏览器不支持脚本",
                             "请输入关键字", "全站", "td p", "_hmt", "注释", "头部"}) {
    EXPECT_FALSE(AnyLineContains(doc_, hidden)) << hidden;
  }
}

TEST_F(ReportPage, Table3WithRowspan22) {
  const Grid* grid = GridStartingWith(doc_, "（本列数据的勾稽关系为");
  ASSERT_NE(grid, nullptr);
  ASSERT_EQ(grid->rows.size(), 28u);
  for (const auto& row : grid->rows) ASSERT_EQ(row.size(), 10u);
  // 三、本年度办理结果 spans the 22 rows from （一）予以公开 to （七）总计.
  for (int r = 5; r <= 26; ++r) {
    EXPECT_EQ(grid->rows[r][0].text, "三、本年度办理结果") << r;
    EXPECT_EQ(grid->rows[r][0].origin_row, 5);
  }
  EXPECT_EQ(grid->rows[27][0].text, "四、结转下年度继续办理");
  EXPECT_EQ(grid->rows[27][2].text, "四、结转下年度继续办理");  // colspan 3
  for (int r = 7; r <= 14; ++r) EXPECT_EQ(grid->rows[r][1].text, "（三）不予公开");
  EXPECT_EQ(grid->rows[9][2].text, "3.危及“三安全一稳定”");  // &ldquo; &rdquo;
  EXPECT_EQ(grid->rows[2][4].text, "商业企业");              // 商业<br>企业
  EXPECT_EQ(grid->rows[0][0].text,
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  EXPECT_EQ(grid->rows[2][3].text, "自然人");
  EXPECT_EQ(grid->rows[2][9].text, "总计");
  EXPECT_EQ(grid->rows[26][3].text, "28");
  EXPECT_EQ(grid->rows[26][9].text, "31");

  // Each row is one line; a cell's line is the line of its origin row.
  const GridCell& open = grid->rows[5][3];
  EXPECT_EQ(doc_.lines[open.line - 1],
            "三、本年度办理结果 | （一）予以公开 | 12 | 1 | 0 | 0 | 0 | 0 | 13");
  EXPECT_EQ(grid->rows[6][0].line, open.line);
  EXPECT_EQ(doc_.lines[grid->rows[6][3].line - 1],
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 2 | 0 | 0 | 0 | 0 | 0 | 2");
  EXPECT_EQ(doc_.lines[grid->rows[26][3].line - 1], "（七）总计 | 28 | 2 | 0 | 1 | 0 | 0 | 31");
  EXPECT_EQ(grid->first_line, grid->rows[0][0].line);
  EXPECT_EQ(grid->rows[27][9].line, grid->first_line + 27);
}

TEST_F(ReportPage, LayoutTableIsNoGrid) {
  // The page sits in a one-column layout table; only the three data tables are grids.
  ASSERT_EQ(doc_.grids.size(), 3u);
  const Grid* t2 = GridStartingWith(doc_, "第二十条第（一）项");
  ASSERT_NE(t2, nullptr);
  EXPECT_EQ(t2->rows[6][1].text, "1,204");
  EXPECT_EQ(t2->rows[6][3].text, "1,204");
  const Grid* t4 = GridStartingWith(doc_, "行政复议");
  ASSERT_NE(t4, nullptr);
  EXPECT_EQ(t4->rows[1][0].text, "结果维持");  // 结果<br />维持
  EXPECT_EQ(t4->rows[2][0].text, "结果维持");  // rowspan 2
  EXPECT_EQ(t4->rows[2][5].text, "结果维持");
  EXPECT_EQ(t4->rows[1][14].text, "复议后起诉");
}

TEST(ReadHtml, GbkPageWithMetaCharset) {
  Result<Document> doc = ReadHtml(testing::Fixture("html/report-2012-gbk.html"), "gbk.html");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->encoding, "GB18030");
  EXPECT_EQ(doc->lines[0], "某某县2012年政府信息公开工作年度报告");
  EXPECT_TRUE(AnyLineContains(*doc, "喆、镕、堃"));
  // Ideographic-space indentation is kept.
  EXPECT_EQ(doc->lines[1].substr(0, 6), "\xE3\x80\x80\xE3\x80\x80");
  ASSERT_EQ(doc->grids.size(), 1u);
  const Grid& grid = doc->grids[0];
  ASSERT_EQ(grid.rows.size(), 10u);
  EXPECT_TRUE(grid.rows[0][0].is_header);
  EXPECT_FALSE(grid.rows[2][2].is_header);
  EXPECT_EQ(grid.rows[2][2].text, "120");
  EXPECT_EQ(doc->lines[grid.rows[2][2].line - 1], "（一）主动公开政府信息数 | 条 | 120");
}

TEST(ReadHtml, MetaCharsetGbkDecidesAnAmbiguousPage) {
  Result<std::string> gb = Utf8ToGb18030("<p>收到申请12件</p>");
  ASSERT_TRUE(gb.ok());
  Result<Document> doc =
      ReadHtml("<html><head><meta charset=\"gbk\"></head><body>" + *gb, "gbk.html");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->encoding, "GB18030");
  EXPECT_THAT(doc->lines, ElementsAre("收到申请12件"));
}

TEST(ReadHtml, Entities) {
  Result<Document> doc =
      ReadHtml("<p>A&nbsp;&amp;&lt;B&gt;&#x5E74;&#24230;&ldquo;x&rdquo;&copy;</p>", "e.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("A &<B>年度“x”©"));
}

TEST(ReadHtml, BlocksAndBreaksStartLines) {
  Result<Document> doc = ReadHtml(
      "<body>前言<div>一<p>二</p>三<br>四<br/><br/>五</div><ul><li>甲<li>乙</ul><h2>标题</h2>"
      "<span>行</span><b>内</b>文字 ABC <i>def</i></body>",
      "b.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("前言", "一", "二", "三", "四", "五", "甲", "乙", "标题",
                                      "行内文字 ABC def"));
}

TEST(ReadHtml, PreformattedTextKeepsLines) {
  Result<Document> doc = ReadHtml("<pre>指标  数量\n申请  12\n\n结转   3</pre><p>后</p>", "p.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("指标  数量", "申请  12", "结转   3", "后"));
}

TEST(ReadHtml, NestedDataTableMakesTheOuterOneLayout) {
  Result<Document> doc = ReadHtml(
      "<table><tr><td>左栏</td><td>内容<table><tr><th>项目</th><th>数量</th></tr>"
      "<tr><td>申请</td><td>7</td></tr></table></td></tr></table>",
      "n.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("左栏", "内容", "项目 | 数量", "申请 | 7"));
  ASSERT_EQ(doc->grids.size(), 1u);
  EXPECT_EQ(doc->grids[0].first_line, 3);
  EXPECT_EQ(doc->grids[0].rows[1][1].text, "7");
  EXPECT_EQ(doc->grids[0].rows[1][1].line, 4);
}

TEST(ReadHtml, TableWithoutTrAndCaption) {
  // The parser adds <tbody> and <tr>; a caption is a line of its own before the rows.
  Result<Document> doc = ReadHtml("<table><caption>表一</caption><td>a<td>b</table>后文", "t.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("表一", "a | b", "后文"));
  ASSERT_EQ(doc->grids.size(), 1u);
  EXPECT_EQ(doc->grids[0].first_line, 2);
}

TEST(ReadHtml, EmptyRowsAndCellsKeepTheirLines) {
  Result<Document> doc = ReadHtml(
      "<table><tr><td>a</td><td></td></tr><tr><td></td><td></td></tr>"
      "<tr><td>c</td><td>d</td></tr></table>",
      "t.html");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("a |", " |", "c | d"));
  EXPECT_EQ(doc->grids[0].rows[2][1].line, 3);
}

TEST(ReadHtml, Errors) {
  EXPECT_THAT(ReadHtml("", "a.html").status().message(), HasSubstr("a.html：文件为空"));
  EXPECT_THAT(ReadHtml("<html><script>x()</script></html>", "a.html").status().message(),
              HasSubstr("网页中没有可见的文字"));
  EXPECT_THAT(ReadHtml(std::string("<html>\0\0\0", 9), "a.html").status().message(),
              HasSubstr("不是文本、HTML 或 PDF 文件"));
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<div>";
  Result<Document> too_deep = ReadHtml(deep + "x", "deep.html");
  ASSERT_FALSE(too_deep.ok());
  EXPECT_EQ(too_deep.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(too_deep.status().message(), HasSubstr("deep.html：网页的标签嵌套过深"));
}

TEST(ReadHtml, TimeLimit) {
  ReadLimits limits;
  limits.max_seconds = 0;  // expires at once
  std::string page;
  for (int i = 0; i < 5000; ++i) page += "<p>段落</p>";
  Result<Document> doc = ReadHtml(page, "slow.html", limits);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("slow.html：读取超时"));
}

}  // namespace
}  // namespace gongkai::check
