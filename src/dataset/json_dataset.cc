#include "dataset/json_dataset.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "core/application/state.h"
#include "dataset/encoding.h"

namespace gongkai {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr int kMinYear = 1990;
constexpr int kMaxYear = 2100;

// ---------------------------------------------------------------------------------------------
// Reading. The first error wins and sticks: later reads return defaults and record nothing, so
// record parsers read straight through and check ok() where a value is needed to go on.

class Errors {
 public:
  explicit Errors(std::string_view source) : source_(source) {}
  void Fail(const std::string& path, const std::string& message) {
    if (status_.ok()) status_ = InvalidInput(source_ + ": " + path + ": " + message);
  }
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

 private:
  std::string source_;
  Status status_;
};

std::string TypeName(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "对象";
    case json::value_t::array:
      return "数组";
    case json::value_t::string:
      return "字符串";
    case json::value_t::boolean:
      return "布尔值";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "整数";
    case json::value_t::number_float:
      return "小数";
    default:
      return "其他类型";
  }
}

std::string Quoted(std::string_view s) {
  std::string t(s.substr(0, 60));
  return "\"" + t + (s.size() > 60 ? "…" : "") + "\"";
}

template <typename E>
std::string CodeList(const std::vector<E>& values) {
  std::string out;
  for (E v : values) {
    if (!out.empty()) out += ", ";
    out += std::string(ToCode(v));
  }
  return out;
}

const std::vector<Channel>& AllChannels() {
  static const std::vector<Channel> v = {Channel::kInPerson, Channel::kPostSigned,
                                         Channel::kPostOrdinary, Channel::kOnline, Channel::kFax};
  return v;
}
const std::vector<ApplicantType>& AllApplicantTypes() {
  static const std::vector<ApplicantType> v = {
      ApplicantType::kNaturalPerson,       ApplicantType::kCommercialEnterprise,
      ApplicantType::kResearchInstitution, ApplicantType::kSocialWelfareOrg,
      ApplicantType::kLegalServiceOrg,     ApplicantType::kOtherOrg};
  return v;
}
const std::vector<EventKind>& AllEventKinds() {
  static const std::vector<EventKind> v = {EventKind::kCorrectionRequested,
                                           EventKind::kCorrectionReceived,
                                           EventKind::kCorrectionLapsed,
                                           EventKind::kConsultationStarted,
                                           EventKind::kConsultationEnded,
                                           EventKind::kExtensionApproved,
                                           EventKind::kFeeNotified,
                                           EventKind::kFeePaid,
                                           EventKind::kFeeLapsed,
                                           EventKind::kAnswered,
                                           EventKind::kWithdrawn};
  return v;
}
const std::vector<RuleSet>& AllRuleSets() {
  static const std::vector<RuleSet> v = {RuleSet::k2008, RuleSet::k2019};
  return v;
}
const std::vector<ConsultationParty>& AllParties() {
  static const std::vector<ConsultationParty> v = {ConsultationParty::kThirdParty,
                                                   ConsultationParty::kOtherAgency};
  return v;
}
const std::vector<PublicationChannel>& AllPublicationChannels() {
  static const std::vector<PublicationChannel> v = {
      PublicationChannel::kGazette, PublicationChannel::kWebsite, PublicationChannel::kWeibo,
      PublicationChannel::kWechat, PublicationChannel::kOther};
  return v;
}
const std::vector<CaseResult>& AllCaseResults() {
  static const std::vector<CaseResult> v = {CaseResult::kUpheld, CaseResult::kCorrected,
                                            CaseResult::kOther, CaseResult::kPending};
  return v;
}
const std::vector<ResponseKind>& AllResponseKinds() {
  static const std::vector<ResponseKind> v = {
      ResponseKind::kPressConference, ResponseKind::kOnlineInterview, ResponseKind::kInterpretation,
      ResponseKind::kSocialMedia, ResponseKind::kOther};
  return v;
}

bool IsSlug(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// A JSON object being read at `path`; unknown keys are reported on construction.
class Obj {
 public:
  Obj(Errors& errors, const json& j, std::string path, const std::vector<std::string_view>& keys)
      : e_(errors), j_(j), path_(std::move(path)) {
    if (!j.is_object()) {
      e_.Fail(path_, "应为对象，实际为" + TypeName(j));
      valid_ = false;
      return;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool known = false;
      for (std::string_view k : keys) known = known || k == it.key();
      if (!known) {
        std::string list;
        for (std::string_view k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
        e_.Fail(path_ + "." + it.key(), "未知的字段（可用的字段：" + list + "）");
        return;
      }
    }
  }

  bool valid() const { return valid_; }
  const std::string& path() const { return path_; }
  std::string At(std::string_view key) const { return path_ + "." + std::string(key); }
  Errors& errors() { return e_; }
  bool Has(std::string_view key) const { return Find(key) != nullptr; }

  // nullptr if absent (or null).
  const json* Find(std::string_view key) const {
    if (!valid_) return nullptr;
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  const json* Require(std::string_view key) {
    const json* v = Find(key);
    if (v == nullptr && valid_) e_.Fail(At(key), "缺少必填字段");
    return v;
  }

  std::string Str(std::string_view key, bool required = false) {
    const json* v = required ? Require(key) : Find(key);
    if (v == nullptr) return "";
    if (!v->is_string()) {
      e_.Fail(At(key), "应为字符串，实际为" + TypeName(*v));
      return "";
    }
    std::string s = v->get<std::string>();
    if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) {
      e_.Fail(At(key), "不能为空");
    }
    return s;
  }

  std::optional<Date> OptDate(std::string_view key) {
    const json* v = Find(key);
    if (v == nullptr) return std::nullopt;
    return ReadDate(*v, At(key));
  }
  Date ReqDate(std::string_view key) {
    const json* v = Require(key);
    if (v == nullptr) return Date();
    return ReadDate(*v, At(key)).value_or(Date());
  }

  bool Bool(std::string_view key, bool fallback = false) {
    const json* v = Find(key);
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) {
      e_.Fail(At(key), "应为布尔值 true 或 false，实际为" + TypeName(*v));
      return fallback;
    }
    return v->get<bool>();
  }

  // An integer in [lo, hi]; `fallback` when absent and not required.
  std::optional<int64_t> Int(std::string_view key, bool required, int64_t lo, int64_t hi) {
    const json* v = required ? Require(key) : Find(key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number_integer()) {
      e_.Fail(At(key), "应为整数，实际为" + TypeName(*v));
      return std::nullopt;
    }
    int64_t n = 0;
    if (v->is_number_unsigned()) {
      const uint64_t u = v->get<uint64_t>();
      if (u > static_cast<uint64_t>(hi)) {
        e_.Fail(At(key), "数值过大：" + std::to_string(u));
        return std::nullopt;
      }
      n = static_cast<int64_t>(u);
    } else {
      n = v->get<int64_t>();
    }
    if (n < lo && lo == 0) {
      e_.Fail(At(key), "不能为负数：" + std::to_string(n));
      return std::nullopt;
    }
    if (n < lo || n > hi) {
      e_.Fail(At(key), "应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                           " 之间，实际为 " + std::to_string(n));
      return std::nullopt;
    }
    return n;
  }
  int Count(std::string_view key) {
    return static_cast<int>(Int(key, false, 0, 100'000'000).value_or(0));
  }
  int Year(std::string_view key) {
    return static_cast<int>(Int(key, true, kMinYear, kMaxYear).value_or(0));
  }

  // A decimal: a JSON number or a string such as "1234.5".
  std::optional<Decimal> Dec(std::string_view key, bool required) {
    const json* v = required ? Require(key) : Find(key);
    if (v == nullptr) return std::nullopt;
    std::optional<Decimal> d;
    if (v->is_number_integer()) {
      d = v->is_number_unsigned() ? Decimal::FromInt(static_cast<int64_t>(v->get<uint64_t>()))
                                  : Decimal::FromInt(v->get<int64_t>());
    } else if (v->is_number_float()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.6f", v->get<double>());
      d = Decimal::Parse(buf);
    } else if (v->is_string()) {
      d = Decimal::Parse(v->get<std::string>());
    } else {
      e_.Fail(At(key), "应为数字或数字字符串（如 \"1234.50\"），实际为" + TypeName(*v));
      return std::nullopt;
    }
    if (!d) {
      e_.Fail(At(key), "不是有效的数字 " +
                           Quoted(v->is_string() ? v->get<std::string>() : v->dump()) +
                           "（最多六位小数）");
    }
    return d;
  }

  // An amount in 元 (number or decimal string, at most two decimals), returned in 分. ≥ 0.
  std::optional<int64_t> Yuan(std::string_view key, bool required) {
    std::optional<Decimal> d = Dec(key, required);
    if (!d) return std::nullopt;
    if (d->is_negative()) {
      e_.Fail(At(key), "金额不能为负数：" + d->ToString());
      return std::nullopt;
    }
    if (d->micros() % 10'000 != 0) {
      e_.Fail(At(key), "金额最多两位小数（到分）：" + d->ToString());
      return std::nullopt;
    }
    return d->micros() / 10'000;
  }

  template <typename E>
  std::optional<E> Code(std::string_view key, bool required, std::string_view what,
                        std::optional<E> (*from_code)(std::string_view),
                        const std::vector<E>& all) {
    const json* v = required ? Require(key) : Find(key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) {
      e_.Fail(At(key), "应为字符串代码（可选：" + CodeList(all) + "），实际为" + TypeName(*v));
      return std::nullopt;
    }
    const std::string s = v->get<std::string>();
    std::optional<E> e = from_code(s);
    if (!e) {
      e_.Fail(At(key),
              "未知的" + std::string(what) + " " + Quoted(s) + "（可选：" + CodeList(all) + "）");
    }
    return e;
  }

  // The array at `key`, or nullptr if absent; an error if present but not an array.
  const json* Array(std::string_view key) {
    const json* v = Find(key);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) {
      e_.Fail(At(key), "应为数组，实际为" + TypeName(*v));
      return nullptr;
    }
    return v;
  }

  std::string AgencySlug() {
    std::string slug = Str("agency", true);
    if (e_.ok() && !IsSlug(slug)) {
      e_.Fail(At("agency"), "机关标识 " + Quoted(slug) + " 只能由小写字母、数字和连字符组成");
    }
    return slug;
  }

 private:
  std::optional<Date> ReadDate(const json& v, const std::string& path) {
    if (!v.is_string()) {
      e_.Fail(path, "应为日期字符串（YYYY-MM-DD），实际为" + TypeName(v));
      return std::nullopt;
    }
    const std::string s = v.get<std::string>();
    Result<Date> d = Date::Parse(s);
    if (!d.ok()) {
      e_.Fail(path, d.status().message());
      return std::nullopt;
    }
    if (d->year() < kMinYear || d->year() > kMaxYear) {
      e_.Fail(path, "日期 " + Quoted(s) + " 超出范围（应在 1990 年至 2100 年之间）");
      return std::nullopt;
    }
    return *d;
  }

  Errors& e_;
  const json& j_;
  std::string path_;
  bool valid_ = true;
};

std::string Index(const std::string& base, size_t i) {
  return base + "[" + std::to_string(i) + "]";
}

// Remembers keys already seen and reports a duplicate with the path of the first one.
class Uniq {
 public:
  // Returns false (and fails) if `key` was seen before.
  bool Add(Errors& e, const std::string& key, const std::string& path, const std::string& what) {
    auto [it, inserted] = first_.emplace(key, path);
    if (!inserted) e.Fail(path, what + " 与 " + it->second + " 重复");
    return inserted;
  }

 private:
  std::map<std::string, std::string> first_;
};

std::string K(std::initializer_list<std::string_view> parts) {
  std::string k;
  for (std::string_view p : parts) {
    k += p;
    k += '\x1f';
  }
  return k;
}

const char* const kRecordKeys[] = {"agencies",       "catalog_items", "applications", "reviews",
                                   "lawsuits",       "complaints",    "hot_topics",   "responses",
                                   "meetings",       "trainings",     "staffing",     "fees",
                                   "manual_figures", "narratives"};

void ReadAgency(Obj& o, Dataset& d, Uniq& slugs) {
  Agency a;
  a.slug = o.Str("slug", true);
  if (o.errors().ok() && !IsSlug(a.slug)) {
    o.errors().Fail(o.At("slug"),
                    "机关标识 " + Quoted(a.slug) + " 只能由小写字母、数字和连字符组成");
  }
  a.name = o.Str("name", true);
  a.short_name = o.Str("short_name");
  a.org_code = o.Str("org_code");
  if (!a.org_code.empty()) {
    bool ok = a.org_code.size() == 9 || a.org_code.size() == 10 || a.org_code.size() == 18;
    for (char c : a.org_code)
      ok = ok && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-');
    if (!ok) {
      o.errors().Fail(
          o.At("org_code"),
          "机构代码 " + Quoted(a.org_code) +
              " 应为 9 位组织机构代码（可带连字符）或 18 位统一社会信用代码（数字和大写字母）");
    }
  }
  a.parent_slug = o.Str("parent");
  if (!a.parent_slug.empty() && a.parent_slug == a.slug) {
    o.errors().Fail(o.At("parent"), "上级机关不能是机关自己");
  }
  a.region = o.Str("region");
  if (o.errors().ok()) slugs.Add(o.errors(), a.slug, o.At("slug"), "机关标识 " + Quoted(a.slug));
  d.agencies.push_back(std::move(a));
}

void ReadCatalogItem(Obj& o, Dataset& d, Uniq& index_nos) {
  Dataset::Owned<CatalogItem> owned;
  owned.agency_slug = o.AgencySlug();
  CatalogItem& c = owned.record;
  c.index_no = o.Str("index_no", true);
  c.title = o.Str("title", true);
  c.doc_no = o.Str("doc_no");
  c.publisher = o.Str("publisher");
  c.created_on = o.ReqDate("created_on");
  c.published_on = o.OptDate("published_on");
  c.withdrawn_on = o.OptDate("withdrawn_on");
  c.topic = o.Str("topic");
  c.genre = o.Str("genre");
  c.summary = o.Str("summary");
  c.body = o.Str("body");
  if (std::optional<int64_t> item = o.Int("article20_item", false, 1, 15)) {
    c.article20_item = static_cast<int>(*item);
  }
  if (const json* n = o.Find("normative")) {
    Obj no(o.errors(), *n, o.At("normative"),
           {"is_rule", "issuing_body", "issued_on", "effective_on", "expired_on", "repealed_on"});
    NormativeDocument nd;
    nd.is_rule = no.Bool("is_rule");
    nd.issuing_body = no.Str("issuing_body");
    nd.issued_on = no.ReqDate("issued_on");
    nd.effective_on = no.OptDate("effective_on");
    nd.expired_on = no.OptDate("expired_on");
    nd.repealed_on = no.OptDate("repealed_on");
    if (no.errors().ok()) {
      if (nd.effective_on && *nd.effective_on < nd.issued_on) {
        no.errors().Fail(no.At("effective_on"), "生效日期早于印发日期 issued_on");
      } else if (nd.expired_on && *nd.expired_on < nd.issued_on) {
        no.errors().Fail(no.At("expired_on"), "失效日期早于印发日期 issued_on");
      } else if (nd.repealed_on && *nd.repealed_on < nd.issued_on) {
        no.errors().Fail(no.At("repealed_on"), "废止日期早于印发日期 issued_on");
      }
    }
    c.normative = std::move(nd);
  }
  if (const json* chans = o.Array("channels")) {
    for (size_t i = 0; i < chans->size() && o.errors().ok(); ++i) {
      Obj co(o.errors(), (*chans)[i], Index(o.At("channels"), i), {"channel", "published_on"});
      ChannelPublication p;
      p.channel = co.Code<PublicationChannel>("channel", true, "公开渠道",
                                              PublicationChannelFromCode, AllPublicationChannels())
                      .value_or(PublicationChannel::kWebsite);
      p.published_on = co.ReqDate("published_on");
      if (co.errors().ok() && !c.published_on) {
        co.errors().Fail(co.path(), "条目没有公开日期 published_on（草稿），不能有渠道发布记录");
      } else if (co.errors().ok() && p.published_on < c.created_on) {
        co.errors().Fail(co.At("published_on"), "渠道发布日期早于生成日期 created_on");
      }
      c.channels.push_back(p);
    }
  }
  if (o.errors().ok()) {
    if (c.published_on && *c.published_on < c.created_on) {
      o.errors().Fail(o.At("published_on"), "公开日期早于生成日期 created_on");
    } else if (c.withdrawn_on && !c.published_on) {
      o.errors().Fail(o.At("withdrawn_on"), "未公开的条目不能撤回（缺少 published_on）");
    } else if (c.withdrawn_on && *c.withdrawn_on < *c.published_on) {
      o.errors().Fail(o.At("withdrawn_on"), "撤回日期早于公开日期 published_on");
    }
  }
  if (o.errors().ok()) {
    index_nos.Add(o.errors(), K({owned.agency_slug, c.index_no}), o.At("index_no"),
                  "机关 " + owned.agency_slug + " 的索引号 " + Quoted(c.index_no));
  }
  d.catalog_items.push_back(std::move(owned));
}

void ReadEvent(Obj& o, ApplicationEvent& ev) {
  ev.kind = o.Code<EventKind>("kind", true, "事件类型", EventKindFromCode, AllEventKinds())
                .value_or(EventKind::kAnswered);
  ev.on = o.ReqDate("on");
  if (!o.errors().ok()) return;
  const std::string kind_name =
      std::string(ToChinese(ev.kind)) + "（" + std::string(ToCode(ev.kind)) + "）";
  auto only_for = [&](std::string_view key, EventKind kind) {
    if (o.Has(key) && ev.kind != kind) {
      o.errors().Fail(o.At(key), "只有 " + std::string(ToCode(kind)) +
                                     " 事件可以有此字段，本事件为" + kind_name);
      return false;
    }
    return true;
  };
  // outcome
  if (!only_for("outcome", EventKind::kAnswered)) return;
  if (ev.kind == EventKind::kAnswered) {
    ev.outcome = o.Code<Outcome>("outcome", true, "办理结果", OutcomeFromCode, AllOutcomes());
    if (ev.outcome && !IsAnswerOutcome(*ev.outcome)) {
      o.errors().Fail(o.At("outcome"),
                      "办理结果 " + std::string(ToCode(*ev.outcome)) +
                          " 由事件本身表示，不能用于答复：请改用事件 " +
                          (*ev.outcome == Outcome::kWithdrawn   ? "withdrawn"
                           : *ev.outcome == Outcome::kFeeLapsed ? "fee_lapsed"
                                                                : "correction_lapsed"));
      return;
    }
  }
  // extension_days
  if (!only_for("extension_days", EventKind::kExtensionApproved)) return;
  if (ev.kind == EventKind::kExtensionApproved) {
    ev.extension_days = static_cast<int>(o.Int("extension_days", true, 1, 20).value_or(0));
  }
  // party
  if (!only_for("party", EventKind::kConsultationStarted)) return;
  if (ev.kind == EventKind::kConsultationStarted) {
    ev.party = o.Code<ConsultationParty>("party", true, "征求意见对象", ConsultationPartyFromCode,
                                         AllParties());
  }
  // fee
  const bool fee_kind = ev.kind == EventKind::kFeeNotified || ev.kind == EventKind::kFeePaid;
  for (std::string_view key : {"fee_fen", "fee_yuan"}) {
    if (o.Has(key) && !fee_kind) {
      o.errors().Fail(o.At(key),
                      "只有 fee_notified / fee_paid 事件可以有金额，本事件为" + kind_name);
      return;
    }
  }
  if (fee_kind) {
    if (o.Has("fee_fen") && o.Has("fee_yuan")) {
      o.errors().Fail(o.At("fee_yuan"), "fee_fen 与 fee_yuan 只能写一个");
      return;
    }
    if (o.Has("fee_yuan")) {
      ev.fee_fen = o.Yuan("fee_yuan", true).value_or(0);
    } else if (o.Has("fee_fen")) {
      ev.fee_fen = o.Int("fee_fen", true, 0, 1'000'000'000'000).value_or(0);
    } else {
      o.errors().Fail(o.At("fee_fen"), "收费事件须写金额 fee_fen（分）或 fee_yuan（元）");
    }
  }
  ev.note = o.Str("note");
  ev.actor = o.Str("actor");
}

void ReadApplication(Obj& o, Dataset& d, Uniq& numbers) {
  Dataset::Owned<Application> owned;
  owned.agency_slug = o.AgencySlug();
  Application& a = owned.record;
  a.number = o.Str("number", true);
  a.channel = o.Code<Channel>("channel", true, "申请渠道", ChannelFromCode, AllChannels())
                  .value_or(Channel::kInPerson);
  a.received_on = o.ReqDate("received_on");
  a.confirmed_on = o.OptDate("confirmed_on");
  a.applicant_type = o.Code<ApplicantType>("applicant_type", true, "申请人类型",
                                           ApplicantTypeFromCode, AllApplicantTypes())
                         .value_or(ApplicantType::kNaturalPerson);
  a.applicant_name = o.Str("applicant_name");
  a.content = o.Str("content");
  a.rules_override = o.Code<RuleSet>("rules", false, "适用条例", RuleSetFromCode, AllRuleSets());
  if (o.errors().ok() && a.confirmed_on && *a.confirmed_on < a.received_on) {
    o.errors().Fail(o.At("confirmed_on"), "确认日期早于收到日期 received_on");
  }
  if (o.errors().ok()) {
    numbers.Add(o.errors(), K({owned.agency_slug, a.number}), o.At("number"),
                "机关 " + owned.agency_slug + " 的申请登记编号 " + Quoted(a.number));
  }
  if (const json* events = o.Array("events")) {
    for (size_t i = 0; i < events->size() && o.errors().ok(); ++i) {
      Obj eo(o.errors(), (*events)[i], Index(o.At("events"), i),
             {"kind", "on", "outcome", "extension_days", "party", "fee_fen", "fee_yuan", "note",
              "actor"});
      ApplicationEvent ev;
      ReadEvent(eo, ev);
      a.events.push_back(std::move(ev));
    }
  }
  if (o.errors().ok()) {
    Result<ApplicationState> state = ReplayEvents(a);
    if (!state.ok()) {
      // Name the first event whose prefix no longer replays.
      Application prefix = a;
      size_t bad = a.events.size();
      for (size_t k = 1; k <= a.events.size(); ++k) {
        prefix.events.assign(a.events.begin(), a.events.begin() + static_cast<std::ptrdiff_t>(k));
        if (!ReplayEvents(prefix).ok()) {
          bad = k - 1;
          break;
        }
      }
      const std::string path = bad < a.events.size() ? Index(o.At("events"), bad) : o.At("events");
      o.errors().Fail(path, state.status().message());
    }
  }
  d.applications.push_back(std::move(owned));
}

void CheckDecision(Obj& o, const Date& filed, const std::optional<Date>& decided,
                   CaseResult& result) {
  std::optional<CaseResult> r =
      o.Code<CaseResult>("result", false, "结果", CaseResultFromCode, AllCaseResults());
  if (!o.errors().ok()) return;
  if (decided) {
    if (*decided < filed) {
      o.errors().Fail(o.At("decided_on"), "审结日期早于受理日期 filed_on");
    } else if (!r) {
      o.errors().Fail(o.At("result"),
                      "已审结（有 decided_on）的案件须写结果（upheld, corrected, other）");
    } else if (*r == CaseResult::kPending) {
      o.errors().Fail(o.At("result"), "有审结日期 decided_on 的案件结果不能是 pending");
    }
  } else if (r && *r != CaseResult::kPending) {
    o.errors().Fail(o.At("decided_on"),
                    "结果为 " + std::string(ToCode(*r)) + " 的案件须写审结日期");
  }
  result = decided && r ? *r : CaseResult::kPending;
}

void ReadReview(Obj& o, Dataset& d, Uniq& numbers) {
  Dataset::Owned<Review> owned;
  owned.agency_slug = o.AgencySlug();
  Review& r = owned.record;
  r.number = o.Str("number", true);
  r.application_number = o.Str("application");
  r.filed_on = o.ReqDate("filed_on");
  r.decided_on = o.OptDate("decided_on");
  CheckDecision(o, r.filed_on, r.decided_on, r.result);
  if (o.errors().ok()) {
    numbers.Add(o.errors(), K({owned.agency_slug, r.number}), o.At("number"),
                "机关 " + owned.agency_slug + " 的复议案号 " + Quoted(r.number));
  }
  d.reviews.push_back(std::move(owned));
}

void ReadLawsuit(Obj& o, Dataset& d, Uniq& numbers) {
  Dataset::Owned<Lawsuit> owned;
  owned.agency_slug = o.AgencySlug();
  Lawsuit& l = owned.record;
  l.number = o.Str("number", true);
  l.application_number = o.Str("application");
  l.review_number = o.Str("review");
  l.after_review = o.Bool("after_review", !l.review_number.empty());
  if (o.errors().ok() && !l.after_review && !l.review_number.empty()) {
    o.errors().Fail(o.At("after_review"),
                    "写了复议案号 review 的诉讼应为复议后起诉（after_review: true）");
  }
  l.filed_on = o.ReqDate("filed_on");
  l.decided_on = o.OptDate("decided_on");
  CheckDecision(o, l.filed_on, l.decided_on, l.result);
  if (o.errors().ok()) {
    numbers.Add(o.errors(), K({owned.agency_slug, l.number}), o.At("number"),
                "机关 " + owned.agency_slug + " 的诉讼案号 " + Quoted(l.number));
  }
  d.lawsuits.push_back(std::move(owned));
}

void ReadComplaint(Obj& o, Dataset& d) {
  Dataset::Owned<Complaint> owned;
  owned.agency_slug = o.AgencySlug();
  owned.record.received_on = o.ReqDate("received_on");
  owned.record.subject = o.Str("subject");
  d.complaints.push_back(std::move(owned));
}

void ReadHotTopic(Obj& o, Dataset& d, Uniq& keys) {
  Dataset::Owned<HotTopic> owned;
  owned.agency_slug = o.AgencySlug();
  HotTopic& h = owned.record;
  h.key = o.Str("key", true);
  h.title = o.Str("title", true);
  h.first_seen_on = o.ReqDate("first_seen_on");
  if (o.errors().ok()) {
    keys.Add(o.errors(), K({owned.agency_slug, h.key}), o.At("key"),
             "机关 " + owned.agency_slug + " 的热点标识 " + Quoted(h.key));
  }
  d.hot_topics.push_back(std::move(owned));
}

void ReadResponse(Obj& o, Dataset& d) {
  Dataset::Owned<Response> owned;
  owned.agency_slug = o.AgencySlug();
  Response& r = owned.record;
  r.kind = o.Code<ResponseKind>("kind", true, "回应方式", ResponseKindFromCode, AllResponseKinds())
               .value_or(ResponseKind::kOther);
  r.on = o.ReqDate("on");
  r.title = o.Str("title", true);
  r.principal_leader = o.Bool("principal_leader");
  r.hot_topic_key = o.Str("hot_topic");
  d.responses.push_back(std::move(owned));
}

void ReadMeeting(Obj& o, Dataset& d) {
  Dataset::Owned<Meeting> owned;
  owned.agency_slug = o.AgencySlug();
  owned.record.on = o.ReqDate("on");
  owned.record.title = o.Str("title", true);
  d.meetings.push_back(std::move(owned));
}

void ReadTraining(Obj& o, Dataset& d) {
  Dataset::Owned<Training> owned;
  owned.agency_slug = o.AgencySlug();
  owned.record.on = o.ReqDate("on");
  owned.record.title = o.Str("title", true);
  owned.record.trainees = o.Count("trainees");
  d.trainings.push_back(std::move(owned));
}

void ReadStaffing(Obj& o, Dataset& d, Uniq& years) {
  Dataset::Owned<Staffing> owned;
  owned.agency_slug = o.AgencySlug();
  Staffing& s = owned.record;
  s.year = o.Year("year");
  s.full_time = o.Count("full_time");
  s.part_time = o.Count("part_time");
  s.dedicated_offices = o.Count("dedicated_offices");
  s.reading_points = o.Count("reading_points");
  s.budget_fen = o.Yuan("budget_yuan", false).value_or(0);
  if (o.errors().ok()) {
    years.Add(o.errors(), K({owned.agency_slug, std::to_string(s.year)}), o.path(),
              "机关 " + owned.agency_slug + " " + std::to_string(s.year) + " 年的人员经费情况");
  }
  d.staffing.push_back(std::move(owned));
}

void ReadFee(Obj& o, Dataset& d) {
  Dataset::Owned<FeeCollected> owned;
  owned.agency_slug = o.AgencySlug();
  owned.record.on = o.ReqDate("on");
  owned.record.amount_fen = o.Yuan("amount_yuan", true).value_or(0);
  owned.record.application_number = o.Str("application");
  d.fees.push_back(std::move(owned));
}

std::string ReadFormatId(Obj& o) {
  std::string f = o.Str("format", true);
  if (o.errors().ok() && f != "2008" && f != "2019" && f != "2021") {
    o.errors().Fail(o.At("format"), "未知的年报格式 " + Quoted(f) + "（可选：2008, 2019, 2021）");
  }
  return f;
}

void ReadManualFigure(Obj& o, Dataset& d, Uniq& cells) {
  Dataset::Owned<ManualFigure> owned;
  owned.agency_slug = o.AgencySlug();
  ManualFigure& m = owned.record;
  m.year = o.Year("year");
  m.format_id = ReadFormatId(o);
  m.cell_id = o.Str("cell", true);
  m.value = o.Dec("value", true).value_or(Decimal());
  m.entered_by = o.Str("entered_by");
  m.entered_at = o.Str("entered_at");
  if (o.errors().ok() && !m.entered_at.empty()) {
    Result<Date> day = Date::Parse(m.entered_at.substr(0, 10));
    if (!day.ok() ||
        (m.entered_at.size() > 10 && m.entered_at[10] != 'T' && m.entered_at[10] != ' ')) {
      o.errors().Fail(o.At("entered_at"),
                      "录入时间 " + Quoted(m.entered_at) +
                          " 应为 ISO 8601 时间，如 \"2019-01-03T09:30:00+08:00\"");
    }
  }
  m.source = o.Str("source", true);
  if (o.errors().ok()) {
    cells.Add(o.errors(), K({owned.agency_slug, std::to_string(m.year), m.format_id, m.cell_id}),
              o.path(),
              "机关 " + owned.agency_slug + " " + std::to_string(m.year) + " 年 " + m.format_id +
                  " 格式单元格 " + m.cell_id + " 的人工填报数");
  }
  d.manual_figures.push_back(std::move(owned));
}

void ReadNarrative(Obj& o, Dataset& d, Uniq& sections) {
  Dataset::Owned<NarrativeSection> owned;
  owned.agency_slug = o.AgencySlug();
  NarrativeSection& n = owned.record;
  n.year = o.Year("year");
  n.format_id = ReadFormatId(o);
  n.section_id = o.Str("section", true);
  n.body = o.Str("body", true);
  if (o.errors().ok()) {
    sections.Add(o.errors(),
                 K({owned.agency_slug, std::to_string(n.year), n.format_id, n.section_id}),
                 o.path(),
                 "机关 " + owned.agency_slug + " " + std::to_string(n.year) + " 年 " + n.format_id +
                     " 格式正文第 " + n.section_id + " 部分");
  }
  d.narratives.push_back(std::move(owned));
}

// Line and column (1-based, column in bytes) of byte offset `byte` (1-based, as nlohmann reports
// the position just past the offending character).
std::pair<int, int> LineColumn(std::string_view text, size_t byte) {
  int line = 1;
  int col = 1;
  const size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

// ---------------------------------------------------------------------------------------------
// Writing.

void PutStr(ojson& o, const char* key, const std::string& v) {
  if (!v.empty()) o[key] = v;
}
void PutDate(ojson& o, const char* key, const std::optional<Date>& v) {
  if (v) o[key] = v->ToString();
}
std::string YuanText(int64_t fen) { return Decimal::FromMicros(fen * 10'000).ToString(); }
void PutDecimal(ojson& o, const char* key, Decimal v) {
  if (v.is_integer()) {
    o[key] = v.integer_part();
  } else {
    o[key] = v.ToString();
  }
}

ojson WriteAgency(const Agency& a) {
  ojson o;
  o["slug"] = a.slug;
  o["name"] = a.name;
  PutStr(o, "short_name", a.short_name);
  PutStr(o, "org_code", a.org_code);
  PutStr(o, "parent", a.parent_slug);
  PutStr(o, "region", a.region);
  return o;
}

ojson WriteCatalogItem(const Dataset::Owned<CatalogItem>& owned) {
  const CatalogItem& c = owned.record;
  ojson o;
  o["agency"] = owned.agency_slug;
  o["index_no"] = c.index_no;
  o["title"] = c.title;
  PutStr(o, "doc_no", c.doc_no);
  PutStr(o, "publisher", c.publisher);
  o["created_on"] = c.created_on.ToString();
  PutDate(o, "published_on", c.published_on);
  PutDate(o, "withdrawn_on", c.withdrawn_on);
  PutStr(o, "topic", c.topic);
  PutStr(o, "genre", c.genre);
  PutStr(o, "summary", c.summary);
  PutStr(o, "body", c.body);
  if (c.article20_item) o["article20_item"] = *c.article20_item;
  if (c.normative) {
    const NormativeDocument& n = *c.normative;
    ojson no;
    if (n.is_rule) no["is_rule"] = true;
    PutStr(no, "issuing_body", n.issuing_body);
    no["issued_on"] = n.issued_on.ToString();
    PutDate(no, "effective_on", n.effective_on);
    PutDate(no, "expired_on", n.expired_on);
    PutDate(no, "repealed_on", n.repealed_on);
    o["normative"] = std::move(no);
  }
  if (!c.channels.empty()) {
    ojson arr = ojson::array();
    for (const ChannelPublication& p : c.channels) {
      arr.push_back(ojson{{"channel", std::string(ToCode(p.channel))},
                          {"published_on", p.published_on.ToString()}});
    }
    o["channels"] = std::move(arr);
  }
  return o;
}

ojson WriteApplication(const Dataset::Owned<Application>& owned) {
  const Application& a = owned.record;
  ojson o;
  o["agency"] = owned.agency_slug;
  o["number"] = a.number;
  o["channel"] = std::string(ToCode(a.channel));
  o["received_on"] = a.received_on.ToString();
  PutDate(o, "confirmed_on", a.confirmed_on);
  o["applicant_type"] = std::string(ToCode(a.applicant_type));
  PutStr(o, "applicant_name", a.applicant_name);
  PutStr(o, "content", a.content);
  if (a.rules_override) o["rules"] = std::string(ToCode(*a.rules_override));
  ojson events = ojson::array();
  for (const ApplicationEvent& ev : a.events) {
    ojson e;
    e["kind"] = std::string(ToCode(ev.kind));
    e["on"] = ev.on.ToString();
    if (ev.outcome) e["outcome"] = std::string(ToCode(*ev.outcome));
    if (ev.kind == EventKind::kExtensionApproved) e["extension_days"] = ev.extension_days;
    if (ev.party) e["party"] = std::string(ToCode(*ev.party));
    if (ev.kind == EventKind::kFeeNotified || ev.kind == EventKind::kFeePaid)
      e["fee_fen"] = ev.fee_fen;
    PutStr(e, "note", ev.note);
    PutStr(e, "actor", ev.actor);
    events.push_back(std::move(e));
  }
  o["events"] = std::move(events);
  return o;
}

template <typename Case>
void WriteDecision(ojson& o, const Case& c) {
  o["filed_on"] = c.filed_on.ToString();
  PutDate(o, "decided_on", c.decided_on);
  o["result"] = std::string(ToCode(c.result));
}

}  // namespace

Result<Dataset> ParseDataset(std::string_view text, std::string_view source_name) {
  if (!IsValidUtf8(text)) {
    return InvalidInput(std::string(source_name) +
                        ": 文件不是 UTF-8 编码（JSON 数据集须为 UTF-8）");
  }
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    const auto [line, col] = LineColumn(text, e.byte);
    std::string what = e.what();
    // nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error …"
    if (const size_t p = what.find("column "); p != std::string::npos) {
      if (const size_t q = what.find(": ", p); q != std::string::npos) what = what.substr(q + 2);
    }
    return InvalidInput(std::string(source_name) + ":" + std::to_string(line) + ":" +
                        std::to_string(col) + ": JSON 语法错误（第 " + std::to_string(e.byte) +
                        " 字节）：" + what);
  }

  Errors errors(source_name);
  Dataset d;
  const std::vector<std::string_view> top = {
      "version",   "agencies",   "catalog_items", "applications",   "reviews",
      "lawsuits",  "complaints", "hot_topics",    "responses",      "meetings",
      "trainings", "staffing",   "fees",          "manual_figures", "narratives"};
  Obj o(errors, root, "$", top);
  if (!errors.ok()) return errors.status();
  if (const json* v = o.Find("version"); v != nullptr && !(v->is_number_integer() && *v == 1)) {
    errors.Fail("$.version", "不支持的数据集版本 " + v->dump() + "（本程序读取版本 1）");
    return errors.status();
  }

  Uniq slugs, index_nos, app_numbers, review_numbers, lawsuit_numbers, topic_keys, staffing_years,
      figure_cells, narrative_sections;
  struct Section {
    const char* key;
    std::vector<std::string_view> fields;
    std::function<void(Obj&)> read;
  };
  const std::vector<Section> sections = {
      {"agencies",
       {"slug", "name", "short_name", "org_code", "parent", "region"},
       [&](Obj& r) { ReadAgency(r, d, slugs); }},
      {"catalog_items",
       {"agency", "index_no", "title", "doc_no", "publisher", "created_on", "published_on",
        "withdrawn_on", "topic", "genre", "summary", "body", "article20_item", "normative",
        "channels"},
       [&](Obj& r) { ReadCatalogItem(r, d, index_nos); }},
      {"applications",
       {"agency", "number", "channel", "received_on", "confirmed_on", "applicant_type",
        "applicant_name", "content", "rules", "events"},
       [&](Obj& r) { ReadApplication(r, d, app_numbers); }},
      {"reviews",
       {"agency", "number", "application", "filed_on", "decided_on", "result"},
       [&](Obj& r) { ReadReview(r, d, review_numbers); }},
      {"lawsuits",
       {"agency", "number", "application", "after_review", "review", "filed_on", "decided_on",
        "result"},
       [&](Obj& r) { ReadLawsuit(r, d, lawsuit_numbers); }},
      {"complaints", {"agency", "received_on", "subject"}, [&](Obj& r) { ReadComplaint(r, d); }},
      {"hot_topics",
       {"agency", "key", "title", "first_seen_on"},
       [&](Obj& r) { ReadHotTopic(r, d, topic_keys); }},
      {"responses",
       {"agency", "kind", "on", "title", "principal_leader", "hot_topic"},
       [&](Obj& r) { ReadResponse(r, d); }},
      {"meetings", {"agency", "on", "title"}, [&](Obj& r) { ReadMeeting(r, d); }},
      {"trainings", {"agency", "on", "title", "trainees"}, [&](Obj& r) { ReadTraining(r, d); }},
      {"staffing",
       {"agency", "year", "full_time", "part_time", "dedicated_offices", "reading_points",
        "budget_yuan"},
       [&](Obj& r) { ReadStaffing(r, d, staffing_years); }},
      {"fees", {"agency", "on", "amount_yuan", "application"}, [&](Obj& r) { ReadFee(r, d); }},
      {"manual_figures",
       {"agency", "year", "format", "cell", "value", "entered_by", "entered_at", "source"},
       [&](Obj& r) { ReadManualFigure(r, d, figure_cells); }},
      {"narratives",
       {"agency", "year", "format", "section", "body"},
       [&](Obj& r) { ReadNarrative(r, d, narrative_sections); }},
  };
  for (const Section& s : sections) {
    const json* arr = o.Array(s.key);
    if (!errors.ok()) return errors.status();
    if (arr == nullptr) continue;
    for (size_t i = 0; i < arr->size(); ++i) {
      Obj r(errors, (*arr)[i], Index(o.At(s.key), i), s.fields);
      if (errors.ok()) s.read(r);
      if (!errors.ok()) return errors.status();
    }
  }
  return d;
}

Result<std::string> DatasetToJson(const Dataset& d) {
  ojson root;
  root["version"] = 1;
  ojson agencies = ojson::array();
  for (const Agency& a : d.agencies) agencies.push_back(WriteAgency(a));
  root["agencies"] = std::move(agencies);

  auto put = [&](const char* key, auto const& records, auto&& write) {
    if (records.empty()) return;
    ojson arr = ojson::array();
    for (const auto& r : records) arr.push_back(write(r));
    root[key] = std::move(arr);
  };
  put("catalog_items", d.catalog_items, WriteCatalogItem);
  put("applications", d.applications, WriteApplication);
  put("reviews", d.reviews, [](const Dataset::Owned<Review>& r) {
    ojson o;
    o["agency"] = r.agency_slug;
    o["number"] = r.record.number;
    PutStr(o, "application", r.record.application_number);
    WriteDecision(o, r.record);
    return o;
  });
  put("lawsuits", d.lawsuits, [](const Dataset::Owned<Lawsuit>& r) {
    ojson o;
    o["agency"] = r.agency_slug;
    o["number"] = r.record.number;
    PutStr(o, "application", r.record.application_number);
    o["after_review"] = r.record.after_review;
    PutStr(o, "review", r.record.review_number);
    WriteDecision(o, r.record);
    return o;
  });
  put("complaints", d.complaints, [](const Dataset::Owned<Complaint>& r) {
    ojson o;
    o["agency"] = r.agency_slug;
    o["received_on"] = r.record.received_on.ToString();
    PutStr(o, "subject", r.record.subject);
    return o;
  });
  put("hot_topics", d.hot_topics, [](const Dataset::Owned<HotTopic>& r) {
    return ojson{{"agency", r.agency_slug},
                 {"key", r.record.key},
                 {"title", r.record.title},
                 {"first_seen_on", r.record.first_seen_on.ToString()}};
  });
  put("responses", d.responses, [](const Dataset::Owned<Response>& r) {
    ojson o;
    o["agency"] = r.agency_slug;
    o["kind"] = std::string(ToCode(r.record.kind));
    o["on"] = r.record.on.ToString();
    o["title"] = r.record.title;
    if (r.record.principal_leader) o["principal_leader"] = true;
    PutStr(o, "hot_topic", r.record.hot_topic_key);
    return o;
  });
  put("meetings", d.meetings, [](const Dataset::Owned<Meeting>& r) {
    return ojson{
        {"agency", r.agency_slug}, {"on", r.record.on.ToString()}, {"title", r.record.title}};
  });
  put("trainings", d.trainings, [](const Dataset::Owned<Training>& r) {
    return ojson{{"agency", r.agency_slug},
                 {"on", r.record.on.ToString()},
                 {"title", r.record.title},
                 {"trainees", r.record.trainees}};
  });
  put("staffing", d.staffing, [](const Dataset::Owned<Staffing>& r) {
    return ojson{{"agency", r.agency_slug},
                 {"year", r.record.year},
                 {"full_time", r.record.full_time},
                 {"part_time", r.record.part_time},
                 {"dedicated_offices", r.record.dedicated_offices},
                 {"reading_points", r.record.reading_points},
                 {"budget_yuan", YuanText(r.record.budget_fen)}};
  });
  put("fees", d.fees, [](const Dataset::Owned<FeeCollected>& r) {
    ojson o;
    o["agency"] = r.agency_slug;
    o["on"] = r.record.on.ToString();
    o["amount_yuan"] = YuanText(r.record.amount_fen);
    PutStr(o, "application", r.record.application_number);
    return o;
  });
  put("manual_figures", d.manual_figures, [](const Dataset::Owned<ManualFigure>& r) {
    ojson o;
    o["agency"] = r.agency_slug;
    o["year"] = r.record.year;
    o["format"] = r.record.format_id;
    o["cell"] = r.record.cell_id;
    PutDecimal(o, "value", r.record.value);
    PutStr(o, "entered_by", r.record.entered_by);
    PutStr(o, "entered_at", r.record.entered_at);
    o["source"] = r.record.source;
    return o;
  });
  put("narratives", d.narratives, [](const Dataset::Owned<NarrativeSection>& r) {
    return ojson{{"agency", r.agency_slug},
                 {"year", r.record.year},
                 {"format", r.record.format_id},
                 {"section", r.record.section_id},
                 {"body", r.record.body}};
  });
  try {
    return root.dump(2) + "\n";
  } catch (const ojson::type_error& e) {
    return InvalidInput(std::string("数据集含有不是 UTF-8 的文本：") + e.what());
  }
}

}  // namespace gongkai
