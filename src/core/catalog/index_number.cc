#include "core/catalog/index_number.h"

#include <cstdio>

namespace gongkai {

std::string FormatIndexNumber(std::string_view org_code, int year, int seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "/%04d-%05d", year, seq);
  return std::string(org_code) + buf;
}

std::optional<IndexNumberParts> ParseIndexNumber(std::string_view text) {
  const size_t slash = text.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  const std::string_view tail = text.substr(slash + 1);
  if (tail.size() < 10 || tail[4] != '-') return std::nullopt;
  IndexNumberParts p;
  p.org_code = std::string(text.substr(0, slash));
  for (size_t i = 0; i < tail.size(); ++i) {
    if (i == 4) continue;
    if (tail[i] < '0' || tail[i] > '9') return std::nullopt;
    if (i < 4) {
      p.year = p.year * 10 + (tail[i] - '0');
    } else {
      if (p.seq > 100'000'000) return std::nullopt;
      p.seq = p.seq * 10 + (tail[i] - '0');
    }
  }
  if (p.seq < 1) return std::nullopt;
  return p;
}

}  // namespace gongkai
