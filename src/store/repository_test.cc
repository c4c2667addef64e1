// One repository test suite, run against both backends (STYLE.md §8):
//   Sqlite/RepositoryTest.*    a fresh database file in a temporary directory per test;
//   Postgres/RepositoryTest.*  a fresh database (CREATE DATABASE t_<random>) per test on the
//                              private cluster of tests/pg/pg_cluster.sh, whose URL is in the
//                              file named by $GONGKAI_TEST_PG_URL_FILE (ctest sets it).
// Plus SQLite-only failure modes (corrupt, locked) and URL parsing.
#include "core/repository.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "store/migration.h"
#include "store/postgres/postgres_store.h"

namespace gongkai {
namespace {

using ::testing::HasSubstr;
// soci-sqlite3.h includes sqlite3.h inside this namespace.
using sqlite_api::sqlite3;
using sqlite_api::sqlite3_close;
using sqlite_api::sqlite3_exec;
using sqlite_api::sqlite3_open;

Date D(const char* text) { return *Date::Parse(text); }

std::string RandomSuffix() {
  std::random_device rd;
  std::mt19937_64 gen(rd());
  std::ostringstream out;
  out << std::hex << gen();
  return out.str();
}

// A temporary directory removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/gongkai-store-XXXXXX";
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// ---------------------------------------------------------------------------------------------
// Backends under test
// ---------------------------------------------------------------------------------------------

// A fresh, empty database for one test, and a raw SOCI session on it for checks the Repository
// interface does not offer (row counts, the schema version).
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual std::string Url() const = 0;
  virtual std::unique_ptr<soci::session> Raw() const = 0;
  virtual bool IsPostgres() const = 0;
};

class SqliteDatabase : public TestDatabase {
 public:
  // A subdirectory that does not exist yet: OpenRepository must create it.
  std::string Url() const override { return dir_.path() + "/var/gongkai.db"; }
  std::unique_ptr<soci::session> Raw() const override {
    return std::make_unique<soci::session>(soci::sqlite3, "db=" + Url());
  }
  bool IsPostgres() const override { return false; }

 private:
  TempDir dir_;
};

class PostgresDatabase : public TestDatabase {
 public:
  // `base_url` names the cluster's database; a new one is created beside it.
  explicit PostgresDatabase(const std::string& base_url) {
    const size_t slash = base_url.rfind('/');
    name_ = "t_" + RandomSuffix();
    url_ = base_url.substr(0, slash + 1) + name_;
    admin_url_ = base_url;
    Admin() << "CREATE DATABASE " + name_;
  }
  ~PostgresDatabase() override {
    try {
      Admin() << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } catch (const std::exception& e) {
      ADD_FAILURE() << "DROP DATABASE " << name_ << ": " << e.what();
    }
  }
  std::string Url() const override { return url_; }
  std::unique_ptr<soci::session> Raw() const override { return Connect(url_); }
  bool IsPostgres() const override { return true; }

 private:
  static std::unique_ptr<soci::session> Connect(const std::string& url) {
    Result<store::PostgresTarget> target = store::ParsePostgresUrl(url);
    if (!target.ok()) throw std::runtime_error(target.status().message());
    auto s = std::make_unique<soci::session>(soci::postgresql, target->connect_string);
    *s << "SET client_min_messages = warning";
    return s;
  }
  soci::session& Admin() {
    if (!admin_) admin_ = Connect(admin_url_);
    return *admin_;
  }

  std::string name_, url_, admin_url_;
  std::unique_ptr<soci::session> admin_;
};

enum class Backend { kSqlite, kPostgres };

void PrintTo(Backend b, std::ostream* os) {
  *os << (b == Backend::kSqlite ? "SQLite" : "PostgreSQL");
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgres";
}

class RepositoryTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      db_ = std::make_unique<SqliteDatabase>();
    } else {
      const char* file = std::getenv("GONGKAI_TEST_PG_URL_FILE");
      if (file == nullptr || *file == '\0') {
        GTEST_SKIP() << "GONGKAI_TEST_PG_URL_FILE is not set (ctest sets it after pg.start)";
      }
      std::ifstream in(file);
      std::string url;
      ASSERT_TRUE(std::getline(in, url) && !url.empty())
          << "cannot read the PostgreSQL URL from " << file;
      db_ = std::make_unique<PostgresDatabase>(url);
    }
    repo_ = Open();
  }
  void TearDown() override {
    repo_.reset();
    db_.reset();
  }

  std::unique_ptr<Repository> Open() {
    Result<std::unique_ptr<Repository>> repo = OpenRepository(db_->Url());
    EXPECT_TRUE(repo.ok()) << repo.status().message();
    if (!repo.ok()) return nullptr;
    return std::move(repo).value();
  }

  long long Scalar(const std::string& sql) {
    std::unique_ptr<soci::session> raw = db_->Raw();
    long long v = 0;
    *raw << sql, soci::into(v);
    return v;
  }

  // Rows of every table, for "database unchanged" checks.
  std::vector<long long> AllCounts() {
    std::vector<long long> counts;
    for (const char* table :
         {"agencies", "catalog_items", "catalog_publications", "applications", "application_events",
          "reviews", "lawsuits", "complaints", "hot_topics", "responses", "meetings", "trainings",
          "staffing", "fees", "manual_figures", "narrative_sections", "audit_log"}) {
      counts.push_back(Scalar(std::string("SELECT COUNT(*) FROM ") + table));
    }
    return counts;
  }

  Agency AgencyOf(const std::string& slug) {
    Result<Agency> a = repo_->FindAgency(slug);
    EXPECT_TRUE(a.ok()) << a.status().message();
    return a.ok() ? *a : Agency{};
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Repository> repo_;
};

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

Agency MakeAgency(const std::string& slug, const std::string& name,
                  const std::string& parent_slug = "") {
  Agency a;
  a.slug = slug;
  a.name = name;
  a.short_name = name.substr(0, std::min<size_t>(name.size(), 12));
  a.org_code = "00001434" + std::to_string(slug.size());
  a.parent_slug = parent_slug;
  a.region = "吉林省吉林市昌邑区";
  return a;
}

class ApplicationBuilder {
 public:
  ApplicationBuilder(std::string number, const char* received) {
    app_.number = std::move(number);
    app_.received_on = D(received);
    app_.applicant_name = "张三";
    app_.content = "申请公开 " + app_.number;
  }
  ApplicationBuilder& ByFax(const char* confirmed) {
    app_.channel = Channel::kFax;
    app_.confirmed_on = D(confirmed);
    return *this;
  }
  ApplicationBuilder& From(ApplicantType t) {
    app_.applicant_type = t;
    return *this;
  }
  ApplicationBuilder& Rules(RuleSet r) {
    app_.rules_override = r;
    return *this;
  }
  ApplicationBuilder& Event(EventKind kind, const char* on) {
    ApplicationEvent e;
    e.kind = kind;
    e.on = D(on);
    e.actor = "officer-li";
    app_.events.push_back(e);
    return *this;
  }
  ApplicationBuilder& Answered(const char* on, Outcome outcome) {
    Event(EventKind::kAnswered, on);
    app_.events.back().outcome = outcome;
    app_.events.back().note = "答复：" + std::string(ToChinese(outcome));
    return *this;
  }
  Application Build() const { return app_; }

 private:
  Application app_;
};

Dataset::Owned<Application> Owned(const std::string& slug, const Application& a) {
  return {slug, a};
}

// One of everything, for the round trip.
Dataset FullDataset() {
  Dataset ds;
  ds.actor = "tester";
  ds.source = "fixtures/full.json";
  ds.agencies.push_back(MakeAgency("changyi-commerce", "吉林市昌邑区商务局", "changyi"));
  ds.agencies.push_back(MakeAgency("changyi", "吉林市昌邑区人民政府"));

  CatalogItem plain;
  plain.index_no = "000014349/2019-00012";
  plain.title = "关于开展2019年商务工作的通知";
  plain.doc_no = "昌商发〔2019〕3号";
  plain.publisher = "昌邑区商务局";
  plain.created_on = D("2019-02-01");
  plain.published_on = D("2019-02-03");
  plain.topic = "综合政务\\其他";
  plain.genre = "通知";
  plain.summary = "概述";
  plain.body = "正文";
  plain.article20_item = 5;
  plain.channels = {{PublicationChannel::kWebsite, D("2019-02-03")},
                    {PublicationChannel::kWechat, D("2019-02-04")}};
  ds.catalog_items.push_back({"changyi-commerce", plain});

  CatalogItem rule;
  rule.index_no = "000014349/2017-00001";
  rule.title = "昌邑区商务市场管理办法";
  rule.publisher = "昌邑区商务局";
  rule.created_on = D("2017-03-01");
  rule.published_on = D("2017-03-05");
  rule.withdrawn_on = D("2019-11-30");
  rule.normative = NormativeDocument{
      true, "昌邑区人民政府", D("2017-03-01"), D("2017-04-01"), D("2022-03-31"), D("2019-11-30")};
  ds.catalog_items.push_back({"changyi-commerce", rule});

  Application fax = ApplicationBuilder("2019-001", "2019-03-01")
                        .ByFax("2019-03-04")
                        .From(ApplicantType::kLegalServiceOrg)
                        .Rules(RuleSet::k2008)
                        .Event(EventKind::kCorrectionRequested, "2019-03-05")
                        .Event(EventKind::kCorrectionReceived, "2019-03-08")
                        .Event(EventKind::kConsultationStarted, "2019-03-11")
                        .Event(EventKind::kConsultationEnded, "2019-03-20")
                        .Event(EventKind::kExtensionApproved, "2019-03-25")
                        .Event(EventKind::kFeeNotified, "2019-03-26")
                        .Event(EventKind::kFeePaid, "2019-03-28")
                        .Answered("2019-04-10", Outcome::kPartiallyDisclosed)
                        .Build();
  fax.content = "第一行\n第二行\t制表符\\反斜杠 \\N 不是空值\r\n";  // COPY escapes
  fax.events[0].note = "请补充所需信息的名称";
  fax.events[2].party = ConsultationParty::kOtherAgency;
  fax.events[4].extension_days = 15;
  fax.events[5].fee_fen = 12'345;
  fax.events[6].fee_fen = 12'345;
  ds.applications.push_back(Owned("changyi-commerce", fax));
  ds.applications.push_back(
      Owned("changyi-commerce", ApplicationBuilder("2019-002", "2019-05-20")
                                    .Answered("2019-06-03", Outcome::kRefusedStateSecret)
                                    .Build()));
  ds.applications.push_back(
      Owned("changyi", ApplicationBuilder("2019-001", "2019-07-01").Build()));  // same number,
                                                                                // other agency

  Review review;
  review.number = "吉市复〔2019〕7号";
  review.application_number = "2019-002";
  review.filed_on = D("2019-06-20");
  review.decided_on = D("2019-08-20");
  review.result = CaseResult::kCorrected;
  ds.reviews.push_back({"changyi-commerce", review});

  Lawsuit suit;
  suit.number = "（2019）吉0202行初15号";
  suit.application_number = "2019-002";
  suit.after_review = true;
  suit.review_number = review.number;
  suit.filed_on = D("2019-09-01");
  ds.lawsuits.push_back({"changyi-commerce", suit});

  ds.complaints.push_back({"changyi-commerce", Complaint{0, 0, D("2019-04-02"), "网站栏目未更新"}});
  ds.hot_topics.push_back(
      {"changyi-commerce", HotTopic{0, 0, "market-2019", "农贸市场改造", D("2019-05-01")}});
  Response resp;
  resp.kind = ResponseKind::kPressConference;
  resp.on = D("2019-05-03");
  resp.title = "农贸市场改造新闻发布会";
  resp.principal_leader = true;
  resp.hot_topic_key = "market-2019";
  ds.responses.push_back({"changyi-commerce", resp});
  Response plain_resp;
  plain_resp.kind = ResponseKind::kInterpretation;
  plain_resp.on = D("2019-02-05");
  plain_resp.title = "政策解读";
  ds.responses.push_back({"changyi-commerce", plain_resp});
  ds.meetings.push_back({"changyi-commerce", Meeting{0, 0, D("2019-01-15"), "政务公开工作会议"}});
  ds.trainings.push_back(
      {"changyi-commerce", Training{0, 0, D("2019-06-15"), "政务公开业务培训", 42}});
  ds.staffing.push_back({"changyi-commerce", Staffing{0, 2019, 1, 3, 1, 2, 5'000'000}});
  FeeCollected fee;
  fee.on = D("2019-03-28");
  fee.amount_fen = 12'345;
  fee.application_number = "2019-001";
  ds.fees.push_back({"changyi-commerce", fee});
  ManualFigure figure;
  figure.year = 2019;
  figure.format_id = "2019";
  figure.cell_id = "T2.6.1/DEC";
  figure.value = *Decimal::Parse("12.345678");
  figure.entered_by = "officer-li";
  figure.entered_at = "2020-01-10T09:00:00Z";
  figure.source = "执法系统导出";
  ds.manual_figures.push_back({"changyi-commerce", figure});
  NarrativeSection section;
  section.year = 2019;
  section.format_id = "2019";
  section.section_id = "S1";
  section.body = "{{year}}年，{{agency}}共收到申请{{R1/TOT}}件。";
  section.edited_by = "officer-li";
  section.edited_at = "2020-01-11T09:00:00Z";
  ds.narratives.push_back({"changyi-commerce", section});
  return ds;
}

// ---------------------------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------------------------

TEST_P(RepositoryTest, FreshDatabaseIsMigratedAndReopeningIsIdempotent) {
  ASSERT_NE(repo_, nullptr);
  const store::Backend backend =
      db_->IsPostgres() ? store::Backend::kPostgres : store::Backend::kSqlite;
  const long long latest = store::LatestSchemaVersion(backend);
  ASSERT_GE(latest, 1);
  EXPECT_EQ(Scalar("SELECT MAX(version) FROM schema_migrations"), latest);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM schema_migrations"), latest);
  Result<std::vector<Agency>> agencies = repo_->ListAgencies();
  ASSERT_TRUE(agencies.ok()) << agencies.status().message();
  EXPECT_TRUE(agencies->empty());

  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  repo_.reset();
  repo_ = Open();  // second open: nothing to apply, data intact
  ASSERT_NE(repo_, nullptr);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM schema_migrations"), latest);
  EXPECT_EQ(AgencyOf("changyi-commerce").name, "吉林市昌邑区商务局");
}

TEST_P(RepositoryTest, SchemaNewerThanProgramIsRefused) {
  repo_.reset();
  {
    std::unique_ptr<soci::session> raw = db_->Raw();
    *raw << "INSERT INTO schema_migrations (version, name, applied_at) "
            "VALUES (999, 'future', '2099-01-01T00:00:00Z')";
  }
  Result<std::unique_ptr<Repository>> repo = OpenRepository(db_->Url());
  ASSERT_FALSE(repo.ok());
  EXPECT_EQ(repo.status().code(), ErrorCode::kStorage);
  EXPECT_THAT(repo.status().message(), HasSubstr("999"));
  EXPECT_THAT(repo.status().message(), HasSubstr("比本程序支持的版本"));
}

TEST_P(RepositoryTest, AuditLogIsAppendOnly) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  ASSERT_EQ(Scalar("SELECT COUNT(*) FROM audit_log"), 1);
  std::unique_ptr<soci::session> raw = db_->Raw();
  EXPECT_THROW(*raw << "UPDATE audit_log SET actor = 'mallory'", soci::soci_error);
  EXPECT_THROW(*raw << "DELETE FROM audit_log", soci::soci_error);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'tester' AND action = 'import' "
                   "AND source = 'fixtures/full.json'"),
            1);
}

// ---------------------------------------------------------------------------------------------
// Import + LoadYear round trip
// ---------------------------------------------------------------------------------------------

TEST_P(RepositoryTest, ImportThenLoadYearRoundTripsEveryRecordAndField) {
  const Dataset ds = FullDataset();
  Result<ImportSummary> summary = repo_->Import(ds);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->agencies, 2);
  EXPECT_EQ(summary->catalog_items, 2);
  EXPECT_EQ(summary->applications, 3);
  EXPECT_EQ(summary->events, 9);
  EXPECT_EQ(summary->reviews, 1);
  EXPECT_EQ(summary->lawsuits, 1);
  EXPECT_EQ(summary->other_records, 10);  // complaint, topic, 2 responses, meeting, training,
                                          // staffing, fee, figure, narrative

  const Agency parent = AgencyOf("changyi");
  const Agency agency = AgencyOf("changyi-commerce");
  EXPECT_GT(agency.id, 0);
  EXPECT_EQ(agency.name, "吉林市昌邑区商务局");
  EXPECT_EQ(agency.short_name, ds.agencies[0].short_name);
  EXPECT_EQ(agency.org_code, ds.agencies[0].org_code);
  EXPECT_EQ(agency.region, "吉林省吉林市昌邑区");
  EXPECT_EQ(agency.parent_id, parent.id);
  EXPECT_EQ(agency.parent_slug, "changyi");
  EXPECT_FALSE(parent.parent_id.has_value());

  Result<YearRecords> loaded = repo_->LoadYear(agency.id, 2019);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const YearRecords& y = *loaded;
  EXPECT_EQ(y.year, 2019);
  EXPECT_EQ(y.agency.slug, "changyi-commerce");
  EXPECT_EQ(y.agency.parent_slug, "changyi");

  // Catalog: both (the normative one was issued before 2019), with every field.
  ASSERT_EQ(y.catalog_items.size(), 2u);
  const CatalogItem& plain = y.catalog_items[0];
  const CatalogItem& want_plain = ds.catalog_items[0].record;
  EXPECT_GT(plain.id, 0);
  EXPECT_EQ(plain.agency_id, agency.id);
  EXPECT_EQ(plain.index_no, want_plain.index_no);
  EXPECT_EQ(plain.title, want_plain.title);
  EXPECT_EQ(plain.doc_no, want_plain.doc_no);
  EXPECT_EQ(plain.publisher, want_plain.publisher);
  EXPECT_EQ(plain.created_on, want_plain.created_on);
  EXPECT_EQ(plain.published_on, want_plain.published_on);
  EXPECT_FALSE(plain.withdrawn_on.has_value());
  EXPECT_EQ(plain.topic, want_plain.topic);
  EXPECT_EQ(plain.genre, want_plain.genre);
  EXPECT_EQ(plain.summary, want_plain.summary);
  EXPECT_EQ(plain.body, want_plain.body);
  EXPECT_EQ(plain.article20_item, 5);
  EXPECT_FALSE(plain.normative.has_value());
  ASSERT_EQ(plain.channels.size(), 2u);
  EXPECT_EQ(plain.channels[0].channel, PublicationChannel::kWebsite);
  EXPECT_EQ(plain.channels[0].published_on, D("2019-02-03"));
  EXPECT_EQ(plain.channels[1].channel, PublicationChannel::kWechat);
  EXPECT_EQ(plain.channels[1].published_on, D("2019-02-04"));

  const CatalogItem& rule = y.catalog_items[1];
  EXPECT_EQ(rule.withdrawn_on, D("2019-11-30"));
  EXPECT_FALSE(rule.article20_item.has_value());
  EXPECT_TRUE(rule.doc_no.empty());
  EXPECT_TRUE(rule.channels.empty());
  ASSERT_TRUE(rule.normative.has_value());
  EXPECT_TRUE(rule.normative->is_rule);
  EXPECT_EQ(rule.normative->issuing_body, "昌邑区人民政府");
  EXPECT_EQ(rule.normative->issued_on, D("2017-03-01"));
  EXPECT_EQ(rule.normative->effective_on, D("2017-04-01"));
  EXPECT_EQ(rule.normative->expired_on, D("2022-03-31"));
  EXPECT_EQ(rule.normative->repealed_on, D("2019-11-30"));

  // Applications of this agency only, events in order with every field.
  ASSERT_EQ(y.applications.size(), 2u);
  const Application& fax = y.applications[0];
  const Application& want_fax = ds.applications[0].record;
  EXPECT_GT(fax.id, 0);
  EXPECT_EQ(fax.agency_id, agency.id);
  EXPECT_EQ(fax.number, "2019-001");
  EXPECT_EQ(fax.channel, Channel::kFax);
  EXPECT_EQ(fax.received_on, D("2019-03-01"));
  EXPECT_EQ(fax.confirmed_on, D("2019-03-04"));
  EXPECT_EQ(fax.applicant_type, ApplicantType::kLegalServiceOrg);
  EXPECT_EQ(fax.applicant_name, "张三");
  EXPECT_EQ(fax.content, want_fax.content);
  EXPECT_EQ(fax.rules_override, RuleSet::k2008);
  ASSERT_EQ(fax.events.size(), want_fax.events.size());
  for (size_t i = 0; i < fax.events.size(); ++i) {
    SCOPED_TRACE("event " + std::to_string(i));
    const ApplicationEvent& got = fax.events[i];
    const ApplicationEvent& want = want_fax.events[i];
    EXPECT_EQ(got.kind, want.kind);
    EXPECT_EQ(got.on, want.on);
    EXPECT_EQ(got.outcome, want.outcome);
    EXPECT_EQ(got.extension_days, want.extension_days);
    EXPECT_EQ(got.party, want.party);
    EXPECT_EQ(got.fee_fen, want.fee_fen);
    EXPECT_EQ(got.note, want.note);
    EXPECT_EQ(got.actor, want.actor);
  }
  EXPECT_EQ(fax.events.back().outcome, Outcome::kPartiallyDisclosed);
  EXPECT_EQ(fax.events[2].party, ConsultationParty::kOtherAgency);
  const Application& refused = y.applications[1];
  EXPECT_EQ(refused.number, "2019-002");
  EXPECT_EQ(refused.channel, Channel::kInPerson);
  EXPECT_FALSE(refused.confirmed_on.has_value());
  EXPECT_FALSE(refused.rules_override.has_value());
  ASSERT_EQ(refused.events.size(), 1u);
  EXPECT_EQ(refused.events[0].outcome, Outcome::kRefusedStateSecret);

  // Cross references resolved to ids, keys filled back in.
  ASSERT_EQ(y.reviews.size(), 1u);
  const Review& review = y.reviews[0];
  EXPECT_EQ(review.number, "吉市复〔2019〕7号");
  EXPECT_EQ(review.application_id, refused.id);
  EXPECT_EQ(review.application_number, "2019-002");
  EXPECT_EQ(review.filed_on, D("2019-06-20"));
  EXPECT_EQ(review.decided_on, D("2019-08-20"));
  EXPECT_EQ(review.result, CaseResult::kCorrected);
  ASSERT_EQ(y.lawsuits.size(), 1u);
  const Lawsuit& suit = y.lawsuits[0];
  EXPECT_EQ(suit.number, "（2019）吉0202行初15号");
  EXPECT_EQ(suit.application_id, refused.id);
  EXPECT_EQ(suit.application_number, "2019-002");
  EXPECT_TRUE(suit.after_review);
  EXPECT_EQ(suit.review_id, review.id);
  EXPECT_EQ(suit.review_number, review.number);
  EXPECT_EQ(suit.filed_on, D("2019-09-01"));
  EXPECT_FALSE(suit.decided_on.has_value());
  EXPECT_EQ(suit.result, CaseResult::kPending);

  ASSERT_EQ(y.complaints.size(), 1u);
  EXPECT_EQ(y.complaints[0].received_on, D("2019-04-02"));
  EXPECT_EQ(y.complaints[0].subject, "网站栏目未更新");
  EXPECT_EQ(y.complaints[0].agency_id, agency.id);
  ASSERT_EQ(y.hot_topics.size(), 1u);
  EXPECT_EQ(y.hot_topics[0].key, "market-2019");
  EXPECT_EQ(y.hot_topics[0].title, "农贸市场改造");
  EXPECT_EQ(y.hot_topics[0].first_seen_on, D("2019-05-01"));
  ASSERT_EQ(y.responses.size(), 2u);
  EXPECT_EQ(y.responses[0].kind, ResponseKind::kPressConference);
  EXPECT_EQ(y.responses[0].on, D("2019-05-03"));
  EXPECT_EQ(y.responses[0].title, "农贸市场改造新闻发布会");
  EXPECT_TRUE(y.responses[0].principal_leader);
  EXPECT_EQ(y.responses[0].hot_topic_id, y.hot_topics[0].id);
  EXPECT_EQ(y.responses[0].hot_topic_key, "market-2019");
  EXPECT_EQ(y.responses[1].kind, ResponseKind::kInterpretation);
  EXPECT_FALSE(y.responses[1].principal_leader);
  EXPECT_FALSE(y.responses[1].hot_topic_id.has_value());
  EXPECT_TRUE(y.responses[1].hot_topic_key.empty());
  ASSERT_EQ(y.meetings.size(), 1u);
  EXPECT_EQ(y.meetings[0].on, D("2019-01-15"));
  EXPECT_EQ(y.meetings[0].title, "政务公开工作会议");
  ASSERT_EQ(y.trainings.size(), 1u);
  EXPECT_EQ(y.trainings[0].on, D("2019-06-15"));
  EXPECT_EQ(y.trainings[0].title, "政务公开业务培训");
  EXPECT_EQ(y.trainings[0].trainees, 42);
  ASSERT_TRUE(y.staffing.has_value());
  EXPECT_EQ(y.staffing->agency_id, agency.id);
  EXPECT_EQ(y.staffing->year, 2019);
  EXPECT_EQ(y.staffing->full_time, 1);
  EXPECT_EQ(y.staffing->part_time, 3);
  EXPECT_EQ(y.staffing->dedicated_offices, 1);
  EXPECT_EQ(y.staffing->reading_points, 2);
  EXPECT_EQ(y.staffing->budget_fen, 5'000'000);
  ASSERT_EQ(y.fees.size(), 1u);
  EXPECT_EQ(y.fees[0].on, D("2019-03-28"));
  EXPECT_EQ(y.fees[0].amount_fen, 12'345);
  EXPECT_EQ(y.fees[0].application_id, fax.id);
  EXPECT_EQ(y.fees[0].application_number, "2019-001");
  ASSERT_EQ(y.manual_figures.size(), 1u);
  const ManualFigure& fig = y.manual_figures[0];
  EXPECT_GT(fig.id, 0);
  EXPECT_EQ(fig.agency_id, agency.id);
  EXPECT_EQ(fig.year, 2019);
  EXPECT_EQ(fig.format_id, "2019");
  EXPECT_EQ(fig.cell_id, "T2.6.1/DEC");
  EXPECT_EQ(fig.value.micros(), 12'345'678);
  EXPECT_EQ(fig.entered_by, "officer-li");
  EXPECT_EQ(fig.entered_at, "2020-01-10T09:00:00Z");
  EXPECT_EQ(fig.source, "执法系统导出");
  ASSERT_EQ(y.narrative.size(), 1u);
  EXPECT_EQ(y.narrative[0].agency_id, agency.id);
  EXPECT_EQ(y.narrative[0].year, 2019);
  EXPECT_EQ(y.narrative[0].format_id, "2019");
  EXPECT_EQ(y.narrative[0].section_id, "S1");
  EXPECT_EQ(y.narrative[0].body, ds.narratives[0].record.body);
  EXPECT_EQ(y.narrative[0].edited_by, "officer-li");
  EXPECT_EQ(y.narrative[0].edited_at, "2020-01-11T09:00:00Z");

  // The other agency's application with the same number stays with it.
  Result<YearRecords> other = repo_->LoadYear(parent.id, 2019);
  ASSERT_TRUE(other.ok());
  ASSERT_EQ(other->applications.size(), 1u);
  EXPECT_EQ(other->applications[0].number, "2019-001");
  EXPECT_EQ(other->applications[0].agency_id, parent.id);
  EXPECT_TRUE(other->applications[0].events.empty());
  EXPECT_FALSE(other->staffing.has_value());
}

// ---------------------------------------------------------------------------------------------
// Year selection rules (YearRecords in core/records.h)
// ---------------------------------------------------------------------------------------------

TEST_P(RepositoryTest, LoadYearAppliesTheSelectionRules) {
  Dataset ds;
  ds.agencies.push_back(MakeAgency("a", "甲局"));
  auto app = [&](ApplicationBuilder b) { ds.applications.push_back(Owned("a", b.Build())); };
  app(ApplicationBuilder("closed-2018", "2018-03-01").Answered("2018-03-20", Outcome::kDisclosed));
  app(ApplicationBuilder("closed-new-year-eve", "2018-12-01")
          .Answered("2018-12-31", Outcome::kNotHeld));
  app(ApplicationBuilder("lapsed-2018", "2018-05-01")
          .Event(EventKind::kCorrectionRequested, "2018-05-03")
          .Event(EventKind::kCorrectionLapsed, "2018-06-20"));
  app(ApplicationBuilder("carried-over", "2018-12-20")
          .Event(EventKind::kExtensionApproved, "2018-12-28")
          .Answered("2019-01-02", Outcome::kDisclosed));
  app(ApplicationBuilder("carried-closed-jan-1", "2018-12-10")
          .Answered("2019-01-01", Outcome::kDisclosed));
  app(ApplicationBuilder("carried-still-open", "2018-12-27")
          .Event(EventKind::kConsultationStarted, "2018-12-28"));
  app(ApplicationBuilder("in-2019", "2019-01-01"));
  app(ApplicationBuilder("dec-31", "2019-12-31"));
  app(ApplicationBuilder("in-2020", "2020-01-01"));

  auto item = [&](const char* index, const char* created, std::optional<Date> published,
                  std::optional<Date> issued) {
    CatalogItem c;
    c.index_no = index;
    c.title = index;
    c.created_on = D(created);
    c.published_on = published;
    if (issued) c.normative = NormativeDocument{false, "甲局", *issued, {}, {}, {}};
    ds.catalog_items.push_back({"a", c});
  };
  item("published-2019", "2018-12-30", D("2019-01-02"), std::nullopt);
  item("created-2019-draft", "2019-06-01", std::nullopt, std::nullopt);
  item("normative-2015", "2015-01-01", D("2015-01-05"), D("2015-01-01"));
  item("published-2018", "2018-01-01", D("2018-01-03"), std::nullopt);
  item("normative-2020", "2020-01-01", D("2020-01-05"), D("2020-01-01"));

  auto review = [&](const char* number, const char* filed, std::optional<Date> decided) {
    Review r;
    r.number = number;
    r.filed_on = D(filed);
    r.decided_on = decided;
    r.result = decided ? CaseResult::kUpheld : CaseResult::kPending;
    ds.reviews.push_back({"a", r});
    Lawsuit l;
    l.number = number;
    l.filed_on = D(filed);
    l.decided_on = decided;
    l.result = r.result;
    ds.lawsuits.push_back({"a", l});
  };
  review("decided-2018", "2018-02-01", D("2018-10-01"));
  review("decided-2019", "2018-11-01", D("2019-02-01"));
  review("pending", "2018-12-01", std::nullopt);
  review("filed-2019", "2019-04-01", std::nullopt);
  review("filed-2020", "2020-01-02", std::nullopt);

  for (const char* day : {"2018-12-31", "2019-01-01", "2019-12-31", "2020-01-01"}) {
    ds.complaints.push_back({"a", Complaint{0, 0, D(day), day}});
    ds.meetings.push_back({"a", Meeting{0, 0, D(day), day}});
    ds.trainings.push_back({"a", Training{0, 0, D(day), day, 1}});
    ds.hot_topics.push_back({"a", HotTopic{0, 0, day, day, D(day)}});
    Response r;
    r.on = D(day);
    r.title = day;
    ds.responses.push_back({"a", r});
    FeeCollected f;
    f.on = D(day);
    f.amount_fen = 100;
    ds.fees.push_back({"a", f});
  }
  for (int year : {2018, 2019}) {
    ds.staffing.push_back({"a", Staffing{0, year, year - 2017, 0, 0, 0, 0}});
    ManualFigure m;
    m.year = year;
    m.format_id = "2008";
    m.cell_id = "A1";
    m.value = Decimal::FromInt(year);
    ds.manual_figures.push_back({"a", m});
    NarrativeSection n;
    n.year = year;
    n.format_id = "2008";
    n.section_id = "S1";
    n.body = std::to_string(year);
    ds.narratives.push_back({"a", n});
  }
  ASSERT_TRUE(repo_->Import(ds).ok());
  const Agency a = AgencyOf("a");

  Result<YearRecords> y = repo_->LoadYear(a.id, 2019);
  ASSERT_TRUE(y.ok()) << y.status().message();
  std::vector<std::string> numbers;
  for (const Application& x : y->applications) numbers.push_back(x.number);
  // In order of receipt.
  EXPECT_THAT(numbers, ::testing::ElementsAre("carried-closed-jan-1", "carried-over",
                                              "carried-still-open", "in-2019", "dec-31"));
  EXPECT_EQ(y->applications[1].events.size(), 2u);  // all events, also those of 2018

  std::vector<std::string> items;
  for (const CatalogItem& c : y->catalog_items) items.push_back(c.index_no);
  EXPECT_THAT(items,
              ::testing::ElementsAre("published-2019", "created-2019-draft", "normative-2015"));

  std::vector<std::string> reviews, lawsuits;
  for (const Review& r : y->reviews) reviews.push_back(r.number);
  for (const Lawsuit& l : y->lawsuits) lawsuits.push_back(l.number);
  EXPECT_THAT(reviews, ::testing::ElementsAre("decided-2019", "pending", "filed-2019"));
  EXPECT_EQ(lawsuits, reviews);

  auto titles = [](const auto& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.title);
    return out;
  };
  const std::vector<std::string> in_year = {"2019-01-01", "2019-12-31"};
  EXPECT_EQ(titles(y->meetings), in_year);
  EXPECT_EQ(titles(y->trainings), in_year);
  EXPECT_EQ(titles(y->hot_topics), in_year);
  EXPECT_EQ(titles(y->responses), in_year);
  std::vector<std::string> complaints, fees;
  for (const Complaint& c : y->complaints) complaints.push_back(c.subject);
  for (const FeeCollected& f : y->fees) fees.push_back(f.on.ToString());
  EXPECT_EQ(complaints, in_year);
  EXPECT_EQ(fees, in_year);
  ASSERT_TRUE(y->staffing.has_value());
  EXPECT_EQ(y->staffing->full_time, 2);
  ASSERT_EQ(y->manual_figures.size(), 1u);
  EXPECT_EQ(y->manual_figures[0].value, Decimal::FromInt(2019));
  ASSERT_EQ(y->narrative.size(), 1u);
  EXPECT_EQ(y->narrative[0].body, "2019");

  Result<std::vector<int>> years = repo_->YearsWithRecords(a.id);
  ASSERT_TRUE(years.ok()) << years.status().message();
  EXPECT_THAT(*years, ::testing::ElementsAre(2015, 2018, 2019, 2020));

  // A later year without records of its own: only what is still open or in force.
  Result<YearRecords> later = repo_->LoadYear(a.id, 2030);
  ASSERT_TRUE(later.ok());
  numbers.clear();
  for (const Application& x : later->applications) numbers.push_back(x.number);
  EXPECT_THAT(numbers,
              ::testing::ElementsAre("carried-still-open", "in-2019", "dec-31", "in-2020"));
  EXPECT_EQ(later->catalog_items.size(), 2u);         // normative documents issued before 2030
  EXPECT_THAT(later->reviews, ::testing::SizeIs(3));  // pending, filed-2019, filed-2020
  EXPECT_TRUE(later->meetings.empty());
  EXPECT_FALSE(later->staffing.has_value());
  EXPECT_TRUE(later->manual_figures.empty());

  // A year before everything is empty, not an error.
  Result<YearRecords> before = repo_->LoadYear(a.id, 2000);
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->applications.empty());
  EXPECT_TRUE(before->catalog_items.empty());
  EXPECT_TRUE(before->reviews.empty());
}

TEST_P(RepositoryTest, UnknownAgencyIdIsNotFound) {
  Result<YearRecords> y = repo_->LoadYear(424242, 2019);
  ASSERT_FALSE(y.ok());
  EXPECT_EQ(y.status().code(), ErrorCode::kNotFound);
  Result<std::vector<int>> years = repo_->YearsWithRecords(424242);
  ASSERT_FALSE(years.ok());
  EXPECT_EQ(years.status().code(), ErrorCode::kNotFound);
  Result<Agency> a = repo_->FindAgency("no-such-agency");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(a.status().message(), "未找到机关 \"no-such-agency\"");
}

// Enough applications and events to cross the 10,000-row fetch chunks several times.
TEST_P(RepositoryTest, LoadYearAssemblesEventsAcrossFetchChunks) {
  Dataset ds;
  ds.agencies.push_back(MakeAgency("big", "大局"));
  constexpr int kApps = 10'500;
  for (int i = 0; i < kApps; ++i) {
    ApplicationBuilder b("2019-" + std::to_string(100000 + i), i % 2 ? "2019-02-01" : "2018-12-30");
    if (i % 3 == 0) b.Event(EventKind::kExtensionApproved, "2019-01-10");
    b.Answered("2019-02-20", i % 5 == 0 ? Outcome::kNotHeld : Outcome::kDisclosed);
    ds.applications.push_back(Owned("big", b.Build()));
  }
  Result<ImportSummary> s = repo_->Import(ds);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->applications, kApps);
  EXPECT_EQ(s->events, kApps + (kApps + 2) / 3);

  Result<YearRecords> y = repo_->LoadYear(AgencyOf("big").id, 2019);
  ASSERT_TRUE(y.ok()) << y.status().message();
  ASSERT_EQ(y->applications.size(), static_cast<size_t>(kApps));
  // In order of receipt: first those of 2018-12-30 (even i), then those of 2019-02-01.
  std::vector<int> order;
  for (int i = 0; i < kApps; i += 2) order.push_back(i);
  for (int i = 1; i < kApps; i += 2) order.push_back(i);
  for (int k = 0; k < kApps; ++k) {
    const int i = order[k];
    const Application& a = y->applications[k];
    ASSERT_EQ(a.number, "2019-" + std::to_string(100000 + i));
    ASSERT_EQ(a.events.size(), i % 3 == 0 ? 2u : 1u) << a.number;
    ASSERT_EQ(a.events.back().kind, EventKind::kAnswered) << a.number;
    ASSERT_EQ(a.events.back().outcome, i % 5 == 0 ? Outcome::kNotHeld : Outcome::kDisclosed);
  }
}

// ---------------------------------------------------------------------------------------------
// All or nothing
// ---------------------------------------------------------------------------------------------

TEST_P(RepositoryTest, DuplicateApplicationNumberRollsBackTheWholeImport) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  const std::vector<long long> before = AllCounts();

  Dataset again;
  again.agencies.push_back(MakeAgency("new-agency", "新机关"));
  again.applications.push_back(Owned(
      "new-agency",
      ApplicationBuilder("N-1", "2019-01-05").Answered("2019-01-20", Outcome::kDisclosed).Build()));
  again.meetings.push_back({"new-agency", Meeting{0, 0, D("2019-02-01"), "会议"}});
  again.applications.push_back(
      Owned("changyi-commerce", ApplicationBuilder("2019-001", "2019-08-01").Build()));
  Result<ImportSummary> r = repo_->Import(again);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kConflict);
  EXPECT_THAT(r.status().message(), HasSubstr("机关 changyi-commerce 已有编号为 2019-001 的申请"));
  EXPECT_EQ(AllCounts(), before);
  EXPECT_EQ(repo_->FindAgency("new-agency").status().code(), ErrorCode::kNotFound);

  // A duplicate inside one dataset, too.
  Dataset twice;
  twice.agencies.push_back(MakeAgency("twice", "两次"));
  twice.applications.push_back(Owned("twice", ApplicationBuilder("X", "2019-01-05").Build()));
  twice.applications.push_back(Owned("twice", ApplicationBuilder("X", "2019-01-06").Build()));
  r = repo_->Import(twice);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kConflict);
  EXPECT_THAT(r.status().message(), HasSubstr("机关 twice 已有编号为 X 的申请"));
  EXPECT_EQ(AllCounts(), before);
}

TEST_P(RepositoryTest, OtherDuplicatesAreConflicts) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  const std::vector<long long> before = AllCounts();
  struct Case {
    const char* name;
    std::function<void(Dataset&)> add;
    const char* message;
  };
  const Dataset full = FullDataset();
  const std::vector<Case> cases = {
      {"catalog", [&](Dataset& d) { d.catalog_items.push_back(full.catalog_items[0]); },
       "已有索引号为 000014349/2019-00012 的目录条目"},
      {"review", [&](Dataset& d) { d.reviews.push_back(full.reviews[0]); },
       "已有案号为 吉市复〔2019〕7号 的行政复议"},
      {"lawsuit", [&](Dataset& d) { d.lawsuits.push_back(full.lawsuits[0]); },
       "已有案号为 （2019）吉0202行初15号 的行政诉讼"},
      {"hot topic", [&](Dataset& d) { d.hot_topics.push_back(full.hot_topics[0]); },
       "已有标识为 market-2019 的热点"},
      {"staffing", [&](Dataset& d) { d.staffing.push_back(full.staffing[0]); },
       "已有 2019 年的人员和经费数据"},
      {"manual figure", [&](Dataset& d) { d.manual_figures.push_back(full.manual_figures[0]); },
       "已有 2019 年 2019 格式单元格 T2.6.1/DEC 的手工填报数"},
      {"narrative", [&](Dataset& d) { d.narratives.push_back(full.narratives[0]); },
       "已有 2019 年 2019 格式第 S1 节的正文"},
      {"agency twice",
       [&](Dataset& d) {
         d.agencies.push_back(MakeAgency("dup", "重复"));
         d.agencies.push_back(MakeAgency("dup", "重复"));
       },
       "机关 dup 出现了不止一次"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Dataset d;
    d.meetings.push_back({"changyi-commerce", Meeting{0, 0, D("2019-03-01"), "先插入的会议"}});
    c.add(d);
    Result<ImportSummary> r = repo_->Import(d);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kConflict);
    EXPECT_THAT(r.status().message(), HasSubstr(c.message));
    EXPECT_EQ(AllCounts(), before);
  }
}

TEST_P(RepositoryTest, UnknownReferencesAreNotFoundAndChangeNothing) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  const std::vector<long long> before = AllCounts();
  struct Case {
    const char* name;
    std::function<void(Dataset&)> add;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"review → application",
       [](Dataset& d) {
         Review r;
         r.number = "R-9";
         r.application_number = "2019-999";
         r.filed_on = D("2019-05-01");
         d.reviews.push_back({"changyi-commerce", r});
       },
       "机关 changyi-commerce 没有编号为 2019-999 的申请（行政复议 R-9 引用）"},
      {"review → other agency's application",
       [](Dataset& d) {
         Review r;
         r.number = "R-10";
         r.application_number = "2019-002";  // exists, but for changyi-commerce only
         r.filed_on = D("2019-05-01");
         d.reviews.push_back({"changyi", r});
       },
       "机关 changyi 没有编号为 2019-002 的申请"},
      {"lawsuit → review",
       [](Dataset& d) {
         Lawsuit l;
         l.number = "L-9";
         l.review_number = "R-404";
         l.filed_on = D("2019-05-01");
         d.lawsuits.push_back({"changyi-commerce", l});
       },
       "没有案号为 R-404 的行政复议（行政诉讼 L-9 引用）"},
      {"response → hot topic",
       [](Dataset& d) {
         Response r;
         r.title = "回应";
         r.on = D("2019-05-01");
         r.hot_topic_key = "no-topic";
         d.responses.push_back({"changyi-commerce", r});
       },
       "没有标识为 no-topic 的热点"},
      {"fee → application",
       [](Dataset& d) {
         FeeCollected f;
         f.on = D("2019-05-01");
         f.application_number = "2019-777";
         d.fees.push_back({"changyi-commerce", f});
       },
       "没有编号为 2019-777 的申请"},
      {"record → agency",
       [](Dataset& d) {
         d.complaints.push_back({"nobody", Complaint{0, 0, D("2019-05-01"), "投诉"}});
       },
       "未找到机关 \"nobody\""},
      {"agency → parent",
       [](Dataset& d) { d.agencies.push_back(MakeAgency("orphan", "孤儿", "no-parent")); },
       "未找到机关 \"no-parent\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Dataset d;
    d.agencies.push_back(MakeAgency("bystander", "旁观者"));
    d.applications.push_back(
        Owned("changyi-commerce", ApplicationBuilder("2019-050", "2019-05-01")
                                      .Answered("2019-05-10", Outcome::kDisclosed)
                                      .Build()));
    c.add(d);
    Result<ImportSummary> r = repo_->Import(d);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
    EXPECT_THAT(r.status().message(), HasSubstr(c.message));
    EXPECT_EQ(AllCounts(), before);
  }
}

TEST_P(RepositoryTest, LaterImportsReferToStoredRecords) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  Dataset more;
  Review r;
  r.number = "吉市复〔2019〕8号";
  r.application_number = "2019-001";  // stored by the first import
  r.filed_on = D("2019-07-01");
  more.reviews.push_back({"changyi-commerce", r});
  Lawsuit l;
  l.number = "（2019）吉0202行初16号";
  l.review_number = "吉市复〔2019〕7号";  // stored
  l.after_review = true;
  l.filed_on = D("2019-10-01");
  more.lawsuits.push_back({"changyi-commerce", l});
  Response resp;
  resp.on = D("2019-07-02");
  resp.title = "再次回应";
  resp.hot_topic_key = "market-2019";  // stored
  more.responses.push_back({"changyi-commerce", resp});
  Result<ImportSummary> s = repo_->Import(more);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->agencies, 0);

  Result<YearRecords> y = repo_->LoadYear(AgencyOf("changyi-commerce").id, 2019);
  ASSERT_TRUE(y.ok());
  ASSERT_EQ(y->reviews.size(), 2u);
  EXPECT_EQ(y->reviews[1].application_id, y->applications[0].id);
  ASSERT_EQ(y->lawsuits.size(), 2u);
  EXPECT_EQ(y->lawsuits[1].review_id, y->reviews[0].id);
  ASSERT_EQ(y->responses.size(), 3u);
  EXPECT_EQ(y->responses[2].hot_topic_id, y->hot_topics[0].id);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'import'"), 2);
}

TEST_P(RepositoryTest, ReferencesMayGiveTheStoredIdInsteadOfTheKey) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  const Agency agency = AgencyOf("changyi-commerce");
  Result<YearRecords> y = repo_->LoadYear(agency.id, 2019);
  ASSERT_TRUE(y.ok());
  const int64_t app_id = y->applications[1].id;  // 2019-002

  Dataset more;
  Review by_id;
  by_id.number = "R-by-id";
  by_id.application_id = app_id;
  by_id.filed_on = D("2019-10-01");
  more.reviews.push_back({"changyi-commerce", by_id});
  ASSERT_TRUE(repo_->Import(more).ok());
  y = repo_->LoadYear(agency.id, 2019);
  ASSERT_TRUE(y.ok());
  ASSERT_EQ(y->reviews.size(), 2u);
  EXPECT_EQ(y->reviews[1].application_id, app_id);
  EXPECT_EQ(y->reviews[1].application_number, "2019-002");  // filled in from the id

  // An id of another agency's application is not a reference this agency may make.
  Dataset foreign;
  Review wrong = by_id;
  wrong.number = "R-foreign";
  foreign.reviews.push_back({"changyi", wrong});
  Result<ImportSummary> r = repo_->Import(foreign);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
}

// The schema's constraints stay the safety net behind the adapter's own checks: a value the
// schema refuses rolls the import back with a message, not a crash.
TEST_P(RepositoryTest, ConstraintViolationRollsBackWithAMessage) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  const std::vector<long long> before = AllCounts();
  Dataset bad = [] {
    Dataset d;
    d.applications.push_back(
        Owned("changyi-commerce", ApplicationBuilder("2019-100", "2019-06-01").Build()));
    CatalogItem item;
    item.index_no = "000014349/2019-00099";
    item.created_on = D("2019-06-01");
    item.article20_item = 99;  // Art. 20 has items 1–15: CHECK (article20_item BETWEEN 1 AND 15)
    d.catalog_items.push_back({"changyi-commerce", item});
    return d;
  }();
  Result<ImportSummary> r = repo_->Import(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(r.status().message(), HasSubstr("拒绝了不符合约束的数据"));
  EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
  EXPECT_EQ(AllCounts(), before);
  // The repository is still usable after the failed transaction.
  EXPECT_TRUE(repo_->Import(Dataset{}).ok());
}

TEST_P(RepositoryTest, UnknownCodeInTheDatabaseIsAStorageErrorNamingTheColumn) {
  ASSERT_TRUE(repo_->Import(FullDataset()).ok());
  {
    std::unique_ptr<soci::session> raw = db_->Raw();
    *raw << "UPDATE application_events SET kind = 'teleported' WHERE seq = 1";
  }
  Result<YearRecords> y = repo_->LoadYear(AgencyOf("changyi-commerce").id, 2019);
  ASSERT_FALSE(y.ok());
  EXPECT_EQ(y.status().code(), ErrorCode::kStorage);
  EXPECT_THAT(y.status().message(), HasSubstr("application_events.kind"));
  EXPECT_THAT(y.status().message(), HasSubstr("teleported"));
}

// ---------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------

TEST_P(RepositoryTest, AgenciesAreUpsertedBySlug) {
  Dataset first;
  first.agencies.push_back(MakeAgency("changyi", "昌邑区政府"));
  first.agencies.push_back(MakeAgency("changyi-commerce", "昌邑区商务局（旧名）"));
  ASSERT_TRUE(repo_->Import(first).ok());
  const Agency before = AgencyOf("changyi-commerce");
  EXPECT_FALSE(before.parent_id.has_value());

  Dataset second;
  Agency renamed = MakeAgency("changyi-commerce", "吉林市昌邑区商务局", "changyi");
  renamed.org_code = "11220202MB1234567X";
  renamed.region = "吉林市";
  second.agencies.push_back(renamed);
  Result<ImportSummary> s = repo_->Import(second);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->agencies, 1);

  const Agency after = AgencyOf("changyi-commerce");
  EXPECT_EQ(after.id, before.id);
  EXPECT_EQ(after.name, "吉林市昌邑区商务局");
  EXPECT_EQ(after.org_code, "11220202MB1234567X");
  EXPECT_EQ(after.region, "吉林市");
  EXPECT_EQ(after.parent_id, AgencyOf("changyi").id);  // parent already stored
  EXPECT_EQ(after.parent_slug, "changyi");

  Result<std::vector<Agency>> all = repo_->ListAgencies();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].slug, "changyi");
  EXPECT_EQ((*all)[1].slug, "changyi-commerce");
  EXPECT_EQ((*all)[1].parent_slug, "changyi");
}

TEST_P(RepositoryTest, InvalidAgenciesAreRefused) {
  const std::vector<long long> before = AllCounts();
  Dataset bad_slug;
  bad_slug.agencies.push_back(MakeAgency("Changyi Commerce", "商务局"));
  Result<ImportSummary> r = repo_->Import(bad_slug);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);

  Dataset cycle;
  cycle.agencies.push_back(MakeAgency("a", "甲", "b"));
  cycle.agencies.push_back(MakeAgency("b", "乙", "a"));
  r = repo_->Import(cycle);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  EXPECT_THAT(r.status().message(), HasSubstr("循环"));

  Dataset self;
  self.agencies.push_back(MakeAgency("s", "自己", "s"));
  r = repo_->Import(self);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(AllCounts(), before);
}

// ---------------------------------------------------------------------------------------------
// Manual figures and narrative
// ---------------------------------------------------------------------------------------------

TEST_P(RepositoryTest, ManualFiguresAndNarrativeAreUpserted) {
  Dataset ds;
  ds.agencies.push_back(MakeAgency("a", "甲局"));
  ASSERT_TRUE(repo_->Import(ds).ok());
  const Agency a = AgencyOf("a");

  ManualFigure f;
  f.agency_id = a.id;
  f.year = 2021;
  f.format_id = "2021";
  f.cell_id = "T2.6.1/DEC";
  f.value = Decimal::FromInt(7);
  f.entered_by = "li";
  f.source = "执法系统";
  ASSERT_TRUE(repo_->SaveManualFigure(f).ok());
  f.value = *Decimal::Parse("8.5");
  f.entered_by = "wang";
  f.entered_at = "2022-01-05T10:00:00Z";
  f.source = "执法系统（更正）";
  ASSERT_TRUE(repo_->SaveManualFigure(f).ok());
  ManualFigure other = f;
  other.cell_id = "T2.6.1/TOT";
  ASSERT_TRUE(repo_->SaveManualFigure(other).ok());

  NarrativeSection n;
  n.agency_id = a.id;
  n.year = 2021;
  n.format_id = "2021";
  n.section_id = "S1";
  n.body = "初稿";
  n.edited_by = "li";
  ASSERT_TRUE(repo_->SaveNarrative(n).ok());
  n.body = "定稿：{{year}}年";
  n.edited_by = "wang";
  ASSERT_TRUE(repo_->SaveNarrative(n).ok());

  Result<YearRecords> y = repo_->LoadYear(a.id, 2021);
  ASSERT_TRUE(y.ok()) << y.status().message();
  ASSERT_EQ(y->manual_figures.size(), 2u);
  EXPECT_EQ(y->manual_figures[0].cell_id, "T2.6.1/DEC");
  EXPECT_EQ(y->manual_figures[0].value, *Decimal::Parse("8.5"));
  EXPECT_EQ(y->manual_figures[0].entered_by, "wang");
  EXPECT_EQ(y->manual_figures[0].entered_at, "2022-01-05T10:00:00Z");
  EXPECT_EQ(y->manual_figures[0].source, "执法系统（更正）");
  EXPECT_EQ(y->manual_figures[1].cell_id, "T2.6.1/TOT");
  ASSERT_EQ(y->narrative.size(), 1u);
  EXPECT_EQ(y->narrative[0].body, "定稿：{{year}}年");
  EXPECT_EQ(y->narrative[0].edited_by, "wang");
  EXPECT_EQ(y->narrative[0].edited_at.size(), 20u);  // set by the store: 2024-05-01T08:30:00Z
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'save_manual_figure'"), 3);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'save_narrative' "
                   "AND actor = 'wang'"),
            1);

  ManualFigure nobody = f;
  nobody.agency_id = a.id + 1000;
  Status st = repo_->SaveManualFigure(nobody);
  EXPECT_EQ(st.code(), ErrorCode::kNotFound);
  NarrativeSection no_section = n;
  no_section.section_id.clear();
  EXPECT_EQ(repo_->SaveNarrative(no_section).code(), ErrorCode::kInvalidInput);
}

// ---------------------------------------------------------------------------------------------
// The web platform's records (migration 3): accounts, sessions, applications with counters,
// notices and events, catalog publishing with the search outbox, attachments, guides, audit
// ---------------------------------------------------------------------------------------------

Timestamp Ts(const char* iso) { return *Timestamp::ParseIso8601(iso); }

AuditRecord AuditBy(const char* actor, const char* action) {
  AuditRecord r;
  r.recorded_at = Ts("2026-03-02T02:00:00Z");
  r.actor = actor;
  r.action = action;
  r.client_ip = "192.0.2.1";
  r.detail = action;
  return r;
}

class WebRecordsTest : public RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Dataset ds;
    ds.agencies = {MakeAgency("a", "甲局"), MakeAgency("b", "乙局")};
    ASSERT_TRUE(repo_->Import(ds).ok());
    a_ = AgencyOf("a");
    b_ = AgencyOf("b");
  }
  std::string Text(const std::string& sql) {
    std::unique_ptr<soci::session> raw = db_->Raw();
    std::string v;
    soci::indicator ind = soci::i_ok;
    *raw << sql, soci::into(v, ind);
    return ind == soci::i_ok ? v : "NULL";
  }
  NewApplication Online(const char* code, const char* received = "2026-03-02") {
    NewApplication na;
    na.application.agency_id = a_.id;
    na.application.channel = Channel::kOnline;
    na.application.received_on = D(received);
    na.application.confirmed_on = D(received);
    na.application.content = "某项目的批复文件";
    na.pii = SealedPii{"bm9uY2U=", "Y2lwaGVydGV4dA=="};
    na.tracking_code = code;
    na.secret_hash = std::string(64, 'a');
    na.info_form = InformationForm::kElectronic;
    na.delivery = DeliveryMethod::kOnline;
    na.audit = AuditBy("public", "application.submit");
    return na;
  }
  Agency a_, b_;
};

TEST_P(WebRecordsTest, UsersGrantsLoginStateAndSessions) {
  User u;
  u.login = "zhang";
  u.display_name = "张三";
  u.password_hash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA";
  u.grants = {{a_.id, Role::kAdmin}, {b_.id, Role::kSupervisor}};
  Result<int64_t> id = repo_->CreateUser(u, AuditBy("cli", "user.add"));
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(repo_->CreateUser(u, AuditBy("cli", "user.add")).status().code(), ErrorCode::kConflict);
  User bad = u;
  bad.login = "li";
  bad.grants = {{a_.id + b_.id + 100, Role::kEditor}};
  EXPECT_EQ(repo_->CreateUser(bad, AuditBy("cli", "user.add")).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM users"), 1);

  Result<User> found = repo_->FindUserByLogin("zhang");
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ(found->id, *id);
  EXPECT_EQ(found->display_name, "张三");
  EXPECT_EQ(found->password_hash, u.password_hash);
  EXPECT_EQ(found->created_at, Ts("2026-03-02T02:00:00Z"));
  EXPECT_EQ(found->grants.size(), 2u);
  EXPECT_EQ(repo_->FindUserById(*id)->login, "zhang");
  EXPECT_EQ(repo_->FindUserByLogin("nobody").status().code(), ErrorCode::kNotFound);

  LoginState st{3, Ts("2026-03-02T01:00:00Z"), Ts("2026-03-02T01:15:00Z")};
  ASSERT_TRUE(repo_->SaveLoginState(*id, st).ok());
  EXPECT_EQ(repo_->FindUserById(*id)->login_state, st);
  ASSERT_TRUE(repo_->SaveLoginState(*id, LoginState{}).ok());
  EXPECT_EQ(repo_->FindUserById(*id)->login_state, LoginState{});

  SessionRecord s;
  s.token_hash = std::string(64, 'f');
  s.user_id = *id;
  s.created_at = s.last_seen_at = Ts("2026-03-02T02:00:00Z");
  s.expires_at = Ts("2026-03-02T14:00:00Z");
  s.client_ip = "203.0.113.9";
  Result<int64_t> sid = repo_->CreateSession(s);
  ASSERT_TRUE(sid.ok()) << sid.status().message();
  EXPECT_EQ(repo_->CreateSession(s).status().code(), ErrorCode::kConflict);
  ASSERT_TRUE(repo_->TouchSession(*sid, Ts("2026-03-02T02:10:00Z")).ok());
  Result<SessionRecord> back = repo_->FindSession(s.token_hash);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->last_seen_at, Ts("2026-03-02T02:10:00Z"));
  EXPECT_FALSE(back->revoked_at.has_value());
  EXPECT_EQ(back->client_ip, "203.0.113.9");
  ASSERT_TRUE(repo_->RevokeSession(*sid, Ts("2026-03-02T02:20:00Z")).ok());
  EXPECT_EQ(repo_->FindSession(s.token_hash)->revoked_at, Ts("2026-03-02T02:20:00Z"));
  EXPECT_EQ(repo_->FindSession(std::string(64, 'e')).status().code(), ErrorCode::kNotFound);
}

TEST_P(WebRecordsTest, ApplicationsGetNumbersNoticesAndEventsInOneTransaction) {
  // An imported application already holds 2026-0002: the counter skips it.
  Dataset ds;
  Application imported = ApplicationBuilder("2026-0002", "2026-01-05").Build();
  ds.applications.push_back({"a", imported});
  ASSERT_TRUE(repo_->Import(ds).ok());

  NewApplication na = Online("AAAABBBBCCCC");
  na.idempotency_key = "nonce-0123456789abcdef";
  na.form_fingerprint = "fp1";
  na.notice = [](const Application& stored) -> Result<std::optional<NoticeDraft>> {
    NoticeDraft d;
    d.kind = NoticeKind::kAcceptance;
    d.prefix = "甲办";
    d.issued_on = stored.received_on;
    d.title = "受理告知书";
    d.addressee = "申请人";
    d.paragraphs = {"申请人：", "登记编号 " + stored.number + "。"};
    d.signature = "甲局";
    return std::optional<NoticeDraft>(d);
  };
  Result<CreatedApplication> first = repo_->CreateApplication(na);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_TRUE(first->created);
  const CaseFile& f = first->file;
  EXPECT_EQ(f.application.number, "2026-0001");
  EXPECT_EQ(f.tracking_code, "AAAABBBBCCCC");
  EXPECT_EQ(f.pii, na.pii);
  EXPECT_EQ(f.info_form, InformationForm::kElectronic);
  EXPECT_EQ(f.delivery, DeliveryMethod::kOnline);
  ASSERT_EQ(f.notices.size(), 1u);
  EXPECT_EQ(f.notices[0].number, "甲办受〔2026〕1号");
  EXPECT_EQ(f.notices[0].paragraphs[1], "登记编号 2026-0001。");
  // The raw columns hold what the app sealed, and the name column stays empty.
  EXPECT_EQ(Text("SELECT pii_ciphertext FROM applications WHERE tracking_code = 'AAAABBBBCCCC'"),
            "Y2lwaGVydGV4dA==");
  EXPECT_EQ(Text("SELECT applicant_name FROM applications WHERE tracking_code = 'AAAABBBBCCCC'"), "");

  // The same key again: the same application, nothing new.
  Result<CreatedApplication> replay = repo_->CreateApplication(na);
  ASSERT_TRUE(replay.ok()) << replay.status().message();
  EXPECT_FALSE(replay->created);
  EXPECT_EQ(replay->file.application.id, f.application.id);
  NewApplication changed = na;
  changed.form_fingerprint = "fp2";
  EXPECT_EQ(repo_->CreateApplication(changed).status().code(), ErrorCode::kConflict);
  // A taken tracking code is refused.
  NewApplication clash = Online("AAAABBBBCCCC");
  Result<CreatedApplication> taken = repo_->CreateApplication(clash);
  EXPECT_EQ(taken.status().code(), ErrorCode::kConflict);
  EXPECT_THAT(taken.status().message(), HasSubstr("查询码"));
  Result<CreatedApplication> second = repo_->CreateApplication(Online("DDDDEEEEFFFF"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->file.application.number, "2026-0003");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM applications"), 3);

  // Events: appended in order, with the client address, a numbered notice and a fees row.
  EventAppend ev;
  ev.agency_id = a_.id;
  ev.application_id = f.application.id;
  ev.expected_events = 0;
  ev.event.kind = EventKind::kFeeNotified;
  ev.event.on = D("2026-03-03");
  ev.event.fee_fen = 20000;
  ev.event.actor = "li";
  ev.client_ip = "192.0.2.7";
  ev.notice = NoticeDraft{NoticeKind::kFee, "甲办", D("2026-03-03"), "缴费通知书", "申请人", {"正文"},
                          "甲局", true, std::nullopt};
  ev.audit = AuditBy("li", "application.notify_fee");
  Result<AppendedEvent> appended = repo_->AppendApplicationEvent(ev);
  ASSERT_TRUE(appended.ok()) << appended.status().message();
  EXPECT_EQ(appended->seq, 1);
  EXPECT_EQ(appended->notice->number, "甲办费〔2026〕1号");
  Result<AppendedEvent> stale = repo_->AppendApplicationEvent(ev);  // still expects 0 events
  EXPECT_EQ(stale.status().code(), ErrorCode::kConflict);
  EventAppend other_agency = ev;
  other_agency.agency_id = b_.id;
  other_agency.expected_events = 1;
  EXPECT_EQ(repo_->AppendApplicationEvent(other_agency).status().code(), ErrorCode::kNotFound);
  ev.expected_events = 1;
  ev.event.kind = EventKind::kFeePaid;
  ev.event.on = D("2026-03-05");
  ev.notice.reset();
  ASSERT_TRUE(repo_->AppendApplicationEvent(ev).ok());
  EXPECT_EQ(Scalar("SELECT amount_fen FROM fees"), 20000);
  EXPECT_EQ(Text("SELECT client_ip FROM application_events WHERE seq = 2"), "192.0.2.7");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'application.%' "
                   "AND client_ip = '192.0.2.1'"),
            4);

  ExtensionRequest req;
  req.agency_id = a_.id;
  req.application_id = f.application.id;
  req.days = 10;
  req.reason = "需要调取档案";
  req.actor = "li";
  req.client_ip = "192.0.2.7";
  req.requested_at = Ts("2026-03-04T01:00:00Z");
  ASSERT_TRUE(repo_->AddExtensionRequest(req, AuditBy("li", "application.request_extension")).ok());
  req.agency_id = b_.id;
  EXPECT_EQ(repo_->AddExtensionRequest(req, AuditBy("li", "x")).status().code(), ErrorCode::kNotFound);

  Result<CaseFile> loaded = repo_->LoadCase(a_.id, f.application.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ASSERT_EQ(loaded->application.events.size(), 2u);
  EXPECT_EQ(loaded->application.events[0].fee_fen, 20000);
  EXPECT_EQ(loaded->event_client_ips, (std::vector<std::string>{"192.0.2.7", "192.0.2.7"}));
  EXPECT_EQ(loaded->notices.size(), 2u);
  ASSERT_EQ(loaded->extension_requests.size(), 1u);
  EXPECT_EQ(loaded->extension_requests[0].reason, "需要调取档案");
  EXPECT_EQ(repo_->LoadCase(b_.id, f.application.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(repo_->FindCaseByTrackingCode("DDDDEEEEFFFF")->application.number, "2026-0003");
  EXPECT_EQ(repo_->FindCaseByTrackingCode("ZZZZZZZZZZZZ").status().code(), ErrorCode::kNotFound);

  // Open applications: the imported one and both online ones until one closes.
  ev.expected_events = 2;
  ev.event.kind = EventKind::kWithdrawn;
  ev.event.on = D("2026-03-06");
  ASSERT_TRUE(repo_->AppendApplicationEvent(ev).ok());
  Result<std::vector<Application>> open = repo_->ListOpenApplications({a_.id, b_.id});
  ASSERT_TRUE(open.ok()) << open.status().message();
  ASSERT_EQ(open->size(), 2u);
  EXPECT_EQ((*open)[0].number, "2026-0002");
  EXPECT_EQ((*open)[1].number, "2026-0003");
  EXPECT_TRUE(repo_->ListOpenApplications({b_.id})->empty());
}

TEST_P(WebRecordsTest, PublishingAllocatesIndexNumbersOnceAndWritesTheOutbox) {
  CatalogItem draft;
  draft.agency_id = a_.id;
  draft.title = "通知";
  draft.publisher = "甲局";
  draft.created_on = D("2026-02-26");
  draft.topic = "综合政务";
  draft.normative = NormativeDocument{false, "甲局", D("2026-02-20"), std::nullopt, std::nullopt,
                                      std::nullopt};
  std::vector<int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    Result<int64_t> id = repo_->CreateCatalogItem(draft, AuditBy("ed", "catalog.create"));
    ASSERT_TRUE(id.ok()) << id.status().message();
    ids.push_back(*id);
  }
  const std::vector<ChannelPublication> web = {{PublicationChannel::kWebsite, D("2026-03-02")}};
  Result<CatalogItem> p1 = repo_->PublishCatalogItem(a_.id, ids[0], D("2026-03-02"), web,
                                                     AuditBy("ed", "catalog.publish"));
  ASSERT_TRUE(p1.ok()) << p1.status().message();
  EXPECT_EQ(p1->index_no, a_.org_code + "/2026-00001");
  ASSERT_TRUE(p1->normative.has_value());
  EXPECT_EQ(p1->normative->issued_on, D("2026-02-20"));
  ASSERT_EQ(p1->channels.size(), 1u);
  EXPECT_EQ(repo_->PublishCatalogItem(a_.id, ids[0], D("2026-03-02"), web, AuditBy("ed", "x"))
                .status()
                .code(),
            ErrorCode::kConflict);
  EXPECT_EQ(repo_->PublishCatalogItem(b_.id, ids[1], D("2026-03-02"), web, AuditBy("ed", "x"))
                .status()
                .code(),
            ErrorCode::kNotFound);
  ASSERT_TRUE(repo_->WithdrawCatalogItem(a_.id, ids[0], D("2026-03-03"), AuditBy("ed", "w")).ok());
  EXPECT_EQ(repo_->WithdrawCatalogItem(a_.id, ids[1], D("2026-03-03"), AuditBy("ed", "w")).code(),
            ErrorCode::kConflict);  // a draft
  Result<CatalogItem> p2 = repo_->PublishCatalogItem(a_.id, ids[1], D("2026-03-03"), web,
                                                     AuditBy("ed", "catalog.publish"));
  ASSERT_TRUE(p2.ok());
  EXPECT_EQ(p2->index_no, a_.org_code + "/2026-00002");
  // Another agency's counter is its own.
  CatalogItem b_draft = draft;
  b_draft.agency_id = b_.id;
  Result<int64_t> b_id = repo_->CreateCatalogItem(b_draft, AuditBy("ed", "catalog.create"));
  ASSERT_TRUE(b_id.ok());
  EXPECT_EQ(repo_->PublishCatalogItem(b_.id, *b_id, D("2026-03-03"), web, AuditBy("ed", "p"))
                ->index_no,
            b_.org_code + "/2026-00001");

  CatalogItem edited = draft;
  edited.id = ids[1];
  edited.title = "通知（修订）";
  ASSERT_TRUE(repo_->UpdateCatalogItem(edited, AuditBy("ed", "catalog.edit")).ok());
  edited.id = ids[0];
  EXPECT_EQ(repo_->UpdateCatalogItem(edited, AuditBy("ed", "x")).code(), ErrorCode::kConflict);
  edited.agency_id = b_.id;
  edited.id = ids[2];
  EXPECT_EQ(repo_->UpdateCatalogItem(edited, AuditBy("ed", "x")).code(), ErrorCode::kNotFound);
  EXPECT_EQ(Text("SELECT title FROM catalog_items WHERE id = " + std::to_string(ids[1])), "通知（修订）");
  EXPECT_EQ(Text("SELECT index_no FROM catalog_items WHERE id = " + std::to_string(ids[0])),
            a_.org_code + "/2026-00001");  // withdrawn, still holds its number

  std::unique_ptr<soci::session> raw = db_->Raw();
  std::vector<std::string> ops(10);
  std::vector<long long> entity_ids(10);
  *raw << "SELECT op, entity_id FROM search_outbox ORDER BY id", soci::into(ops),
      soci::into(entity_ids);
  EXPECT_EQ(ops, (std::vector<std::string>{"upsert", "delete", "upsert", "upsert", "upsert"}));
  EXPECT_EQ(entity_ids, (std::vector<long long>{ids[0], ids[0], ids[1], *b_id, ids[1]}));
  // Refused changes wrote nothing; the others one audit row each, naming the agency.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'catalog.%'"), 7);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'x'"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('w', 'p') AND agency_id IS "
                   "NOT NULL"),
            2);
}

TEST_P(WebRecordsTest, AttachmentsGuidesAndTheAuditLog) {
  CatalogItem draft;
  draft.agency_id = a_.id;
  draft.title = "通知";
  draft.publisher = "甲局";
  draft.created_on = D("2026-02-26");
  draft.topic = "综合政务";
  const int64_t item = *repo_->CreateCatalogItem(draft, AuditBy("ed", "catalog.create"));
  Attachment att;
  att.agency_id = a_.id;
  att.owner = AttachmentOwner::kCatalogItem;
  att.owner_id = item;
  att.file_name = "附件.pdf";
  att.content_type = "application/pdf";
  att.size = 1234;
  att.sha256 = std::string(64, '0');
  att.actor = "ed";
  att.created_at = Ts("2026-03-02T02:00:00Z");
  Result<int64_t> aid = repo_->AddAttachment(att, AuditBy("ed", "catalog.attach"));
  ASSERT_TRUE(aid.ok()) << aid.status().message();
  Attachment wrong = att;
  wrong.agency_id = b_.id;
  EXPECT_EQ(repo_->AddAttachment(wrong, AuditBy("ed", "x")).status().code(), ErrorCode::kNotFound);
  wrong.owner = AttachmentOwner::kApplication;
  EXPECT_EQ(repo_->AddAttachment(wrong, AuditBy("ed", "x")).status().code(), ErrorCode::kNotFound);
  Result<Attachment> back = repo_->FindAttachment(a_.id, *aid);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->file_name, "附件.pdf");
  EXPECT_EQ(back->size, 1234);
  EXPECT_EQ(back->created_at, att.created_at);
  EXPECT_EQ(repo_->FindAttachment(b_.id, *aid).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(repo_->ListAttachments(a_.id, AttachmentOwner::kCatalogItem, item)->size(), 1u);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM search_outbox"), 0);  // a draft's attachment

  Guide g;
  g.agency_id = a_.id;
  g.published_on = D("2026-03-02");
  g.office_name = "甲局办公室";
  g.address = "某路 1 号";
  g.hours = "工作日";
  g.phone = "0432-1";
  g.notice_prefix = "甲办";
  g.channels = {{Channel::kInPerson, true, "窗口"}, {Channel::kFax, false, ""}};
  g.actor = "ed";
  g.created_at = Ts("2026-03-02T02:00:00Z");
  ASSERT_TRUE(repo_->PublishGuide(g, AuditBy("ed", "guide.publish")).ok());
  g.phone = "0432-2";
  Result<Guide> v2 = repo_->PublishGuide(g, AuditBy("ed", "guide.publish"));
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->version, 2);
  Result<std::vector<Guide>> all = repo_->ListGuides(a_.id);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].version, 2);
  EXPECT_EQ((*all)[0].phone, "0432-2");
  EXPECT_EQ((*all)[1].channels, g.channels);
  EXPECT_TRUE(repo_->ListGuides(b_.id)->empty());

  AuditRecord login = AuditBy("zhang", "login");
  login.agency_id = b_.id;
  ASSERT_TRUE(repo_->AppendAuditRecord(login).ok());
  Result<std::vector<AuditRecord>> of_b = repo_->ListAuditRecords(b_.id, 0, 10);
  ASSERT_TRUE(of_b.ok()) << of_b.status().message();
  ASSERT_EQ(of_b->size(), 1u);
  EXPECT_EQ((*of_b)[0].client_ip, "192.0.2.1");
  EXPECT_EQ((*of_b)[0].recorded_at, Ts("2026-03-02T02:00:00Z"));
  Result<std::vector<AuditRecord>> of_a = repo_->ListAuditRecords(a_.id, 0, 2);
  ASSERT_TRUE(of_a.ok());
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[0].action, "guide.publish");  // newest first
  Result<std::vector<AuditRecord>> older = repo_->ListAuditRecords(a_.id, (*of_a)[1].id, 10);
  ASSERT_TRUE(older.ok());
  EXPECT_EQ(older->size(), 2u);  // catalog.attach, catalog.create
  EXPECT_EQ(repo_->ListAuditRecords(std::nullopt, 0, 0).status().code(), ErrorCode::kInvalidInput);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, WebRecordsTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, WebRecordsTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

// ---------------------------------------------------------------------------------------------
// External (imported) and published annual reports
// ---------------------------------------------------------------------------------------------

ExternalReport MakeExternal(int64_t agency_id, int year, const std::string& sha) {
  ExternalReport r;
  r.agency_id = agency_id;
  r.year = year;
  r.format_id = "2008";
  r.source_name = "seed-changyi-2018.txt";
  r.source_sha256 = sha;
  r.cells_json = R"({"A1": {"value": "12", "line": 42, "raw": "12"}})";
  r.findings_json = R"([{"kind": "title", "severity": "error", "line": 1, "message": "法规名称写错"}])";
  r.imported_by = "supervisor-wang";
  return r;
}

TEST_P(RepositoryTest, ExternalReportsAreReplacedPerAgencyYear) {
  Dataset ds;
  ds.agencies.push_back(MakeAgency("a", "甲局"));
  ds.agencies.push_back(MakeAgency("b", "乙局"));
  ASSERT_TRUE(repo_->Import(ds).ok());
  const Agency a = AgencyOf("a"), b = AgencyOf("b");

  Result<std::optional<ExternalReport>> none = repo_->FindExternalReport(a.id, 2018);
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_FALSE(none->has_value());

  ExternalReport first = MakeExternal(a.id, 2018, std::string(64, 'a'));
  ASSERT_TRUE(repo_->SaveExternalReport(first).ok());
  ExternalReport second = MakeExternal(a.id, 2018, std::string(64, 'b'));
  second.format_id = "2019";
  second.cells_json = "{}";
  second.imported_at = "2019-03-01T08:00:00Z";
  ASSERT_TRUE(repo_->SaveExternalReport(second).ok());
  ASSERT_TRUE(repo_->SaveExternalReport(MakeExternal(a.id, 2017, std::string(64, 'c'))).ok());
  ASSERT_TRUE(repo_->SaveExternalReport(MakeExternal(b.id, 2018, std::string(64, 'd'))).ok());

  Result<std::optional<ExternalReport>> got = repo_->FindExternalReport(a.id, 2018);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ASSERT_TRUE(got->has_value());
  ExternalReport expected = second;
  expected.id = (*got)->id;
  EXPECT_EQ(**got, expected);
  got = repo_->FindExternalReport(a.id, 2017);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->imported_at.size(), 20u);  // set by the store
  EXPECT_EQ((*got)->cells_json, first.cells_json);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM external_reports"), 3);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'import_external_report' "
                   "AND actor = 'supervisor-wang'"),
            4);
}

TEST_P(RepositoryTest, AnImportNeverOverwritesAPublishedReport) {
  Dataset ds;
  ds.agencies.push_back(MakeAgency("a", "甲局"));
  ASSERT_TRUE(repo_->Import(ds).ok());
  const Agency a = AgencyOf("a");
  ASSERT_TRUE(repo_->SaveExternalReport(MakeExternal(a.id, 2018, std::string(64, 'a'))).ok());

  PublishedReport p;
  p.agency_id = a.id;
  p.year = 2018;
  p.format_id = "2008";
  p.published_at = "2019-01-20T02:00:00Z";
  p.snapshot_json = R"({"title": "甲局2018年政府信息公开工作年度报告"})";
  ASSERT_TRUE(repo_->PublishReport(p).ok());
  Result<std::optional<PublishedReport>> got = repo_->FindPublishedReport(a.id, 2018);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ASSERT_TRUE(got->has_value());
  PublishedReport expected = p;
  expected.id = (*got)->id;
  EXPECT_EQ(**got, expected);
  got = repo_->FindPublishedReport(a.id, 2019);
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());

  // Published is final; an import of that agency-year is refused and changes nothing.
  EXPECT_EQ(repo_->PublishReport(p).code(), ErrorCode::kConflict);
  const Status st = repo_->SaveExternalReport(MakeExternal(a.id, 2018, std::string(64, 'e')));
  EXPECT_EQ(st.code(), ErrorCode::kConflict);
  EXPECT_THAT(st.message(), HasSubstr("已由 gongkai 发布"));
  Result<std::optional<ExternalReport>> ext = repo_->FindExternalReport(a.id, 2018);
  ASSERT_TRUE(ext.ok() && ext->has_value());
  EXPECT_EQ((*ext)->source_sha256, std::string(64, 'a'));
  EXPECT_TRUE(repo_->SaveExternalReport(MakeExternal(a.id, 2019, std::string(64, 'e'))).ok());
}

TEST_P(RepositoryTest, InvalidExternalAndPublishedReportsAreRefused) {
  Dataset ds;
  ds.agencies.push_back(MakeAgency("a", "甲局"));
  ASSERT_TRUE(repo_->Import(ds).ok());
  const Agency a = AgencyOf("a");
  ExternalReport r = MakeExternal(a.id, 2018, std::string(64, 'a'));
  r.agency_id = a.id + 1000;
  EXPECT_EQ(repo_->SaveExternalReport(r).code(), ErrorCode::kNotFound);
  r = MakeExternal(a.id, 2018, "ABC");
  EXPECT_EQ(repo_->SaveExternalReport(r).code(), ErrorCode::kInvalidInput);
  r = MakeExternal(a.id, 2018, std::string(64, 'a'));
  r.format_id.clear();
  EXPECT_EQ(repo_->SaveExternalReport(r).code(), ErrorCode::kInvalidInput);
  PublishedReport p;
  p.agency_id = a.id + 1000;
  p.year = 2018;
  p.format_id = "2008";
  EXPECT_EQ(repo_->PublishReport(p).code(), ErrorCode::kNotFound);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM external_reports"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM published_reports"), 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, RepositoryTest, ::testing::Values(Backend::kSqlite), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, RepositoryTest, ::testing::Values(Backend::kPostgres),
                         BackendName);

// ---------------------------------------------------------------------------------------------
// SQLite-only failure modes
// ---------------------------------------------------------------------------------------------

TEST(SqliteRepositoryTest, FileThatIsNotADatabaseIsAStorageError) {
  TempDir dir;
  const std::string path = dir.path() + "/notes.db";
  {
    std::ofstream out(path);
    for (int i = 0; i < 100; ++i) out << "这不是数据库，只是一份文本笔记。\n";
  }
  Result<std::unique_ptr<Repository>> repo = OpenRepository(path);
  ASSERT_FALSE(repo.ok());
  EXPECT_EQ(repo.status().code(), ErrorCode::kStorage);
  EXPECT_EQ(repo.status().message(), "数据库文件 " + path + " 不是有效的 SQLite 数据库或已损坏");
}

TEST(SqliteRepositoryTest, FileLockedByAnotherProcessIsAStorageError) {
  TempDir dir;
  const std::string path = dir.path() + "/locked.db";
  {
    Result<std::unique_ptr<Repository>> repo = OpenRepository(path);
    ASSERT_TRUE(repo.ok()) << repo.status().message();
  }
  // Another connection takes an exclusive lock and keeps it (as a crashed-but-alive writer
  // would): opening must give up after the busy timeout, not hang or crash.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other,
                         "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                         "INSERT INTO agencies (slug, name, short_name, org_code, region) "
                         "VALUES ('x', 'x', 'x', 'x', 'x');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  Result<std::unique_ptr<Repository>> repo = OpenRepository("sqlite:" + path);
  ASSERT_FALSE(repo.ok());
  EXPECT_EQ(repo.status().code(), ErrorCode::kStorage);
  EXPECT_EQ(repo.status().message(), "数据库文件 " + path + " 被其他进程锁定，请稍后再试");
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
}

TEST(SqliteRepositoryTest, ImportIntoALockedDatabaseIsAStorageError) {
  TempDir dir;
  const std::string path = dir.path() + "/busy.db";
  Result<std::unique_ptr<Repository>> repo = OpenRepository(path);
  ASSERT_TRUE(repo.ok()) << repo.status().message();
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Dataset ds;
  ds.agencies.push_back(MakeAgency("a", "甲局"));
  Result<ImportSummary> r = (*repo)->Import(ds);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kStorage);
  EXPECT_THAT(r.status().message(), HasSubstr("被其他进程锁定"));
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  // Released: the same repository works again.
  EXPECT_TRUE((*repo)->Import(ds).ok());
}

TEST(SqliteRepositoryTest, UrlFormsAndPathsWithSpaces) {
  TempDir dir;
  const std::string path = dir.path() + "/目录 含空格/年报.db";
  Result<std::unique_ptr<Repository>> repo = OpenRepository("sqlite:" + path);
  ASSERT_TRUE(repo.ok()) << repo.status().message();
  Dataset ds;
  ds.agencies.push_back(MakeAgency("a", "甲局"));
  ASSERT_TRUE((*repo)->Import(ds).ok());
  repo = OpenRepository(path);  // the same file as a plain path
  ASSERT_TRUE(repo.ok()) << repo.status().message();
  EXPECT_TRUE((*repo)->FindAgency("a").ok());
  EXPECT_TRUE(std::filesystem::exists(path));

  Result<std::unique_ptr<Repository>> dir_as_db = OpenRepository(dir.path());
  ASSERT_FALSE(dir_as_db.ok());
  EXPECT_EQ(dir_as_db.status().code(), ErrorCode::kStorage);
  Result<std::unique_ptr<Repository>> mysql = OpenRepository("mysql://localhost/gongkai");
  ASSERT_FALSE(mysql.ok());
  EXPECT_EQ(mysql.status().code(), ErrorCode::kStorage);
  EXPECT_THAT(mysql.status().message(), HasSubstr("不支持的数据库地址"));
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL URLs (no server needed)
// ---------------------------------------------------------------------------------------------

TEST(PostgresUrlTest, ParsesIntoLibpqKeywordsWithoutShowingThePassword) {
  Result<store::PostgresTarget> t =
      store::ParsePostgresUrl("postgresql://gk:s%40cret@db.example:5433/gongkai?sslmode=require");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->connect_string,
            "client_encoding=UTF8 connect_timeout=10 dbname=gongkai host=db.example "
            "password=s@cret port=5433 sslmode=require user=gk");
  EXPECT_EQ(t->display, "PostgreSQL 数据库 gk@db.example:5433/gongkai");

  t = store::ParsePostgresUrl("postgres:///gongkai?host=%2Fvar%2Frun%2Fpostgresql");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->connect_string,
            "client_encoding=UTF8 connect_timeout=10 dbname=gongkai host=/var/run/postgresql");

  t = store::ParsePostgresUrl("postgresql://[::1]:5432/x?connect_timeout=2");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->connect_string,
            "client_encoding=UTF8 connect_timeout=2 dbname=x host=::1 port=5432");

  EXPECT_FALSE(store::ParsePostgresUrl("postgresql://u:has%20space@h/db").ok());
  EXPECT_FALSE(store::ParsePostgresUrl("postgresql://h/db?novalue").ok());
  EXPECT_FALSE(store::ParsePostgresUrl("postgresql://h/db?x=%zz").ok());
}

TEST(PostgresUrlTest, UnreachableServerIsAStorageErrorNamingTheDatabase) {
  // Port 1 on the loopback: refused at once.
  Result<std::unique_ptr<Repository>> repo =
      OpenRepository("postgresql://gk:secret@127.0.0.1:1/gongkai");
  ASSERT_FALSE(repo.ok());
  EXPECT_EQ(repo.status().code(), ErrorCode::kStorage);
  EXPECT_THAT(repo.status().message(),
              HasSubstr("无法连接 PostgreSQL 数据库 gk@127.0.0.1:1/gongkai："));
  EXPECT_THAT(repo.status().message(), ::testing::Not(HasSubstr("secret")));
  EXPECT_EQ(repo.status().message().find('\n'), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// SearchFeed (store/search_feed.cc): what the search index reads, on both backends.
// ---------------------------------------------------------------------------------------------

}  // namespace
}  // namespace gongkai

#include "core/search_feed.h"

namespace gongkai {
namespace {

// The outbox of migration 3 for schemas that predate it (a no-op once it is there).
void CreateSearchOutboxIfMissing(TestDatabase& db) {
  std::unique_ptr<soci::session> raw = db.Raw();
  *raw << (db.IsPostgres()
               ? "CREATE TABLE IF NOT EXISTS search_outbox (id BIGSERIAL PRIMARY KEY, "
                 "agency_id BIGINT NOT NULL, entity TEXT NOT NULL, entity_id BIGINT NOT NULL, "
                 "op TEXT NOT NULL, created_at TEXT NOT NULL)"
               : "CREATE TABLE IF NOT EXISTS search_outbox (id INTEGER PRIMARY KEY "
                 "AUTOINCREMENT, agency_id INTEGER NOT NULL, entity TEXT NOT NULL, "
                 "entity_id INTEGER NOT NULL, op TEXT NOT NULL, created_at TEXT NOT NULL)");
}

Dataset SearchFeedDataset() {
  Dataset ds;
  Agency a;
  a.slug = "feed-agency";
  a.name = a.short_name = "检索测试局";
  a.org_code = "000000042";
  a.region = "测试市";
  ds.agencies.push_back(a);
  for (int i = 1; i <= 7; ++i) {
    CatalogItem c;
    c.index_no = "000000042/2023-0000" + std::to_string(i);
    c.title = "目录条目" + std::to_string(i);
    c.doc_no = i == 1 ? "测发〔2023〕1号" : "";
    c.publisher = "检索测试局";
    c.created_on = D("2023-03-01");
    c.published_on = D(("2023-03-0" + std::to_string(i + 1)).c_str());
    c.topic = "综合政务\\其他";
    c.genre = "通知";
    c.summary = "概述" + std::to_string(i);
    c.body = "正文" + std::to_string(i);
    if (i == 3) c.published_on.reset();               // a draft
    if (i == 5) c.withdrawn_on = D("2023-04-01");     // withdrawn
    ds.catalog_items.push_back({"feed-agency", c});
  }
  return ds;
}

TEST_P(RepositoryTest, SearchFeedPagesPublishedItemsInIdOrder) {
  ASSERT_TRUE(repo_->Import(SearchFeedDataset()).ok());
  Result<std::unique_ptr<SearchFeed>> feed = OpenSearchFeed(db_->Url());
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(*(*feed)->CountDocuments(), 5);

  std::vector<std::string> titles;
  int64_t after = 0;
  for (;;) {
    Result<std::vector<SearchDocument>> page = (*feed)->ListDocuments(after, 2);
    ASSERT_TRUE(page.ok()) << page.status().message();
    for (const SearchDocument& d : *page) {
      EXPECT_GT(d.catalog_item_id, after);
      after = d.catalog_item_id;
      titles.push_back(d.title);
    }
    if (page->size() < 2) break;
  }
  EXPECT_EQ(titles, (std::vector<std::string>{"目录条目1", "目录条目2", "目录条目4", "目录条目6",
                                              "目录条目7"}));

  const long long first = Scalar("SELECT MIN(id) FROM catalog_items");
  Result<std::optional<SearchDocument>> doc = (*feed)->FindDocument(first);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_TRUE(doc->has_value());
  EXPECT_EQ((*doc)->agency_id, AgencyOf("feed-agency").id);
  EXPECT_EQ((*doc)->index_no, "000000042/2023-00001");
  EXPECT_EQ((*doc)->doc_no, "测发〔2023〕1号");
  EXPECT_EQ((*doc)->publisher, "检索测试局");
  EXPECT_EQ((*doc)->topic, "综合政务\\其他");
  EXPECT_EQ((*doc)->genre, "通知");
  EXPECT_EQ((*doc)->summary, "概述1");
  EXPECT_EQ((*doc)->body, "正文1");
  EXPECT_EQ((*doc)->published_on, D("2023-03-02"));
  // The draft, the withdrawn item and a missing id are not documents.
  for (long long id : {first + 2, first + 4, first + 100}) {
    Result<std::optional<SearchDocument>> none = (*feed)->FindDocument(id);
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value()) << id;
  }
}

TEST_P(RepositoryTest, SearchFeedReadsTheOutboxInIdOrder) {
  ASSERT_TRUE(repo_->Import(SearchFeedDataset()).ok());
  CreateSearchOutboxIfMissing(*db_);
  Result<std::unique_ptr<SearchFeed>> feed = OpenSearchFeed(db_->Url());
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(*(*feed)->LastOutboxId(), 0);
  EXPECT_TRUE((*feed)->ListOutbox(0, 10)->empty());

  {
    std::unique_ptr<soci::session> raw = db_->Raw();
    const long long agency = AgencyOf("feed-agency").id;
    for (const char* op : {"upsert", "upsert", "delete"}) {
      *raw << "INSERT INTO search_outbox (agency_id, entity, entity_id, op, created_at) "
              "VALUES (:a, 'catalog_item', 42, :op, '2024-05-01T08:00:00Z')",
          soci::use(agency, "a"), soci::use(std::string(op), "op");
    }
  }
  Result<std::vector<SearchOutboxEntry>> all = (*feed)->ListOutbox(0, 10);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_LT((*all)[0].id, (*all)[1].id);
  EXPECT_LT((*all)[1].id, (*all)[2].id);
  EXPECT_EQ((*all)[0].agency_id, AgencyOf("feed-agency").id);
  EXPECT_EQ((*all)[0].entity, "catalog_item");
  EXPECT_EQ((*all)[0].entity_id, 42);
  EXPECT_EQ((*all)[0].op, SearchOutboxEntry::Op::kUpsert);
  EXPECT_EQ((*all)[2].op, SearchOutboxEntry::Op::kDelete);
  EXPECT_EQ((*all)[0].created_at, "2024-05-01T08:00:00Z");
  EXPECT_EQ(*(*feed)->LastOutboxId(), (*all)[2].id);

  Result<std::vector<SearchOutboxEntry>> after_first = (*feed)->ListOutbox((*all)[0].id, 1);
  ASSERT_TRUE(after_first.ok());
  ASSERT_EQ(after_first->size(), 1u);
  EXPECT_EQ((*after_first)[0].id, (*all)[1].id);
}

}  // namespace
}  // namespace gongkai

// ---------------------------------------------------------------------------------------------
// The catalog as the public portal reads it (store/catalog_queries.cc), on both backends.
// ---------------------------------------------------------------------------------------------

namespace gongkai {
namespace {

// Agency "cat-a" with items that exercise every filter, and "cat-b" with one item.
//   #1 2019-02-03 综合政务\政务公开 通知 "关于做好政府信息公开工作的通知" (two channels, body)
//   #2 2020-05-01 商贸、海关、旅游\国内贸易 公告 "100%_达标 Notice 公告"
//   #3 2018-01-10 normative, valid
//   #4 2018-03-01 normative, expired 2020-01-01
//   #5 2019-06-01 normative, expired 2022-01-01 but repealed 2021-06-01 (repealed wins)
//   #6 draft; #7 published 2019-12-01, withdrawn 2020-01-01; #8 published 2026-01-01
Dataset CatalogQueryDataset() {
  Dataset ds;
  ds.agencies.push_back(MakeAgency("cat-a", "甲局"));
  ds.agencies.push_back(MakeAgency("cat-b", "乙局"));
  auto item = [&](const std::string& agency, int n, const char* published, const char* topic,
                  const char* genre, const std::string& title) -> CatalogItem& {
    CatalogItem c;
    c.index_no = "00001434/2019-" + std::to_string(10000 + n);
    c.title = title;
    c.publisher = "甲局";
    c.created_on = D("2017-06-01");
    if (published != nullptr) c.published_on = D(published);
    c.topic = topic;
    c.genre = genre;
    c.summary = "概述" + std::to_string(n);
    c.body = "正文" + std::to_string(n);
    ds.catalog_items.push_back({agency, c});
    return ds.catalog_items.back().record;
  };
  CatalogItem& first = item("cat-a", 1, "2019-02-03", "综合政务\\政务公开", "通知",
                            "关于做好政府信息公开工作的通知");
  first.doc_no = "甲发〔2019〕1号";
  first.channels = {{PublicationChannel::kWebsite, D("2019-02-03")},
                    {PublicationChannel::kWechat, D("2019-02-04")}};
  item("cat-a", 2, "2020-05-01", "商贸、海关、旅游\\国内贸易", "公告", "100%_达标 Notice 公告");
  auto normative = [](const char* issued) {
    NormativeDocument n;
    n.issuing_body = "甲局";
    n.issued_on = D(issued);
    return n;
  };
  item("cat-a", 3, "2018-01-10", "综合政务\\其他", "通知", "甲局管理办法").normative =
      normative("2017-12-01");
  CatalogItem& expired = item("cat-a", 4, "2018-03-01", "综合政务\\其他", "通知", "甲局暂行办法");
  expired.normative = normative("2018-02-01");
  expired.normative->expired_on = D("2020-01-01");
  CatalogItem& repealed = item("cat-a", 5, "2019-06-01", "综合政务\\其他", "意见", "甲局实施意见");
  repealed.normative = normative("2019-05-01");
  repealed.normative->expired_on = D("2022-01-01");
  repealed.normative->repealed_on = D("2021-06-01");
  item("cat-a", 6, nullptr, "综合政务\\其他", "通知", "草稿");
  item("cat-a", 7, "2019-12-01", "综合政务\\其他", "通知", "已撤回").withdrawn_on = D("2020-01-01");
  item("cat-a", 8, "2026-01-01", "综合政务\\其他", "通知", "明年公开");
  item("cat-b", 9, "2021-01-01", "综合政务\\其他", "通知", "乙局的通知");
  return ds;
}

std::vector<std::string> Titles(const std::vector<CatalogItem>& items) {
  std::vector<std::string> out;
  for (const CatalogItem& c : items) out.push_back(c.title);
  return out;
}

CatalogFilter AsOf(const char* day) {
  CatalogFilter f;
  f.as_of = D(day);
  return f;
}

TEST_P(RepositoryTest, CatalogListingsArePublicItemsNewestFirstInPages) {
  ASSERT_TRUE(repo_->Import(CatalogQueryDataset()).ok());
  const Agency a = AgencyOf("cat-a");
  const CatalogFilter all = AsOf("2025-12-31");
  Result<CatalogPage> p1 = repo_->ListCatalogItems(a.id, all, {1, 2});
  ASSERT_TRUE(p1.ok()) << p1.status().message();
  EXPECT_EQ(p1->total, 5);
  EXPECT_EQ(Titles(p1->items),
            (std::vector<std::string>{"100%_达标 Notice 公告", "甲局实施意见"}));
  Result<CatalogPage> p3 = repo_->ListCatalogItems(a.id, all, {3, 2});
  ASSERT_TRUE(p3.ok());
  EXPECT_EQ(Titles(p3->items), (std::vector<std::string>{"甲局管理办法"}));
  Result<CatalogPage> p4 = repo_->ListCatalogItems(a.id, all, {4, 2});
  ASSERT_TRUE(p4.ok());
  EXPECT_TRUE(p4->items.empty());
  EXPECT_EQ(p4->total, 5);
  Result<CatalogPage> whole = repo_->ListCatalogItems(a.id, all, {1, 20});
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(Titles(whole->items),
            (std::vector<std::string>{"100%_达标 Notice 公告", "甲局实施意见",
                                      "关于做好政府信息公开工作的通知", "甲局暂行办法",
                                      "甲局管理办法"}));
  // Listing rows carry the metadata but not the body or the channels.
  const CatalogItem& notice = whole->items[2];
  EXPECT_EQ(notice.index_no, "00001434/2019-10001");
  EXPECT_EQ(notice.doc_no, "甲发〔2019〕1号");
  EXPECT_EQ(notice.agency_id, a.id);
  EXPECT_EQ(notice.summary, "概述1");
  EXPECT_TRUE(notice.body.empty());
  EXPECT_TRUE(notice.channels.empty());
  ASSERT_TRUE(whole->items[1].normative.has_value());
  EXPECT_EQ(whole->items[1].normative->repealed_on, D("2021-06-01"));

  // On an earlier day: the withdrawn item was still public, the later ones not yet.
  EXPECT_EQ(*repo_->CountCatalogItems(a.id, AsOf("2019-12-15")), 5);
  EXPECT_EQ(*repo_->CountCatalogItems(a.id, AsOf("2020-01-01")), 4);
  EXPECT_EQ(*repo_->CountCatalogItems(a.id, AsOf("2026-01-01")), 6);
  // Another agency's items never appear; an unknown agency has none.
  EXPECT_EQ(*repo_->CountCatalogItems(AgencyOf("cat-b").id, all), 1);
  EXPECT_EQ(repo_->ListCatalogItems(987654, all, {1, 20})->total, 0);

  for (PageRequest bad : {PageRequest{0, 20}, PageRequest{-1, 20}, PageRequest{1, 0},
                          PageRequest{1, 50'001}}) {
    Result<CatalogPage> r = repo_->ListCatalogItems(a.id, all, bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  }
}

TEST_P(RepositoryTest, AllCatalogItemsListDraftsPublishedAndWithdrawnNewestIdFirst) {
  ASSERT_TRUE(repo_->Import(CatalogQueryDataset()).ok());
  const Agency a = AgencyOf("cat-a");
  Result<CatalogPage> p1 = repo_->ListAllCatalogItems(a.id, {1, 3});
  ASSERT_TRUE(p1.ok()) << p1.status().message();
  EXPECT_EQ(p1->total, 8);
  EXPECT_EQ(p1->number, 1);
  EXPECT_EQ(p1->size, 3);
  ASSERT_EQ(Titles(p1->items), (std::vector<std::string>{"明年公开", "已撤回", "草稿"}));
  EXPECT_TRUE(p1->items[0].published_on.has_value());
  EXPECT_EQ(p1->items[1].withdrawn_on, D("2020-01-01"));
  EXPECT_FALSE(p1->items[2].published_on.has_value()) << "a draft";
  EXPECT_TRUE(p1->items[2].body.empty()) << "listing rows carry no body";
  EXPECT_GT(p1->items[0].id, p1->items[1].id);
  Result<CatalogPage> p3 = repo_->ListAllCatalogItems(a.id, {3, 3});
  ASSERT_TRUE(p3.ok());
  EXPECT_EQ(Titles(p3->items),
            (std::vector<std::string>{"100%_达标 Notice 公告", "关于做好政府信息公开工作的通知"}));
  Result<CatalogPage> p4 = repo_->ListAllCatalogItems(a.id, {4, 3});
  ASSERT_TRUE(p4.ok());
  EXPECT_TRUE(p4->items.empty());
  EXPECT_EQ(p4->total, 8);
  // Only the agency's own items; an unknown agency has none.
  Result<CatalogPage> b = repo_->ListAllCatalogItems(AgencyOf("cat-b").id, {1, 20});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(Titles(b->items), (std::vector<std::string>{"乙局的通知"}));
  EXPECT_EQ(repo_->ListAllCatalogItems(987654, {1, 20})->total, 0);
  for (PageRequest bad : {PageRequest{0, 20}, PageRequest{1, 0}, PageRequest{1, 50'001}}) {
    Result<CatalogPage> r = repo_->ListAllCatalogItems(a.id, bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  }
}

TEST_P(RepositoryTest, CatalogFiltersByTopicGenreYearValidityAndTitle) {
  ASSERT_TRUE(repo_->Import(CatalogQueryDataset()).ok());
  const int64_t a = AgencyOf("cat-a").id;
  auto titles = [&](CatalogFilter f) {
    Result<CatalogPage> p = repo_->ListCatalogItems(a, f, {1, 50});
    EXPECT_TRUE(p.ok()) << p.status().message();
    EXPECT_EQ(p->total, *repo_->CountCatalogItems(a, f));
    return p.ok() ? Titles(p->items) : std::vector<std::string>{};
  };
  using V = std::vector<std::string>;
  CatalogFilter f = AsOf("2025-12-31");
  f.topic = "综合政务\\政务公开";
  EXPECT_EQ(titles(f), V{"关于做好政府信息公开工作的通知"});
  f = AsOf("2025-12-31");
  f.genre = "通知";
  EXPECT_EQ(titles(f), (V{"关于做好政府信息公开工作的通知", "甲局暂行办法", "甲局管理办法"}));
  f.year = 2018;
  EXPECT_EQ(titles(f), (V{"甲局暂行办法", "甲局管理办法"}));
  f = AsOf("2025-12-31");
  f.year = 2019;
  EXPECT_EQ(titles(f), (V{"甲局实施意见", "关于做好政府信息公开工作的通知"}));
  f.year = 2031;
  EXPECT_EQ(titles(f), V{});

  f = AsOf("2025-12-31");
  f.validity = Validity::kValid;
  EXPECT_EQ(titles(f), V{"甲局管理办法"});
  f.validity = Validity::kExpired;
  EXPECT_EQ(titles(f), V{"甲局暂行办法"});
  f.validity = Validity::kRepealed;
  EXPECT_EQ(titles(f), V{"甲局实施意见"});
  f = AsOf("2019-12-15");  // before the expiry and the repeal
  f.validity = Validity::kValid;
  EXPECT_EQ(titles(f), (V{"甲局实施意见", "甲局暂行办法", "甲局管理办法"}));

  f = AsOf("2025-12-31");
  f.title_contains = "政府信息公开";
  EXPECT_EQ(titles(f), V{"关于做好政府信息公开工作的通知"});
  f.title_contains = "%_";  // LIKE wildcards match literally
  EXPECT_EQ(titles(f), V{"100%_达标 Notice 公告"});
  f.title_contains = "_";
  EXPECT_EQ(titles(f), V{"100%_达标 Notice 公告"});
  f.title_contains = "notice";  // ASCII case ignored on both backends
  EXPECT_EQ(titles(f), V{"100%_达标 Notice 公告"});
  f.title_contains = "!";
  EXPECT_EQ(titles(f), V{});
}

TEST_P(RepositoryTest, CatalogItemsAreFoundByIndexNumberOrIdWithBodyAndChannels) {
  ASSERT_TRUE(repo_->Import(CatalogQueryDataset()).ok());
  const int64_t a = AgencyOf("cat-a").id, b = AgencyOf("cat-b").id;
  Result<CatalogItem> item = repo_->FindCatalogItemByIndexNo(a, "00001434/2019-10001");
  ASSERT_TRUE(item.ok()) << item.status().message();
  EXPECT_EQ(item->title, "关于做好政府信息公开工作的通知");
  EXPECT_EQ(item->body, "正文1");
  EXPECT_EQ(item->topic, "综合政务\\政务公开");
  EXPECT_EQ(item->published_on, D("2019-02-03"));
  EXPECT_EQ(item->channels, (std::vector<ChannelPublication>{
                                {PublicationChannel::kWebsite, D("2019-02-03")},
                                {PublicationChannel::kWechat, D("2019-02-04")}}));
  Result<CatalogItem> by_id = repo_->FindCatalogItem(a, item->id);
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(*by_id, *item);

  // Drafts are found (the portal hides them: IsPublicOn), another agency's items are not.
  Result<CatalogItem> draft = repo_->FindCatalogItemByIndexNo(a, "00001434/2019-10006");
  ASSERT_TRUE(draft.ok());
  EXPECT_FALSE(IsPublicOn(*draft, D("2025-12-31")));
  EXPECT_TRUE(IsPublicOn(*item, D("2025-12-31")));
  EXPECT_FALSE(IsPublicOn(*item, D("2019-02-02")));
  Result<CatalogItem> withdrawn = repo_->FindCatalogItemByIndexNo(a, "00001434/2019-10007");
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_TRUE(IsPublicOn(*withdrawn, D("2019-12-31")));
  EXPECT_FALSE(IsPublicOn(*withdrawn, D("2020-01-01")));
  Result<CatalogItem> normative = repo_->FindCatalogItemByIndexNo(a, "00001434/2019-10005");
  ASSERT_TRUE(normative.ok() && normative->normative.has_value());
  EXPECT_EQ(normative->normative->ValidityOn(D("2025-12-31")), Validity::kRepealed);

  for (Result<CatalogItem> missing :
       {repo_->FindCatalogItemByIndexNo(b, "00001434/2019-10001"),
        repo_->FindCatalogItemByIndexNo(a, ""), repo_->FindCatalogItemByIndexNo(a, "nope"),
        repo_->FindCatalogItem(b, item->id), repo_->FindCatalogItem(a, 987654)}) {
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  }
}

TEST_P(RepositoryTest, LatestCatalogItemsAcrossAgenciesAndFacets) {
  ASSERT_TRUE(repo_->Import(CatalogQueryDataset()).ok());
  Result<std::vector<CatalogItem>> latest = repo_->LatestCatalogItems(D("2025-12-31"), 3);
  ASSERT_TRUE(latest.ok()) << latest.status().message();
  EXPECT_EQ(Titles(*latest),
            (std::vector<std::string>{"乙局的通知", "100%_达标 Notice 公告", "甲局实施意见"}));
  EXPECT_EQ((*latest)[0].agency_id, AgencyOf("cat-b").id);
  EXPECT_EQ(repo_->LatestCatalogItems(D("2025-12-31"), 0).status().code(),
            ErrorCode::kInvalidInput);

  Result<CatalogFacets> facets = repo_->ListCatalogFacets(AgencyOf("cat-a").id, D("2025-12-31"));
  ASSERT_TRUE(facets.ok()) << facets.status().message();
  auto pairs = [](const std::vector<FacetCount>& v) {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const FacetCount& f : v) out.emplace_back(f.value, f.count);
    return out;
  };
  using P = std::vector<std::pair<std::string, int64_t>>;
  // Code-point order whatever the database's collation: 商 U+5546 < 综 U+7EFC.
  EXPECT_EQ(pairs(facets->topics),
            (P{{"商贸、海关、旅游\\国内贸易", 1}, {"综合政务\\其他", 3}, {"综合政务\\政务公开", 1}}));
  EXPECT_EQ(pairs(facets->genres), (P{{"公告", 1}, {"意见", 1}, {"通知", 3}}));
  EXPECT_EQ(pairs(facets->years), (P{{"2020", 1}, {"2019", 2}, {"2018", 2}}));
}

}  // namespace
}  // namespace gongkai
