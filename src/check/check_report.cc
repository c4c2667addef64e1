#include "check/check_report.h"

#include "check/extract.h"
#include "check/reader.h"

namespace gongkai::check {

Result<CheckedReport> ReadReport(std::string_view bytes, std::string_view source_name,
                                 const std::vector<const Format*>& formats,
                                 const std::string& force_format) {
  CheckedReport out;
  Result<Document> doc = ReadDocument(bytes, source_name);
  if (!doc.ok()) return doc.status();
  out.doc = std::move(doc).value();
  ExtractOptions options;
  options.force_format = force_format;
  out.report = Extract(out.doc, formats, options);
  for (const Format* fmt : formats) {
    if (fmt->id == out.report.format_id) out.format = fmt;
  }
  return out;
}

void CheckReport(CheckedReport& file, const CheckedReport* previous,
                 const std::vector<const Format*>& formats,
                 const std::vector<MiswrittenWord>* miswritten) {
  CheckInput in;
  in.doc = &file.doc;
  in.report = &file.report;
  in.format = file.format;
  in.formats = formats;
  in.miswritten = miswritten;
  if (previous != nullptr) {
    in.previous_doc = &previous->doc;
    in.previous = &previous->report;
  }
  file.findings = RunChecks(in);
}

}  // namespace gongkai::check
