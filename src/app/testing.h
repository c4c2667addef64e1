// Test fixture of the use cases (STYLE.md §11): a fresh SQLite database in a temporary
// directory with two agencies, the real calendar and notice wording from data/, a PII key file,
// an attachment directory, the minimum argon2id cost, and named builders for actors and forms.
// Header-only; for app_test only.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/services.h"
#include "core/repository.h"

namespace gongkai::app::testing {

// 2026-03-02 (Monday) 10:00 in China.
inline Timestamp Now() { return Timestamp::ParseIso8601("2026-03-02T02:00:00Z").value(); }
inline Timestamp At(const char* iso) { return Timestamp::ParseIso8601(iso).value(); }
inline Date D(const char* text) { return Date::Parse(text).value(); }

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A valid natural person's form (electronic, viewed online).
inline ApplicationFormInput PersonForm() {
  ApplicationFormInput f;
  f.applicant_type = "natural_person";
  f.name = "王小明";
  f.id_type = "resident_id";
  f.id_number = "11010519491231002X";
  f.phone = "0432-62345678";
  f.email = "wangxm@example.cn";
  f.address = "吉林省吉林市昌邑区民主街8号";
  f.description = "2025年本区老旧小区改造项目的资金使用情况";
  f.form = "electronic";
  f.delivery = "online";
  return f;
}

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/gongkai-app-XXXXXX";
    dir_ = mkdtemp(tmpl.data());
    db_path_ = dir_ + "/var/gongkai.db";
    Result<std::unique_ptr<Repository>> repo = OpenRepository(db_path_);
    ASSERT_TRUE(repo.ok()) << repo.status().message();
    repo_ = std::move(repo).value();

    Dataset ds;
    Agency a;
    a.slug = "changyi-commerce";
    a.name = "吉林市昌邑区商务局";
    a.short_name = "昌邑区商务局";
    a.org_code = "013745286";
    a.region = "吉林省吉林市昌邑区";
    Agency b = a;
    b.slug = "changyi-edu";
    b.name = "吉林市昌邑区教育局";
    b.short_name = "昌邑区教育局";
    b.org_code = "013745294";
    ds.agencies = {a, b};
    Result<ImportSummary> imported = repo_->Import(ds);
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_a_ = repo_->FindAgency("changyi-commerce").value();
    agency_b_ = repo_->FindAgency("changyi-edu").value();

    const std::string data = GONGKAI_SOURCE_DATA_DIR;
    Result<WorkCalendar> cal = WorkCalendar::FromCsv(ReadText(data + "/holidays-cn.csv"));
    ASSERT_TRUE(cal.ok()) << cal.status().message();
    calendar_ = std::make_unique<WorkCalendar>(std::move(cal).value());
    Result<NoticeTemplates> notices = NoticeTemplates::LoadDir(data + "/notices");
    ASSERT_TRUE(notices.ok()) << notices.status().message();
    notices_ = std::make_unique<NoticeTemplates>(std::move(notices).value());
    Result<PiiCipher> pii = PiiCipher::OpenKeyFile(dir_ + "/keys/pii.key");
    ASSERT_TRUE(pii.ok()) << pii.status().message();
    pii_ = std::make_unique<PiiCipher>(std::move(pii).value());
    files_ = std::make_unique<AttachmentStore>(dir_ + "/files");

    services_.repo = repo_.get();
    services_.calendar = calendar_.get();
    services_.pii = pii_.get();
    services_.files = files_.get();
    services_.notices = notices_.get();
    services_.policy.pwhash_opslimit = kPwhashOpsMin;
    services_.policy.pwhash_memlimit = kPwhashMemMin;
  }

  void TearDown() override {
    repo_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // An actor holding `grants` (agency ids with roles), as a signed-in user would.
  Actor Staff(std::string login, std::vector<RoleGrant> grants) const {
    User u;
    u.id = ++next_user_id_;
    u.login = std::move(login);
    u.display_name = u.login;
    u.grants = std::move(grants);
    return Actor::OfUser(u, "192.0.2.10");
  }
  Actor Handler(const Agency& a) const { return Staff("handler", {{a.id, Role::kHandler}}); }
  Actor Reviewer(const Agency& a) const { return Staff("reviewer", {{a.id, Role::kReviewer}}); }
  Actor Editor(const Agency& a) const { return Staff("editor", {{a.id, Role::kEditor}}); }
  Actor Admin(const Agency& a) const { return Staff("admin", {{a.id, Role::kAdmin}}); }
  static Actor Public() { return Actor::Public("198.51.100.7"); }

  // Runs `sql` on the database file directly (not through the Repository) and returns the
  // first column of every row as text ("NULL" for NULL).
  std::vector<std::string> Raw(const std::string& sql) const {
    std::vector<std::string> out;
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    while (st != nullptr && sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(st, 0);
      out.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }
  long long Count(const std::string& sql) const {
    std::vector<std::string> rows = Raw(sql);
    return rows.empty() ? -1 : std::stoll(rows[0]);
  }

  std::string dir_, db_path_;
  std::unique_ptr<Repository> repo_;
  std::unique_ptr<WorkCalendar> calendar_;
  std::unique_ptr<NoticeTemplates> notices_;
  std::unique_ptr<PiiCipher> pii_;
  std::unique_ptr<AttachmentStore> files_;
  Services services_;
  Agency agency_a_, agency_b_;
  mutable int64_t next_user_id_ = 1000;
};

}  // namespace gongkai::app::testing
