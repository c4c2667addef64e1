#include "check/read/html_sanitize.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <vector>

namespace gongkai::check {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool In(std::string_view name, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

struct Token {
  enum Kind { kText, kStartTag, kEndTag, kOther, kEof };
  Kind kind = kEof;
  std::string_view text;  // kText: the text; kOther: the whole markup (comment, doctype, <?…>)
  std::string name;       // tags: lower case
  bool self_closing = false;
  // Only the attributes the pre-pass looks at (lower-case names).
  std::optional<std::string> rowspan, colspan, style, charset, http_equiv, content, type;
  bool hidden = false;
};

// A tokenizer after the HTML standard's, reduced to what the pre-pass needs: text, tags with
// attributes, and markup to ignore. It never looks back and never recurses.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : s_(s) {}

  Token Next() {
    Token t;
    if (i_ >= s_.size()) return t;
    if (s_[i_] != '<' || !StartsMarkup(i_)) {
      size_t j = i_ + 1;
      while (j < s_.size() && !(s_[j] == '<' && StartsMarkup(j))) ++j;
      t.kind = Token::kText;
      t.text = s_.substr(i_, j - i_);
      i_ = j;
      return t;
    }
    const size_t start = i_;
    if (s_.compare(i_, 4, "<!--") == 0) {
      // "<!-->" and "<!--->" are empty comments.
      size_t end;
      if (s_.compare(i_ + 4, 1, ">") == 0) {
        end = i_ + 5;
      } else if (s_.compare(i_ + 4, 2, "->") == 0) {
        end = i_ + 6;
      } else {
        const size_t close = s_.find("-->", i_ + 4);
        const size_t bang = s_.find("--!>", i_ + 4);
        const size_t c = std::min(close, bang);
        end = c == std::string_view::npos ? s_.size() : c + (c == close ? 3 : 4);
      }
      i_ = end;
      t.kind = Token::kOther;
      t.text = s_.substr(start, end - start);
      return t;
    }
    if (s_[i_ + 1] == '!' || s_[i_ + 1] == '?' ||
        (s_[i_ + 1] == '/' && (i_ + 2 >= s_.size() || !IsAsciiAlpha(s_[i_ + 2])))) {
      // Doctype, bogus comment, "</>" or "</ …>": up to the next '>'.
      const size_t gt = s_.find('>', i_ + 1);
      i_ = gt == std::string_view::npos ? s_.size() : gt + 1;
      t.kind = Token::kOther;
      t.text = s_.substr(start, i_ - start);
      return t;
    }
    const bool end_tag = s_[i_ + 1] == '/';
    size_t j = i_ + (end_tag ? 2 : 1);
    const size_t name_start = j;
    while (j < s_.size() && !IsHtmlSpace(s_[j]) && s_[j] != '/' && s_[j] != '>') ++j;
    t.name = LowerAscii(s_.substr(name_start, j - name_start));
    // Attributes.
    for (;;) {
      while (j < s_.size() && (IsHtmlSpace(s_[j]) || s_[j] == '/')) {
        if (s_[j] == '/' && j + 1 < s_.size() && s_[j + 1] == '>') t.self_closing = true;
        ++j;
      }
      if (j >= s_.size()) {  // end of file inside a tag: the tag is dropped
        i_ = s_.size();
        return Token{};
      }
      if (s_[j] == '>') {
        ++j;
        break;
      }
      const size_t an = j;
      ++j;  // the first character may be '='
      while (j < s_.size() && !IsHtmlSpace(s_[j]) && s_[j] != '/' && s_[j] != '>' && s_[j] != '=') {
        ++j;
      }
      const std::string attr = LowerAscii(s_.substr(an, j - an));
      while (j < s_.size() && IsHtmlSpace(s_[j])) ++j;
      std::string_view value;
      if (j < s_.size() && s_[j] == '=') {
        ++j;
        while (j < s_.size() && IsHtmlSpace(s_[j])) ++j;
        if (j < s_.size() && (s_[j] == '"' || s_[j] == '\'')) {
          const char q = s_[j];
          const size_t close = s_.find(q, j + 1);
          if (close == std::string_view::npos) {
            i_ = s_.size();
            return Token{};
          }
          value = s_.substr(j + 1, close - j - 1);
          j = close + 1;
        } else {
          const size_t vs = j;
          while (j < s_.size() && !IsHtmlSpace(s_[j]) && s_[j] != '>') ++j;
          value = s_.substr(vs, j - vs);
        }
      }
      if (attr == "rowspan") t.rowspan = std::string(value);
      if (attr == "colspan") t.colspan = std::string(value);
      if (attr == "style") t.style = LowerAscii(value);
      if (attr == "charset") t.charset = LowerAscii(value);
      if (attr == "http-equiv") t.http_equiv = LowerAscii(value);
      if (attr == "content") t.content = LowerAscii(value);
      if (attr == "type") t.type = LowerAscii(value);
      if (attr == "hidden") t.hidden = true;
    }
    i_ = j;
    t.kind = end_tag ? Token::kEndTag : Token::kStartTag;
    return t;
  }

  // Skips the content of a raw-text element up to and including "</name …>".
  void SkipRawText(std::string_view name) {
    for (size_t j = i_; j + 1 < s_.size(); ++j) {
      if (s_[j] != '<' || s_[j + 1] != '/') continue;
      size_t k = j + 2;
      bool match = s_.size() - k >= name.size();
      for (size_t m = 0; match && m < name.size(); ++m) match = Lower(s_[k + m]) == name[m];
      if (!match) continue;
      k += name.size();
      if (k < s_.size() && !IsHtmlSpace(s_[k]) && s_[k] != '/' && s_[k] != '>') continue;
      const size_t gt = s_.find('>', k);
      i_ = gt == std::string_view::npos ? s_.size() : gt + 1;
      return;
    }
    i_ = s_.size();
  }

  std::string_view Rest() {
    std::string_view rest = s_.substr(std::min(i_, s_.size()));
    i_ = s_.size();
    return rest;
  }

 private:
  bool StartsMarkup(size_t i) const {
    if (i + 1 >= s_.size()) return false;
    const char c = s_[i + 1];
    return IsAsciiAlpha(c) || c == '/' || c == '!' || c == '?';
  }

  std::string_view s_;
  size_t i_ = 0;
};

CharsetHint HintOf(std::string_view charset) {
  while (!charset.empty() &&
         (IsHtmlSpace(charset.front()) || charset.front() == '"' || charset.front() == '\'')) {
    charset.remove_prefix(1);
  }
  size_t end = 0;
  while (end < charset.size() && !IsHtmlSpace(charset[end]) && charset[end] != ';' &&
         charset[end] != '"' && charset[end] != '\'') {
    ++end;
  }
  const std::string c = LowerAscii(charset.substr(0, end));
  if (In(c, {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "ms936", "csgb2312",
             "chinese", "iso-ir-58", "euc-cn", "x-euc-cn", "csiso58gb231280", "gb_2312-80"})) {
    return CharsetHint::kGb18030;
  }
  if (In(c, {"utf-8", "utf8", "unicode-1-1-utf-8"})) return CharsetHint::kUtf8;
  return CharsetHint::kNone;
}

bool IsRawText(std::string_view name) {
  return In(name, {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript",
                   "textarea", "title"});
}

bool IsSkippedWithContent(std::string_view name) {
  return In(name, {"head", "template", "select", "datalist", "option", "optgroup", "svg", "math",
                   "object", "applet", "video", "audio", "canvas", "map"});
}

bool IsVoid(std::string_view name) {
  return In(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
                   "meta", "param", "source", "track", "wbr", "frame", "image"});
}

bool IsStructural(std::string_view name) {
  return In(
      name,
      {"div",        "p",       "h1",         "h2",     "h3",       "h4",     "h5",      "h6",
       "ul",         "ol",      "li",         "dl",     "dt",       "dd",     "pre",     "listing",
       "blockquote", "section", "article",    "header", "footer",   "nav",    "aside",   "main",
       "address",    "figure",  "figcaption", "center", "fieldset", "legend", "details", "summary",
       "hgroup",     "menu",    "dir",        "hr",     "br",       "table",  "caption", "colgroup",
       "col",        "thead",   "tbody",      "tfoot",  "tr",       "td",     "th"});
}

bool IsHeading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

bool ClosesP(std::string_view name) {
  return IsHeading(name) ||
         In(name, {"address", "article", "aside",   "blockquote", "center",     "details",
                   "dir",     "div",     "dl",      "fieldset",   "figcaption", "figure",
                   "footer",  "header",  "hgroup",  "main",       "menu",       "nav",
                   "ol",      "p",       "section", "summary",    "ul",         "pre",
                   "listing", "hr",      "dd",      "dt",         "li"});
}

bool IsHidden(const Token& t) {
  if (t.hidden) return true;
  if (!t.style) return false;
  std::string style;
  for (const char c : *t.style) {
    if (!IsHtmlSpace(c)) style.push_back(c);
  }
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// A rowspan/colspan value as the HTML standard reads it: leading digits (after spaces), or
// nothing. Capped so that the number stays small; the grid builder clamps further.
std::optional<long> SpanValue(const std::optional<std::string>& v) {
  if (!v) return std::nullopt;
  size_t i = 0;
  while (i < v->size() && IsHtmlSpace((*v)[i])) ++i;
  if (i < v->size() && (*v)[i] == '+') ++i;
  long n = 0;
  const size_t start = i;
  while (i < v->size() && (*v)[i] >= '0' && (*v)[i] <= '9') {
    n = std::min<long>(n * 10 + ((*v)[i] - '0'), 100000);
    ++i;
  }
  if (i == start) return std::nullopt;
  return n;
}

// The stack of open structural elements, with the implicit closes of the HTML parser, to bound
// the depth gumbo will reach.
class OpenElements {
 public:
  // Applies the implicit closes a start tag `name` causes, then opens it (unless void).
  // Returns false when the depth exceeds kMaxHtmlDepth.
  bool Open(std::string_view name) {
    if (ClosesP(name)) CloseInScope("p", {"html", "table", "td", "th", "caption"});
    if (IsHeading(name) && !stack_.empty() && IsHeading(stack_.back())) stack_.pop_back();
    if (name == "li" || name == "dd" || name == "dt") {
      for (size_t k = stack_.size(); k-- > 0;) {
        const std::string& n = stack_[k];
        if (n == name || (name != "li" && (n == "dd" || n == "dt"))) {
          stack_.resize(k);
          break;
        }
        if (n != "address" && n != "div" && n != "p") break;
      }
    } else if (name == "td" || name == "th") {
      for (size_t k = stack_.size(); k-- > 0;) {
        if (stack_[k] == "td" || stack_[k] == "th") {
          stack_.resize(k);
          break;
        }
        if (stack_[k] == "table") break;
      }
    } else if (name == "tr") {
      CloseInScope("tr", {"table", "html"});
    } else if (In(name, {"tbody", "thead", "tfoot", "caption", "colgroup"})) {
      for (size_t k = stack_.size(); k-- > 0;) {
        if (stack_[k] == "table") {
          stack_.resize(k + 1);
          break;
        }
      }
    } else if (name == "table") {
      for (size_t k = stack_.size(); k-- > 0;) {
        const std::string& n = stack_[k];
        if (n == "td" || n == "th" || n == "caption") break;
        if (In(n, {"table", "tbody", "thead", "tfoot", "tr", "colgroup"})) {
          CloseInScope("table", {"html"});
          break;
        }
      }
    }
    if (IsVoid(name)) return true;
    stack_.emplace_back(name);
    return static_cast<int>(stack_.size()) <= kMaxHtmlDepth;
  }

  // Closes `name` if it is open in its scope; returns whether it was.
  bool Close(std::string_view name) {
    const size_t k = FindInScope(name);
    if (k == kNone) return false;
    stack_.resize(k);
    return true;
  }

  // True if an end tag `name` would close an open element (ends hidden content early).
  bool IsOpenInScope(std::string_view name) const { return FindInScope(name) != kNone; }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // The index of the innermost open `name` that an end tag reaches, or kNone.
  size_t FindInScope(std::string_view name) const {
    for (size_t k = stack_.size(); k-- > 0;) {
      const std::string& n = stack_[k];
      if (n == name) return k;
      if (In(name, {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup"})) {
        if (n == "table") return kNone;
      } else if (name != "table") {
        if (In(n, {"table", "td", "th", "caption"})) return kNone;
      }
    }
    return kNone;
  }

  bool CloseInScope(std::string_view name, std::initializer_list<std::string_view> boundary) {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k] == name) {
        stack_.resize(k);
        return true;
      }
      if (In(stack_[k], boundary)) return false;
    }
    return false;
  }

  std::vector<std::string> stack_;
};

// Would a start tag `next` end an element `open` that was never closed?
bool ClosesImplicitly(std::string_view open, std::string_view next) {
  if (open == "p") return ClosesP(next) || next == "table";
  if (open == "li") return next == "li";
  if (open == "dd" || open == "dt") return next == "dd" || next == "dt";
  if (open == "td" || open == "th") return In(next, {"td", "th", "tr", "tbody", "tfoot", "thead"});
  if (open == "tr") return In(next, {"tr", "tbody", "tfoot", "thead"});
  if (open == "option" || open == "optgroup") return next == "option" || next == "optgroup";
  if (open == "head") {
    return !In(next, {"meta", "link", "title", "script", "style", "base", "noscript", "template",
                      "object"});
  }
  return false;
}

void AppendEscapedText(std::string_view text, std::string& out) {
  for (const char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

CharsetHint FindDeclaredCharset(std::string_view raw) {
  Tokenizer tokenizer(raw.substr(0, 64 * 1024));
  for (Token t = tokenizer.Next(); t.kind != Token::kEof; t = tokenizer.Next()) {
    if (t.kind == Token::kOther && t.text.substr(0, 5) == "<?xml") {
      const std::string pi = LowerAscii(t.text);
      const size_t enc = pi.find("encoding=");
      if (enc != std::string::npos) {
        const CharsetHint h = HintOf(std::string_view(pi).substr(enc + 9));
        if (h != CharsetHint::kNone) return h;
      }
      continue;
    }
    if (t.kind != Token::kStartTag) continue;
    if (IsRawText(t.name)) {
      tokenizer.SkipRawText(t.name);
      continue;
    }
    if (t.name != "meta") continue;
    if (t.charset) return HintOf(*t.charset);
    if (t.http_equiv && *t.http_equiv == "content-type" && t.content) {
      const size_t cs = t.content->find("charset=");
      if (cs != std::string::npos) return HintOf(std::string_view(*t.content).substr(cs + 8));
    }
  }
  return CharsetHint::kNone;
}

Result<std::string> SanitizeHtml(std::string_view utf8) {
  Tokenizer tokenizer(utf8);
  OpenElements open;
  std::string out;
  out.reserve(utf8.size() / 2);
  // Hidden content being skipped: the element's name and how many of it are open inside.
  std::string skip_name;
  int skip_depth = 0;
  int elements = 0;
  const auto too_many = [] {
    return InvalidInput("网页的元素过多（超过 " + std::to_string(kMaxHtmlElements / 10000) +
                        " 万个），无法读取");
  };
  const auto too_deep = [] {
    return InvalidInput("网页的标签嵌套过深（超过 " + std::to_string(kMaxHtmlDepth) +
                        " 层），无法读取");
  };

  for (Token t = tokenizer.Next(); t.kind != Token::kEof; t = tokenizer.Next()) {
    if (t.kind == Token::kStartTag && IsRawText(t.name)) {
      tokenizer.SkipRawText(t.name);
      continue;
    }
    if (skip_depth > 0) {
      if (t.kind == Token::kStartTag) {
        if (t.name == skip_name) {
          if (ClosesImplicitly(skip_name, t.name)) {
            skip_depth = 0;  // a new <p>/<li>/<td> ends the hidden one: handle it below
          } else if (!IsVoid(t.name) && !t.self_closing) {
            ++skip_depth;
            continue;
          } else {
            continue;
          }
        } else if (skip_depth == 1 && ClosesImplicitly(skip_name, t.name)) {
          skip_depth = 0;
        } else {
          continue;
        }
      } else if (t.kind == Token::kEndTag) {
        if (t.name == skip_name) {
          --skip_depth;
          continue;
        }
        if (!open.IsOpenInScope(t.name)) continue;
        skip_depth = 0;  // the end of an enclosing element ends the hidden content
      } else {
        continue;
      }
    }

    switch (t.kind) {
      case Token::kText:
        AppendEscapedText(t.text, out);
        break;
      case Token::kStartTag: {
        if (t.name == "plaintext") {
          AppendEscapedText(tokenizer.Rest(), out);
          break;
        }
        const bool is_void = IsVoid(t.name);
        const bool skip_content = IsSkippedWithContent(t.name) || IsHidden(t) ||
                                  (t.name == "input" && t.type && *t.type == "hidden");
        if (skip_content) {
          if (!is_void && !t.self_closing) {
            skip_name = t.name;
            skip_depth = 1;
          }
          break;
        }
        if (!IsStructural(t.name)) break;
        if (++elements > kMaxHtmlElements) return too_many();
        if (!open.Open(t.name)) return too_deep();
        out += '<';
        out += t.name;
        if (t.name == "td" || t.name == "th") {
          if (auto rs = SpanValue(t.rowspan)) out += " rowspan=\"" + std::to_string(*rs) + "\"";
          if (auto cs = SpanValue(t.colspan)) out += " colspan=\"" + std::to_string(*cs) + "\"";
        }
        out += '>';
        break;
      }
      case Token::kEndTag:
        if (t.name == "br") {  // </br> is a line break, as browsers read it
          if (++elements > kMaxHtmlElements) return too_many();
          out += "<br>";
          break;
        }
        if (!IsStructural(t.name) || IsVoid(t.name)) break;
        open.Close(t.name);
        out += "</";
        out += t.name;
        out += '>';
        break;
      default:
        break;
    }
  }
  return out;
}

}  // namespace gongkai::check
