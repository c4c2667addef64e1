#include "http/router.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

namespace gongkai::http {
namespace {

Response Stub(Call&) { return Response{}; }

const std::vector<Route>& Table() {
  static const std::vector<Route> kTable = {
      {"GET", "/", Stub, "home"},
      {"GET", "/agencies/:slug", Stub, "agency"},
      {"GET", "/agencies/:slug/catalog", Stub, "catalog"},
      {"GET", "/agencies/:slug/items/:key(.+)", Stub, "item"},
      {"GET", "/track", Stub, "track"},
      {"POST", "/track", Stub, "track_post"},
      {"GET", "/console/", Stub, "dashboard"},
      {"GET", "/console/agencies/:slug/applications/new", Stub, "register"},
      {"GET", "/console/agencies/:slug/applications/:id(\\d+)", Stub, "case"},
      {"POST", "/console/agencies/:slug/applications/:id(\\d+)/:action", Stub, "case_action"},
  };
  return kTable;
}

std::string Name(const Router::Match& m) {
  return m.kind == Router::Match::Kind::kFound ? m.route->name : "";
}

TEST(RouterTest, MatchesLiteralAndParameterSegmentsInTableOrder) {
  const Router router(Table());
  EXPECT_EQ(Name(router.Find("GET", "/")), "home");
  EXPECT_EQ(Name(router.Find("GET", "")), "home");
  Router::Match m = router.Find("GET", "/agencies/dongcheng-fgw/catalog");
  EXPECT_EQ(Name(m), "catalog");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"slug", "dongcheng-fgw"}));
  EXPECT_EQ(Name(router.Find("GET", "/agencies/x")), "agency");
  // "new" is not an id: the earlier, literal route wins, and digits go to the id route.
  EXPECT_EQ(Name(router.Find("GET", "/console/agencies/a/applications/new")), "register");
  m = router.Find("GET", "/console/agencies/a/applications/0042");
  EXPECT_EQ(Name(m), "case");
  EXPECT_EQ(m.params[1].second, "0042");
  EXPECT_EQ(router.Find("GET", "/console/agencies/a/applications/4x").kind,
            Router::Match::Kind::kNotFound);
  m = router.Find("POST", "/console/agencies/a/applications/7/answer");
  EXPECT_EQ(Name(m), "case_action");
  EXPECT_EQ(m.params[2].second, "answer");
}

TEST(RouterTest, RestParameterSpansSlashesAndParametersStayEncoded) {
  const Router router(Table());
  Router::Match m = router.Find("GET", "/agencies/a/items/000014349/2018-00012");
  EXPECT_EQ(Name(m), "item");
  EXPECT_EQ(m.params[1].second, "000014349/2018-00012");
  m = router.Find("GET", "/agencies/%E4%B8%9C/items/x%2Fy/");
  EXPECT_EQ(m.params[0].second, "%E4%B8%9C");
  EXPECT_EQ(m.params[1].second, "x%2Fy");
  EXPECT_EQ(router.Find("GET", "/agencies/a/items/").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find("GET", "/agencies/a/items//").kind, Router::Match::Kind::kNotFound);
}

TEST(RouterTest, TrailingSlashIsOptionalAndCaseAndEmptySegmentsMatter) {
  const Router router(Table());
  EXPECT_EQ(Name(router.Find("GET", "/console")), "dashboard");
  EXPECT_EQ(Name(router.Find("GET", "/console/")), "dashboard");
  EXPECT_EQ(Name(router.Find("GET", "/agencies/a/catalog/")), "catalog");
  EXPECT_EQ(router.Find("GET", "/Agencies/a/catalog").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find("GET", "/agencies//catalog").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find("GET", "/agencies/a/catalog/x").kind, Router::Match::Kind::kNotFound);
}

TEST(RouterTest, HeadIsGetAndOtherMethodsOnAKnownPathAreWrongMethodWithAllow) {
  const Router router(Table());
  EXPECT_EQ(Name(router.Find("HEAD", "/agencies/a/catalog")), "catalog");
  Router::Match m = router.Find("POST", "/agencies/a/catalog");
  EXPECT_EQ(m.kind, Router::Match::Kind::kWrongMethod);
  EXPECT_EQ(m.allow, "GET, HEAD");
  m = router.Find("DELETE", "/track");
  EXPECT_EQ(m.kind, Router::Match::Kind::kWrongMethod);
  EXPECT_EQ(m.allow, "GET, HEAD, POST");
  EXPECT_EQ(router.Find("DELETE", "/nowhere").kind, Router::Match::Kind::kNotFound);
}

TEST(RouterTest, RejectsPatternsItCannotRead) {
  const std::vector<Route> bad_regex = {{"GET", "/a/:id([a-z]+)", Stub, "x"}};
  EXPECT_THROW(Router{bad_regex}, std::invalid_argument);
  const std::vector<Route> rest_not_last = {{"GET", "/a/:p(.+)/b", Stub, "x"}};
  EXPECT_THROW(Router{rest_not_last}, std::invalid_argument);
  const std::vector<Route> relative = {{"GET", "a", Stub, "x"}};
  EXPECT_THROW(Router{relative}, std::invalid_argument);
}

// The real table: every pattern is readable, and each route is reachable (no earlier route of
// the same method shadows it) with a sample path built from its pattern.
TEST(RouterTest, EveryRouteOfTheSiteIsReachable) {
  const Router router(Routes());
  for (const Route& route : Routes()) {
    std::string path;
    std::string_view pattern = route.pattern;
    size_t i = 0;
    while (i < pattern.size()) {
      if (pattern[i] != ':') {
        path += pattern[i++];
        continue;
      }
      size_t j = i + 1;
      while (j < pattern.size() && pattern[j] != '/' && pattern[j] != '(') ++j;
      std::string value = "s1";
      if (pattern.substr(j).starts_with("(\\d+)")) {
        value = "17";
        j += 5;
      } else if (pattern.substr(j).starts_with("(.+)")) {
        value = "a/b.css";
        j += 4;
      }
      path += value;
      i = j;
    }
    const Router::Match m = router.Find(route.method, path);
    ASSERT_EQ(m.kind, Router::Match::Kind::kFound) << route.pattern;
    EXPECT_EQ(std::string(m.route->name), route.name) << path;
  }
}

}  // namespace
}  // namespace gongkai::http
