// An HTTP request as handlers see it, independent of the server library: the path, route
// parameters and query already percent-decoded and checked to be UTF-8, cookies parsed. Also
// the URL helpers the portal builds links with.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace gongkai::http {

struct Request {
  std::string method;  // "GET", "HEAD", "POST"…
  std::string target;  // as received: path and query, still encoded (for the access log)
  std::string path;    // decoded
  std::map<std::string, std::string> route;                  // decoded route parameters
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::map<std::string, std::string> cookies;
  std::string client;  // the client's address (see ServerConfig::trust_x_forwarded_for)
  std::string body;

  // The first value of query parameter `name`, if present.
  std::optional<std::string_view> Query(std::string_view name) const;
  // The route parameter `name`; empty if absent.
  const std::string& Route(const std::string& name) const;
  // The first header `name` (lower-case), if present.
  std::optional<std::string_view> Header(std::string_view name) const;
  // The cookie `name`, if present.
  std::optional<std::string_view> Cookie(const std::string& name) const;
};

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates or code points > U+10FFFF)
// and contains no control characters other than tab, LF and CR.
bool IsValidText(std::string_view text);

// Decodes %XX escapes (and '+' as a space if `plus_is_space`, as in query strings). The result
// must be valid text (IsValidText). kInvalidInput naming `what` for a bad escape or bad UTF-8.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space, std::string_view what);

// Parses "a=1&b=%E4%B8%AD" into decoded pairs (a key without '=' has an empty value; empty
// pieces are skipped). kInvalidInput "查询参数 … 无效…" for a bad escape or bad UTF-8.
Result<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query);

// Percent-encodes `text` for a path: unreserved characters and the sub-delims safe in a path
// stay, '/' stays if `keep_slash`, everything else (including non-ASCII bytes) becomes %XX.
std::string EncodePath(std::string_view text, bool keep_slash = false);
// Percent-encodes a query key or value (space as %20).
std::string EncodeQueryValue(std::string_view text);
// "?a=1&b=2" from pairs (empty values are left out); "" if none remain.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace gongkai::http
