// Test helpers of the search module: an in-memory SearchFeed, a document builder and a
// temporary directory.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/search_feed.h"

namespace gongkai::search::testing {

// A temporary directory removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/gongkai-search-XXXXXX";
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

// SearchDocument builder: Doc(7).Title("…").Body("…").On("2020-05-01").Agency(2).
class Doc {
 public:
  explicit Doc(int64_t id) {
    d_.catalog_item_id = id;
    d_.agency_id = 1;
    d_.index_no = "000014349/2020-" + std::to_string(10000 + id);
    d_.topic = "综合政务\\政务公开";
    d_.genre = "通知";
    d_.published_on = *Date::Parse("2020-01-01");
  }
  Doc& Title(std::string t) {
    d_.title = std::move(t);
    return *this;
  }
  Doc& DocNo(std::string t) {
    d_.doc_no = std::move(t);
    return *this;
  }
  Doc& Summary(std::string t) {
    d_.summary = std::move(t);
    return *this;
  }
  Doc& Body(std::string t) {
    d_.body = std::move(t);
    return *this;
  }
  Doc& Attachments(std::string t) {
    d_.attachments_text = std::move(t);
    return *this;
  }
  Doc& Topic(std::string t) {
    d_.topic = std::move(t);
    return *this;
  }
  Doc& Genre(std::string t) {
    d_.genre = std::move(t);
    return *this;
  }
  Doc& Agency(int64_t a) {
    d_.agency_id = a;
    return *this;
  }
  Doc& On(const char* date) {
    d_.published_on = *Date::Parse(date);
    return *this;
  }
  operator SearchDocument() const { return d_; }  // NOLINT(google-explicit-constructor)

 private:
  SearchDocument d_;
};

// An in-memory feed: `docs` are the published items, `outbox` the entries (any ids).
class FakeFeed : public SearchFeed {
 public:
  std::map<int64_t, SearchDocument> docs;
  std::vector<SearchOutboxEntry> outbox;
  int fail_list_after_pages = -1;  // ListDocuments fails from that page on (0 = at once)
  bool fail_find = false;
  int fail_find_after = -1;  // FindDocument fails once this many calls were made
  int pages_listed = 0;
  int finds = 0;

  void Put(const SearchDocument& d) { docs[d.catalog_item_id] = d; }
  // Appends an outbox entry with the next id (or `id`).
  void Record(int64_t item, SearchOutboxEntry::Op op, int64_t id = 0) {
    SearchOutboxEntry e;
    e.id = id != 0 ? id : (outbox.empty() ? 1 : outbox.back().id + 1);
    e.entity = "catalog_item";
    e.entity_id = item;
    e.op = op;
    e.created_at = "2024-01-01T00:00:00Z";
    outbox.push_back(e);
    std::sort(outbox.begin(), outbox.end(),
              [](const SearchOutboxEntry& a, const SearchOutboxEntry& b) { return a.id < b.id; });
  }

  Result<std::vector<SearchDocument>> ListDocuments(int64_t after_id, int limit) override {
    if (fail_list_after_pages >= 0 && pages_listed >= fail_list_after_pages) {
      return StorageError("测试：数据库读取失败");
    }
    ++pages_listed;
    std::vector<SearchDocument> out;
    for (auto it = docs.upper_bound(after_id);
         it != docs.end() && static_cast<int>(out.size()) < limit; ++it) {
      out.push_back(it->second);
    }
    return out;
  }
  Result<int64_t> CountDocuments() override { return static_cast<int64_t>(docs.size()); }
  Result<std::optional<SearchDocument>> FindDocument(int64_t id) override {
    ++finds;
    if (fail_find || (fail_find_after >= 0 && finds > fail_find_after)) {
      return StorageError("测试：数据库读取失败");
    }
    auto it = docs.find(id);
    if (it == docs.end()) return std::optional<SearchDocument>();
    return std::optional<SearchDocument>(it->second);
  }
  Result<std::vector<SearchOutboxEntry>> ListOutbox(int64_t after_id, int limit) override {
    std::vector<SearchOutboxEntry> out;
    for (const SearchOutboxEntry& e : outbox) {
      if (e.id > after_id && static_cast<int>(out.size()) < limit) out.push_back(e);
    }
    return out;
  }
  Result<int64_t> LastOutboxId() override { return outbox.empty() ? 0 : outbox.back().id; }
};

}  // namespace gongkai::search::testing
