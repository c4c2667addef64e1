// Bundles of records that cross the boundary between the core and its adapters.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/agency.h"
#include "core/application.h"
#include "core/capacity.h"
#include "core/catalog_item.h"
#include "core/manual_figure.h"
#include "core/narrative.h"
#include "core/oversight.h"
#include "core/response.h"

namespace gongkai {

// Everything a load brings in, all or nothing. Cross references inside a dataset use keys
// (agency slug, application number, review number, hot topic key), resolved by the store.
struct Dataset {
  // A record with the slug of its agency (one of `agencies` or one already stored); the store
  // sets agency_id.
  template <typename T>
  struct Owned {
    std::string agency_slug;
    T record;
  };

  std::vector<Agency> agencies;  // new or updated (matched by slug)
  std::vector<Owned<CatalogItem>> catalog_items;
  std::vector<Owned<Application>> applications;
  std::vector<Owned<Review>> reviews;
  std::vector<Owned<Lawsuit>> lawsuits;
  std::vector<Owned<Complaint>> complaints;
  std::vector<Owned<HotTopic>> hot_topics;
  std::vector<Owned<Response>> responses;
  std::vector<Owned<Meeting>> meetings;
  std::vector<Owned<Training>> trainings;
  std::vector<Owned<Staffing>> staffing;
  std::vector<Owned<FeeCollected>> fees;
  std::vector<Owned<ManualFigure>> manual_figures;
  std::vector<Owned<NarrativeSection>> narratives;

  // For the audit entry the store writes on import: who loads the dataset (a login, or
  // "import" when empty) and where it comes from (e.g. the file path).
  std::string actor;
  std::string source;
};

// What the report engine needs for one agency and one year Y. The store fills it:
// - applications: received on or before 31 Dec Y and not closed before 1 Jan Y (so carry-over
//   in and out can be derived), with all their events, in order of receipt (received_on,
//   then order of storage);
// - catalog_items: published in Y, or normative documents issued on or before 31 Dec Y (for the
//   in-force counts), or created in Y;
// - reviews/lawsuits: filed on or before 31 Dec Y and not decided before 1 Jan Y;
// - everything else dated in Y; staffing of Y if entered; manual figures and narrative of Y.
// Records dated in Y−1 that a cross-year rule needs come through `previous` (R2 vs R4(Y−1)).
struct YearRecords {
  Agency agency;
  int year = 0;
  std::vector<Application> applications;
  std::vector<CatalogItem> catalog_items;
  std::vector<Review> reviews;
  std::vector<Lawsuit> lawsuits;
  std::vector<Complaint> complaints;
  std::vector<HotTopic> hot_topics;
  std::vector<Response> responses;
  std::vector<Meeting> meetings;
  std::vector<Training> trainings;
  std::optional<Staffing> staffing;
  std::vector<FeeCollected> fees;
  std::vector<ManualFigure> manual_figures;
  std::vector<NarrativeSection> narrative;
};

}  // namespace gongkai
