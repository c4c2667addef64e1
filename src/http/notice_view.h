// What templates see of a notice (告知书、答复书): display strings only, shared by the console's
// notice pages and the public track page through web/templates/partials/notice.mustache.
#pragma once

#include "core/application/notice.h"
#include "http/templates.h"

namespace gongkai::http {

// The view of partials/notice:
//   id, kind (code), title, number, has_number, addressee, paragraphs (list of strings: the
//   body without the template's opening "<addressee>：" line, which the partial prints itself),
//   signature, issued ("2026年3月2日"), issued_iso ("2026-03-02"), to_applicant (bool),
//   has_outcome, outcome (Chinese label, answers only).
// Values are plain text: the template escapes them.
View NoticeView(const Notice& notice);

}  // namespace gongkai::http
