#include "render/notice_pdf.h"

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <string>

namespace gongkai {
namespace {

Notice CorrectionNotice() {
  Notice n;
  n.kind = NoticeKind::kCorrection;
  n.year = 2026;
  n.seq = 3;
  n.number = "东湖政办补〔2026〕3号";
  n.issued_on = Date::FromYmd(2026, 3, 2);
  n.title = "政府信息公开申请补正告知书";
  n.addressee = "王小明";
  n.paragraphs = {
      "王小明：",
      "本机关于2026年2月26日收到你（单位）提出的政府信息公开申请（登记编号：2026-0001）。",
      "一、请写明所需信息的文号。", "二、请写明所需信息的年份。"};
  n.signature = "东湖区人民政府办公室";
  return n;
}

// The text of every page, spaces removed (poppler may put some between glyphs).
std::string PdfText(const std::string& bytes, int* pages) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) return "";
  *pages = doc->pages();
  std::string text;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    const poppler::byte_array utf8 = page->text().to_utf8();
    text.append(utf8.begin(), utf8.end());
    text += '\n';
  }
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ' '; }), text.end());
  return text;
}

TEST(NoticePdfTest, IsAPdfWhoseTextHasTitleNumberAddresseeBodySignatureAndDate) {
  Result<std::string> pdf = RenderNoticePdfBytes(CorrectionNotice());
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
  int pages = 0;
  const std::string text = PdfText(*pdf, &pages);
  EXPECT_EQ(pages, 1);
  for (const char* expected :
       {"政府信息公开申请补正告知书", "东湖政办补〔2026〕3号", "王小明：", "请写明所需信息的文号",
        "请写明所需信息的年份", "东湖区人民政府办公室", "2026年3月2日"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  // The addressee line is drawn once, not repeated from the first paragraph.
  EXPECT_EQ(text.find("王小明："), text.rfind("王小明："));
}

TEST(NoticePdfTest, ALongNoticeFlowsOntoMorePagesKeepingTheEnd) {
  Notice n = CorrectionNotice();
  for (int i = 0; i < 60; ++i) {
    n.paragraphs.push_back(
        "第" + std::to_string(i + 1) +
        "项：申请人所需信息的名称、文号或者便于查询的其他特征性描述，逐项列明。");
  }
  Result<std::string> pdf = RenderNoticePdfBytes(n);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  int pages = 0;
  const std::string text = PdfText(*pdf, &pages);
  EXPECT_GE(pages, 2);
  EXPECT_NE(text.find("第60项"), std::string::npos);
  EXPECT_NE(text.find("2026年3月2日"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
