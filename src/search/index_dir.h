// The layout of a search index directory, and what makes its swap atomic.
//
//   DIR/XAPIANDB          Xapian stub file: "auto glass-<generation>" — the current index.
//                         Xapian's own tools (xapian-delve DIR) open DIR through it.
//   DIR/glass-<gen>/      one Xapian glass database per build.
//   DIR/reindex.lock      held (flock) by the one reindex that may run at a time.
//
// A reindex builds a new glass-<gen> beside the current one and, once it is complete and on
// disk, replaces the stub by rename(2): readers see either the old index or the new one, and a
// failed or interrupted build leaves the current index untouched (its directory is removed by
// the next reindex).
//
// Metadata kept inside the Xapian database (set at build, updated by every outbox apply, in the
// same commit as the documents they describe):
//   gongkai.format          kIndexFormat; another value (an older tokenizer) means "rebuild"
//                           ("gongkai-search-1": positional bigrams, no trigrams);
//   gongkai.outbox          the id of the last outbox entry applied (decimal);
//   gongkai.outbox_gaps     ids below it not seen yet, with when first missed (see outbox.h).
#pragma once

#include <string>

#include "core/status.h"

namespace gongkai::search {

inline constexpr char kIndexFormat[] = "gongkai-search-2";
inline constexpr char kMetaFormat[] = "gongkai.format";
inline constexpr char kMetaOutbox[] = "gongkai.outbox";
inline constexpr char kMetaOutboxGaps[] = "gongkai.outbox_gaps";

// The path of the current glass database of `dir`. Errors: kNotFound "搜索索引 DIR 不存在" when
// there is no stub (never built); kStorage when the stub is unreadable or malformed or names a
// missing database (a damaged index: rebuild).
Result<std::string> CurrentDatabase(const std::string& dir);

// A fresh generation name "glass-<unix-ms>-<pid>-<n>" (not created).
std::string NewGeneration();

// Makes `generation` (a directory in `dir`, complete and synced) the current index: writes the
// stub to a temporary file, fsyncs it, renames it over DIR/XAPIANDB and fsyncs DIR.
// Errors: kStorage naming the file.
Status SwapCurrent(const std::string& dir, const std::string& generation);

// Removes every glass-* directory of `dir` except the current one and `keep` (best effort).
void RemoveStaleGenerations(const std::string& dir, const std::string& keep);

// fsyncs every file under `path` and the directories themselves. Errors: kStorage.
Status SyncTree(const std::string& path);

// An exclusive lock on DIR/reindex.lock for the lifetime of the object.
class ReindexLock {
 public:
  // Creates `dir` if needed. Errors: kConflict "另一个重建正在进行" when held by another
  // process or object; kStorage if the file cannot be created.
  static Result<ReindexLock> Acquire(const std::string& dir);
  ReindexLock(ReindexLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ReindexLock& operator=(ReindexLock&&) = delete;
  ~ReindexLock();

 private:
  explicit ReindexLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace gongkai::search
