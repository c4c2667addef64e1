#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "render/render.h"
#include "render/render_testing.h"

namespace gongkai {
namespace {

using render_testing::DistinctValues;
using render_testing::Format2021;
using render_testing::MakeReport;
using render_testing::Quote;
using render_testing::ReadFile;
using render_testing::SectionText;
using render_testing::Shell;
using render_testing::TempDir;

class WriteReportTest : public ::testing::Test {
 protected:
  TempDir dir_;
  Format format_ = Format2021();
  Report report_ = MakeReport(format_, DistinctValues(format_), SectionText);
};

TEST_F(WriteReportTest, TextKindsWriteExactlyTheRendering) {
  ASSERT_TRUE(WriteReport(report_, dir_ / "r.txt").ok());
  ASSERT_TRUE(WriteReport(report_, dir_ / "r.HTML").ok());  // extension case does not matter
  ASSERT_TRUE(WriteReport(report_, dir_ / "r.json").ok());
  EXPECT_EQ(ReadFile(dir_ / "r.txt"), RenderText(report_));
  EXPECT_EQ(ReadFile(dir_ / "r.HTML"), RenderHtml(report_));
  EXPECT_EQ(ReadFile(dir_ / "r.json"), RenderJson(report_));
  std::vector<std::string> entries = dir_.Entries();
  std::sort(entries.begin(), entries.end());
  EXPECT_EQ(entries, (std::vector<std::string>{"r.HTML", "r.json", "r.txt"}));  // no temp files
  const auto perms = std::filesystem::status(dir_ / "r.txt").permissions();
  EXPECT_NE(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);
}

TEST_F(WriteReportTest, BinaryKindsGoThroughTheirWriters) {
  ASSERT_TRUE(WriteReport(report_, dir_ / "r.xlsx").ok());
  ASSERT_TRUE(WriteReport(report_, dir_ / "r.pdf").ok());
  int code = -1;
  Shell("unzip -tq " + Quote(dir_ / "r.xlsx") + " >/dev/null 2>&1", &code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(Shell("pdfinfo " + Quote(dir_ / "r.pdf")).find("(A4)"), std::string::npos);
  EXPECT_EQ(dir_.Entries().size(), 2u);
}

TEST_F(WriteReportTest, ReplacesAnExistingFile) {
  std::ofstream(dir_ / "r.txt") << "old content";
  ASSERT_TRUE(WriteReport(report_, dir_ / "r.txt").ok());
  EXPECT_EQ(ReadFile(dir_ / "r.txt"), RenderText(report_));
}

TEST_F(WriteReportTest, UnknownExtension) {
  const Status st = WriteReport(report_, dir_ / "r.doc");
  EXPECT_EQ(st.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(st.message(), "不支持的输出类型 .doc（可选 .txt .html .json .xlsx .pdf）");
  const Status none = WriteReport(report_, dir_ / "report");
  EXPECT_EQ(none.code(), ErrorCode::kInvalidInput);
  EXPECT_NE(none.message().find("没有扩展名"), std::string::npos) << none.message();
  EXPECT_TRUE(dir_.Entries().empty());
}

TEST_F(WriteReportTest, MissingDirectoryLeavesNothing) {
  for (const char* ext : {".txt", ".json", ".xlsx", ".pdf"}) {
    const std::string path = dir_ / (std::string("no-such-dir/r") + ext);
    const Status st = WriteReport(report_, path);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidInput) << ext;
    EXPECT_NE(st.message().find(path), std::string::npos) << st.message();
  }
  EXPECT_TRUE(dir_.Entries().empty());
}

// The rename fails when the target is a directory: the finished temporary file must go too.
TEST_F(WriteReportTest, FailureAtTheLastStepLeavesNoTemporaryFile) {
  for (const char* name : {"busy.txt", "busy.xlsx", "busy.pdf"}) {
    std::filesystem::create_directory(dir_ / name);
    const Status st = WriteReport(report_, dir_ / name);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidInput) << name;
    EXPECT_NE(st.message().find(dir_ / name), std::string::npos) << st.message();
  }
  std::vector<std::string> entries = dir_.Entries();
  std::sort(entries.begin(), entries.end());
  EXPECT_EQ(entries, (std::vector<std::string>{"busy.pdf", "busy.txt", "busy.xlsx"}));
}

TEST_F(WriteReportTest, ReadOnlyDirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories";
  std::filesystem::create_directory(dir_ / "ro");
  std::filesystem::permissions(dir_ / "ro", std::filesystem::perms::owner_read |
                                                std::filesystem::perms::owner_exec);
  const Status st = WriteReport(report_, dir_ / "ro/r.pdf");
  EXPECT_EQ(st.code(), ErrorCode::kInvalidInput);
  EXPECT_TRUE(std::filesystem::is_empty(dir_ / "ro"));
  std::filesystem::permissions(dir_ / "ro", std::filesystem::perms::owner_all);
}

}  // namespace
}  // namespace gongkai
