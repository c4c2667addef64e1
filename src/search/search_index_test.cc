// The index end to end over an in-memory feed: queries of every length, ranking, filters, date
// sort, highlighting, outbox application, atomic rebuilds and damaged indexes.
#include "search/search_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "search/index_dir.h"
#include "search/indexer.h"
#include "search/outbox.h"
#include "search/testing.h"

namespace gongkai::search {
namespace {

using testing::Doc;
using ::testing::ElementsAre;
using testing::FakeFeed;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::TempDir;
using ::testing::UnorderedElementsAre;
using Op = SearchOutboxEntry::Op;

namespace fs = std::filesystem;

SearchFilters Filter(std::optional<int64_t> agency, std::string topic = "",
                     std::string genre = "") {
  SearchFilters f;
  f.agency_id = agency;
  f.topic = std::move(topic);
  f.genre = std::move(genre);
  return f;
}

// A small catalog with the traps each test needs.
void FillCatalog(FakeFeed& feed) {
  feed.Put(Doc(1)
               .Title("关于做好政务公开工作的通知")
               .DocNo("昌商发〔2018〕3号")
               .Body("各有关单位：现将政务公开工作要点印发给你们。")
               .On("2018-03-05")
               .Agency(1)
               .Topic("综合政务\\政务公开")
               .Genre("通知"));
  feed.Put(Doc(2)
               .Title("2019年部门预算")
               .Body("部门收支预算总表。本单位政务公开工作扎实推进。")
               .On("2019-02-10")
               .Agency(1)
               .Topic("财政、金融、审计\\预算")
               .Genre("报告"));
  feed.Put(Doc(3)
               .Title("食品安全抽检结果公告")
               .DocNo("市监发〔2020〕12号")
               .Body("本次抽检食品三百批次，合格率百分之九十八。")
               .On("2020-06-01")
               .Agency(2)
               .Topic("市场监管、安全生产监管\\市场监管")
               .Genre("公告"));
  // "公开" appears only as separate characters: 公 … 开.
  feed.Put(Doc(4)
               .Title("公共服务开放日活动安排")
               .Body("欢迎市民参加。")
               .On("2021-09-09")
               .Agency(2)
               .Topic("综合政务\\其他")
               .Genre("其他"));
  // Attachment text is searchable too.
  feed.Put(Doc(5)
               .Title("老旧小区改造项目名单")
               .Body("详见附件。")
               .Attachments("附件一：东湖区青年路小区改造清单")
               .On("2022-01-20")
               .Agency(1)
               .Topic("城乡建设、环境保护\\城乡建设")
               .Genre("公示"));
}

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    FillCatalog(feed_);
    Build();
  }
  void Build() {
    Result<ReindexStats> stats = Reindex(feed_, dir_.path());
    ASSERT_TRUE(stats.ok()) << stats.status().message();
    Result<std::unique_ptr<SearchIndex>> index = SearchIndex::Open(dir_.path());
    ASSERT_TRUE(index.ok()) << index.status().message();
    index_ = std::move(index).value();
  }

  // Item ids of the hits, in order.
  std::vector<int64_t> Ids(std::string_view query, const SearchFilters& filters = {},
                           SearchSort sort = SearchSort::kRelevance) {
    Result<SearchResults> r = index_->Search(query, filters, sort, 0, 50);
    EXPECT_TRUE(r.ok()) << query << ": " << r.status().message();
    std::vector<int64_t> ids;
    if (r.ok()) {
      for (const SearchHit& h : r->hits) ids.push_back(h.catalog_item_id);
    }
    return ids;
  }

  TempDir dir_;
  FakeFeed feed_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(SearchIndexTest, QueriesOfEveryLengthFindTheRightItems) {
  // 1 character: its unigram, wherever it is (4 has 公 and 开 apart).
  EXPECT_THAT(Ids("开"), UnorderedElementsAre(1, 2, 4));
  EXPECT_THAT(Ids("抽"), ElementsAre(3));
  // 2 characters: the bigram — not 4, whose 公 and 开 are not adjacent.
  EXPECT_THAT(Ids("公开"), UnorderedElementsAre(1, 2));
  // 3 characters: the trigram.
  EXPECT_THAT(Ids("合格率"), ElementsAre(3));
  EXPECT_THAT(Ids("政务公"), UnorderedElementsAre(1, 2));
  // 4+ characters: the phrase of trigrams; bigrams that occur only apart match nothing.
  EXPECT_THAT(Ids("政务公开工作"), UnorderedElementsAre(1, 2));
  EXPECT_THAT(Ids("改造清单"), ElementsAre(5));  // attachment text
  EXPECT_THAT(Ids("公开政务"), IsEmpty());
  EXPECT_THAT(Ids("食品安全抽检结果"), ElementsAre(3));
}

TEST_F(SearchIndexTest, LongQueriesNeedTheirTrigramsAdjacentAndInOneRun) {
  // 6 has 公开工 and 开工作 (the two trigrams of 公开工作) apart, and 公开 工作 cut by a space
  // and a comma: neither is 公开工作.
  feed_.Put(Doc(6).Title("工程招标公告").Body("公开工程招标，开工作业安全。公开 工作，").On(
      "2023-05-05"));
  Build();
  EXPECT_THAT(Ids("公开工作"), UnorderedElementsAre(1, 2));
  EXPECT_THAT(Ids("公开工"), UnorderedElementsAre(1, 2, 6));
  EXPECT_THAT(Ids("开工作"), UnorderedElementsAre(1, 2, 6));
  // Trigrams are cut within a run only: 开工作业 is found, 标开工 (招标，开工) is not.
  EXPECT_THAT(Ids("开工作业"), ElementsAre(6));
  EXPECT_THAT(Ids("标开工"), IsEmpty());
}

TEST_F(SearchIndexTest, DocNoIsFoundByItsNumberAndItsWord) {
  EXPECT_THAT(Ids("2018"), ElementsAre(1));
  EXPECT_THAT(Ids("昌商发"), ElementsAre(1));
  EXPECT_THAT(Ids("昌商发〔2018〕3号"), ElementsAre(1));
  // Full-width digits in the query are folded.
  EXPECT_THAT(Ids("２０２０"), ElementsAre(3));
  EXPECT_THAT(Ids("市监发 12"), ElementsAre(3));
}

TEST_F(SearchIndexTest, TitleMatchesRankAboveBodyMatches) {
  // 1 has 政务公开 in its title, 2 only in its body.
  EXPECT_THAT(Ids("政务公开"), ElementsAre(1, 2));
  EXPECT_THAT(Ids("政"), ElementsAre(1, 2));
  // 预算: title and body of 2, nowhere else.
  EXPECT_THAT(Ids("预算"), ElementsAre(2));
  // A title-only match beats a body-only match, newest or not.
  feed_.Put(Doc(11).Title("城市更新项目").Body("项目说明。").On("2019-01-01"));
  feed_.Put(Doc(12).Title("通知").Body("关于城市更新项目的说明。").On("2023-01-01"));
  Build();
  EXPECT_THAT(Ids("城市更新"), ElementsAre(11, 12));
  EXPECT_THAT(Ids("城"), ElementsAre(11, 12));
  EXPECT_THAT(Ids("城市更新", {}, SearchSort::kDate), ElementsAre(12, 11));
}

TEST_F(SearchIndexTest, FiltersByAgencyTopicAndGenre) {
  EXPECT_THAT(Ids("公", Filter(2)), UnorderedElementsAre(3, 4));
  EXPECT_THAT(Ids("公", Filter(1)), UnorderedElementsAre(1, 2));
  // A topic matches itself and its subcategories.
  EXPECT_THAT(Ids("公", Filter({}, "综合政务")), UnorderedElementsAre(1, 4));
  EXPECT_THAT(Ids("公", Filter({}, "综合政务\\政务公开")), ElementsAre(1));
  EXPECT_THAT(Ids("公", Filter({}, "综合")), IsEmpty());
  EXPECT_THAT(Ids("公", Filter({}, "", "报告")), ElementsAre(2));
  EXPECT_THAT(Ids("公", Filter(1, "", "公告")), IsEmpty());
}

TEST_F(SearchIndexTest, SortsByDateNewestFirst) {
  EXPECT_THAT(Ids("公", {}, SearchSort::kDate), ElementsAre(4, 3, 2, 1));
  // Relevance puts the title match first instead.
  EXPECT_EQ(Ids("公开", {}, SearchSort::kRelevance).front(), 1);
  EXPECT_THAT(Ids("公开", {}, SearchSort::kDate), ElementsAre(2, 1));
}

TEST_F(SearchIndexTest, HitsCarryHighlightedTitleSnippetAndFields) {
  Result<SearchResults> r = index_->Search("政务公开 2018");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->total_estimate, 1);
  const SearchHit& h = r->hits[0];
  EXPECT_EQ(h.catalog_item_id, 1);
  EXPECT_EQ(h.agency_id, 1);
  EXPECT_GT(h.score, 0);
  EXPECT_EQ(h.published_on, *Date::Parse("2018-03-05"));
  EXPECT_EQ(h.title_highlighted, "关于做好<mark>政务公开</mark>工作的通知");
  EXPECT_EQ(h.doc_no_highlighted, "昌商发〔<mark>2018</mark>〕3号");
  EXPECT_EQ(h.snippet_highlighted, "各有关单位：现将<mark>政务公开</mark>工作要点印发给你们。");
  EXPECT_EQ(h.index_no, "000014349/2020-10001");
}

TEST_F(SearchIndexTest, MarkupInTitlesAndBodiesIsEscaped) {
  feed_.Put(Doc(9).Title("<script>alert(1)</script>通知").Body("<img src=x onerror=alert(2)>通知"));
  Build();
  Result<SearchResults> r = index_->Search("script");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].title_highlighted,
            "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;通知");
  EXPECT_EQ(r->hits[0].snippet_highlighted, "&lt;img src=x onerror=alert(2)&gt;通知");
  EXPECT_THAT(r->hits[0].snippet_highlighted, Not(HasSubstr("<img")));
}

TEST_F(SearchIndexTest, PagingAndBadRequests) {
  Result<SearchResults> page = index_->Search("公", {}, SearchSort::kDate, 1, 2);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 2u);
  EXPECT_EQ(page->hits[0].catalog_item_id, 3);
  EXPECT_EQ(page->total_estimate, 4);

  for (auto [query, offset, limit] :
       std::vector<std::tuple<std::string, int, int>>{{"，。！", 0, 10},
                                                      {"", 0, 10},
                                                      {"公", -1, 10},
                                                      {"公", 0, 0},
                                                      {"公", 0, 1000},
                                                      {std::string(101 * 3, 'a'), 0, 10}}) {
    Result<SearchResults> r = index_->Search(query, {}, SearchSort::kRelevance, offset, limit);
    ASSERT_FALSE(r.ok()) << query;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput) << query;
  }
}

TEST_F(SearchIndexTest, OutboxUpsertsDeletesAndStoresItsPosition) {
  ASSERT_EQ(*index_->OutboxPosition(), 0);
  // Item 6 published, item 3 retitled, item 1 withdrawn (gone from the feed), item 4 deleted.
  feed_.Put(Doc(6).Title("防汛抗旱工作方案").On("2023-05-01"));
  feed_.docs[3].title = "食品安全监督抽检信息";
  feed_.docs.erase(1);
  feed_.docs.erase(4);
  feed_.Record(6, Op::kUpsert);
  feed_.Record(3, Op::kUpsert);
  feed_.Record(1, Op::kUpsert);  // an upsert of a withdrawn item removes it
  feed_.Record(4, Op::kDelete);

  Result<OutboxApplied> applied = index_->ApplyOutbox(feed_, 1000);
  ASSERT_TRUE(applied.ok()) << applied.status().message();
  EXPECT_EQ(applied->entries, 4);
  EXPECT_EQ(applied->upserted, 2);
  EXPECT_EQ(applied->deleted, 2);
  EXPECT_EQ(applied->position, 4);
  EXPECT_THAT(Ids("防汛"), ElementsAre(6));
  EXPECT_THAT(Ids("监督抽检"), ElementsAre(3));
  EXPECT_THAT(Ids("结果公告"), IsEmpty());
  EXPECT_THAT(Ids("昌商发"), IsEmpty());
  EXPECT_THAT(Ids("开放日"), IsEmpty());
  EXPECT_EQ(*index_->DocumentCount(), 4);

  // Idempotent: nothing new, nothing re-read.
  const int finds = feed_.finds;
  applied = index_->ApplyOutbox(feed_, 1001);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->entries, 0);
  EXPECT_EQ(feed_.finds, finds);

  // The position persists in the index: another SearchIndex (another node's process) sees it.
  Result<std::unique_ptr<SearchIndex>> again = SearchIndex::Open(dir_.path());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*(*again)->OutboxPosition(), 4);
  // Applying the same entries twice (e.g. after a crash before the position was stored) gives
  // the same index.
  feed_.Record(6, Op::kUpsert);
  feed_.Record(6, Op::kUpsert);
  applied = (*again)->ApplyOutbox(feed_, 1002);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->upserted, 1);  // one re-read for both entries
  EXPECT_THAT(Ids("防汛"), ElementsAre(6));
  EXPECT_EQ(*index_->DocumentCount(), 4);
}

TEST_F(SearchIndexTest, ConcurrentSearchesWhileTheOutboxIsApplied) {
  // Searches on four threads (each call on a reader of its own) while this thread publishes
  // 20 items through the outbox: every search answers, and answers right.
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, searches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      while (!done.load() || searches.load() < 200) {
        Result<SearchResults> a = index_->Search("公开", {}, SearchSort::kRelevance, 0, 10);
        Result<SearchResults> b = index_->Search("合格率", {}, SearchSort::kDate, 0, 10);
        if (!a.ok() || a->hits.size() != 2 || !b.ok() || b->hits.size() != 1 ||
            b->hits[0].catalog_item_id != 3) {
          ++failures;
        }
        searches += 2;
      }
    });
  }
  for (int i = 0; i < 20; ++i) {
    feed_.Put(Doc(100 + i).Title("防汛抗旱第" + std::to_string(i) + "号通报").On("2023-06-01"));
    feed_.Record(100 + i, Op::kUpsert);
    Result<OutboxApplied> applied = index_->ApplyOutbox(feed_, 1000 + i);
    EXPECT_TRUE(applied.ok()) << applied.status().message();
    if (!applied.ok()) break;  // (still join the threads below)
  }
  done = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Ids("防汛抗旱").size(), 20u);
  EXPECT_EQ(*index_->DocumentCount(), 25);
}

TEST_F(SearchIndexTest, OutboxGapsAreAppliedWhenTheyCommitLate) {
  // Ids 1 and 3 are visible; 2 belongs to a transaction that has not committed yet.
  feed_.Put(Doc(10).Title("第一项").On("2023-01-01"));
  feed_.Put(Doc(30).Title("第三项").On("2023-01-03"));
  feed_.Record(10, Op::kUpsert, 1);
  feed_.Record(30, Op::kUpsert, 3);
  Result<OutboxApplied> applied = index_->ApplyOutbox(feed_, 1000);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->position, 3);
  EXPECT_EQ(applied->pending_gaps, 1);

  // The slow transaction commits id 2.
  feed_.Put(Doc(20).Title("第二项").On("2023-01-02"));
  feed_.Record(20, Op::kUpsert, 2);
  applied = index_->ApplyOutbox(feed_, 1060);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->entries, 1);
  EXPECT_EQ(applied->pending_gaps, 0);
  EXPECT_THAT(Ids("第二项"), ElementsAre(20));

  // A gap that never fills (a rolled-back transaction) is forgotten after kGapWaitSeconds.
  feed_.Record(10, Op::kUpsert, 5);
  applied = index_->ApplyOutbox(feed_, 2000);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->pending_gaps, 1);  // id 4
  applied = index_->ApplyOutbox(feed_, 2000 + kGapWaitSeconds + 1);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->pending_gaps, 0);
  EXPECT_EQ(applied->position, 5);
}

TEST_F(SearchIndexTest, ChangesDuringAReindexAreAppliedAfterIt) {
  // The outbox already has 2 entries when the index is built: it is current to 2.
  feed_.Record(1, Op::kUpsert);
  feed_.Record(2, Op::kUpsert);
  Build();
  EXPECT_EQ(*index_->OutboxPosition(), 2);
  feed_.Put(Doc(7).Title("新发布的通知"));
  feed_.Record(7, Op::kUpsert);
  Result<OutboxApplied> applied = index_->ApplyOutbox(feed_, 1000);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->entries, 1);
  EXPECT_THAT(Ids("新发布"), ElementsAre(7));
}

TEST_F(SearchIndexTest, FailedReindexLeavesTheCurrentIndexAndNoDebris) {
  for (int i = 100; i < 2600; ++i) feed_.Put(Doc(i).Title("批量条目" + std::to_string(i)));
  feed_.fail_list_after_pages = 2;  // fails after 2,000 documents
  Result<ReindexStats> failed = Reindex(feed_, dir_.path());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), ErrorCode::kStorage);
  // The old index is still the current one, and searchable.
  EXPECT_THAT(Ids("预算"), ElementsAre(2));
  EXPECT_EQ(*index_->DocumentCount(), 5);
  int generations = 0;
  for (const auto& e : fs::directory_iterator(dir_.path())) {
    generations += e.path().filename().string().rfind("glass-", 0) == 0;
  }
  EXPECT_EQ(generations, 1);

  // A successful rebuild is swapped in; the open index picks it up on its next search.
  feed_.fail_list_after_pages = -1;
  feed_.pages_listed = 0;
  Result<ReindexStats> ok = Reindex(feed_, dir_.path());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->documents, 2505);
  EXPECT_GT(ok->bytes, 0);
  EXPECT_THAT(Ids("批量条目2599"), ElementsAre(2599));
  EXPECT_EQ(*index_->DocumentCount(), 2505);
  generations = 0;
  for (const auto& e : fs::directory_iterator(dir_.path())) {
    generations += e.path().filename().string().rfind("glass-", 0) == 0;
  }
  EXPECT_EQ(generations, 1);
}

TEST_F(SearchIndexTest, ReindexProgressIsReported) {
  for (int i = 100; i < 350; ++i) feed_.Put(Doc(i).Title("条目"));
  std::vector<ReindexProgress> seen;
  ReindexOptions options;
  options.page_size = 64;
  options.progress_every = 100;
  options.progress = [&](const ReindexProgress& p) { seen.push_back(p); };
  ASSERT_TRUE(Reindex(feed_, dir_.path(), options).ok());
  ASSERT_EQ(seen.size(), 3u);  // 100, 200, end
  EXPECT_EQ(seen[0].done, 100);
  EXPECT_EQ(seen.back().done, 255);
  EXPECT_EQ(seen.back().total, 255);
}

TEST_F(SearchIndexTest, OneReindexAtATime) {
  Result<ReindexLock> held = ReindexLock::Acquire(dir_.path());
  ASSERT_TRUE(held.ok());
  Result<ReindexStats> second = Reindex(feed_, dir_.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), ErrorCode::kConflict);
}

// Damage of each kind: Open says "rebuild" and EnsureIndex rebuilds from the feed.
TEST(SearchIndexRecoveryTest, MissingOrDamagedIndexIsDetectedAndRebuilt) {
  struct Damage {
    const char* name;
    std::function<void(const std::string& dir, const std::string& db)> apply;
    ErrorCode code;
  };
  const std::vector<Damage> damages = {
      {"never built", [](const std::string& dir, const std::string&) { fs::remove_all(dir); },
       ErrorCode::kNotFound},
      {"stub garbage",
       [](const std::string& dir, const std::string&) {
         std::ofstream(dir + "/XAPIANDB") << "nonsense";
       },
       ErrorCode::kStorage},
      {"database deleted", [](const std::string&, const std::string& db) { fs::remove_all(db); },
       ErrorCode::kStorage},
      {"tables overwritten",
       [](const std::string&, const std::string& db) {
         for (const auto& e : fs::directory_iterator(db)) {
           std::ofstream(e.path(), std::ios::trunc) << std::string(100, 'x');
         }
       },
       ErrorCode::kStorage},
      {"metadata missing",
       [](const std::string&, const std::string& db) {
         Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
         w.set_metadata("gongkai.outbox", "");
         w.commit();
       },
       ErrorCode::kStorage},
      {"older format",
       [](const std::string&, const std::string& db) {
         Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
         w.set_metadata("gongkai.format", "gongkai-search-0");
         w.commit();
       },
       ErrorCode::kStorage},
  };
  for (const Damage& d : damages) {
    SCOPED_TRACE(d.name);
    TempDir tmp;
    const std::string dir = tmp.path() + "/index";
    FakeFeed feed;
    FillCatalog(feed);
    ASSERT_TRUE(Reindex(feed, dir).ok());
    Result<std::string> db = CurrentDatabase(dir);
    ASSERT_TRUE(db.ok());
    d.apply(dir, *db);

    Result<std::unique_ptr<SearchIndex>> opened = SearchIndex::Open(dir);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), d.code) << opened.status().message();

    Result<std::unique_ptr<SearchIndex>> ensured = EnsureIndex(feed, dir);
    ASSERT_TRUE(ensured.ok()) << ensured.status().message();
    Result<SearchResults> r = (*ensured)->Search("食品");
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->hits.size(), 1u);
    EXPECT_EQ(r->hits[0].catalog_item_id, 3);
  }
}

TEST(SearchIndexRecoveryTest, EnsureIndexCatchesUpWithTheOutbox) {
  TempDir tmp;
  FakeFeed feed;
  FillCatalog(feed);
  ASSERT_TRUE(Reindex(feed, tmp.path()).ok());
  feed.Put(Doc(8).Title("应急预案"));
  feed.Record(8, Op::kUpsert);
  Result<std::unique_ptr<SearchIndex>> index = EnsureIndex(feed, tmp.path());
  ASSERT_TRUE(index.ok()) << index.status().message();
  EXPECT_EQ(*(*index)->OutboxPosition(), 1);
  Result<SearchResults> r = (*index)->Search("应急");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
}

TEST(SearchIndexRecoveryTest, FailedOutboxReadChangesNothing) {
  TempDir tmp;
  FakeFeed feed;
  FillCatalog(feed);
  ASSERT_TRUE(Reindex(feed, tmp.path()).ok());
  Result<std::unique_ptr<SearchIndex>> index = SearchIndex::Open(tmp.path());
  ASSERT_TRUE(index.ok());
  feed.Record(3, Op::kUpsert);
  feed.fail_find = true;
  Result<OutboxApplied> applied = (*index)->ApplyOutbox(feed, 1000);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.status().code(), ErrorCode::kStorage);
  EXPECT_EQ(*(*index)->OutboxPosition(), 0);
  feed.fail_find = false;
  applied = (*index)->ApplyOutbox(feed, 1001);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->position, 1);
}

TEST(SearchIndexRecoveryTest, AFailureMidwayKeepsTheCompletedPagesConsistent) {
  TempDir tmp;
  FakeFeed feed;
  FillCatalog(feed);
  ASSERT_TRUE(Reindex(feed, tmp.path()).ok());
  Result<std::unique_ptr<SearchIndex>> index = SearchIndex::Open(tmp.path());
  ASSERT_TRUE(index.ok());
  for (int i = 1; i <= 1500; ++i) {
    feed.Put(Doc(1000 + i).Title("变更条目"));
    feed.Record(1000 + i, Op::kUpsert);
  }
  feed.fail_find_after = 1200;  // in the second page of 1,000 entries
  Result<OutboxApplied> applied = (*index)->ApplyOutbox(feed, 1000);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(feed.finds, 1201) << applied.status().message();
  // The first page is in, with its position; nothing of the second.
  EXPECT_EQ(*(*index)->OutboxPosition(), 1000);
  EXPECT_EQ(*(*index)->DocumentCount(), 5 + 1000);
  feed.fail_find_after = -1;
  applied = (*index)->ApplyOutbox(feed, 1001);
  ASSERT_TRUE(applied.ok()) << applied.status().message();
  EXPECT_EQ(applied->entries, 500);
  EXPECT_EQ(*(*index)->DocumentCount(), 5 + 1500);
}

}  // namespace
}  // namespace gongkai::search
