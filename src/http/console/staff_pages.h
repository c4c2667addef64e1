// What the console's catalog, guide, audit and report-check pages share (engineer K's pages):
// the agency of a staff URL, the agency chooser of /console/catalog and /console/audit, field
// errors next to their inputs, and page links. Their PageMeta comes from ConsoleMeta
// (case_pages.h), as for the case pages.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.h"
#include "core/agency.h"
#include "core/status.h"
#include "http/app.h"
#include "http/console/case_pages.h"
#include "http/response.h"
#include "http/templates.h"

namespace gongkai::http::console {

using cases_internal::ConsoleMeta;

// The agency of the route parameter "slug" if `staff` may read its non-public records.
// kNotFound "未找到机关 …" for an unknown slug; kForbidden "无权查看…" for an agency the staff
// member holds no grant on.
Result<Agency> ReadableAgency(Call& call, const app::Authenticated& staff);

// The page of /console/catalog and /console/audit (staff only: else RequireStaff's redirect to
// the login page): the agencies the staff member may read, each linking to
// "/console/agencies/<slug>/<path>"; with exactly one, a redirect straight there.
Response AgencyChooser(Call& call, const std::string& section, const std::string& title,
                       const std::string& path);

// Errors of a form: one message per field name, and one for the form as a whole. Set() puts
// each as "<field>_error" into a view (absent when the field has none, since mustache treats an
// empty string as true) plus "has_errors" and "form_error".
struct FieldErrors {
  std::map<std::string, std::string> fields;
  std::string form;

  bool empty() const { return fields.empty() && form.empty(); }
  void Add(const std::string& field, const std::string& message) {
    if (!fields.count(field)) fields[field] = message;
  }
  void Set(View& view) const;
};

// The field a use case's kInvalidInput message is about: the entry of `labels` (Chinese label →
// field name) whose label appears first in the message; "" if none does.
std::string FieldOfMessage(const std::string& message,
                           const std::vector<std::pair<std::string, std::string>>& labels);

// The view of partials/pagination for page `page` of `pages`, links from `url_of(n)`: first,
// previous, next, last, and the numbered pages up to `window` either side of `page`.
View PageLinks(int page, int pages, const std::function<std::string(int)>& url_of, int window = 3);

// An option of a <select> or radio group in a view: "value", "label" and "selected".
View SelectOption(std::string_view value, std::string_view label, bool selected);

// "/console/agencies/<slug>/" (percent-encoded slug).
std::string ConsoleAgencyUrl(const Agency& agency);

}  // namespace gongkai::http::console
