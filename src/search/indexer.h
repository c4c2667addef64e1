// Building a search index from the database: `gongkai search reindex`, and EnsureIndex when the
// index is lost or damaged.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/search_feed.h"
#include "core/status.h"

namespace gongkai::search {

struct ReindexProgress {
  int64_t done = 0;    // documents indexed so far
  int64_t total = 0;   // documents to index (counted at the start)
  double seconds = 0;  // since the start
};

struct ReindexOptions {
  int page_size = 1000;  // documents read from the feed per query
  // Called after every `progress_every` documents and once at the end. May be empty.
  std::function<void(const ReindexProgress&)> progress;
  int64_t progress_every = 10000;
  // Documents buffered by Xapian before it writes them (XAPIAN_FLUSH_THRESHOLD). Larger is
  // faster but holds more memory; see docs/search.md for measurements.
  int64_t flush_threshold = 20000;
  // Merge the built database into compact B-trees before the swap (xapian-compact): a smaller
  // and faster index for one extra pass.
  bool compact = true;
};

struct ReindexStats {
  int64_t documents = 0;
  int64_t outbox_position = 0;  // the outbox id the index is current to
  double seconds = 0;
  int64_t bytes = 0;  // size of the new database on disk
};

// Builds a new index of every published, not withdrawn item of `feed` in a new directory
// inside `dir` (created if needed) and swaps it in atomically (search/index_dir.h). The outbox
// position is read before the first document, so changes made during the build are applied by
// the next ApplyOutbox. On any error the current index (if any) stays as it was and the partial
// build is removed. Errors: kConflict if another reindex of `dir` is running; kStorage for
// the feed's failures or the disk's (naming the path).
Result<ReindexStats> Reindex(SearchFeed& feed, const std::string& dir,
                             const ReindexOptions& options = {});

}  // namespace gongkai::search
