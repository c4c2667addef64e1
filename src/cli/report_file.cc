#include "cli/report_file.h"

#include <filesystem>

#include "check/check_report.h"
#include "check/extract.h"
#include "check/reader.h"

namespace gongkai::cli {

Status ReportChecker::Init() {
  for (const char* id : {"2008", "2019", "2021"}) {
    Result<const Format*> f = ctx_.FormatById(id);
    if (!f.ok()) return f.status();
    formats_.push_back(*f);
  }
  const std::string path = ctx_.DataDir() + "/check/miswritten.tsv";
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  Result<std::vector<check::MiswrittenWord>> words = check::ParseMiswrittenList(*text, path);
  if (!words.ok()) return words.status();
  words_ = std::move(words).value();
  return Status::Ok();
}

Result<ReportFile> ReportChecker::Read(const std::string& path, const std::string& force_format) {
  ReportFile f;
  f.path = path;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size > check::ReadLimits{}.max_bytes) {
    // Missing, a directory, or too large: ReadDocumentFile says which without reading it.
    Result<check::Document> doc = check::ReadDocumentFile(path);
    if (!doc.ok()) return doc.status();
  }
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  f.bytes = std::move(bytes).value();
  Result<check::CheckedReport> read = check::ReadReport(f.bytes, path, formats_, force_format);
  if (!read.ok()) return read.status();
  f.doc = std::move(read->doc);
  f.report = std::move(read->report);
  f.format = read->format;
  return f;
}

void ReportChecker::Check(ReportFile& file, const ReportFile* previous) const {
  check::CheckInput in;
  in.doc = &file.doc;
  in.report = &file.report;
  in.format = file.format;
  in.formats = formats_;
  in.miswritten = &words_;
  if (previous != nullptr) {
    in.previous_doc = &previous->doc;
    in.previous = &previous->report;
  }
  file.findings = check::RunChecks(in);
}

nlohmann::json CellsJson(const check::ExtractedReport& report) {
  nlohmann::json cells = nlohmann::json::object();
  for (const auto& [id, c] : report.cells) {
    nlohmann::json v;
    if (c.value.is_integer()) {
      v["value"] = c.value.integer_part();
    } else {
      v["value"] = static_cast<double>(c.value.micros()) / Decimal::kScale;
    }
    v["line"] = c.line;
    v["raw"] = c.raw;
    if (c.on_heading) v["on_heading"] = true;
    cells[id] = std::move(v);
  }
  return cells;
}

nlohmann::json FindingsJson(const std::vector<check::CheckFinding>& findings) {
  nlohmann::json out = nlohmann::json::array();
  for (const check::CheckFinding& f : findings) {
    out.push_back({{"kind", f.kind},
                   {"severity", std::string(ToCode(f.severity))},
                   {"line", f.line},
                   {"cells", f.cells},
                   {"message", f.message},
                   {"rule", f.rule}});
  }
  return out;
}

int CountOf(const std::vector<check::CheckFinding>& findings, Severity s) {
  int n = 0;
  for (const check::CheckFinding& f : findings) n += f.severity == s ? 1 : 0;
  return n;
}

}  // namespace gongkai::cli
