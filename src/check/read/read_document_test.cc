#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "check/read/testing.h"
#include "check/reader.h"
#include "dataset/encoding.h"

namespace gongkai::check {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/gongkai-read-XXXXXX";
    path_ = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(ReadDocument, Utf8TextLinesAsTheyAre) {
  Result<Document> doc =
      ReadDocument("  一、总体情况  \r\n\t（一）主动公开 12 |\r\n\r\n结尾", "a.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->kind, SourceKind::kText);
  EXPECT_EQ(doc->encoding, "UTF-8");
  EXPECT_EQ(doc->source_name, "a.txt");
  EXPECT_THAT(doc->lines, ElementsAre("  一、总体情况", "\t（一）主动公开 12 |", "", "结尾"));
  EXPECT_THAT(doc->page_starts, IsEmpty());
  EXPECT_THAT(doc->grids, IsEmpty());
}

TEST(ReadDocument, Utf8WithBom) {
  Result<Document> doc = ReadDocument("\xEF\xBB\xBF年度报告\n", "bom.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("年度报告"));
}

TEST(ReadDocument, Gb18030Text) {
  Result<std::string> gb =
      Utf8ToGb18030("2018年政府信息公开工作年度报告\r\n填报单位：昌邑区商务局\r\n");
  ASSERT_TRUE(gb.ok());
  Result<Document> doc = ReadDocument(*gb, "gb.txt");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->encoding, "GB18030");
  EXPECT_THAT(doc->lines, ElementsAre("2018年政府信息公开工作年度报告", "填报单位：昌邑区商务局"));
}

TEST(ReadDocument, TheSeedReport) {
  const std::string seed = testing::Fixture("seed-changyi-2018.txt");
  ASSERT_FALSE(seed.empty());
  Result<Document> doc = ReadDocument(seed, "seed.txt");
  ASSERT_TRUE(doc.ok());
  const long newlines = std::count(seed.begin(), seed.end(), '\n');
  EXPECT_EQ(static_cast<long>(doc->lines.size()), newlines + (seed.back() == '\n' ? 0 : 1));
  EXPECT_THAT(doc->lines[0], HasSubstr("《中华人民共和国政府信息公开个例》"));
  EXPECT_EQ(doc->lines[1], "一、概述");
}

TEST(ReadDocument, PdftotextOutputLosesItsPageNumbers) {
  // 020.txt is `pdftotext -layout` of a six-page PDF: pages end with a form feed and carry
  // "-N-" page numbers. Lines keep their numbers; the page numbers become empty lines.
  const std::string text = testing::Fixture("reports-dev/020.txt");
  Result<Document> doc = ReadDocument(text, "020.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(static_cast<long>(doc->lines.size()), std::count(text.begin(), text.end(), '\n'));
  EXPECT_EQ(doc->page_starts.size(), 6u);
  EXPECT_EQ(doc->page_starts[0], 1);
  ASSERT_EQ(doc->dropped_lines.size(), 6u);
  for (const int line : doc->dropped_lines) EXPECT_EQ(doc->lines[line - 1], "") << line;
  EXPECT_EQ(doc->dropped_lines[0], 24);  // "                                          -1-"
  for (const std::string& line : doc->lines) {
    EXPECT_EQ(line.find('\f'), std::string::npos);
    EXPECT_NE(line, "-4-");
  }
  EXPECT_EQ(doc->lines[1], "     2024 年政府信息公开工作年度报告");
}

TEST(ReadDocument, KindByContent) {
  Result<Document> html = ReadDocument("\n  <!DOCTYPE html><title>t</title><p>段落", "x.txt");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->kind, SourceKind::kHtml);
  EXPECT_THAT(html->lines, ElementsAre("段落"));
  // Copied page text with stray markup: two distinct tags make it HTML.
  Result<Document> fragment = ReadDocument("报告正文<br>第二行</p>", "f");
  ASSERT_TRUE(fragment.ok());
  EXPECT_EQ(fragment->kind, SourceKind::kHtml);
  // A "<" in plain text does not.
  Result<Document> text = ReadDocument("收到申请数 < 10 件，<p> 不是网页", "t.txt");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->kind, SourceKind::kText);
  // %PDF- goes to the PDF reader, even after leading junk.
  Result<Document> pdf = ReadDocument("\r\n%PDF-1.4\n垃圾", "p.txt");
  ASSERT_FALSE(pdf.ok());
  EXPECT_THAT(pdf.status().message(), HasSubstr("p.txt：PDF 文件已损坏或不完整"));
}

TEST(DetectKind, Rules) {
  EXPECT_EQ(DetectKind("%PDF-1.7\n"), SourceKind::kPdf);
  EXPECT_EQ(DetectKind(std::string(1000, ' ') + "%PDF-1.4"), SourceKind::kPdf);
  EXPECT_EQ(DetectKind(std::string(1100, ' ') + "%PDF-1.4"), SourceKind::kText);
  EXPECT_EQ(DetectKind("\xEF\xBB\xBF<html>"), SourceKind::kHtml);
  EXPECT_EQ(DetectKind("<TABLE border=1>"), SourceKind::kHtml);
  EXPECT_EQ(DetectKind("<!-- saved from url -->"), SourceKind::kHtml);
  EXPECT_EQ(DetectKind("<tr><td>1</td></tr>"), SourceKind::kHtml);  // two markers
  EXPECT_EQ(DetectKind("<tablet> 不是标签"), SourceKind::kText);
  EXPECT_EQ(DetectKind("正文<br>"), SourceKind::kText);  // one marker only
  EXPECT_EQ(DetectKind(""), SourceKind::kText);
}

TEST(ReadDocument, EmptyAndBlank) {
  Result<Document> empty = ReadDocument("", "empty.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(empty.status().message(), "empty.txt：文件为空");
  EXPECT_EQ(ReadDocument(" \r\n\t\n\xE3\x80\x80\n", "blank.txt").status().message(),
            "blank.txt：文件为空（只有空白）");
}

TEST(ReadDocument, BinaryIsRefused) {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20);
  Result<Document> doc = ReadDocument(png, "scan.png");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.status().message(), "scan.png：不是文本、HTML 或 PDF 文件");
  std::string zip = "PK\x03\x04";
  for (int i = 0; i < 200; ++i) zip += static_cast<char>((i * 37) % 256);
  EXPECT_EQ(ReadDocument(zip, "a.docx").status().message(), "a.docx：不是文本、HTML 或 PDF 文件");
}

TEST(ReadDocument, TooLarge) {
  ReadLimits limits;
  limits.max_bytes = 1000;
  Result<Document> doc = ReadDocument(std::string(1001, 'a'), "big.txt", limits);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.status().message(), "big.txt：文件过大（1001 字节），上限 1000 字节");
  EXPECT_TRUE(ReadDocument(std::string(1000, 'a'), "ok.txt", limits).ok());
}

TEST(ReadDocumentFile, A100MegabyteFileIsRefusedWithoutReadingIt) {
  TempDir dir;
  const std::string path = dir.File("huge.txt");
  const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, 100LL * 1024 * 1024), 0);  // sparse: nothing is written
  ::close(fd);
  Result<Document> doc = ReadDocumentFile(path);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.status().message(), path + "：文件过大（100 MB），上限 20 MB");
}

TEST(ReadDocumentFile, ReadsAFile) {
  Result<Document> doc = ReadDocumentFile(testing::FixturePath("html/report-2012-gbk.html"));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->kind, SourceKind::kHtml);
  EXPECT_EQ(doc->encoding, "GB18030");
  EXPECT_EQ(doc->source_name, testing::FixturePath("html/report-2012-gbk.html"));
}

TEST(ReadDocumentFile, MissingAndDirectory) {
  TempDir dir;
  Result<Document> missing = ReadDocumentFile(dir.File("nope.txt"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "无法读取文件 " + dir.File("nope.txt") + "：文件不存在");

  Result<Document> directory = ReadDocumentFile(dir.path());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(directory.status().message(),
            "无法读取文件 " + dir.path() + "：这是一个目录，不是文件");
}

TEST(ReadDocumentFile, Unreadable) {
  TempDir dir;
  const std::string secret = dir.File("secret.txt");
  FILE* f = std::fopen(secret.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("文字", f);
  std::fclose(f);
  ::chmod(secret.c_str(), 0);
  if (::access(secret.c_str(), R_OK) == 0) GTEST_SKIP() << "running as root: permissions ignored";
  Result<Document> unreadable = ReadDocumentFile(secret);
  ASSERT_FALSE(unreadable.ok());
  EXPECT_EQ(unreadable.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(unreadable.status().message(), "无法读取文件 " + secret + "：没有读取权限");
}

TEST(ReadDocumentFile, EmptyFile) {
  TempDir dir;
  const std::string path = dir.File("empty.html");
  std::fclose(std::fopen(path.c_str(), "w"));
  EXPECT_EQ(ReadDocumentFile(path).status().message(), path + "：文件为空");
}

TEST(ReadText, OnlyPageNumbersIsEmpty) {
  // Regression (found by fuzz_read_text): once the page numbers were dropped nothing was left.
  Result<Document> doc = ReadText(" \f2\f     \f4\f  \f", "n.txt");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(), "n.txt：文件为空（只有页码或页眉页脚）");
}

TEST(ReadText, FormFeedPagesWithoutPageNumbers) {
  Result<Document> doc = ReadText("一\n二\f三\n四\f", "t.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(doc->lines, ElementsAre("一", "二", "三", "四"));
  EXPECT_THAT(doc->page_starts, ElementsAre(1, 3));
  EXPECT_THAT(doc->dropped_lines, IsEmpty());
}

}  // namespace
}  // namespace gongkai::check
