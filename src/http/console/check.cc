// 年报核查 in the console (issue 4's web view): upload a published annual report (text, HTML or
// PDF; optionally last year's too), check it exactly as `gongkai check` does
// (check::ReadReport + check::CheckReport), and show the findings grouped by severity beside
// the report's numbered lines, the lines with findings marked and linked (#L123).
#include <algorithm>
#include <map>

#include "check/check_report.h"
#include "http/console/staff_pages.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/page.h"

namespace gongkai::http::console {
namespace {

constexpr Severity kSeverities[] = {Severity::kError, Severity::kWarning, Severity::kInfo};

std::vector<const Format*> Formats(const Call& call) {
  std::vector<const Format*> out;
  for (const char* id : {"2008", "2019", "2021"}) {
    auto it = call.site().formats.find(id);
    if (it != call.site().formats.end()) out.push_back(it->second);
  }
  return out;
}

Response RenderForm(Call& call, const app::Authenticated& staff, const FieldErrors& errors,
                    const std::string& format, int status) {
  View page;
  page.set("csrf", staff.csrf_token);
  errors.Set(page);
  ViewList formats;
  for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
           {"", "自动识别"}, {"2008", "2008 年版"}, {"2019", "2019 年版"}, {"2021", "2021 年版"}}) {
    formats.push_back(SelectOption(value, label, value == format));
  }
  page.set("formats", formats);
  PageMeta meta = ConsoleMeta(staff, "年报核查", "check");
  meta.crumbs = {{"年报核查", ""}};
  Response r = RenderPage(call, status, "console/check", page, meta);
  r.status = status;
  return r;
}

std::string SourceKindLabel(check::SourceKind k) {
  switch (k) {
    case check::SourceKind::kText:
      return "文本";
    case check::SourceKind::kHtml:
      return "网页（HTML）";
    case check::SourceKind::kPdf:
      return "PDF";
  }
  return "";
}

// The uploaded file's name for messages: the browser's, else a label.
std::string NameOf(const UploadedFile& file, const std::string& fallback) {
  return file.file_name.empty() ? fallback : file.file_name;
}

// The first file part of field `name`, even an empty one; nullptr if the form has none.
const UploadedFile* AnyFile(const Form& form, std::string_view name) {
  for (const UploadedFile& f : form.files) {
    if (f.field == name) return &f;
  }
  return nullptr;
}

}  // namespace

Response CheckForm(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  return RenderForm(call, *staff, {}, "", 200);
}

Response CheckUpload(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  std::optional<Form> form = StaffForm(call, *staff, &out);
  if (!form) return out;

  const std::string format = form->Get("format");
  FieldErrors errors;
  if (!format.empty() && format != "2008" && format != "2019" && format != "2021") {
    errors.Add("format", "表样“" + format + "”无效：应为自动识别、2008、2019 或 2021");
  }
  // The report part even with an empty body: the checker itself says the file is empty.
  const UploadedFile* report = AnyFile(*form, "report");
  if (report == nullptr) {
    errors.Add("report", "请选择要核查的年报文件（文本、网页或 PDF）");
  }
  if (!errors.empty()) return RenderForm(call, *staff, errors, format, 400);

  const std::vector<const Format*> formats = Formats(call);
  Result<check::CheckedReport> checked =
      check::ReadReport(report->bytes, NameOf(*report, "年报文件"), formats, format);
  if (!checked.ok()) {
    errors.Add("report", checked.status().message());
    return RenderForm(call, *staff, errors, format, HttpStatusFor(checked.status().code()));
  }
  std::optional<check::CheckedReport> previous;
  if (const UploadedFile* prev = form->File("previous"); prev != nullptr) {
    Result<check::CheckedReport> p =
        check::ReadReport(prev->bytes, NameOf(*prev, "上一年度年报文件"), formats, "");
    if (!p.ok()) {
      errors.Add("previous", "上一年度报告：" + p.status().message());
      return RenderForm(call, *staff, errors, format, HttpStatusFor(p.status().code()));
    }
    previous = std::move(p).value();
  }
  check::CheckReport(*checked, previous ? &*previous : nullptr, formats,
                     call.site().miswritten.get());

  const check::ExtractedReport& r = checked->report;
  const std::vector<check::CheckFinding>& findings = checked->findings;
  View page;
  page.set("file_name", NameOf(*report, "（未命名文件）"));
  page.set("kind", SourceKindLabel(checked->doc.kind));
  page.set("encoding", checked->doc.encoding);
  if (checked->format != nullptr) {
    std::string f = r.format_id + " 年版" + checked->format->name;
    if (!r.variant.empty()) f += "（地方表样 " + r.variant + "）";
    page.set("format", f);
  } else {
    page.set("format", "未识别");
  }
  page.set("agency", r.agency.empty() ? std::string("未识别") : r.agency);
  page.set("year", r.year ? std::to_string(*r.year) : std::string("未识别"));
  page.set("cells", std::to_string(r.cells.size()));
  page.set("line_count", std::to_string(checked->doc.lines.size()));
  if (previous) {
    page.set("previous_name", NameOf(*form->File("previous"), "上一年度年报文件"));
  }

  // Findings by severity, each numbered (#F1…) and linking to its line; the worst severity
  // of each line and its first finding, for the marks beside the text.
  struct LineMark {
    Severity worst = Severity::kInfo;
    int first = 0;
    int count = 0;
  };
  std::map<int, LineMark> marks;
  ViewList groups;
  int number = 0;
  std::map<const check::CheckFinding*, int> numbers;
  for (Severity s : kSeverities) {
    for (const check::CheckFinding& f : findings) {
      if (f.severity != s) continue;
      numbers[&f] = ++number;
    }
  }
  for (Severity s : kSeverities) {
    ViewList items;
    for (const check::CheckFinding& f : findings) {
      if (f.severity != s) continue;
      const int n = numbers[&f];
      View v;
      v.set("number", std::to_string(n));
      v.set("anchor", "F" + std::to_string(n));
      v.set("message", f.message);
      v.set("rule", f.rule);
      v.set("kind", f.kind);
      const bool has_line = f.line > 0 && f.line <= static_cast<int>(checked->doc.lines.size());
      v.set("has_line", has_line);
      v.set("line", std::to_string(f.line));
      v.set("line_anchor", "#L" + std::to_string(f.line));
      items.push_back(v);
      if (has_line) {
        LineMark& m = marks[f.line];
        if (m.count == 0 || static_cast<int>(s) < static_cast<int>(m.worst)) m.worst = s;
        if (m.first == 0 || n < m.first) m.first = n;
        ++m.count;
      }
    }
    if (items.empty()) continue;
    View g;
    g.set("label", std::string(ToChinese(s)));
    g.set("code", std::string(ToCode(s)));
    g.set("count", std::to_string(items.size()));
    g.set("findings", items);
    groups.push_back(g);
  }
  page.set("groups", groups);
  page.set("has_findings", !findings.empty());
  ViewList counts;
  for (Severity s : kSeverities) {
    View c;
    c.set("label", std::string(ToChinese(s)));
    c.set("count", std::to_string(std::count_if(findings.begin(), findings.end(),
                                                [s](const auto& f) { return f.severity == s; })));
    counts.push_back(c);
  }
  page.set("counts", counts);

  ViewList lines;
  for (size_t i = 0; i < checked->doc.lines.size(); ++i) {
    const int n = static_cast<int>(i) + 1;
    View l;
    l.set("n", std::to_string(n));
    l.set("text", checked->doc.lines[i]);
    if (auto it = marks.find(n); it != marks.end()) {
      l.set("flagged", true);
      l.set("severity", std::string(ToCode(it->second.worst)));
      l.set("severity_label", std::string(ToChinese(it->second.worst)));
      l.set("finding_anchor", "#F" + std::to_string(it->second.first));
      l.set("finding_count", std::to_string(it->second.count));
    } else {
      l.set("flagged", false);
    }
    lines.push_back(l);
  }
  page.set("lines", lines);

  PageMeta meta = ConsoleMeta(*staff, "年报核查结果", "check");
  meta.crumbs = {{"年报核查", "/console/check"}, {"核查结果", ""}};
  Response resp = RenderPage(call, 200, "console/check_result", page, meta);
  return resp;
}

}  // namespace gongkai::http::console
