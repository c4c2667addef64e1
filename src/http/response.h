// An HTTP response as handlers build it, independent of the server library. The server adds the
// security headers (SecurityHeaders) to every response in one place.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/cookies.h"

namespace gongkai::http {

inline constexpr char kHtmlType[] = "text/html; charset=utf-8";

// The Content-Security-Policy of every page unless a response sets its own: nothing from other
// origins, no inline script or style, no framing.
inline constexpr char kDefaultCsp[] =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

struct Response {
  int status = 200;
  std::string content_type = kHtmlType;
  std::string body;
  // Sent instead of `body` when set: a page kept in a cache goes out without a copy.
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string csp;                                           // empty: kDefaultCsp

  static Response Html(int status, std::string body);
  static Response Text(int status, std::string content_type, std::string body);
  // 303 See Other (or `status`) to `location`, which must be a local path ("/…", not "//…").
  static Response Redirect(std::string location, int status = 303);

  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  void AddCookie(const SetCookie& cookie) { AddHeader("Set-Cookie", cookie.ToHeader()); }
};

// The headers the server adds to every response: Content-Security-Policy (`csp`, or the default),
// X-Content-Type-Options, Referrer-Policy, X-Frame-Options, Cross-Origin-Opener-Policy.
// The views point to `csp` (or a constant).
std::array<std::pair<std::string_view, std::string_view>, 5> SecurityHeaders(std::string_view csp);

// The standard reason phrase of `status` ("Not Found"); "Unknown" for others.
const char* ReasonPhrase(int status);

// True if `target` is a path on this site that a redirect may go to: starts with a single '/',
// no backslash, no control characters (so never "//evil.example" or "/\evil").
bool IsLocalPath(std::string_view target);

}  // namespace gongkai::http
