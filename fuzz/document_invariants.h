// What every Document a reader returns must satisfy; the fuzz targets abort when it does not,
// so libFuzzer reports the input like a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "check/document.h"
#include "check/read/decode.h"
#include "core/status.h"
#include "dataset/encoding.h"

namespace gongkai::check::fuzz {

[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "document invariant broken: %s\n", what);
  std::abort();
}

inline void Require(bool ok, const char* what) {
  if (!ok) Fail(what);
}

inline void CheckDocument(const Result<Document>& result, std::string_view source_name) {
  if (!result.ok()) {
    // Errors are kInvalidInput with a message naming the file.
    Require(result.status().code() == ErrorCode::kInvalidInput, "error code");
    Require(result.status().message().starts_with(std::string(source_name) + "："), "message");
    Require(IsValidUtf8(result.status().message()), "message UTF-8");
    return;
  }
  const Document& doc = *result;
  const int line_count = static_cast<int>(doc.lines.size());
  bool any_text = false;
  for (const std::string& line : doc.lines) {
    Require(IsValidUtf8(line), "line is valid UTF-8");
    Require(line.find_first_of("\n\r\f") == std::string::npos, "no line break inside a line");
    std::string cleaned = line;
    CleanLine(cleaned);
    Require(cleaned == line, "lines are clean");
    if (!line.empty()) any_text = true;
  }
  Require(any_text, "a document has text");
  int previous = 0;
  for (const int start : doc.page_starts) {
    Require(start >= 1 && start <= line_count && start > previous, "page starts ascending");
    previous = start;
  }
  previous = 0;
  for (const int line : doc.dropped_lines) {
    Require(line >= 1 && line <= line_count && line > previous, "dropped lines ascending");
    Require(doc.lines[line - 1].empty(), "dropped lines are empty");
    previous = line;
  }
  for (const Grid& grid : doc.grids) {
    Require(!grid.rows.empty(), "grid has rows");
    const size_t width = grid.rows[0].size();
    Require(grid.first_line >= 1 && grid.first_line <= line_count, "grid first line");
    for (size_t r = 0; r < grid.rows.size(); ++r) {
      Require(grid.rows[r].size() == width, "grid is rectangular");
      for (size_t c = 0; c < width; ++c) {
        const GridCell& cell = grid.rows[r][c];
        Require(cell.origin_row >= 0 && static_cast<size_t>(cell.origin_row) <= r, "origin row");
        Require(cell.origin_col >= 0 && static_cast<size_t>(cell.origin_col) <= c, "origin col");
        const GridCell& origin = grid.rows[cell.origin_row][cell.origin_col];
        Require(origin.text == cell.text && origin.line == cell.line, "spanned copies agree");
        Require(cell.line >= grid.first_line && cell.line <= line_count, "cell line");
        Require(IsValidUtf8(cell.text), "cell text UTF-8");
      }
    }
  }
}

}  // namespace gongkai::check::fuzz
