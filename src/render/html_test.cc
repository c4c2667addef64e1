#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "render/render.h"
#include "render/render_testing.h"
#include "report/testing_formats.h"

namespace gongkai {
namespace {

using render_testing::DistinctValues;
using render_testing::Format2008;
using render_testing::Format2021;
using render_testing::MakeReport;
using render_testing::SectionText;

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The HTML of the <table> with id "table-<id>".
std::string TableHtml(const std::string& html, const std::string& id) {
  const size_t start = html.find("<table class=\"form-table\" id=\"table-" + id + "\"");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</table>", start) - start);
}

class HtmlTest : public ::testing::Test {
 protected:
  Format format_ = Format2021();
  Report report_ = MakeReport(format_, DistinctValues(format_), SectionText);
};

TEST_F(HtmlTest, PageSkeleton) {
  const std::string html = RenderHtml(report_);
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"zh-CN\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<title>昌邑区商务局2024年政府信息公开工作年度报告</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1 class=\"report-title\">昌邑区商务局2024年政府信息公开工作年度报告</h1>"),
            std::string::npos);
  EXPECT_NE(html.find("<h2>三、收到和处理政府信息公开申请情况</h2>"), std::string::npos);
  EXPECT_NE(html.find("<p>这是“一、总体情况”的第一段。</p>\n<p>第二段。</p>"), std::string::npos);
  // Self-contained: no external resource, no script.
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  // Print CSS: A4, header rows repeated, findings hidden.
  EXPECT_NE(html.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(html.find("thead { display: table-header-group; }"), std::string::npos);
  EXPECT_NE(html.find("aside.findings { display: none; }"), std::string::npos);
  EXPECT_NE(html.find("\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", serif"),
            std::string::npos);
  EXPECT_NE(html.find("font-variant-numeric: tabular-nums"), std::string::npos);
  EXPECT_NE(html.find("<footer class=\"signature\">\n<p>昌邑区商务局</p>\n<p>2025年1月20日</p>"),
            std::string::npos);
}

TEST_F(HtmlTest, Table3MergedCells) {
  const std::string t = TableHtml(RenderHtml(report_), "T3");
  ASSERT_FALSE(t.empty());
  EXPECT_NE(t.find("<th class=\"corner\" scope=\"colgroup\" rowspan=\"3\" colspan=\"3\">"
                   "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>"),
            std::string::npos);
  EXPECT_NE(t.find("<th scope=\"colgroup\" colspan=\"7\">申请人情况</th>"), std::string::npos);
  EXPECT_NE(t.find("<th scope=\"col\" rowspan=\"2\">自然人</th>"
                   "<th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th>"
                   "<th scope=\"col\" rowspan=\"2\">总计</th>"),
            std::string::npos);
  EXPECT_NE(t.find("<th scope=\"row\" rowspan=\"22\">三、本年度办理结果</th>"), std::string::npos);
  EXPECT_NE(t.find("<th scope=\"row\" rowspan=\"8\">（三）不予公开</th>"), std::string::npos);
  EXPECT_NE(t.find("<th scope=\"row\" colspan=\"3\">一、本年新收政府信息公开申请数量</th>"),
            std::string::npos);
  // Spans: corner, 自然人, 总计, 三、…, （三）（四）（五）（六） merge down; corner, 申请人情况,
  // 法人或其他组织, R1, R2, R4 (3 columns) and （一）（二）（七） (2 columns) merge across.
  EXPECT_EQ(Count(t, "rowspan="), 8);
  EXPECT_EQ(Count(t, "colspan="), 9);
  EXPECT_EQ(Count(t, "<tr>"), 3 + 25);
  EXPECT_EQ(Count(t, "<td class=\"num\""), 25 * 7);
  EXPECT_NE(t.find("<td class=\"num\" data-cell=\"R3.3.2/SO\">" +
                   report_.cells.at("R3.3.2/SO").value->ToString() + "</td>"),
            std::string::npos);
}

TEST_F(HtmlTest, Table4MergedHeader) {
  const std::string t = TableHtml(RenderHtml(report_), "T4");
  ASSERT_FALSE(t.empty());
  EXPECT_NE(t.find("<thead>\n<tr><th scope=\"colgroup\" colspan=\"5\">行政复议</th>"
                   "<th scope=\"colgroup\" colspan=\"10\">行政诉讼</th></tr>"),
            std::string::npos);
  EXPECT_NE(t.find("<th scope=\"colgroup\" colspan=\"5\">未经复议直接起诉</th>"
                   "<th scope=\"colgroup\" colspan=\"5\">复议后起诉</th></tr>"),
            std::string::npos);
  EXPECT_EQ(Count(t, "rowspan=\"2\""), 5);  // the five labels under 行政复议
  EXPECT_EQ(Count(t, "colspan="), 4);
  EXPECT_EQ(Count(t, "<th scope=\"col\">结果维持</th>"), 2);
  EXPECT_EQ(Count(t, "<tr>"), 4);
  EXPECT_EQ(Count(t, "<td class=\"num\""), 15);
  EXPECT_EQ(Count(t, "<th scope=\"row\""), 0);
}

TEST_F(HtmlTest, EveryUserStringIsEscaped) {
  report_.agency.short_name = "<script>alert('名')</script>局";
  report_.title = "<script>alert(\"标题\")</script>年报";
  report_.sections[0].text = "正文<script>alert(1)</script> & \"引号\"\n第二行<b>粗</b>\n\n<img src=x onerror=alert(2)>";
  report_.sections[1].heading = "二、<i>主动</i>公开";
  report_.findings.push_back({Severity::kWarning, "rule<1>", {"R1/NP"}, "消息<script>x</script>"});
  const std::string html = RenderHtml(report_);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("<p>&lt;script&gt;alert(&#39;名&#39;)&lt;/script&gt;局</p>"), std::string::npos);
  EXPECT_NE(html.find("<title>&lt;script&gt;alert(&quot;标题&quot;)&lt;/script&gt;年报</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<p>正文&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;<br>"
                      "第二行&lt;b&gt;粗&lt;/b&gt;</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<p>&lt;img src=x onerror=alert(2)&gt;</p>"), std::string::npos);
  EXPECT_NE(html.find("消息&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("rule&lt;1&gt;"), std::string::npos);
}

TEST_F(HtmlTest, FindingsBlockOnlyWhenThereAreFindings) {
  EXPECT_EQ(RenderHtml(report_).find("<aside"), std::string::npos);
  report_.findings.push_back({Severity::kError, "2021.T3.balance", {"R1/NP", "R4/NP"},
                              "自然人列：本年新收加上年结转不等于办理结果总计加结转下年度"});
  report_.findings.push_back({Severity::kWarning, "2021.T3.prev", {"R2/TOT"}, "上年结转与上一年报告不符"});
  const std::string html = RenderHtml(report_);
  EXPECT_NE(html.find("<aside class=\"findings\""), std::string::npos);
  EXPECT_NE(html.find("检查结果：错误 1 项，警告 1 项"), std::string::npos);
  EXPECT_NE(html.find("<li class=\"finding error\"><span class=\"severity\">错误</span> "
                      "自然人列：本年新收加上年结转不等于办理结果总计加结转下年度 "
                      "<code>2021.T3.balance：R1/NP、R4/NP</code></li>"),
            std::string::npos);
  EXPECT_NE(html.find("<li class=\"finding warning\"><span class=\"severity\">警告</span>"),
            std::string::npos);
  // The cells involved are flagged in the table (screen only).
  EXPECT_NE(html.find("<td class=\"num flag-error\" data-cell=\"R1/NP\">"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num flag-warning\" data-cell=\"R2/TOT\">"), std::string::npos);
}

TEST(Html2008, HeadingRowsAndUnits) {
  const Format f = Format2008();
  const Report r = MakeReport(f, [](const std::string&) { return Decimal::FromInt(5); }, SectionText);
  const std::string html = RenderHtml(r);
  EXPECT_NE(html.find("<tr><th scope=\"row\">一、主动公开情况</th><td class=\"unit\">—</td>"
                      "<td class=\"num heading\" data-cell=\"A\">—</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><th scope=\"row\">（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）</th>"
                      "<td class=\"unit\">条</td><td class=\"num\" data-cell=\"A1\">5</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<th class=\"corner\" scope=\"col\">统计指标</th><th scope=\"col\">单位</th>"
                      "<th scope=\"col\">统计数</th>"),
            std::string::npos);
  // The attachment section comes after the signature and starts a printed page.
  EXPECT_LT(html.find("<footer class=\"signature\">"),
            html.find("<section class=\"report-section attachment\" id=\"section-S8\">"));
}

TEST(HtmlRealFormats, EveryTableOfEveryFormatRenders) {
  for (const char* id : {"2008", "2019", "2021"}) {
    const Format& f = testing::RealFormat(id);
    ASSERT_FALSE(f.tables.empty()) << id;
    const Report r = MakeReport(f, DistinctValues(f), SectionText);
    const std::string html = RenderHtml(r);
    for (const Table& t : f.tables) {
      EXPECT_FALSE(TableHtml(html, t.id).empty()) << id << " " << t.id;
    }
    for (const std::string& cell : f.CellIds()) {
      EXPECT_NE(html.find("data-cell=\"" + cell + "\""), std::string::npos) << id << " " << cell;
    }
  }
  const Report r2021 = MakeReport(testing::RealFormat("2021"), DistinctValues(testing::RealFormat("2021")),
                                  SectionText);
  const std::string t3 = TableHtml(RenderHtml(r2021), "T3");
  EXPECT_NE(t3.find("<th scope=\"row\" rowspan=\"22\">三、本年度办理结果</th>"), std::string::npos);
  EXPECT_NE(t3.find("<th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th>"), std::string::npos);
  const Report r2019 = MakeReport(testing::RealFormat("2019"), DistinctValues(testing::RealFormat("2019")),
                                  SectionText);
  // 2019: （六）其他处理 is one row, so 三、本年度办理结果 spans 20 rows.
  EXPECT_NE(TableHtml(RenderHtml(r2019), "T3").find("<th scope=\"row\" rowspan=\"20\">三、本年度办理结果</th>"),
            std::string::npos);
}

}  // namespace
}  // namespace gongkai
