// Test helpers of the reader tests (header only; not part of the library).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace gongkai::check::testing {

// The bytes of tests/fixtures/<relative>; empty if the file cannot be read.
inline std::string Fixture(const std::string& relative) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/" + relative,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string FixturePath(const std::string& relative) {
  return std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/" + relative;
}

}  // namespace gongkai::check::testing
