// The 政府信息公开指南 in the console: the form that publishes a new version (app::PublishGuide),
// prefilled from the current version, and the list of versions.
#include "app/guides.h"
#include "http/console/staff_pages.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/page.h"

namespace gongkai::http::console {
namespace {

constexpr Channel kGuideChannels[] = {Channel::kInPerson, Channel::kPostSigned,
                                      Channel::kPostOrdinary, Channel::kOnline, Channel::kFax};

// The guide's text fields: form name, label, max characters, required, multi-line.
struct GuideField {
  const char* name;
  const char* label;
  size_t max_chars;
  bool required;
  bool multiline;
  std::string Guide::*member;
};

const GuideField kFields[] = {
    {"office_name", "公开工作机构名称", 100, true, false, &Guide::office_name},
    {"address", "办公地址", 200, true, false, &Guide::address},
    {"postal_code", "邮政编码", 10, false, false, &Guide::postal_code},
    {"hours", "办公时间", 200, true, false, &Guide::hours},
    {"phone", "联系电话", 50, true, false, &Guide::phone},
    {"fax", "传真", 50, false, false, &Guide::fax},
    {"email", "电子邮箱", 100, false, false, &Guide::email},
    {"website", "网站", 200, false, false, &Guide::website},
    {"notice_prefix", "文书字号前缀", 30, false, false, &Guide::notice_prefix},
    {"intro", "信息分类与编排体系、主动公开方式", 5000, false, true, &Guide::intro},
    {"fees", "收费说明", 2000, false, true, &Guide::fees},
};

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
  return n;
}

// Labels in PublishGuide's messages → fields.
std::vector<std::pair<std::string, std::string>> GuideLabels() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const GuideField& f : kFields) out.emplace_back(f.label, f.name);
  for (Channel c : kGuideChannels) {
    out.emplace_back("“" + std::string(ToChinese(c)) + "”", "channel_" + std::string(ToCode(c)));
  }
  return out;
}

Response RenderGuide(Call& call, const app::Authenticated& staff, const Agency& agency,
                     const Guide& shown, const FieldErrors& errors, int status,
                     const std::string& notice) {
  const bool can_edit = staff.actor.Has(Role::kEditor, agency.id);
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<std::vector<Guide>> versions = app::ListGuideVersions(*s, agency.id);
  if (!versions.ok()) return StatusPage(call, versions.status());

  View page;
  page.set("csrf", staff.csrf_token);
  page.set("agency_name", agency.name);
  page.set("action", ConsoleAgencyUrl(agency) + "guide");
  page.set("public_url", AgencyUrl(agency) + "guide");
  page.set("catalog_url", ConsoleAgencyUrl(agency) + "catalog");
  page.set("can_edit", can_edit);
  errors.Set(page);
  ViewList fields;
  for (const GuideField& f : kFields) {
    View v;
    v.set("name", f.name);
    v.set("label", f.label);
    v.set("value", shown.*(f.member));
    v.set("required", f.required);
    v.set("multiline", f.multiline);
    v.set("maxlength", std::to_string(f.max_chars));
    if (auto it = errors.fields.find(f.name); it != errors.fields.end()) {
      v.set("error", it->second);
    }
    fields.push_back(v);
  }
  page.set("fields", fields);
  ViewList channels;
  for (Channel c : kGuideChannels) {
    const std::string code(ToCode(c));
    View v;
    v.set("code", code);
    v.set("label", std::string(ToChinese(c)));
    bool accepted = false;
    std::string rules;
    for (const GuideChannel& g : shown.channels) {
      if (g.channel == c) {
        accepted = g.accepted;
        rules = g.rules;
      }
    }
    v.set("accepted", accepted);
    v.set("rules", rules);
    v.set("basic",
          c == Channel::kInPerson || c == Channel::kPostSigned || c == Channel::kPostOrdinary);
    if (auto it = errors.fields.find("channel_" + code); it != errors.fields.end()) {
      v.set("error", it->second);
    }
    channels.push_back(v);
  }
  page.set("channels", channels);
  page.set("published_on", shown.published_on.days() == 0 ? "" : shown.published_on.ToString());
  ViewList rows;
  for (const Guide& g : *versions) {
    View r;
    r.set("version", std::to_string(g.version));
    r.set("published", g.published_on.ToChinese());
    r.set("actor", g.actor);
    r.set("created", g.created_at.ChinaText());
    r.set("office", g.office_name);
    rows.push_back(r);
  }
  page.set("versions", rows);
  page.set("has_versions", !rows.empty());

  PageMeta meta = ConsoleMeta(staff, "政府信息公开指南 - " + agency.name, "catalog");
  meta.crumbs = {{"目录发布", "/console/catalog"},
                 {agency.name, ConsoleAgencyUrl(agency) + "catalog"},
                 {"政府信息公开指南", ""}};
  if (!notice.empty()) meta.notices.push_back(notice);
  Response r = RenderPage(call, status, "console/guide", page, meta);
  r.status = status;
  return r;
}

}  // namespace

Response GuideForm(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  Result<Agency> agency = ReadableAgency(call, *staff);
  if (!agency.ok()) return StatusPage(call, agency.status());
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Guide shown;
  Result<Guide> current = app::CurrentGuide(*s, agency->id);
  if (current.ok()) {
    shown = *current;
    shown.published_on = Date();
  } else if (current.status().code() == ErrorCode::kNotFound) {
    // A first guide: the basic channels (never refusable) ticked.
    for (Channel c : {Channel::kInPerson, Channel::kPostSigned, Channel::kPostOrdinary}) {
      shown.channels.push_back({c, true, ""});
    }
  } else {
    return StatusPage(call, current.status());
  }
  const std::string notice =
      call.request().Query("published") ? "已发布新版本的政府信息公开指南。" : "";
  return RenderGuide(call, *staff, *agency, shown, {}, 200, notice);
}

Response PublishGuide(Call& call) {
  Response out;
  std::optional<app::Authenticated> staff = RequireStaff(call, &out);
  if (!staff) return out;
  std::optional<Form> form = StaffForm(call, *staff, &out);
  if (!form) return out;
  Result<Agency> agency = ReadableAgency(call, *staff);
  if (!agency.ok()) return StatusPage(call, agency.status());

  Guide g;
  FieldErrors errors;
  for (const GuideField& f : kFields) {
    g.*(f.member) = form->Get(f.name);
    if (CountChars(g.*(f.member)) > f.max_chars) {
      errors.Add(f.name,
                 std::string(f.label) + "不能超过 " + std::to_string(f.max_chars) + " 个字");
    }
  }
  for (Channel c : kGuideChannels) {
    const std::string code(ToCode(c));
    const bool accepted = !form->Get("accept_" + code).empty();
    const std::string& rules = form->Get("rules_" + code);
    if (CountChars(rules) > 1000) {
      errors.Add("channel_" + code, std::string(ToChinese(c)) + "的使用说明不能超过 1000 个字");
    }
    // An unticked channel with rules is kept as "not accepted" so the text is not lost.
    if (accepted || !rules.empty()) g.channels.push_back({c, accepted, rules});
  }
  if (const std::string& on = form->Get("published_on"); !on.empty()) {
    Result<Date> d = Date::Parse(on);
    if (d.ok() && *d <= call.today()) {
      g.published_on = *d;
    } else {
      errors.Add("published_on",
                 "发布日期“" + on + "”无效：应为不晚于今天的日期，如 " + call.today().ToString());
    }
  }
  if (!errors.empty()) return RenderGuide(call, *staff, *agency, g, errors, 400, "");
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<Guide> published = app::PublishGuide(*s, staff->actor, agency->id, g, call.now());
  if (!published.ok()) {
    if (published.status().code() != ErrorCode::kInvalidInput) {
      return StatusPage(call, published.status());
    }
    const std::string& message = published.status().message();
    const std::string field = FieldOfMessage(message, GuideLabels());
    if (field.empty()) {
      errors.form = message;
    } else {
      errors.Add(field, message);
    }
    return RenderGuide(call, *staff, *agency, g, errors, 400, "");
  }
  return Response::Redirect(ConsoleAgencyUrl(*agency) + "guide?published=1");
}

}  // namespace gongkai::http::console
