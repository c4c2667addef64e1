// Timestamp: an instant (seconds since the Unix epoch, UTC) for sessions, lockouts and audit
// rows. The core never reads the clock (STYLE.md §10): front doors pass `now` in.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace gongkai {

struct Timestamp {
  int64_t unix_seconds = 0;

  static constexpr Timestamp FromUnix(int64_t s) { return Timestamp{s}; }
  constexpr Timestamp Plus(int64_t seconds) const { return Timestamp{unix_seconds + seconds}; }

  // "2026-03-02T08:00:00Z" (UTC), the form stored in the database.
  std::string ToIso8601() const;
  // Parses the form ToIso8601 writes. kInvalidInput naming the text otherwise.
  static Result<Timestamp> ParseIso8601(std::string_view text);
  // The calendar date in China Standard Time (UTC+8, no daylight saving): the "today" of every
  // statutory date the platform records (received_on of an online application, a publish date).
  Date ChinaDate() const;
  // "2026年3月2日 16:00" in China Standard Time, for messages.
  std::string ChinaText() const;

  friend constexpr auto operator<=>(Timestamp, Timestamp) = default;
  friend constexpr bool operator==(Timestamp, Timestamp) = default;
};

}  // namespace gongkai
