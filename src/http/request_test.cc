#include "http/request.h"

#include <gtest/gtest.h>

#include "http/cookies.h"
#include "http/response.h"

namespace gongkai::http {
namespace {

TEST(IsValidTextTest, AcceptsChineseAndRejectsMalformedUtf8AndControls) {
  EXPECT_TRUE(IsValidText("政府信息公开 abc\t\n"));
  EXPECT_TRUE(IsValidText("𠀀"));  // 4-byte form
  EXPECT_FALSE(IsValidText("\xff"));
  EXPECT_FALSE(IsValidText("\xe4\xb8"));          // truncated
  EXPECT_FALSE(IsValidText("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidText("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidText("\xf4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidText(std::string("a\0b", 3)));
  EXPECT_FALSE(IsValidText("\x1b[31m"));
  EXPECT_FALSE(IsValidText("\xc2\x85"));  // C1 control
}

TEST(PercentDecodeTest, DecodesAndRejectsBadEscapesAndBadUtf8) {
  EXPECT_EQ(*PercentDecode("%E6%94%BF%E5%BA%9C", false, "x"), "政府");
  EXPECT_EQ(*PercentDecode("a+b%20c", true, "x"), "a b c");
  EXPECT_EQ(*PercentDecode("a+b", false, "x"), "a+b");
  for (const char* bad : {"%", "%4", "%zz", "abc%E6%94", "%FF", "%00"}) {
    Result<std::string> r = PercentDecode(bad, true, "查询参数");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
    EXPECT_NE(r.status().message().find("查询参数"), std::string::npos);
  }
}

TEST(ParseQueryTest, PairsInOrderWithEmptyPiecesSkipped) {
  auto q = ParseQuery("topic=%E7%BB%BC%E5%90%88&&page=2&flag&x=");
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(q->size(), 4u);
  EXPECT_EQ((*q)[0], std::make_pair(std::string("topic"), std::string("综合")));
  EXPECT_EQ((*q)[1], std::make_pair(std::string("page"), std::string("2")));
  EXPECT_EQ((*q)[2], std::make_pair(std::string("flag"), std::string("")));
  EXPECT_EQ((*q)[3], std::make_pair(std::string("x"), std::string("")));
  EXPECT_FALSE(ParseQuery("q=%C3%28").ok());
  EXPECT_TRUE(ParseQuery("").ok());
}

TEST(RequestTest, LookupsReturnFirstValue) {
  Request r;
  r.query = {{"a", "1"}, {"a", "2"}};
  r.headers = {{"if-none-match", "\"x\""}};
  r.cookies = {{"gk_text", "large"}};
  r.route = {{"slug", "changyi"}};
  EXPECT_EQ(*r.Query("a"), "1");
  EXPECT_FALSE(r.Query("b"));
  EXPECT_EQ(*r.Header("if-none-match"), "\"x\"");
  EXPECT_EQ(*r.Cookie("gk_text"), "large");
  EXPECT_EQ(r.Route("slug"), "changyi");
  EXPECT_EQ(r.Route("nope"), "");
}

TEST(EncodeTest, PathsKeepSlashesOnlyWhenAskedAndQueriesRoundTrip) {
  EXPECT_EQ(EncodePath("000014349/2018-00012", true), "000014349/2018-00012");
  EXPECT_EQ(EncodePath("000014349/2018-00012"), "000014349%2F2018-00012");
  EXPECT_EQ(EncodePath("a b<政>"), "a%20b%3C%E6%94%BF%3E");
  const std::string value = "综合政务\\政务公开 & <x>";
  EXPECT_EQ(*PercentDecode(EncodeQueryValue(value), true, "x"), value);
  EXPECT_EQ(QueryString({{"topic", "a b"}, {"page", ""}, {"year", "2018"}}),
            "?topic=a%20b&year=2018");
  EXPECT_EQ(QueryString({{"page", ""}}), "");
}

TEST(CookiesTest, ParsesHeaderAndWritesSafeDefaults) {
  auto c = ParseCookies("gk_text=large; other = \"v\" ;bad; =x; gk_text=second");
  EXPECT_EQ(c["gk_text"], "large");
  EXPECT_EQ(c["other"], "v");
  EXPECT_EQ(c.count("bad"), 0u);
  SetCookie s;
  s.name = "gk_text";
  s.value = "large";
  s.max_age_seconds = 60;
  EXPECT_EQ(s.ToHeader(), "gk_text=large; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
  s.secure = true;
  EXPECT_NE(s.ToHeader().find("; Secure"), std::string::npos);
}

TEST(ResponseTest, RedirectsOnlyToLocalPaths) {
  EXPECT_TRUE(IsLocalPath("/agencies/x/catalog?page=2"));
  EXPECT_FALSE(IsLocalPath("//evil.example/"));
  EXPECT_FALSE(IsLocalPath("/\\evil.example"));
  EXPECT_FALSE(IsLocalPath("https://evil.example/"));
  EXPECT_FALSE(IsLocalPath("/a\r\nSet-Cookie: x=y"));
  EXPECT_FALSE(IsLocalPath(""));
  Response r = Response::Redirect("//evil.example/");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "/");
  EXPECT_EQ(r.status, 303);
}

TEST(ResponseTest, SecurityHeadersIncludeCspNosniffReferrerAndFraming) {
  auto headers = SecurityHeaders("");
  auto find = [&](std::string_view name) -> std::string {
    for (auto& [k, v] : headers) {
      if (k == name) return std::string(v);
    }
    return std::string();
  };
  EXPECT_NE(find("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(find("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(find("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(find("Referrer-Policy").empty());
  EXPECT_EQ(SecurityHeaders("default-src 'none'")[0].second, "default-src 'none'");
}

}  // namespace
}  // namespace gongkai::http
