// Matches a request's method and path against the routing table (routes.h), segment by segment.
//
// Patterns are split at '/' once, when the server starts: a literal segment must equal the
// path's segment, ":name" takes one non-empty segment, ":name(\\d+)" one segment of ASCII
// digits, and ":name(.+)" (last only) the rest of the path, slashes included. A trailing slash
// is optional on both sides; matching is case-sensitive and works on the path as received
// (still percent-encoded; the server decodes the parameters it hands over).
//
// It replaces RESTinio's express router, which compiled every pattern to a std::regex and tried
// them in turn on every request (a tenth of the server's time for a cached catalog page).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/routes.h"

namespace gongkai::http {

class Router {
 public:
  // Throws std::invalid_argument for a pattern it cannot read (a bug in the table).
  explicit Router(const std::vector<Route>& routes);

  struct Match {
    enum class Kind { kFound, kWrongMethod, kNotFound };
    Kind kind = Kind::kNotFound;
    const Route* route = nullptr;                              // kFound
    std::vector<std::pair<std::string, std::string>> params;   // kFound: name → raw value
    std::string allow;                                         // kWrongMethod: "GET, HEAD"
  };

  // The first route (in table order) whose method and pattern match. GET routes answer HEAD
  // too. A path that some route matches only with another method is kWrongMethod.
  Match Find(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    enum class Kind { kLiteral, kParam, kDigits, kRest };
    Kind kind;
    std::string text;  // the literal, or the parameter's name
  };
  struct Compiled {
    const Route* route;
    std::vector<Segment> segments;
  };

  static bool Matches(const Compiled& c, const std::vector<std::string_view>& parts,
                      std::string_view path, std::vector<std::pair<std::string, std::string>>* params);

  std::vector<Compiled> routes_;
};

}  // namespace gongkai::http
