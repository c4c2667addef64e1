// File downloads of the portal: catalog item attachments (files.cc) and the answer files of a
// tracked application (track.cc) share one way of sending bytes — always as an attachment with
// the type checked at upload, never inline.
#pragma once

#include <string>
#include <string_view>

#include "app/portal.h"
#include "http/response.h"

namespace gongkai::http::portal {

// The Content-Disposition value for `file_name`: `attachment; filename="<ASCII fallback>";
// filename*=UTF-8''<percent-encoded UTF-8>` (RFC 6266 / RFC 5987).
std::string AttachmentDisposition(std::string_view file_name);

// The response carrying `file`: its checked content type, Content-Disposition attachment,
// X-Content-Type-Options nosniff, a sandboxing Content-Security-Policy, and Cache-Control
// `cache_control`.
Response FileResponse(const app::FileDownload& file, const std::string& cache_control);

}  // namespace gongkai::http::portal
