// Applying the search outbox to one index (every app node applies it to its own).
//
// The index stores the id of the last outbox entry it applied ("position"). Entries after it
// are read in id order; for each catalog item named, the item is re-read from the database and
// its document replaced ("Q<id>") when it is published and not withdrawn, removed otherwise —
// so applying an entry twice, or applying entries out of order, leaves the same index, and an
// entry only says which item changed.
//
// Gaps: on PostgreSQL an outbox id is drawn when the row is inserted, before the transaction
// commits, so a slow transaction can make id 10 visible after 11 was read and applied. A
// missing id below the position is therefore remembered as a gap with the time it was first
// missed, and every apply re-reads the outbox from the smallest gap on; a gap is forgotten
// when it appears (and is applied) or after kGapWaitSeconds (a rolled-back transaction's id,
// which never appears). On SQLite writers are serialized and ids commit in order, so gaps come
// only from rollbacks.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/search_feed.h"
#include "core/status.h"
#include "search/search_index.h"

namespace gongkai::search {

inline constexpr int64_t kGapWaitSeconds = 600;
inline constexpr size_t kMaxGaps = 10000;
// How far below its position a new index looks for ids still in flight at build time.
inline constexpr int64_t kBuildGapWindow = 256;

struct OutboxState {
  int64_t position = 0;
  std::map<int64_t, int64_t> gaps;  // missing id → unix seconds when first missed

  // Takes entries read from the outbox in ascending id order (consecutive reads, the first
  // from ReadFrom()): ids above the position advance it, and the ids skipped on the way become
  // gaps first missed at `now`; a gap that shows up is removed; gaps missed for longer than
  // kGapWaitSeconds are dropped. Returns the entries to apply: those above the old position and
  // those filling a gap (an id at or below the position that is not a gap was applied before).
  std::vector<SearchOutboxEntry> Advance(const std::vector<SearchOutboxEntry>& read, int64_t now);
  // Where the next read starts: just below the smallest gap, else the position.
  int64_t ReadFrom() const { return gaps.empty() ? position : gaps.begin()->first - 1; }
};

// The state stored in `db`. Errors: kStorage naming `where` when the metadata is missing or
// malformed (an incomplete index).
Result<OutboxState> ReadOutboxState(const Xapian::Database& db, const std::string& where);
void WriteOutboxState(Xapian::WritableDatabase& db, const OutboxState& state);

// Reads the outbox after `state`, re-reads the named items from `feed`, updates `db` and
// `state` (not committed: the caller writes the state and commits). May throw Xapian::Error.
Result<OutboxApplied> ApplyOutboxEntries(Xapian::WritableDatabase& db, SearchFeed& feed,
                                         OutboxState* state, int64_t now);

}  // namespace gongkai::search
