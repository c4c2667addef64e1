// Test helpers for datasets.
#pragma once

#include <vector>

#include "core/records.h"

namespace gongkai::testing_util {

template <typename T>
bool SameOwned(const std::vector<Dataset::Owned<T>>& a, const std::vector<Dataset::Owned<T>>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].agency_slug != b[i].agency_slug || !(a[i].record == b[i].record)) return false;
  }
  return true;
}

// Record-by-record equality of the records a dataset carries (not the audit fields).
inline bool SameRecords(const Dataset& a, const Dataset& b) {
  return a.agencies == b.agencies && SameOwned(a.catalog_items, b.catalog_items) &&
         SameOwned(a.applications, b.applications) && SameOwned(a.reviews, b.reviews) &&
         SameOwned(a.lawsuits, b.lawsuits) && SameOwned(a.complaints, b.complaints) &&
         SameOwned(a.hot_topics, b.hot_topics) && SameOwned(a.responses, b.responses) &&
         SameOwned(a.meetings, b.meetings) && SameOwned(a.trainings, b.trainings) &&
         SameOwned(a.staffing, b.staffing) && SameOwned(a.fees, b.fees) &&
         SameOwned(a.manual_figures, b.manual_figures) && SameOwned(a.narratives, b.narratives);
}

}  // namespace gongkai::testing_util
