// The agency's 政府信息公开指南: editors publish new versions; anyone reads them.
#pragma once

#include <vector>

#include "app/services.h"
#include "core/guide.h"

namespace gongkai::app {

// Publishes `guide` (its agency_id, version, id, actor and created_at are set here) as the next
// version of the agency's guide, dated published_on (default today: an empty Date). Editors
// and admins only (kForbidden). kInvalidInput: office name, address, phone or hours missing; a
// channel listed twice; 当面 or 邮寄 (signed or ordinary) not accepted — 19号(2017): these basic
// channels may never be refused.
Result<Guide> PublishGuide(const Services& s, const Actor& actor, int64_t agency_id, Guide guide,
                           Timestamp now);

// Every version, newest first (public).
Result<std::vector<Guide>> ListGuideVersions(const Services& s, int64_t agency_id);
// The newest version; kNotFound "该机关尚未发布政府信息公开指南" if none.
Result<Guide> CurrentGuide(const Services& s, int64_t agency_id);

}  // namespace gongkai::app
