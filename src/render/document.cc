#include "render/document.h"

#include <cctype>
#include <charconv>
#include <set>

namespace gongkai::render_internal {
namespace {

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    while (!current.empty() && (current.back() == '\n' || current.back() == '\r')) {
      current.pop_back();
    }
    if (!current.empty()) paragraphs.push_back(std::move(current));
    current.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlank(line)) {
      flush();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
    pos = end + 1;
  }
  flush();
  return paragraphs;
}

std::string ChineseDate(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  auto parse = [](std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
  };
  if (!parse(iso.substr(0, 4), y) || !parse(iso.substr(5, 2), m) || !parse(iso.substr(8, 2), d)) {
    return std::string(iso);
  }
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

std::vector<const Table*> SectionTables(const Report& report, const RenderedSection& section) {
  std::vector<const Table*> tables;
  for (const std::string& id : section.tables) {
    if (report.format == nullptr) break;
    if (const Table* t = report.format->FindTable(id)) tables.push_back(t);
  }
  return tables;
}

std::vector<const Table*> AttachedTables(const Report& report) {
  std::vector<const Table*> tables;
  if (report.format == nullptr) return tables;
  std::set<std::string> printed;
  for (const RenderedSection& s : report.sections) printed.insert(s.tables.begin(), s.tables.end());
  for (const Table& t : report.format->tables) {
    if (!printed.count(t.id)) tables.push_back(&t);
  }
  return tables;
}

std::string TableTitle(const Table& table, std::string_view section_heading) {
  if (table.title == section_heading || table.title == table.caption) return "";
  return table.title;
}

std::string Signer(const Report& report) {
  return report.agency.short_name.empty() ? report.agency.name : report.agency.short_name;
}

size_t SignaturePosition(const Report& report) {
  size_t at = report.sections.size();
  while (at > 0) {
    const RenderedSection& s = report.sections[at - 1];
    if (!SplitParagraphs(s.text).empty() || s.tables.empty()) break;
    --at;
  }
  return at;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      width += 1;
      i += 1;
    } else {
      width += 2;
      i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
  }
  return width;
}

}  // namespace gongkai::render_internal
