#include "app/clock.h"

#include <chrono>

namespace gongkai::app {

Timestamp SystemNow() {
  return Timestamp::FromUnix(std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count());
}

}  // namespace gongkai::app
