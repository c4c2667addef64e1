// The SQLite schema, as numbered append-only migrations (see store/migration.h).
#pragma once

#include <span>

#include "store/migration.h"

namespace gongkai::store::sqlite {

std::span<const Migration> Migrations();

}  // namespace gongkai::store::sqlite
