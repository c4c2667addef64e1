#include "search/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "search/document_builder.h"
#include "search/index_dir.h"
#include "search/outbox.h"

namespace gongkai::search {
namespace {

namespace fs = std::filesystem;

int64_t DirectoryBytes(const std::string& path) {
  int64_t bytes = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) bytes += static_cast<int64_t>(it->file_size(size_ec));
  }
  return bytes;
}

// Sets XAPIAN_FLUSH_THRESHOLD while a WritableDatabase is opened (Xapian reads it then), and
// restores the previous value. The environment is process-wide: a reindex runs alone.
class FlushThreshold {
 public:
  explicit FlushThreshold(int64_t docs) {
    if (const char* old = std::getenv(kName)) old_ = old;
    ::setenv(kName, std::to_string(docs).c_str(), 1);
  }
  ~FlushThreshold() {
    if (old_) {
      ::setenv(kName, old_->c_str(), 1);
    } else {
      ::unsetenv(kName);
    }
  }

 private:
  static constexpr char kName[] = "XAPIAN_FLUSH_THRESHOLD";
  std::optional<std::string> old_;
};

// The state of a new index: current to `position`, with the ids in flight below it as gaps.
Result<OutboxState> InitialOutboxState(SearchFeed& feed, int64_t position, int64_t now) {
  OutboxState state;
  const int64_t lower = std::max<int64_t>(0, position - kBuildGapWindow);
  Result<std::vector<SearchOutboxEntry>> recent =
      feed.ListOutbox(lower, static_cast<int>(kBuildGapWindow));
  if (!recent.ok()) return recent.status();
  state.position = lower;
  std::vector<SearchOutboxEntry> upto;
  for (const SearchOutboxEntry& e : *recent) {
    if (e.id <= position) upto.push_back(e);
  }
  state.Advance(upto, now);
  // Ids after the last entry seen, up to the position, are in flight too.
  for (int64_t id = state.position + 1; id <= position; ++id) state.gaps.emplace(id, now);
  state.position = position;
  return state;
}

}  // namespace

Result<ReindexStats> Reindex(SearchFeed& feed, const std::string& dir,
                             const ReindexOptions& options) {
  Result<ReindexLock> lock = ReindexLock::Acquire(dir);
  if (!lock.ok()) return lock.status();
  RemoveStaleGenerations(dir, "");  // what a failed or interrupted build left

  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  // Before the first document: whatever changes after this is in the outbox after it.
  Result<int64_t> position = feed.LastOutboxId();
  if (!position.ok()) return position.status();
  Result<OutboxState> state = InitialOutboxState(feed, *position, now);
  if (!state.ok()) return state.status();
  Result<int64_t> total = feed.CountDocuments();
  if (!total.ok()) return total.status();

  const std::string generation = NewGeneration();
  const std::string final_path = (fs::path(dir) / generation).string();
  const std::string build_path = options.compact ? final_path + ".build" : final_path;
  auto discard = [&] {
    std::error_code ec;
    fs::remove_all(build_path, ec);
    fs::remove_all(final_path, ec);
  };

  ReindexStats stats;
  stats.outbox_position = *position;
  try {
    std::optional<Xapian::WritableDatabase> db;
    {
      FlushThreshold threshold(options.flush_threshold);
      db.emplace(build_path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
    }
    int64_t after = 0;
    int64_t next_report = options.progress_every;
    for (;;) {
      Result<std::vector<SearchDocument>> page = feed.ListDocuments(after, options.page_size);
      if (!page.ok()) {
        db.reset();
        discard();
        return page.status();
      }
      for (const SearchDocument& d : *page) {
        db->add_document(BuildDocument(d));  // ids are unique and new
        ++stats.documents;
        if (options.progress && stats.documents >= next_report) {
          options.progress({stats.documents, std::max(*total, stats.documents), elapsed()});
          next_report += options.progress_every;
        }
      }
      if (page->size() < static_cast<size_t>(options.page_size)) break;
      after = page->back().catalog_item_id;
    }
    db->set_metadata(kMetaFormat, kIndexFormat);
    WriteOutboxState(*db, *state);
    db->commit();
    db->close();
    db.reset();
    if (options.compact) {
      Xapian::Database(build_path)
          .compact(final_path, Xapian::DB_BACKEND_GLASS | Xapian::DBCOMPACT_NO_RENUMBER);
      std::error_code ec;
      fs::remove_all(build_path, ec);
    }
  } catch (const Xapian::Error& e) {
    discard();
    return StorageError("无法建立搜索索引 " + final_path + "：" + e.get_description());
  }
  if (Status st = SyncTree(final_path); !st.ok()) {
    discard();
    return st;
  }
  if (Status st = SwapCurrent(dir, generation); !st.ok()) {
    discard();
    return st;
  }
  RemoveStaleGenerations(dir, generation);
  stats.seconds = elapsed();
  stats.bytes = DirectoryBytes(final_path);
  if (options.progress)
    options.progress({stats.documents, std::max(*total, stats.documents), stats.seconds});
  return stats;
}

}  // namespace gongkai::search
