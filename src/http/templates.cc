#include "http/templates.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace gongkai::http {
namespace {

namespace fs = std::filesystem;

constexpr char kExtension[] = ".mustache";
constexpr int kMaxPartialDepth = 8;
// The only unescaped tag a template may hold (see templates.h).
constexpr char kContentTag[] = "{{{content_html}}}";

// Replaces each {{> name}} by the text of template `name`, recursively.
Result<std::string> InlinePartials(const std::string& name,
                                   const std::map<std::string, std::string>& sources,
                                   std::vector<std::string>& stack) {
  if (stack.size() > kMaxPartialDepth) {
    return InvalidInput("模板 " + stack.front() + " 的局部模板嵌套过深");
  }
  for (const std::string& s : stack) {
    if (s == name) return InvalidInput("模板 " + stack.front() + " 的局部模板循环引用了 " + name);
  }
  auto it = sources.find(name);
  if (it == sources.end()) {
    return InvalidInput("模板 " + (stack.empty() ? name : stack.back()) +
                        " 引用了不存在的局部模板 " + name);
  }
  stack.push_back(name);
  static const std::regex kPartial(R"(\{\{>\s*([A-Za-z0-9_/-]+)\s*\}\})");
  const std::string& text = it->second;
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kPartial);
  size_t last = 0;
  for (auto m = begin; m != std::sregex_iterator(); ++m) {
    out.append(text, last, static_cast<size_t>(m->position()) - last);
    Result<std::string> inner = InlinePartials((*m)[1].str(), sources, stack);
    if (!inner.ok()) return inner.status();
    out += *inner;
    last = static_cast<size_t>(m->position() + m->length());
  }
  out.append(text, last, std::string::npos);
  stack.pop_back();
  return out;
}

// Refuses unescaped output other than the layout's content slot.
Status CheckEscaping(const std::string& name, const std::string& text) {
  std::string rest = text;
  for (size_t at = rest.find(kContentTag); at != std::string::npos; at = rest.find(kContentTag)) {
    rest.erase(at, sizeof kContentTag - 1);
  }
  static const std::regex kRaw(R"(\{\{\{|\{\{\s*&)");
  if (std::regex_search(rest, kRaw)) {
    return InvalidInput("模板 " + name +
                        " 含有不转义的输出（{{{…}}} 或 {{&…}}）：只有布局的 {{{content_html}}} "
                        "可以不转义");
  }
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const Templates>> Templates::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound("模板目录 " + dir + " 不存在");
  std::map<std::string, std::string> sources;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != kExtension) continue;
    std::string name = fs::relative(it->path(), dir).replace_extension().generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return NotFound("无法读取模板 " + it->path().string());
    sources[name] = text.str();
  }
  if (ec) return NotFound("无法读取模板目录 " + dir + "：" + ec.message());
  if (sources.empty()) return NotFound("模板目录 " + dir + " 中没有 *.mustache 模板");

  auto out = std::make_shared<Templates>();
  for (const auto& [name, text] : sources) {
    std::vector<std::string> stack;
    Result<std::string> full = InlinePartials(name, sources, stack);
    if (!full.ok()) return full.status();
    GONGKAI_RETURN_IF_ERROR(CheckEscaping(name, *full));
    kainjow::mustache::mustache tmpl(*full);
    if (!tmpl.is_valid()) {
      return InvalidInput("模板 " + name + kExtension + " 有语法错误：" + tmpl.error_message());
    }
    out->parsed_.emplace(name, std::move(tmpl));
  }
  return std::shared_ptr<const Templates>(std::move(out));
}

Result<std::string> Templates::Render(const std::string& name, const View& view) const {
  auto it = parsed_.find(name);
  if (it == parsed_.end()) return Internal("没有模板 " + name);
  std::string out = it->second.render(view);
  return out;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace gongkai::http
