// Building the notices the use cases issue: the values every template shares (addressee,
// dates, register number) and the rendering of a template into a NoticeDraft.
#pragma once

#include <optional>
#include <string>

#include "app/services.h"
#include "core/agency.h"
#include "core/case_file.h"

namespace gongkai::app {

// The 文书字号前缀 of an agency: its current guide's notice_prefix, else its short name, else
// its name.
Result<std::string> NoticePrefixOf(const Services& s, const Agency& agency);

// Renders template `kind` with `values` plus the shared ones: addressee ("申请人" when
// `addressee` is empty), received_date (statutory receipt, Chinese), register_no, description,
// tracking_code, channel, agency_name. kInvalidInput if the template needs a value not given.
Result<NoticeDraft> DraftNotice(const Services& s, NoticeKind kind, const Agency& agency,
                                const std::string& prefix, const Application& app,
                                const std::string& tracking_code, const std::string& addressee,
                                Date issued_on, NoticeValues values);

}  // namespace gongkai::app
