// ReadHtml: a web page → visible text lines and table grids (gumbo, after the pre-pass of
// html_sanitize.h).
#include <gumbo.h>

#include <memory>
#include <unordered_set>

#include "check/read/deadline.h"
#include "check/read/decode.h"
#include "check/read/html_grid.h"
#include "check/read/html_sanitize.h"
#include "check/reader.h"

namespace gongkai::check {
namespace {

bool IsElement(const GumboNode* n, GumboTag tag) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

bool IsTextNode(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
         n->type == GUMBO_NODE_CDATA;
}

const GumboVector* Children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_ELEMENT) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

const GumboNode* Child(const GumboVector* v, unsigned i) {
  return static_cast<const GumboNode*>(v->data[i]);
}

long SpanAttribute(const GumboNode* cell, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&cell->v.element.attributes, name);
  if (a == nullptr) return 1;
  // The pre-pass wrote a plain number.
  long n = 0;
  for (const char* p = a->value; *p >= '0' && *p <= '9'; ++p) {
    n = std::min(n * 10 + (*p - '0'), 100000L);
  }
  return n;
}

// Text of one line as a browser shows it: runs of HTML white space are one space, dropped at
// the start; a run that holds a line break between two wide (CJK) characters is nothing.
class LineBuilder {
 public:
  void AddText(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
      int len = 0;
      const char32_t cp = DecodeUtf8At(text, i, len);
      if (cp == ' ' || cp == '\t' || cp == '\f' || cp == 0xA0) {
        pending_space_ = true;
      } else if (cp == '\n' || cp == '\r') {
        pending_space_ = true;
        pending_newline_ = true;
      } else {
        if (pending_space_ && !text_.empty() &&
            !(pending_newline_ && IsWideCodePoint(LastCodePoint(text_)) && IsWideCodePoint(cp))) {
          text_.push_back(' ');
        }
        pending_space_ = pending_newline_ = false;
        if (len == 1 && cp == 0xFFFD) {
          AppendUtf8(cp, text_);
        } else {
          text_.append(text, i, len);
        }
      }
      i += len;
    }
  }
  // A break inside a table cell (<br>, <p>): white space that holds a line break.
  void SoftBreak() { pending_space_ = pending_newline_ = true; }
  std::string Take() {
    std::string out = std::move(text_);
    text_.clear();
    pending_space_ = pending_newline_ = false;
    return out;
  }

 private:
  std::string text_;
  bool pending_space_ = false;
  bool pending_newline_ = false;
};

class HtmlWalker {
 public:
  HtmlWalker(Document& doc, const Deadline& deadline) : doc_(doc), deadline_(deadline) {}

  Status Walk(const GumboNode* root) {
    MarkTableAncestors(root);
    GONGKAI_RETURN_IF_ERROR(WalkBlocks(root));
    Flush();
    return Status::Ok();
  }

 private:
  struct Frame {
    const GumboNode* node;
    unsigned next = 0;
  };

  Status Tick() {
    if (++visited_ % 4096 == 0 && deadline_.Expired()) return InvalidInput(deadline_.Message());
    return Status::Ok();
  }

  // Remembers every element that has a <table> below it (a table whose cells hold tables is
  // laid out, not a data table).
  void MarkTableAncestors(const GumboNode* root) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (IsElement(n, GUMBO_TAG_TABLE)) {
        for (const GumboNode* p = n->parent; p != nullptr && has_table_.insert(p).second;
             p = p->parent) {
        }
      }
      if (const GumboVector* children = Children(n)) {
        for (unsigned i = 0; i < children->length; ++i) stack.push_back(Child(children, i));
      }
    }
  }

  // The document outside data tables: blocks start lines.
  Status WalkBlocks(const GumboNode* root) {
    std::vector<Frame> stack{{root}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector* children = Children(f.node);
      if (children == nullptr || f.next >= children->length) {
        if (f.node->type == GUMBO_NODE_ELEMENT) LeaveElement(f.node);
        stack.pop_back();
        continue;
      }
      const GumboNode* child = Child(children, f.next++);
      GONGKAI_RETURN_IF_ERROR(Tick());
      if (IsTextNode(child)) {
        AddText(child->v.text.text);
        continue;
      }
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = child->v.element.tag;
      if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
        Flush();
        continue;
      }
      if (tag == GUMBO_TAG_TABLE) {
        bool handled = false;
        GONGKAI_RETURN_IF_ERROR(ReadDataTable(child, handled));
        if (handled) continue;
      }
      EnterElement(child);
      stack.push_back({child});
    }
    return Status::Ok();
  }

  void EnterElement(const GumboNode* n) {
    Flush();
    if (n->v.element.tag == GUMBO_TAG_PRE || n->v.element.tag == GUMBO_TAG_LISTING) ++pre_;
  }
  void LeaveElement(const GumboNode* n) {
    Flush();
    if (n->v.element.tag == GUMBO_TAG_PRE || n->v.element.tag == GUMBO_TAG_LISTING) --pre_;
  }

  void AddText(std::string_view text) {
    if (pre_ == 0) {
      line_.AddText(text);
      return;
    }
    // Preformatted: line breaks are kept; spaces are kept as they are.
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && text[i] != '\n') continue;
      pre_text_.append(text.substr(start, i - start));
      if (i < text.size()) Flush();
      start = i + 1;
    }
  }

  void Flush() {
    std::string line = line_.Take();
    if (!pre_text_.empty()) {
      line = std::move(pre_text_) + line;
      pre_text_.clear();
    }
    PushLine(std::move(line), /*keep_empty=*/false);
  }

  int PushLine(std::string line, bool keep_empty) {
    CleanLine(line);
    if (!keep_empty && line.find_first_not_of(' ') == std::string::npos) return 0;
    doc_.lines.push_back(std::move(line));
    return static_cast<int>(doc_.lines.size());
  }

  // The text of a cell or caption on one line (blocks and <br> inside are breaks).
  Status CellText(const GumboNode* cell, std::string& out) {
    LineBuilder b;
    std::vector<Frame> stack{{cell}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector* children = Children(f.node);
      if (children == nullptr || f.next >= children->length) {
        if (f.node != cell) b.SoftBreak();
        stack.pop_back();
        continue;
      }
      const GumboNode* child = Child(children, f.next++);
      GONGKAI_RETURN_IF_ERROR(Tick());
      if (IsTextNode(child)) {
        b.AddText(child->v.text.text);
      } else if (child->type == GUMBO_NODE_ELEMENT) {
        b.SoftBreak();
        stack.push_back({child});
      }
    }
    out = b.Take();
    CleanLine(out);
    return Status::Ok();
  }

  // Reads `table` as a data table into lines and a Grid; `handled` false means it is a layout
  // table (its cells hold tables, or it has one column) to be read as blocks.
  Status ReadDataTable(const GumboNode* table, bool& handled) {
    handled = false;
    std::vector<const GumboNode*> captions;
    std::vector<std::pair<const GumboNode*, int>> rows;  // (tr, group)
    int group = 0;
    bool previous_direct_tr = false;
    const GumboVector* children = Children(table);
    for (unsigned i = 0; i < children->length; ++i) {
      const GumboNode* c = Child(children, i);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = c->v.element.tag;
      if (tag == GUMBO_TAG_TR) {
        if (!previous_direct_tr) ++group;
        previous_direct_tr = true;
        rows.push_back({c, group});
        continue;
      }
      previous_direct_tr = false;
      if (tag == GUMBO_TAG_CAPTION) {
        captions.push_back(c);
      } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
        ++group;
        const GumboVector* trs = Children(c);
        for (unsigned k = 0; k < trs->length; ++k) {
          if (IsElement(Child(trs, k), GUMBO_TAG_TR)) rows.push_back({Child(trs, k), group});
        }
      }
    }
    size_t widest = 0;
    for (const auto& [tr, g] : rows) {
      size_t cells = 0;
      const GumboVector* tds = Children(tr);
      for (unsigned k = 0; k < tds->length; ++k) {
        const GumboNode* td = Child(tds, k);
        if (!IsElement(td, GUMBO_TAG_TD) && !IsElement(td, GUMBO_TAG_TH)) continue;
        if (has_table_.count(td)) return Status::Ok();  // layout table
        ++cells;
      }
      widest = std::max(widest, cells);
    }
    if (widest <= 1) return Status::Ok();  // a frame around content, not a table of data

    handled = true;
    Flush();
    for (const GumboNode* caption : captions) {
      std::string text;
      GONGKAI_RETURN_IF_ERROR(CellText(caption, text));
      PushLine(std::move(text), /*keep_empty=*/false);
    }
    std::vector<SourceRow> source_rows;
    for (const auto& [tr, g] : rows) {
      SourceRow row;
      row.group = g;
      std::string line;
      const GumboVector* tds = Children(tr);
      for (unsigned k = 0; k < tds->length; ++k) {
        const GumboNode* td = Child(tds, k);
        const bool th = IsElement(td, GUMBO_TAG_TH);
        if (!th && !IsElement(td, GUMBO_TAG_TD)) continue;
        SourceCell cell;
        GONGKAI_RETURN_IF_ERROR(CellText(td, cell.text));
        cell.rowspan = SpanAttribute(td, "rowspan");
        cell.colspan = SpanAttribute(td, "colspan");
        cell.is_header = th;
        if (!row.cells.empty()) line += " | ";
        line += cell.text;
        row.cells.push_back(std::move(cell));
      }
      row.line = PushLine(std::move(line), /*keep_empty=*/true);
      source_rows.push_back(std::move(row));
    }
    if (source_rows.empty()) return Status::Ok();
    Result<Grid> grid = BuildGrid(source_rows, budget_);
    if (!grid.ok()) return grid.status();
    doc_.grids.push_back(std::move(*grid));
    return Status::Ok();
  }

  Document& doc_;
  const Deadline& deadline_;
  GridBudget budget_;
  std::unordered_set<const GumboNode*> has_table_;
  LineBuilder line_;
  std::string pre_text_;
  int pre_ = 0;
  size_t visited_ = 0;
};

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

Result<Document> ReadHtml(std::string_view bytes, std::string_view source_name,
                          const ReadLimits& limits) {
  if (bytes.empty()) return FileError(source_name, "文件为空");
  const Deadline deadline(limits.max_seconds);
  Result<DecodedText> decoded = DecodeText(bytes, FindDeclaredCharset(bytes));
  if (!decoded.ok()) return FileError(source_name, decoded.status().message());
  Result<std::string> clean = SanitizeHtml(decoded->text);
  if (!clean.ok()) return FileError(source_name, clean.status().message());
  decoded->text.clear();
  decoded->text.shrink_to_fit();

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // record no parse errors: real pages have thousands
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&options, clean->data(), clean->size()));
  if (output == nullptr) return FileError(source_name, "无法解析网页");
  if (deadline.Expired()) return FileError(source_name, deadline.Message());

  Document doc;
  doc.source_name = std::string(source_name);
  doc.kind = SourceKind::kHtml;
  doc.encoding = decoded->encoding;
  HtmlWalker walker(doc, deadline);
  Status walked = walker.Walk(output->document);
  if (!walked.ok()) return FileError(source_name, walked.message());
  bool any_text = false;
  for (const std::string& line : doc.lines) {
    if (line.find_first_not_of(" |") != std::string::npos) {
      any_text = true;
      break;
    }
  }
  if (!any_text) return FileError(source_name, "网页中没有可见的文字");
  return doc;
}

}  // namespace gongkai::check
