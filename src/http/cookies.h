// Cookies: parsing the Cookie header and writing Set-Cookie values. The portal keeps only a
// display preference in a cookie; staff sessions (console) build on the same two functions.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gongkai::http {

// A Set-Cookie value. Cookies are HttpOnly and SameSite=Lax unless said otherwise.
struct SetCookie {
  std::string name;
  std::string value;
  std::string path = "/";
  int max_age_seconds = -1;  // -1: a session cookie; 0: delete
  bool http_only = true;
  bool secure = false;  // set when the site is served over TLS (public_url https://)
  std::string same_site = "Lax";

  // "name=value; Path=/; Max-Age=…; HttpOnly; SameSite=Lax". REQUIRES: name and value are
  // cookie-safe (token characters; the value has no ';', ',', space, quote or backslash).
  std::string ToHeader() const;
};

// Parses a Cookie header ("a=1; b=2"); malformed pieces are skipped, the first of two equal
// names wins.
std::map<std::string, std::string> ParseCookies(std::string_view header);

}  // namespace gongkai::http
