#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "check/read/testing.h"
#include "check/reader.h"

namespace gongkai::check {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::string_view kHeader = "某某区人民政府办公室政府信息公开工作年度报告";

int LineOf(const Document& doc, std::string_view text) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].find(text) != std::string::npos) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string Collapse(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

TEST(ReadPdf, ThreePageReport) {
  Result<Document> doc = ReadDocument(testing::Fixture("pdf/report-3pages.pdf"), "r.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->kind, SourceKind::kPdf);
  ASSERT_EQ(doc->page_starts.size(), 3u);
  EXPECT_EQ(doc->page_starts[0], 1);

  // Layout text: the label, then the seven values of the row, on one line.
  const int row = LineOf(*doc, "一、本年新收政府信息公开申请数量");
  ASSERT_GT(row, 0);
  EXPECT_EQ(Collapse(doc->lines[row - 1]), "一、本年新收政府信息公开申请数量 12 1 0 0 0 0 13");
  // Rows of pages 2 and 3 follow in order.
  const int page2_row = LineOf(*doc, "（二）部分公开");
  const int page3_row = LineOf(*doc, "（七）总计");
  EXPECT_GT(page2_row, row);
  EXPECT_GT(page3_row, page2_row);
  EXPECT_GE(page2_row, doc->page_starts[1]);
  EXPECT_GE(page3_row, doc->page_starts[2]);
  EXPECT_EQ(Collapse(doc->lines[page3_row - 1]), "（七）总计 12 1 0 0 0 0 13");

  // Page numbers and the running header are gone, except the header's first occurrence.
  ASSERT_EQ(doc->dropped_lines.size(), 5u);
  for (const int line : doc->dropped_lines) EXPECT_EQ(doc->lines[line - 1], "");
  EXPECT_EQ(doc->dropped_lines[1], doc->page_starts[1]);  // page 2's header
  int headers = 0;
  for (const std::string& line : doc->lines) {
    if (line.find(kHeader) != std::string::npos) ++headers;
    EXPECT_EQ(line.find("—"), std::string::npos) << line;
    EXPECT_EQ(line.find('\f'), std::string::npos);
  }
  EXPECT_EQ(headers, 1);
  EXPECT_THAT(doc->lines[0], StartsWith(std::string(kHeader)));
  EXPECT_GT(LineOf(*doc, "本年度未发生行政复议、行政诉讼。"), page3_row);
}

TEST(ReadPdf, TableSplitOverTwoPagesWithDashedPageNumbers) {
  Result<Document> doc = ReadPdf(testing::Fixture("pdf/two-page-table.pdf"), "t.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->page_starts.size(), 2u);
  ASSERT_EQ(doc->dropped_lines.size(), 2u);
  EXPECT_LT(doc->dropped_lines[0], doc->page_starts[1]);
  EXPECT_EQ(doc->dropped_lines[1], static_cast<int>(doc->lines.size()));
  std::vector<std::string> rows;
  for (const std::string& line : doc->lines) {
    if (line.find_first_not_of(' ') != std::string::npos) rows.push_back(Collapse(line));
  }
  EXPECT_THAT(
      rows, ElementsAre("2021年政府信息公开工作年度报告",
                        "一、本年新收政府信息公开申请数量 12 1 0 0 0 0 13",
                        "二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2",
                        "（一）予以公开 6 1 0 0 0 0 7", "（二）部分公开 1 0 0 0 0 0 1",
                        "1.属于国家秘密 0 0 0 0 0 0 0", "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0",
                        "1.本机关不掌握相关政府信息 3 0 0 0 0 0 3", "（七）总计 12 1 0 0 0 0 13",
                        "四、结转下年度继续办理 2 0 0 0 0 0 2"));
}

TEST(ReadPdf, StandardFontPagesWithPageOfFooters) {
  Result<Document> doc = ReadPdf(testing::Fixture("pdf/latin-3pages.pdf"), "l.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->dropped_lines.size(), 3u);
  for (const std::string& line : doc->lines) EXPECT_EQ(line.find("Page"), std::string::npos);
  // "Annual report N" differs in its number on each page: no running header.
  EXPECT_EQ(LineOf(*doc, "Annual report 2"), doc->page_starts[1]);
  EXPECT_GT(LineOf(*doc, "Applications received 21"), doc->page_starts[2]);
}

TEST(ReadPdf, EmptyPageHasItsOwnStart) {
  // Regression (found by fuzz_read_pdf): an empty page shared its start with the next page.
  Result<Document> doc = ReadPdf(testing::Fixture("pdf/empty-page.pdf"), "e.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->page_starts.size(), 3u);
  EXPECT_LT(doc->page_starts[0], doc->page_starts[1]);
  EXPECT_LT(doc->page_starts[1], doc->page_starts[2]);
  EXPECT_EQ(doc->lines[doc->page_starts[1] - 1], "");
  EXPECT_EQ(doc->lines[doc->page_starts[2] - 1], "第三页");
}

TEST(ReadPdf, ScannedPdfNeedsOcr) {
  Result<Document> doc = ReadDocument(testing::Fixture("pdf/scanned.pdf"), "scan.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.status().message(),
            "scan.pdf：PDF 中没有可提取的文字，可能是扫描件，需要先做文字识别（OCR）后再检查");
}

TEST(ReadPdf, FontWithoutUnicodeMapGivesMojibake) {
  Result<Document> doc = ReadPdf(testing::Fixture("pdf/unmapped.pdf"), "m.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("m.pdf：PDF 中的文字无法正确提取"));
}

TEST(ReadPdf, ScannedPagesWithPageNumbersNeedOcr) {
  // Regression (found by fuzz_read_pdf): page numbers were the only text, and once they were
  // dropped the Document had none.
  Result<Document> doc = ReadPdf(testing::Fixture("pdf/scanned-numbered.pdf"), "s.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("s.pdf：PDF 中没有可提取的文字"));
}

TEST(ReadPdf, TruncatedPdf) {
  Result<Document> doc = ReadDocument(testing::Fixture("pdf/truncated.pdf"), "cut.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(), "cut.pdf：PDF 文件已损坏或不完整，无法读取");
  // Cut near the end, the cross-reference table is rebuilt and every page read.
  Result<Document> tail = ReadDocument(testing::Fixture("pdf/truncated-tail.pdf"), "tail.pdf");
  ASSERT_TRUE(tail.ok()) << tail.status().message();
  EXPECT_EQ(tail->page_starts.size(), 3u);
  EXPECT_GT(LineOf(*tail, "（七）总计"), 0);
}

TEST(ReadPdf, EncryptedPdf) {
  Result<Document> doc = ReadDocument(testing::Fixture("pdf/encrypted.pdf"), "locked.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(doc.status().message(), HasSubstr("locked.pdf：PDF 文件设有打开密码"));
}

TEST(ReadPdf, TimeLimit) {
  ReadLimits limits;
  limits.max_seconds = 0;  // expires at once: the reader stops before the first page
  Result<Document> doc = ReadPdf(testing::Fixture("pdf/report-3pages.pdf"), "r.pdf", limits);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(doc.status().message(), HasSubstr("r.pdf：读取超时（超过 0 秒）"));
}

TEST(ReadPdf, DamagedVariantsNeverCrash) {
  // Deterministic byte flips, cuts and splices of a valid PDF: each gives a Document or an
  // error, never a crash (the fuzz target does the same at scale).
  const std::string pdf = testing::Fixture("pdf/report-3pages.pdf");
  ASSERT_FALSE(pdf.empty());
  std::mt19937 rng(20240101);
  for (int i = 0; i < 100; ++i) {
    std::string variant = pdf;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % variant.size();
      switch (rng() % 3) {
        case 0:
          variant[at] = static_cast<char>(rng());
          break;
        case 1:
          variant.erase(at, rng() % 64);
          break;
        default:
          variant.insert(at, variant.substr(rng() % variant.size(), rng() % 32));
      }
    }
    Result<Document> doc = ReadDocument(variant, "v.pdf");
    if (doc.ok()) {
      EXPECT_FALSE(doc->lines.empty());
    } else {
      EXPECT_THAT(doc.status().message(), StartsWith("v.pdf："));
    }
  }
}

}  // namespace
}  // namespace gongkai::check
