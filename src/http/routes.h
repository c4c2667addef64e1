// The routing table: every URL of the site, in one place (STYLE.md §7). The server matches
// requests against it (router.h); nothing else registers routes.
#pragma once

#include <vector>

#include "http/app.h"
#include "http/response.h"

namespace gongkai::http {

using Handler = Response (*)(Call&);

struct Route {
  const char* method;   // "GET" (also answers HEAD), "POST"
  const char* pattern;  // "/agencies/:slug/items/:key(.+)" (router.h)
  Handler handler;
  const char* name;  // for docs and logs
  // May take long (files, PDFs, search): run on the server's blocking pool, not on an event
  // loop, so that the loop's other connections are not held up. Every POST runs there too
  // (password hashing, database writes that may wait for a lock, uploads).
  bool slow = false;
};

// All routes, tried in order; the first whose method and pattern match handles the request.
// A path that matches only with another method gets 405; no match at all gets 404.
const std::vector<Route>& Routes();

}  // namespace gongkai::http
