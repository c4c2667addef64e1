#include "http/notice_view.h"

#include <string>

namespace gongkai::http {

View NoticeView(const Notice& notice) {
  View v;
  v.set("id", std::to_string(notice.id));
  v.set("kind", std::string(ToCode(notice.kind)));
  v.set("title", notice.title);
  v.set("number", notice.number);
  v.set("has_number", !notice.number.empty());
  const std::string addressee = notice.addressee.empty() ? "申请人" : notice.addressee;
  v.set("addressee", addressee);
  const std::string opening = addressee + "：";
  ViewList paragraphs;
  for (size_t i = 0; i < notice.paragraphs.size(); ++i) {
    if (i == 0 && notice.paragraphs[i] == opening) continue;
    paragraphs.push_back(View(notice.paragraphs[i]));
  }
  v.set("paragraphs", paragraphs);
  v.set("signature", notice.signature);
  v.set("issued", notice.issued_on.ToChinese());
  v.set("issued_iso", notice.issued_on.ToString());
  v.set("to_applicant", notice.to_applicant);
  v.set("has_outcome", notice.outcome.has_value());
  v.set("outcome", notice.outcome ? std::string(ToChinese(*notice.outcome)) : std::string());
  return v;
}

}  // namespace gongkai::http
