// Migration 4: the home page's latest items across all agencies and an agency's catalog page are
// answered from an index in descending order, without sorting the table (at 1,000,000 items the
// sort took ≈ 4 s — bench/README.md).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/repository.h"
#include "store/soci_repository.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

std::string Plan(store::SociRepository& repo, const std::string& query) {
  soci::rowset<soci::row> rows = (repo.connection().sql.prepare << "EXPLAIN QUERY PLAN " + query);
  std::string plan;
  for (const soci::row& r : rows) plan += r.get<std::string>(3) + "\n";
  return plan;
}

TEST(ListingIndexTest, LatestAndAgencyListingsReadAnIndexBackwardsWithoutSorting) {
  const fs::path dir =
      fs::temp_directory_path() / ("gongkai-listing-index-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    Result<std::unique_ptr<Repository>> repo = OpenRepository((dir / "t.db").string());
    ASSERT_TRUE(repo.ok()) << repo.status().message();
    auto* soci_repo = dynamic_cast<store::SociRepository*>(repo->get());
    ASSERT_NE(soci_repo, nullptr);
    const std::string is_public =
        "c.published_on IS NOT NULL AND c.published_on <= '2026-01-01' AND "
        "(c.withdrawn_on IS NULL OR c.withdrawn_on > '2026-01-01')";
    const std::string latest = Plan(*soci_repo, "SELECT c.id FROM catalog_items c WHERE " +
                                                    is_public +
                                                    " ORDER BY c.published_on DESC, c.id DESC "
                                                    "LIMIT 10");
    EXPECT_NE(latest.find("catalog_items_latest"), std::string::npos) << latest;
    EXPECT_EQ(latest.find("TEMP B-TREE"), std::string::npos) << latest;
    const std::string agency =
        Plan(*soci_repo, "SELECT c.id FROM catalog_items c WHERE c.agency_id = 1 AND " +
                             is_public +
                             " ORDER BY c.published_on DESC, c.id DESC LIMIT 20 OFFSET 0");
    EXPECT_NE(agency.find("catalog_items_published"), std::string::npos) << agency;
    EXPECT_EQ(agency.find("TEMP B-TREE"), std::string::npos) << agency;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
