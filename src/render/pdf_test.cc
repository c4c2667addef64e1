#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
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
using render_testing::MakeColumn;
using render_testing::MakeReport;
using render_testing::MakeRow;
using render_testing::Quote;
using render_testing::SectionText;
using render_testing::Shell;
using render_testing::TempDir;

int PageCount(const std::string& pdf) {
  std::smatch m;
  const std::string info = Shell("pdfinfo " + Quote(pdf));
  if (!std::regex_search(info, m, std::regex("Pages:\\s+([0-9]+)"))) return 0;
  return std::stoi(m[1]);
}

std::string PageText(const std::string& pdf, int page) {
  const std::string n = std::to_string(page);
  return Shell("pdftotext -layout -f " + n + " -l " + n + " " + Quote(pdf) + " -");
}

// Removes the spaces pdftotext puts between table cells, to search for text within a cell.
std::string Squeeze(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  for (size_t at = s.find("　"); at != std::string::npos; at = s.find("　", at)) s.erase(at, 3);
  return s;
}

class Pdf2021Test : public ::testing::Test {
 protected:
  void SetUp() override {
    report_.sections[0].text = "第一段<b>不是标记</b>&amp;。\n\n" + std::string(40, 'x');
    path_ = dir_ / "report.pdf";
    const Status st = WritePdf(report_, path_);
    ASSERT_TRUE(st.ok()) << st.message();
    pages_ = PageCount(path_);
    for (int p = 1; p <= pages_; ++p) text_.push_back(PageText(path_, p));
  }
  // The first page (1-based) whose text contains `needle`, or 0.
  int PageOf(const std::string& needle) const {
    for (size_t i = 0; i < text_.size(); ++i) {
      if (Squeeze(text_[i]).find(Squeeze(needle)) != std::string::npos) return static_cast<int>(i) + 1;
    }
    return 0;
  }

  TempDir dir_;
  Format format_ = Format2021();
  Report report_ = MakeReport(format_, DistinctValues(format_), SectionText);
  std::string path_;
  int pages_ = 0;
  std::vector<std::string> text_;
};

TEST_F(Pdf2021Test, A4WithTitleAndPageNumbers) {
  const std::string info = Shell("pdfinfo " + Quote(path_));
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:           昌邑区商务局2024年政府信息公开工作年度报告"), std::string::npos)
      << info;
  ASSERT_GE(pages_, 2);
  EXPECT_EQ(PageOf("昌邑区商务局2024年政府信息公开工作年度报告"), 1);
  // The title is centred: indented in the layout text.
  EXPECT_TRUE(std::regex_search(text_[0], std::regex("\\n?\\s{3,}昌邑区商务局2024年")));
  for (int p = 1; p <= pages_; ++p) {
    EXPECT_NE(Squeeze(text_[p - 1]).find("—" + std::to_string(p) + "—"), std::string::npos) << p;
  }
}

TEST_F(Pdf2021Test, HeadingsParagraphsAndLiteralText) {
  EXPECT_EQ(PageOf("一、总体情况"), 1);
  EXPECT_GT(PageOf("六、其他需要报告的事项"), 1);
  EXPECT_NE(PageOf("第一段<b>不是标记</b>&amp;。"), 0);  // plain text, not Pango markup
  EXPECT_NE(PageOf(std::string(40, 'x')), 0);
  EXPECT_NE(PageOf("昌邑区商务局"), 0);
  EXPECT_NE(PageOf("2025年1月20日"), 0);
}

TEST_F(Pdf2021Test, TablesLabelsAndNumbers) {
  for (const char* label : {"第二十条第（一）项", "本年制发件数", "行政规范性文件", "申请人情况",
                            "法人或其他组织", "一、本年新收政府信息公开申请数量", "1.属于国家秘密",
                            "四、结转下年度继续办理", "行政复议", "未经复议直接起诉", "复议后起诉"}) {
    EXPECT_NE(PageOf(label), 0) << label;
  }
  std::string all;
  for (const std::string& t : text_) all += t;
  for (const std::string id : {"T2.1.1/ISS", "R1/NP", "R3.3.2/SO", "R4/TOT", "RV.M", "LR.T"}) {
    const std::string v = report_.cells.at(id).value->ToString();
    EXPECT_TRUE(std::regex_search(all, std::regex("\\b" + v + "\\b"))) << id;
  }
  // Table 三 fits on one page and is kept whole.
  EXPECT_EQ(PageOf("一、本年新收政府信息公开申请数量"), PageOf("四、结转下年度继续办理"));
  EXPECT_EQ(PageOf("申请人情况"), PageOf("四、结转下年度继续办理"));
  // Its row values sit on the row's line.
  std::string r1 = "一、本年新收政府信息公开申请数量";
  for (const char* c : {"NP", "CE", "RI", "SO", "LS", "OT", "TOT"}) {
    r1 += " " + report_.cells.at(std::string("R1/") + c).value->ToString();
  }
  bool found = false;
  for (const std::string& t : text_) {
    std::string collapsed = std::regex_replace(t, std::regex(" +"), " ");
    found = found || collapsed.find(r1) != std::string::npos;
  }
  EXPECT_TRUE(found) << r1;
}

TEST(Pdf, LongTableBreaksBetweenRowsAndRepeatsItsHeader) {
  TempDir dir;
  const Format f = Format2008();
  const Report r = MakeReport(f, DistinctValues(f), SectionText);
  const std::string path = dir / "r.pdf";
  ASSERT_TRUE(WritePdf(r, path).ok());
  const int pages = PageCount(path);
  int first = 0;
  int last = 0;
  for (int p = 1; p <= pages; ++p) {
    const std::string t = Squeeze(PageText(path, p));
    if (first == 0 && t.find("一、主动公开情况") != std::string::npos) first = p;
    if (t.find("（三）接受培训人员数") != std::string::npos) last = p;
  }
  ASSERT_GT(first, 0);
  EXPECT_GT(last, first);  // 65 rows do not fit on one page
  const std::string last_page = Squeeze(PageText(path, last));
  EXPECT_NE(last_page.find("统计指标"), std::string::npos);
  EXPECT_NE(last_page.find("单位"), std::string::npos);
  EXPECT_NE(last_page.find("统计数"), std::string::npos);
  // The attachment starts on its own page after the signature.
  EXPECT_NE(Squeeze(PageText(path, first)).find("附件：政府信息公开情况统计表"), std::string::npos);
  EXPECT_EQ(Squeeze(PageText(path, first)).find("2019年1月3日"), std::string::npos);
  EXPECT_NE(Squeeze(PageText(path, first - 1)).find("2019年1月3日"), std::string::npos);
  // Heading rows print "—" in unit and value.
  EXPECT_NE(Squeeze(PageText(path, first)).find("一、主动公开情况——"), std::string::npos);
}

Format WideFormat(int columns) {
  Format f;
  f.id = "wide";
  Table t;
  t.id = "W";
  t.title = "宽表";
  t.cell_ids = "row/col";
  t.label_columns = 1;
  t.corner = "项目";
  for (int i = 0; i < columns; ++i) {
    t.columns.push_back(MakeColumn("C" + std::to_string(i), "列" + std::to_string(i), {"分组"}));
  }
  t.rows = {MakeRow("X", {"一个相当长的行标签，用来占据宽度"}, "件")};
  f.tables = {t};
  f.sections = {render_testing::MakeSection("S1", "一、正文", {}),
                render_testing::MakeSection("S2", "二、表格", {"W"}),
                render_testing::MakeSection("S3", "三、后文", {})};
  return f;
}

TEST(Pdf, FarTooWideTableIsScaledOntoLandscape) {
  const Format f = WideFormat(70);
  const Report r = MakeReport(f, [](const std::string&) { return Decimal::FromInt(7); }, SectionText);
  TempDir dir;
  const std::string path = dir / "wide.pdf";
  ASSERT_TRUE(WritePdf(r, path).ok());
  const std::string sizes = Shell("pdfinfo -f 1 -l 20 " + Quote(path) + " | grep 'size:'");
  EXPECT_TRUE(std::regex_search(sizes, std::regex("Page +2 size: +841.89 x 595.276 pts"))) << sizes;
  EXPECT_NE(Squeeze(PageText(path, 2)).find("分组"), std::string::npos);
}

TEST(Pdf, TooWideForPortraitGetsLandscapePages) {
  const Format f = WideFormat(24);
  const Report r = MakeReport(f, [](const std::string&) { return Decimal::FromInt(123456); },
                              SectionText);
  TempDir dir;
  const std::string path = dir / "wide.pdf";
  ASSERT_TRUE(WritePdf(r, path).ok());
  const std::string sizes = Shell("pdfinfo -f 1 -l 20 " + Quote(path) + " | grep 'size:'");
  EXPECT_TRUE(std::regex_search(sizes, std::regex("Page +1 size: +595.276 x 841.89 pts"))) << sizes;
  EXPECT_TRUE(std::regex_search(sizes, std::regex("Page +2 size: +841.89 x 595.276 pts"))) << sizes;
  // The text after the table is back on a portrait page.
  const int pages = PageCount(path);
  const std::string last = Shell("pdfinfo -f " + std::to_string(pages) + " -l " + std::to_string(pages) +
                                 " " + Quote(path) + " | grep 'size:'");
  EXPECT_NE(last.find("595.276 x 841.89"), std::string::npos) << last;
  EXPECT_NE(Squeeze(PageText(path, pages)).find("三、后文"), std::string::npos);
}

TEST(Pdf, MergedLabelCutByAPageBreakIsPrintedOnBothPages) {
  Format f;
  f.id = "long";
  Table t;
  t.id = "L";
  t.cell_ids = "row/col";
  t.label_columns = 2;
  t.corner = "项目";
  t.columns = {MakeColumn("V", "数量")};
  for (int i = 1; i <= 80; ++i) {
    t.rows.push_back(MakeRow("r" + std::to_string(i), {"甲组", "第" + std::to_string(i) + "行"}, "件"));
  }
  f.tables = {t};
  f.sections = {render_testing::MakeSection("S1", "一、表格", {"L"})};
  const Report r = MakeReport(f, [](const std::string&) { return Decimal::FromInt(1); }, SectionText);
  TempDir dir;
  const std::string path = dir / "long.pdf";
  ASSERT_TRUE(WritePdf(r, path).ok());
  int first = 0;
  int last = 0;
  for (int p = 1; p <= PageCount(path); ++p) {
    const std::string text = Squeeze(PageText(path, p));
    if (text.find("第1行") != std::string::npos) first = p;
    if (text.find("第80行") != std::string::npos) last = p;
  }
  ASSERT_GT(first, 0);
  ASSERT_GT(last, first);
  EXPECT_NE(Squeeze(PageText(path, first)).find("甲组"), std::string::npos);
  EXPECT_NE(Squeeze(PageText(path, last)).find("甲组"), std::string::npos);
  EXPECT_NE(Squeeze(PageText(path, last)).find("项目"), std::string::npos);  // header repeated
}

TEST(Pdf, RealFormatsRender) {
  TempDir dir;
  for (const char* id : {"2008", "2019", "2021"}) {
    const Format& f = testing::RealFormat(id);
    const Report r = MakeReport(f, DistinctValues(f), SectionText);
    const std::string path = dir / (std::string(id) + ".pdf");
    const Status st = WritePdf(r, path);
    ASSERT_TRUE(st.ok()) << id << ": " << st.message();
    EXPECT_GE(PageCount(path), 2) << id;
    const std::string all = Squeeze(Shell("pdftotext -layout " + Quote(path) + " -"));
    for (const Table& t : f.tables) {
      for (const Row& row : t.rows) {
        if (row.labels.empty()) continue;
        // Short labels are not wrapped inside their cell and appear verbatim.
        const std::string& label = row.labels.back();
        if (label.size() <= 3 * 8) {
          EXPECT_NE(all.find(Squeeze(label)), std::string::npos) << id << " " << label;
        }
      }
    }
  }
}

// Run in a child process with an empty fontconfig configuration: no font at all.
TEST(Pdf, MissingCjkFontIsReported) {
  if (std::getenv("GONGKAI_RENDER_TEST_NO_FONTS") != nullptr) {
    const Format f = Format2021();
    const Report r = MakeReport(f, DistinctValues(f), SectionText);
    const std::string path = std::getenv("GONGKAI_RENDER_TEST_NO_FONTS");
    const Status st = WriteReport(r, path);
    EXPECT_EQ(st.code(), ErrorCode::kInternal);
    EXPECT_NE(st.message().find("缺少中文字体 fonts-noto-cjk"), std::string::npos) << st.message();
    EXPECT_FALSE(std::filesystem::exists(path));
    return;
  }
  TempDir dir;
  const std::string conf = dir / "fonts.conf";
  std::ofstream(conf) << "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n";
  const std::string out = dir / "r.pdf";
  int code = -1;
  const std::string log = Shell("FONTCONFIG_FILE=" + Quote(conf) +
                                    " GONGKAI_RENDER_TEST_NO_FONTS=" + Quote(out) + " " +
                                    Quote(std::filesystem::read_symlink("/proc/self/exe").string()) +
                                    " --gtest_filter=Pdf.MissingCjkFontIsReported 2>&1",
                                &code);
  EXPECT_EQ(code, 0) << log;
  EXPECT_NE(log.find("[  PASSED  ] 1 test"), std::string::npos) << log;
  EXPECT_EQ(dir.Entries().size(), 1u);  // only fonts.conf: no PDF, no temporary file
}

}  // namespace
}  // namespace gongkai
