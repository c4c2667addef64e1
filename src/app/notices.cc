#include "app/notices.h"

namespace gongkai::app {

Result<std::string> NoticePrefixOf(const Services& s, const Agency& agency) {
  Result<std::vector<Guide>> guides = s.repo->ListGuides(agency.id);
  if (!guides.ok()) return guides.status();
  if (!guides->empty() && !guides->front().notice_prefix.empty()) {
    return guides->front().notice_prefix;
  }
  return agency.short_name.empty() ? agency.name : agency.short_name;
}

Result<NoticeDraft> DraftNotice(const Services& s, NoticeKind kind, const Agency& agency,
                                const std::string& prefix, const Application& app,
                                const std::string& tracking_code, const std::string& addressee,
                                Date issued_on, NoticeValues values) {
  auto& t = values.text;
  t.emplace("addressee", addressee.empty() ? "申请人" : addressee);
  t.emplace("agency_name", agency.name);
  t.emplace("received_date", app.StatutoryReceiptDate().ToChinese());
  t.emplace("register_no", app.number);
  t.emplace("description", app.content);
  t.emplace("tracking_code", tracking_code.empty() ? "（无）" : tracking_code);
  t.emplace("channel", std::string(ToChinese(app.channel)));
  t.emplace("remedy", std::string(RemedySentence()));
  Result<RenderedNotice> r = RenderNotice(s.notices->For(kind), values);
  if (!r.ok()) return r.status();
  NoticeDraft d;
  d.kind = kind;
  d.prefix = prefix;
  d.issued_on = issued_on;
  d.title = r->title;
  d.addressee = t.at("addressee");
  d.paragraphs = std::move(r->paragraphs);
  d.signature = agency.name;
  d.to_applicant = r->to_applicant;
  return d;
}

}  // namespace gongkai::app
