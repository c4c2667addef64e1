// The wall clock, for front doors only (serve, CLI): use cases never call it, they take `now`.
#pragma once

#include "core/timestamp.h"

namespace gongkai::app {

// The current time from the system clock.
Timestamp SystemNow();

}  // namespace gongkai::app
