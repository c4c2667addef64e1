#include "http/router.h"

#include <stdexcept>

namespace gongkai::http {
namespace {

// "/a/b/" → {"a", "b"}; "/" and "" → {}. The views point into `path`.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return parts;
  size_t start = 0;
  while (true) {
    const size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool AnswersMethod(const Route& route, std::string_view method) {
  const std::string_view own = route.method;
  return own == method || (own == "GET" && method == "HEAD");
}

}  // namespace

Router::Router(const std::vector<Route>& routes) {
  routes_.reserve(routes.size());
  for (const Route& route : routes) {
    Compiled c{&route, {}};
    const std::string_view pattern = route.pattern;
    if (pattern.empty() || pattern.front() != '/') {
      throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
    }
    const std::vector<std::string_view> parts = SplitPath(pattern);
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::string_view part = parts[i];
      if (part.empty()) {
        throw std::invalid_argument("empty segment in route pattern " + std::string(pattern));
      }
      if (part.front() != ':') {
        c.segments.push_back({Segment::Kind::kLiteral, std::string(part)});
        continue;
      }
      const size_t paren = part.find('(');
      const std::string name(part.substr(1, paren == std::string_view::npos ? paren : paren - 1));
      if (name.empty()) {
        throw std::invalid_argument("unnamed parameter in route pattern " + std::string(pattern));
      }
      if (paren == std::string_view::npos) {
        c.segments.push_back({Segment::Kind::kParam, name});
      } else if (part.substr(paren) == "(\\d+)") {
        c.segments.push_back({Segment::Kind::kDigits, name});
      } else if (part.substr(paren) == "(.+)" && i + 1 == parts.size()) {
        c.segments.push_back({Segment::Kind::kRest, name});
      } else {
        throw std::invalid_argument("route pattern " + std::string(pattern) +
                                    ": only (\\d+), and (.+) at the end, are understood");
      }
    }
    routes_.push_back(std::move(c));
  }
}

bool Router::Matches(const Compiled& c, const std::vector<std::string_view>& parts,
                     std::string_view path,
                     std::vector<std::pair<std::string, std::string>>* params) {
  const std::vector<Segment>& segs = c.segments;
  const bool rest = !segs.empty() && segs.back().kind == Segment::Kind::kRest;
  if (rest ? parts.size() < segs.size() : parts.size() != segs.size()) return false;
  for (size_t i = 0; i < segs.size(); ++i) {
    const Segment& s = segs[i];
    const std::string_view part = parts[i];
    switch (s.kind) {
      case Segment::Kind::kLiteral:
        if (part != s.text) return false;
        break;
      case Segment::Kind::kParam:
        if (part.empty()) return false;
        break;
      case Segment::Kind::kDigits:
        if (!AllDigits(part)) return false;
        break;
      case Segment::Kind::kRest:
        if (path.substr(static_cast<size_t>(part.data() - path.data())).find_first_not_of('/') ==
            std::string_view::npos) {
          return false;
        }
        break;
    }
  }
  if (params == nullptr) return true;
  params->clear();
  for (size_t i = 0; i < segs.size(); ++i) {
    const Segment& s = segs[i];
    if (s.kind == Segment::Kind::kLiteral) continue;
    std::string_view value = parts[i];
    if (s.kind == Segment::Kind::kRest) {
      // From this segment to the end of the path, without its trailing slash.
      value = path.substr(static_cast<size_t>(parts[i].data() - path.data()));
      if (!value.empty() && value.back() == '/') value.remove_suffix(1);
    }
    params->emplace_back(s.text, std::string(value));
  }
  return true;
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  const std::vector<std::string_view> parts = SplitPath(path);
  Match m;
  std::vector<std::pair<std::string, std::string>> params;
  for (const Compiled& c : routes_) {
    if (!AnswersMethod(*c.route, method)) continue;
    if (Matches(c, parts, path, &params)) {
      m.kind = Match::Kind::kFound;
      m.route = c.route;
      m.params = std::move(params);
      return m;
    }
  }
  // No route of this method: does the path exist with another one? (405 with Allow)
  for (const Compiled& c : routes_) {
    if (AnswersMethod(*c.route, method) || !Matches(c, parts, path, nullptr)) continue;
    const std::string_view own = c.route->method;
    const std::string listed = own == "GET" ? "GET, HEAD" : std::string(own);
    if (m.allow.find(listed) != std::string::npos) continue;
    m.allow += (m.allow.empty() ? "" : ", ") + listed;
    m.kind = Match::Kind::kWrongMethod;
  }
  return m;
}

}  // namespace gongkai::http
