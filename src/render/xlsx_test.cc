#include <gtest/gtest.h>

#include <map>
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
using render_testing::Quote;
using render_testing::Shell;
using render_testing::SectionText;
using render_testing::TempDir;

// One worksheet of a written workbook, read back from its XML.
class Sheet {
 public:
  Sheet(const std::string& path, int number) {
    xml_ = Shell("unzip -p " + Quote(path) + " xl/worksheets/sheet" + std::to_string(number) + ".xml");
    const std::string shared = Shell("unzip -p " + Quote(path) + " xl/sharedStrings.xml");
    const std::regex si("<si><t[^>]*>([^<]*)</t></si>");
    for (auto it = std::sregex_iterator(shared.begin(), shared.end(), si); it != std::sregex_iterator();
         ++it) {
      strings_.push_back(Unescape((*it)[1]));
    }
    // <c r="D18" s="8"><v>110</v></c> is a number; with t="s" the value indexes shared strings.
    const std::regex cell("<c r=\"([A-Z]+[0-9]+)\"( s=\"[0-9]+\")?( t=\"s\")?><v>([^<]*)</v></c>");
    for (auto it = std::sregex_iterator(xml_.begin(), xml_.end(), cell); it != std::sregex_iterator();
         ++it) {
      const std::string ref = (*it)[1];
      if ((*it)[3].matched) {
        text_[ref] = strings_.at(std::stoul((*it)[4]));
      } else {
        numbers_[ref] = (*it)[4];
      }
    }
    const std::regex merge("<mergeCell ref=\"([A-Z0-9:]+)\"/>");
    for (auto it = std::sregex_iterator(xml_.begin(), xml_.end(), merge); it != std::sregex_iterator();
         ++it) {
      merges_.push_back((*it)[1]);
    }
  }

  static std::string Unescape(std::string s) {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
      for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
        s.replace(at, from.size(), to);
      }
    }
    return s;
  }

  bool Merged(const std::string& range) const {
    return std::find(merges_.begin(), merges_.end(), range) != merges_.end();
  }
  std::string Text(const std::string& ref) const {
    auto it = text_.find(ref);
    return it == text_.end() ? "" : it->second;
  }
  std::string Number(const std::string& ref) const {
    auto it = numbers_.find(ref);
    return it == numbers_.end() ? "" : it->second;
  }
  const std::string& xml() const { return xml_; }
  const std::map<std::string, std::string>& numbers() const { return numbers_; }
  const std::vector<std::string>& strings() const { return strings_; }
  size_t merge_count() const { return merges_.size(); }

 private:
  std::string xml_;
  std::vector<std::string> strings_;
  std::map<std::string, std::string> text_;
  std::map<std::string, std::string> numbers_;
  std::vector<std::string> merges_;
};

class Xlsx2021Test : public ::testing::Test {
 protected:
  void SetUp() override {
    report_.cells["T2.8.1/FEE"].value = Decimal::Parse("12.3456");
    path_ = dir_ / "report.xlsx";
    const Status st = WriteXlsx(report_, path_);
    ASSERT_TRUE(st.ok()) << st.message();
  }
  std::string Value(const std::string& id) const { return report_.cells.at(id).value->ToString(); }

  TempDir dir_;
  Format format_ = Format2021();
  Report report_ = MakeReport(format_, DistinctValues(format_), SectionText);
  std::string path_;
};

// Layout of sheet "统计表": 1 title, 2 agency and year; each table after a blank row, with its
// title (unless the previous table had the same), then caption, header and body rows.
// T2.1: title 4, caption 5, header 6, body 7–8. T2.8: caption 10, header 11, body 12.
// T3: title 14, header 15–17, body 18–42. T4: title 44, header 45–47, body 48.
TEST_F(Xlsx2021Test, TitleAndTablePositions) {
  const Sheet s(path_, 1);
  EXPECT_EQ(s.Text("A1"), "昌邑区商务局2024年政府信息公开工作年度报告");
  EXPECT_EQ(s.Text("A2"), "填报单位：吉林市昌邑区商务局　　统计年度：2024年");
  EXPECT_EQ(s.Text("A4"), "二、主动公开政府信息情况");
  EXPECT_EQ(s.Text("A5"), "第二十条第（一）项");
  EXPECT_EQ(s.Text("B6"), "本年制发件数");
  EXPECT_EQ(s.Text("A7"), "规章");
  EXPECT_EQ(s.Text("A10"), "第二十条第（八）项");
  EXPECT_EQ(s.Text("A14"), "三、收到和处理政府信息公开申请情况");
  EXPECT_EQ(s.Text("A15"), format_.FindTable("T3")->corner);
  EXPECT_EQ(s.Text("D15"), "申请人情况");
  EXPECT_EQ(s.Text("E16"), "法人或其他组织");
  EXPECT_EQ(s.Text("G17"), "社会公益组织");
  EXPECT_EQ(s.Text("A18"), "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(s.Text("A20"), "三、本年度办理结果");
  EXPECT_EQ(s.Text("B22"), "（三）不予公开");
  EXPECT_EQ(s.Text("C23"), "2.其他法律行政法规禁止公开");
  EXPECT_EQ(s.Text("A42"), "四、结转下年度继续办理");
  EXPECT_EQ(s.Text("A45"), "行政复议");
  EXPECT_EQ(s.Text("F46"), "未经复议直接起诉");
  EXPECT_EQ(s.Text("O47"), "总计");
}

TEST_F(Xlsx2021Test, ValuesAreNumericCells) {
  const Sheet s(path_, 1);
  EXPECT_EQ(s.numbers().size(), 6u + 1 + 25 * 7 + 15);
  EXPECT_EQ(s.Number("B7"), Value("T2.1.1/ISS"));
  EXPECT_EQ(s.Number("B12"), "12.3456");
  EXPECT_EQ(s.Number("D18"), Value("R1/NP"));
  EXPECT_EQ(s.Number("J18"), Value("R1/TOT"));
  EXPECT_EQ(s.Number("G23"), Value("R3.3.2/SO"));
  EXPECT_EQ(s.Number("J42"), Value("R4/TOT"));
  EXPECT_EQ(s.Number("A48"), Value("RV.M"));
  EXPECT_EQ(s.Number("O48"), Value("LR.T"));
  // No number was written as text.
  for (const std::string& str : s.strings()) {
    EXPECT_FALSE(std::regex_match(str, std::regex("[0-9.]+"))) << str;
  }
}

TEST_F(Xlsx2021Test, HeadersAreMergedLikeTheForm) {
  const Sheet s(path_, 1);
  EXPECT_TRUE(s.Merged("A1:O1"));
  EXPECT_TRUE(s.Merged("A5:D5"));    // caption over T2.1
  EXPECT_TRUE(s.Merged("A15:C17"));  // corner note
  EXPECT_TRUE(s.Merged("D15:J15"));  // 申请人情况
  EXPECT_TRUE(s.Merged("D16:D17"));  // 自然人
  EXPECT_TRUE(s.Merged("E16:I16"));  // 法人或其他组织
  EXPECT_TRUE(s.Merged("J16:J17"));  // 总计
  EXPECT_TRUE(s.Merged("A18:C18"));  // R1 label over three label columns
  EXPECT_TRUE(s.Merged("A20:A41"));  // 三、本年度办理结果
  EXPECT_TRUE(s.Merged("B20:C20"));  // （一）予以公开
  EXPECT_TRUE(s.Merged("B22:B29"));  // （三）不予公开
  EXPECT_TRUE(s.Merged("A45:E45"));  // 行政复议
  EXPECT_TRUE(s.Merged("F45:O45"));  // 行政诉讼
  EXPECT_TRUE(s.Merged("A46:A47"));  // 结果维持 under 行政复议
  EXPECT_TRUE(s.Merged("F46:J46"));  // 未经复议直接起诉
  EXPECT_TRUE(s.Merged("K46:O46"));  // 复议后起诉
  // Borders and wrapping are set in the styles.
  const std::string styles = Shell("unzip -p " + Quote(path_) + " xl/styles.xml");
  EXPECT_NE(styles.find("<left style=\"thin\">"), std::string::npos);
  EXPECT_NE(styles.find("wrapText=\"1\""), std::string::npos);
  EXPECT_NE(s.xml().find("<col min=\"1\" max=\"1\" width="), std::string::npos);
}

TEST_F(Xlsx2021Test, NarrativeSheetAndNoFindingsSheet) {
  const std::string workbook = Shell("unzip -p " + Quote(path_) + " xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"统计表\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"正文\""), std::string::npos);
  EXPECT_EQ(workbook.find("name=\"检查结果\""), std::string::npos);
  const Sheet s(path_, 2);
  EXPECT_EQ(s.Text("A1"), "昌邑区商务局2024年政府信息公开工作年度报告");
  EXPECT_EQ(s.Text("A2"), "一、总体情况");
  EXPECT_EQ(s.Text("A3"), "　　这是“一、总体情况”的第一段。");
  EXPECT_EQ(s.Text("A4"), "　　第二段。");
}

TEST(Xlsx, FindingsSheetAndHeadingDashes) {
  TempDir dir;
  const Format f = Format2008();
  Report r = MakeReport(f, DistinctValues(f), SectionText);
  r.findings.push_back({Severity::kWarning, "2008.A.channels", {"A1", "A2.2"}, "政府网站公开数大于主动公开数"});
  const std::string path = dir / "r.xlsx";
  ASSERT_TRUE(WriteXlsx(r, path).ok());
  const Sheet s(path, 1);
  // Table after title (1), agency (2), blank (3), table title (4): header row 5, row A at 6.
  EXPECT_EQ(s.Text("A5"), "统计指标");
  EXPECT_EQ(s.Text("B5"), "单位");
  EXPECT_EQ(s.Text("C5"), "统计数");
  EXPECT_EQ(s.Text("A6"), "一、主动公开情况");
  EXPECT_EQ(s.Text("B6"), "—");
  EXPECT_EQ(s.Text("C6"), "—");
  EXPECT_EQ(s.Text("B7"), "条");
  EXPECT_EQ(s.Number("C7"), r.cells.at("A1").value->ToString());
  const Sheet findings(path, 3);
  EXPECT_EQ(findings.Text("A1"), "严重程度");
  EXPECT_EQ(findings.Text("A2"), "警告");
  EXPECT_EQ(findings.Text("C2"), "A1、A2.2");
  EXPECT_EQ(findings.Text("D2"), "政府网站公开数大于主动公开数");
}

TEST(Xlsx, UnwritablePathIsAnError) {
  const Format f = Format2021();
  const Report r = MakeReport(f, DistinctValues(f), SectionText);
  const Status st = WriteXlsx(r, "/nonexistent-dir/x/r.xlsx");
  EXPECT_EQ(st.code(), ErrorCode::kInvalidInput);
  EXPECT_NE(st.message().find("/nonexistent-dir/x/r.xlsx"), std::string::npos) << st.message();
}

TEST(Xlsx, RealFormatsWriteValidWorkbooks) {
  TempDir dir;
  for (const char* id : {"2008", "2019", "2021"}) {
    const Format& f = testing::RealFormat(id);
    const Report r = MakeReport(f, DistinctValues(f), SectionText);
    const std::string path = dir / (std::string(id) + ".xlsx");
    const Status st = WriteXlsx(r, path);
    ASSERT_TRUE(st.ok()) << id << ": " << st.message();
    int code = -1;
    Shell("unzip -tq " + Quote(path) + " >/dev/null 2>&1", &code);
    EXPECT_EQ(code, 0) << id;
    const Sheet s(path, 1);
    size_t values = 0;
    for (const std::string& cell : f.CellIds()) values += !f.IsHeading(cell);
    EXPECT_EQ(s.numbers().size(), values) << id;
  }
}

}  // namespace
}  // namespace gongkai
