#include "http/notice_view.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongkai::http {
namespace {

namespace fs = std::filesystem;

// The shared partial (web/templates/partials/notice.mustache) in a template directory of its
// own, rendered by a page that lists notices.
std::string RenderNotices(const std::vector<Notice>& notices) {
  std::string tmpl = fs::temp_directory_path().string() + "/gongkai-notice-XXXXXX";
  const std::string dir = mkdtemp(tmpl.data());
  fs::create_directories(dir + "/partials");
  fs::create_directories(dir + "/portal");
  fs::copy_file(std::string(GONGKAI_SOURCE_DIR) + "/web/templates/partials/notice.mustache",
                dir + "/partials/notice.mustache");
  std::ofstream(dir + "/portal/page.mustache") << "{{#notices}}{{> partials/notice}}{{/notices}}";
  auto templates = Templates::Load(dir);
  fs::remove_all(dir);
  if (!templates.ok()) return "load failed: " + templates.status().message();
  View page;
  ViewList list;
  for (const Notice& n : notices) list.push_back(NoticeView(n));
  page.set("notices", list);
  Result<std::string> html = (*templates)->Render("portal/page", page);
  return html.ok() ? *html : "render failed: " + html.status().message();
}

Notice Answer() {
  Notice n;
  n.id = 7;
  n.kind = NoticeKind::kAnswer;
  n.number = "东湖政办答〔2026〕1号";
  n.issued_on = Date::FromYmd(2026, 3, 20);
  n.title = "政府信息公开申请答复书";
  n.addressee = "<b>王</b>";
  n.paragraphs = {"<b>王</b>：", "经审查，现答复如下：<script>x</script>", "依据：第三十七条。"};
  n.signature = "东湖区人民政府办公室";
  n.outcome = Outcome::kPartiallyDisclosed;
  return n;
}

TEST(NoticeViewTest, ShowsEachPartOnceAndEscaped) {
  const std::string html = RenderNotices({Answer()});
  EXPECT_NE(
      html.find("<h3 id=\"notice-7-title\" class=\"notice-title\">政府信息公开申请答复书</h3>"),
      std::string::npos)
      << html;
  EXPECT_NE(html.find("<p class=\"notice-number\">东湖政办答〔2026〕1号</p>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;王&lt;/b&gt;："), std::string::npos);
  // The template's opening line is the addressee: printed once, by the partial.
  EXPECT_EQ(html.find("&lt;b&gt;王&lt;/b&gt;："), html.rfind("&lt;b&gt;王&lt;/b&gt;："));
  EXPECT_NE(html.find("现答复如下：&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2026-03-20\">2026年3月20日</time>"), std::string::npos);
  EXPECT_NE(html.find("东湖区人民政府办公室"), std::string::npos);
}

TEST(NoticeViewTest, WithoutANumberOrAddresseeShowsTheDefaultAddressee) {
  Notice n = Answer();
  n.number.clear();
  n.addressee.clear();
  n.paragraphs = {"正文。"};
  const View v = NoticeView(n);
  const std::string html = RenderNotices({n});
  EXPECT_EQ(html.find("notice-number"), std::string::npos);
  EXPECT_NE(html.find("申请人："), std::string::npos);
  EXPECT_NE(html.find("<p class=\"notice-paragraph\">正文。</p>"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::http
