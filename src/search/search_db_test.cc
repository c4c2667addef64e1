// The index built from a real database through store/'s SearchFeed:
//   Sqlite/SearchDbTest.*    a fresh SQLite file per test;
//   Postgres/SearchDbTest.*  a fresh database on the private cluster (ctest fixture "pg",
//                            URL in the file named by $GONGKAI_TEST_PG_URL_FILE);
//   SearchParityTest.Postgres*  the same dataset in both gives identical results.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/application/testing.h"
#include "core/calendar/work_calendar.h"
#include "core/repository.h"
#include "core/search_feed.h"
#include "dataset/demo.h"
#include "search/search_index.h"
#include "search/testing.h"
#include "store/postgres/postgres_store.h"

namespace gongkai::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::TempDir;

Date D(const char* text) { return *Date::Parse(text); }

// The outbox of migration 3, for databases whose schema predates it (IF NOT EXISTS: a no-op
// once the migration is there).
constexpr char kSqliteOutbox[] =
    "CREATE TABLE IF NOT EXISTS search_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "agency_id INTEGER NOT NULL, entity TEXT NOT NULL, entity_id INTEGER NOT NULL, "
    "op TEXT NOT NULL, created_at TEXT NOT NULL)";
constexpr char kPostgresOutbox[] =
    "CREATE TABLE IF NOT EXISTS search_outbox (id BIGSERIAL PRIMARY KEY, "
    "agency_id BIGINT NOT NULL, entity TEXT NOT NULL, entity_id BIGINT NOT NULL, "
    "op TEXT NOT NULL, created_at TEXT NOT NULL)";

std::string PostgresBaseUrl() {
  const char* file = std::getenv("GONGKAI_TEST_PG_URL_FILE");
  if (file == nullptr || *file == '\0') return std::string();
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  return url;
}

// A fresh, empty database and a raw session on it.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual std::string Url() const = 0;
  virtual soci::session& Raw() = 0;
  virtual bool IsPostgres() const = 0;
  void CreateOutbox() { Raw() << (IsPostgres() ? kPostgresOutbox : kSqliteOutbox); }
  void Record(int64_t item, const char* op) {
    long long id = item;
    std::string o = op;
    Raw() << "INSERT INTO search_outbox (agency_id, entity, entity_id, op, created_at) "
             "SELECT agency_id, 'catalog_item', id, :op, '2024-01-01T00:00:00Z' "
             "FROM catalog_items WHERE id = :id",
        soci::use(o, "op"), soci::use(id, "id");
  }
};

class SqliteDatabase : public TestDatabase {
 public:
  std::string Url() const override { return dir_.path() + "/gongkai.db"; }
  soci::session& Raw() override {
    if (!raw_) raw_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + Url());
    return *raw_;
  }
  bool IsPostgres() const override { return false; }

 private:
  TempDir dir_;
  std::unique_ptr<soci::session> raw_;
};

std::unique_ptr<soci::session> ConnectPostgres(const std::string& url) {
  Result<store::PostgresTarget> target = store::ParsePostgresUrl(url);
  if (!target.ok()) throw std::runtime_error(target.status().message());
  auto s = std::make_unique<soci::session>(soci::postgresql, target->connect_string);
  *s << "SET client_min_messages = warning";
  return s;
}

class PostgresDatabase : public TestDatabase {
 public:
  explicit PostgresDatabase(const std::string& base_url) {
    std::random_device rd;
    std::ostringstream name;
    name << "s_" << std::hex << std::mt19937_64(rd())();
    name_ = name.str();
    url_ = base_url.substr(0, base_url.rfind('/') + 1) + name_;
    admin_ = ConnectPostgres(base_url);
    *admin_ << "CREATE DATABASE " + name_;
  }
  ~PostgresDatabase() override {
    raw_.reset();
    try {
      *admin_ << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } catch (const std::exception& e) {
      ADD_FAILURE() << "DROP DATABASE " << name_ << ": " << e.what();
    }
  }
  std::string Url() const override { return url_; }
  soci::session& Raw() override {
    if (!raw_) raw_ = ConnectPostgres(url_);
    return *raw_;
  }
  bool IsPostgres() const override { return true; }

 private:
  std::string name_, url_;
  std::unique_ptr<soci::session> admin_, raw_;
};

const WorkCalendar& Calendar() {
  static const WorkCalendar* cal = [] {
    std::ifstream in(std::string(GONGKAI_SOURCE_DATA_DIR) + "/holidays-cn.csv", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Result<WorkCalendar> c = WorkCalendar::FromCsv(text.str());
    if (!c.ok()) std::abort();
    return new WorkCalendar(std::move(c).value());
  }();
  return *cal;
}

// Demo data (three agencies, their catalogs over 2018–2025, applications with applicant names)
// plus items with the states the feed must tell apart.
Dataset TestDataset() {
  DemoOptions o;
  o.agencies = 3;
  o.applications = 120;
  o.first_year = 2022;
  o.last_year = 2024;
  o.calendar = &Calendar();
  Result<Dataset> demo = GenerateDemo(o);
  if (!demo.ok()) std::abort();
  Dataset ds = std::move(demo).value();
  const std::string slug = ds.agencies.front().slug;

  CatalogItem draft;
  draft.title = "草稿状态的防汛预案";
  draft.publisher = "测试";
  draft.created_on = D("2024-03-01");
  draft.topic = "综合政务\\其他";
  draft.genre = "其他";
  ds.catalog_items.push_back({slug, draft});

  CatalogItem withdrawn = draft;
  withdrawn.title = "已撤回的防汛通知";
  withdrawn.index_no = "TEST/2024-99001";
  withdrawn.published_on = D("2024-03-02");
  withdrawn.withdrawn_on = D("2024-03-20");
  ds.catalog_items.push_back({slug, withdrawn});

  CatalogItem live = draft;
  live.title = "防汛抗旱应急预案";
  live.index_no = "TEST/2024-99002";
  live.doc_no = "东政办发〔2024〕7号";
  live.published_on = D("2024-03-03");
  live.body = "为做好防汛抗旱工作，制定本预案。<script>alert(1)</script>";
  ds.catalog_items.push_back({slug, live});

  // An applicant whose name and request must never reach the index.
  Application app = testutil::ApplicationBuilder()
                        .Number("搜索测试-001")
                        .ReceivedOn("2024-04-01")
                        .Content("申请公开欧阳锋测试相关的防汛资料")
                        .Build();
  app.applicant_name = "欧阳锋测试";
  ds.applications.push_back({slug, app});
  return ds;
}

enum class Backend { kSqlite, kPostgres };

std::unique_ptr<TestDatabase> MakeDatabase(Backend b) {
  if (b == Backend::kSqlite) return std::make_unique<SqliteDatabase>();
  const std::string url = PostgresBaseUrl();
  if (url.empty()) return nullptr;
  return std::make_unique<PostgresDatabase>(url);
}

// Imports `ds` and opens a feed on the database.
std::unique_ptr<SearchFeed> Load(TestDatabase& db, const Dataset& ds) {
  Result<std::unique_ptr<Repository>> repo = OpenRepository(db.Url());
  EXPECT_TRUE(repo.ok()) << repo.status().message();
  if (!repo.ok()) return nullptr;
  Result<ImportSummary> imported = (*repo)->Import(ds);
  EXPECT_TRUE(imported.ok()) << imported.status().message();
  db.CreateOutbox();
  Result<std::unique_ptr<SearchFeed>> feed = OpenSearchFeed(db.Url());
  EXPECT_TRUE(feed.ok()) << feed.status().message();
  return feed.ok() ? std::move(feed).value() : nullptr;
}

class SearchDbTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = MakeDatabase(GetParam());
    if (!db_) GTEST_SKIP() << "GONGKAI_TEST_PG_URL_FILE is not set (ctest sets it after pg.start)";
    feed_ = Load(*db_, TestDataset());
    ASSERT_TRUE(feed_);
    Result<std::unique_ptr<SearchIndex>> index = EnsureIndex(*feed_, dir_.path() + "/search");
    ASSERT_TRUE(index.ok()) << index.status().message();
    index_ = std::move(index).value();
  }

  std::vector<std::string> Titles(std::string_view query) {
    Result<SearchResults> r = index_->Search(query, {}, SearchSort::kRelevance, 0, 100);
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::vector<std::string> out;
    if (r.ok()) {
      for (const SearchHit& h : r->hits) out.push_back(h.title_highlighted);
    }
    return out;
  }

  long long ItemId(const std::string& title) {
    long long id = 0;
    std::string t = title;
    db_->Raw() << "SELECT id FROM catalog_items WHERE title = :t", soci::use(t, "t"),
        soci::into(id);
    return id;
  }

  TempDir dir_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<SearchFeed> feed_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_P(SearchDbTest, IndexesPublishedItemsOnlyAndNoApplicantData) {
  EXPECT_THAT(Titles("防汛预案"), IsEmpty());  // the draft
  EXPECT_THAT(Titles("防汛通知"), IsEmpty());  // withdrawn
  EXPECT_THAT(Titles("防汛抗旱应急"), ElementsAre("<mark>防汛抗旱应急</mark>预案"));
  EXPECT_THAT(Titles("欧阳锋"), IsEmpty());
  EXPECT_THAT(Titles("搜索测试"), IsEmpty());
  long long published = 0;
  db_->Raw() << "SELECT COUNT(*) FROM catalog_items WHERE published_on IS NOT NULL "
                "AND withdrawn_on IS NULL",
      soci::into(published);
  EXPECT_GT(published, 100);
  EXPECT_EQ(*index_->DocumentCount(), published);
  Result<int64_t> count = feed_->CountDocuments();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, published);
}

TEST_P(SearchDbTest, FeedReadsDocumentsAndTheOutbox) {
  const long long live = ItemId("防汛抗旱应急预案");
  Result<std::optional<SearchDocument>> doc = feed_->FindDocument(live);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_TRUE(doc->has_value());
  EXPECT_EQ((*doc)->doc_no, "东政办发〔2024〕7号");
  EXPECT_EQ((*doc)->published_on, D("2024-03-03"));
  EXPECT_EQ((*doc)->topic, "综合政务\\其他");
  EXPECT_EQ((*doc)->attachments_text, "");
  Result<std::optional<SearchDocument>> gone = feed_->FindDocument(ItemId("已撤回的防汛通知"));
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  Result<std::optional<SearchDocument>> draft = feed_->FindDocument(ItemId("草稿状态的防汛预案"));
  ASSERT_TRUE(draft.ok());
  EXPECT_FALSE(draft->has_value());

  // Pages are in id order and cover every published item once.
  int64_t after = 0, seen = 0;
  for (;;) {
    Result<std::vector<SearchDocument>> page = feed_->ListDocuments(after, 50);
    ASSERT_TRUE(page.ok()) << page.status().message();
    for (const SearchDocument& d : *page) {
      EXPECT_GT(d.catalog_item_id, after);
      after = d.catalog_item_id;
      ++seen;
    }
    if (page->size() < 50) break;
  }
  EXPECT_EQ(seen, *feed_->CountDocuments());

  EXPECT_EQ(*feed_->LastOutboxId(), 0);
  db_->Record(live, "upsert");
  db_->Record(live, "delete");
  Result<std::vector<SearchOutboxEntry>> entries = feed_->ListOutbox(0, 10);
  ASSERT_TRUE(entries.ok()) << entries.status().message();
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].entity, "catalog_item");
  EXPECT_EQ((*entries)[0].entity_id, live);
  EXPECT_EQ((*entries)[0].op, SearchOutboxEntry::Op::kUpsert);
  EXPECT_EQ((*entries)[1].op, SearchOutboxEntry::Op::kDelete);
  EXPECT_EQ(*feed_->LastOutboxId(), (*entries)[1].id);
  EXPECT_EQ(feed_->ListOutbox((*entries)[0].id, 10)->size(), 1u);
  EXPECT_TRUE(feed_->ListOutbox(0, 1)->size() == 1u);
}

TEST_P(SearchDbTest, OutboxKeepsTheIndexCurrent) {
  const long long live = ItemId("防汛抗旱应急预案");
  db_->Raw() << "UPDATE catalog_items SET title = '防汛抗旱巡堤细则' WHERE id = " +
                    std::to_string(live);
  db_->Record(live, "upsert");
  const long long withdrawn = ItemId("已撤回的防汛通知");
  db_->Raw() << "UPDATE catalog_items SET withdrawn_on = NULL WHERE id = " +
                    std::to_string(withdrawn);
  db_->Record(withdrawn, "upsert");
  Result<OutboxApplied> applied = index_->ApplyOutbox(*feed_);
  ASSERT_TRUE(applied.ok()) << applied.status().message();
  EXPECT_EQ(applied->upserted, 2);
  EXPECT_THAT(Titles("巡堤细则"), ElementsAre("防汛抗旱<mark>巡堤细则</mark>"));
  EXPECT_THAT(Titles("防汛抗旱应急"), IsEmpty());
  EXPECT_THAT(Titles("防汛通知"), ElementsAre("已撤回的<mark>防汛通知</mark>"));

  db_->Raw() << "UPDATE catalog_items SET withdrawn_on = '2024-05-01' WHERE id = " +
                    std::to_string(live);
  db_->Record(live, "delete");
  applied = index_->ApplyOutbox(*feed_);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->deleted, 1);
  EXPECT_THAT(Titles("巡堤细则"), IsEmpty());
  EXPECT_EQ(*index_->OutboxPosition(), *feed_->LastOutboxId());
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgres";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SearchDbTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, SearchDbTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

// "The same results whichever database is used": one dataset, loaded in each backend, indexed
// from each, and a set of queries compared hit by hit (ids, scores, highlighted text).
TEST(SearchParityTest, PostgresGivesTheSameResultsAsSqlite) {
  std::unique_ptr<TestDatabase> pg = MakeDatabase(Backend::kPostgres);
  if (!pg) GTEST_SKIP() << "GONGKAI_TEST_PG_URL_FILE is not set (ctest sets it after pg.start)";
  std::unique_ptr<TestDatabase> lite = MakeDatabase(Backend::kSqlite);
  const Dataset ds = TestDataset();
  std::unique_ptr<SearchFeed> pg_feed = Load(*pg, ds), lite_feed = Load(*lite, ds);
  ASSERT_TRUE(pg_feed && lite_feed);
  TempDir dir;
  Result<std::unique_ptr<SearchIndex>> pg_index = EnsureIndex(*pg_feed, dir.path() + "/pg");
  Result<std::unique_ptr<SearchIndex>> lite_index = EnsureIndex(*lite_feed, dir.path() + "/lite");
  ASSERT_TRUE(pg_index.ok()) << pg_index.status().message();
  ASSERT_TRUE(lite_index.ok()) << lite_index.status().message();
  EXPECT_EQ(*(*pg_index)->DocumentCount(), *(*lite_index)->DocumentCount());

  int compared = 0;
  for (const char* query : {"公", "局", "通知", "公开", "政务公开", "工作要点", "预算", "2023",
                            "行政许可决定", "统计信息", "防汛抗旱", "采购 公告", "东政办发"}) {
    for (SearchSort sort : {SearchSort::kRelevance, SearchSort::kDate}) {
      SCOPED_TRACE(std::string(query) + (sort == SearchSort::kDate ? " by date" : ""));
      Result<SearchResults> a = (*lite_index)->Search(query, {}, sort, 0, 50);
      Result<SearchResults> b = (*pg_index)->Search(query, {}, sort, 0, 50);
      ASSERT_TRUE(a.ok() && b.ok());
      EXPECT_EQ(a->total_estimate, b->total_estimate);
      ASSERT_EQ(a->hits.size(), b->hits.size());
      for (size_t i = 0; i < a->hits.size(); ++i) {
        EXPECT_EQ(a->hits[i].catalog_item_id, b->hits[i].catalog_item_id);
        EXPECT_EQ(a->hits[i].score, b->hits[i].score);
        EXPECT_EQ(a->hits[i].title_highlighted, b->hits[i].title_highlighted);
        EXPECT_EQ(a->hits[i].snippet_highlighted, b->hits[i].snippet_highlighted);
        EXPECT_EQ(a->hits[i].published_on, b->hits[i].published_on);
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100);
}

}  // namespace
}  // namespace gongkai::search
