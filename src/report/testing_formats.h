// Test helper: the real format files of data/formats, parsed once per test binary.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>

#include "core/narrative.h"
#include "report/format.h"

namespace gongkai::testing {

inline std::string ReadSourceFile(const std::string& relative_to_data) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DATA_DIR) + "/" + relative_to_data, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// REQUIRES: id is "2008", "2019" or "2021". Fails the test (and aborts it) if the file does not
// parse.
inline const Format& RealFormat(const std::string& id) {
  static std::map<std::string, Format> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    Result<Format> f = ParseFormat(ReadSourceFile("formats/" + id + ".json"), id + ".json");
    if (!f.ok()) {
      ADD_FAILURE() << f.status().message();
      static Format empty;
      return empty;
    }
    it = cache.emplace(id, std::move(f).value()).first;
  }
  return it->second;
}

// A written narrative section of `year` for `format_id`'s section `section_id` (agency 0).
inline NarrativeSection Section(int year, std::string format_id, std::string section_id,
                                std::string body) {
  NarrativeSection s;
  s.year = year;
  s.format_id = std::move(format_id);
  s.section_id = std::move(section_id);
  s.body = std::move(body);
  return s;
}

}  // namespace gongkai::testing
