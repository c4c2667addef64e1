// SetSqliteMemory: the page cache and memory map of SQLite connections opened afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/repository.h"
#include "store/connection.h"
#include "store/soci_repository.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

class SqliteMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = GetSqliteMemory();
    dir_ = fs::temp_directory_path() / ("gongkai-sqlite-memory-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    SetSqliteMemory(saved_);
    fs::remove_all(dir_);
  }
  // The cache_size and mmap_size pragmas of a new connection.
  std::pair<long long, long long> Pragmas() {
    Result<std::unique_ptr<Repository>> repo = OpenRepository((dir_ / "t.db").string());
    EXPECT_TRUE(repo.ok()) << repo.status().message();
    auto* soci_repo = dynamic_cast<store::SociRepository*>(repo->get());
    EXPECT_NE(soci_repo, nullptr);
    long long cache = 0, mmap = 0;
    soci_repo->connection().sql << "PRAGMA cache_size", soci::into(cache);
    soci_repo->connection().sql << "PRAGMA mmap_size", soci::into(mmap);
    return {cache, mmap};
  }

  SqliteMemory saved_;
  fs::path dir_;
};

TEST_F(SqliteMemoryTest, DefaultsSuitOneShotCommands) {
  SetSqliteMemory(SqliteMemory{});
  const auto [cache, mmap] = Pragmas();
  EXPECT_EQ(cache, -65536);  // negative: KiB
  EXPECT_EQ(mmap, 268435456);
}

TEST_F(SqliteMemoryTest, AppliesToConnectionsOpenedAfterwards) {
  SetSqliteMemory({.cache_kib = 4096, .mmap_bytes = 0});
  EXPECT_EQ(GetSqliteMemory().cache_kib, 4096);
  const auto [cache, mmap] = Pragmas();
  EXPECT_EQ(cache, -4096);
  EXPECT_EQ(mmap, 0);
}

TEST_F(SqliteMemoryTest, NegativeValuesAreZero) {
  SetSqliteMemory({.cache_kib = -5, .mmap_bytes = -1});
  EXPECT_EQ(GetSqliteMemory().cache_kib, 0);
  EXPECT_EQ(GetSqliteMemory().mmap_bytes, 0);
  EXPECT_EQ(Pragmas().second, 0);
}

}  // namespace
}  // namespace gongkai
