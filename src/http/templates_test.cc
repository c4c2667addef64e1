#include "http/templates.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "http/static_files.h"

namespace gongkai::http {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = fs::temp_directory_path().string() + "/gongkai-http-XXXXXX";
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  void Write(const std::string& rel, const std::string& text) const {
    fs::create_directories(fs::path(path_ + "/" + rel).parent_path());
    std::ofstream(path_ + "/" + rel, std::ios::binary) << text;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(TemplatesTest, RendersWithEscapingAndInlinedPartials) {
  TempDir dir;
  dir.Write("portal/page.mustache", "<h1>{{title}}</h1>{{> partials/list}}");
  dir.Write("partials/list.mustache", "<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>");
  dir.Write("layouts/portal.mustache", "<main>{{{content_html}}}</main><p>{{site}}</p>");
  auto t = Templates::Load(dir.path());
  ASSERT_TRUE(t.ok()) << t.status().message();
  View v;
  v.set("title", "<script>alert(1)</script>");
  ViewList items;
  items.push_back(View("a&b"));
  items.push_back(View("\"q\""));
  v.set("items", items);
  Result<std::string> html = (*t)->Render("portal/page", v);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(*html,
            "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><ul><li>a&amp;b</li>"
            "<li>&quot;q&quot;</li></ul>");
  View layout;
  layout.set("content_html", *html);
  layout.set("site", "<b>");
  Result<std::string> page = (*t)->Render("layouts/portal", layout);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(*page, "<main>" + *html + "</main><p>&lt;b&gt;</p>");
  EXPECT_FALSE((*t)->Render("portal/none", v).ok());
}

TEST(TemplatesTest, RefusesUnescapedOutputOtherThanTheContentSlot) {
  for (const char* raw : {"{{{title}}}", "{{& title}}", "{{&title}}"}) {
    TempDir dir;
    dir.Write("portal/page.mustache", std::string("<p>") + raw + "</p>");
    auto t = Templates::Load(dir.path());
    ASSERT_FALSE(t.ok()) << raw;
    EXPECT_NE(t.status().message().find("portal/page"), std::string::npos);
    EXPECT_NE(t.status().message().find("不转义"), std::string::npos);
  }
}

TEST(TemplatesTest, MissingOrCyclicPartialsAndSyntaxErrorsAreLoadErrors) {
  {
    TempDir dir;
    dir.Write("portal/a.mustache", "{{> partials/none}}");
    auto t = Templates::Load(dir.path());
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.status().message().find("partials/none"), std::string::npos);
  }
  {
    TempDir dir;
    dir.Write("partials/a.mustache", "{{> partials/b}}");
    dir.Write("partials/b.mustache", "{{> partials/a}}");
    EXPECT_FALSE(Templates::Load(dir.path()).ok());
  }
  {
    TempDir dir;
    dir.Write("portal/a.mustache", "{{#open}}never closed");
    auto t = Templates::Load(dir.path());
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.status().message().find("语法错误"), std::string::npos);
  }
  EXPECT_EQ(Templates::Load("/nonexistent-gongkai").status().code(), ErrorCode::kNotFound);
}

TEST(TemplatesTest, TheShippedTemplatesLoad) {
  auto t = Templates::Load(std::string(GONGKAI_SOURCE_DIR) + "/web/templates");
  ASSERT_TRUE(t.ok()) << t.status().message();
  for (const char* name :
       {"layouts/portal", "portal/home", "portal/agency", "portal/guide", "portal/rules",
        "portal/catalog", "portal/item", "portal/reports", "portal/error"}) {
    EXPECT_TRUE((*t)->Has(name)) << name;
  }
}

TEST(StaticFilesTest, ServesOnlyFilesFoundAtStartWithTypesAndEtags) {
  TempDir dir;
  dir.Write("css/site.css", "body{}");
  dir.Write("img/logo.svg", "<svg/>");
  dir.Write(".hidden/secret.txt", "no");
  auto files = StaticFiles::Load(dir.path());
  ASSERT_TRUE(files.ok()) << files.status().message();
  const StaticFile* css = (*files)->Find("css/site.css");
  ASSERT_NE(css, nullptr);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(css->body, "body{}");
  EXPECT_EQ(css->etag, "\"" + HashHex("body{}") + "\"");
  EXPECT_EQ((*files)->Find("img/logo.svg")->content_type, "image/svg+xml");
  EXPECT_EQ((*files)->Find(".hidden/secret.txt"), nullptr);
  EXPECT_EQ((*files)->Find("../css/site.css"), nullptr);
  EXPECT_EQ((*files)->Find("css/../css/site.css"), nullptr);
  EXPECT_EQ(ContentTypeFor("x.unknown"), "application/octet-stream");
  EXPECT_NE(HashHex("a"), HashHex("b"));
}

TEST(EscapeHtmlTest, EscapesMarkupCharacters) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

}  // namespace
}  // namespace gongkai::http
