// Mustache templates (kainjow/mustache.hpp) loaded once from web/templates/ at start:
// layouts/, portal/, console/ and partials/ hold NAME.mustache files, named "portal/home" etc.
//
// Escaping is on by default: {{value}} is HTML-escaped. The one unescaped tag allowed is
// {{{content_html}}} in a layout, which receives the page already rendered by a template (never
// user data); Load refuses any other triple mustache or {{& …}}, so user data cannot be printed
// raw by accident.
//
// Partials ({{> partials/pagination}}) are inlined when loading, so rendering never parses.
// Rendering is safe from many threads at once: a parsed template is only read while rendering
// (the library writes to it only on a render error, which needs lambdas or run-time partials —
// neither is used: views are plain data and partials are inlined).
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>

#include "core/status.h"

namespace gongkai::http {

// A view model: plain data (strings, booleans, lists, objects) shaped for one template.
using View = kainjow::mustache::data;
using ViewList = kainjow::mustache::list;

class Templates {
 public:
  // Loads every *.mustache under `dir`. kNotFound if `dir` is missing or holds no template;
  // kInvalidInput naming the file for a syntax error, a missing partial, a partial cycle, or a
  // forbidden unescaped tag.
  static Result<std::shared_ptr<const Templates>> Load(const std::string& dir);

  // Renders template `name` ("portal/home") with `view`. kInternal if there is no such template.
  Result<std::string> Render(const std::string& name, const View& view) const;

  bool Has(const std::string& name) const { return parsed_.count(name) != 0; }

 private:
  // mustache::render is not const (see the file comment for why sharing is safe).
  mutable std::map<std::string, kainjow::mustache::mustache> parsed_;
};

// The one escaping of text into HTML for code that builds markup outside templates (& < > " ').
std::string EscapeHtml(std::string_view text);

}  // namespace gongkai::http
