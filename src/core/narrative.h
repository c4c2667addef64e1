// The narrative (正文) of an annual report: one text per section of the format, written by the
// agency, with placeholders bound to cells — "{{C1}}", "{{R1/TOT}}", "{{year}}", "{{agency}}" —
// so a stated number always equals the table (report/narrative.h renders and checks them).
#pragma once

#include <cstdint>
#include <string>

namespace gongkai {

struct NarrativeSection {
  int64_t agency_id = 0;
  int year = 0;
  std::string format_id;   // "2008", "2019", "2021"
  std::string section_id;  // as in the format file, e.g. "S1"
  std::string body;        // text with placeholders; paragraphs separated by blank lines
  std::string edited_by;   // who last saved it (login), for the audit log
  std::string edited_at;   // when, ISO 8601; the store sets it if empty

  friend bool operator==(const NarrativeSection&, const NarrativeSection&) = default;
};

}  // namespace gongkai
