// 目录发布 in the console: an agency's items in every state, the item form (new and edit),
// publishing with channels and the Art. 26 warning, withdrawal, attachments (upload and staff
// download). Handlers parse, call the use case of app/catalog.h, render; the use cases decide
// who may change what (editors and admins of the agency).
#include "app/catalog.h"

#include <algorithm>

#include "core/catalog_query.h"
#include "http/console/staff_pages.h"
#include "http/guard.h"
#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::console {
namespace {

constexpr int kPageSize = 20;
constexpr int kMaxPage = 100'000;

// The channels an editor can tick, in the order of the 2008 table (A2.1–A2.5).
constexpr PublicationChannel kChannels[] = {
    PublicationChannel::kWebsite, PublicationChannel::kGazette, PublicationChannel::kWeibo,
    PublicationChannel::kWechat, PublicationChannel::kOther};

// Labels in the use cases' messages → the form field they are about.
const std::vector<std::pair<std::string, std::string>>& ItemLabels() {
  static const std::vector<std::pair<std::string, std::string>> kLabels = {
      {"标题", "title"},
      {"文号", "doc_no"},
      {"发布机构", "publisher"},
      {"生成日期", "created_on"},
      {"主题分类", "topic"},
      {"体裁", "genre"},
      {"内容概述", "summary"},
      {"正文", "body"},
      {"第二十条", "article20_item"},
      {"制发机关", "norm_issuing_body"},
      {"印发日期", "norm_issued_on"},
      {"生效日期", "norm_effective_on"},
      {"失效日期", "norm_expired_on"},
      {"废止日期", "norm_repealed_on"},
  };
  return kLabels;
}

// The item form's fields as text (what the editor typed, or the stored item).
struct ItemFields {
  std::string title, doc_no, publisher, created_on, topic, genre, summary, body, article20_item;
  bool normative = false, norm_is_rule = false;
  std::string norm_issuing_body, norm_issued_on, norm_effective_on, norm_expired_on,
      norm_repealed_on;
};

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : std::string(); }

ItemFields FieldsOf(const CatalogItem& item) {
  ItemFields f;
  f.title = item.title;
  f.doc_no = item.doc_no;
  f.publisher = item.publisher;
  f.created_on = item.created_on.ToString();
  f.topic = item.topic;
  f.genre = item.genre;
  f.summary = item.summary;
  f.body = item.body;
  if (item.article20_item) f.article20_item = std::to_string(*item.article20_item);
  if (item.normative) {
    const NormativeDocument& n = *item.normative;
    f.normative = true;
    f.norm_is_rule = n.is_rule;
    f.norm_issuing_body = n.issuing_body;
    f.norm_issued_on = n.issued_on.ToString();
    f.norm_effective_on = DateText(n.effective_on);
    f.norm_expired_on = DateText(n.expired_on);
    f.norm_repealed_on = DateText(n.repealed_on);
  }
  return f;
}

ItemFields FieldsOf(const Form& form) {
  ItemFields f;
  f.title = form.Get("title");
  f.doc_no = form.Get("doc_no");
  f.publisher = form.Get("publisher");
  f.created_on = form.Get("created_on");
  f.topic = form.Get("topic");
  f.genre = form.Get("genre");
  f.summary = form.Get("summary");
  f.body = form.Get("body");
  f.article20_item = form.Get("article20_item");
  f.normative = !form.Get("normative").empty();
  f.norm_is_rule = !form.Get("norm_is_rule").empty();
  f.norm_issuing_body = form.Get("norm_issuing_body");
  f.norm_issued_on = form.Get("norm_issued_on");
  f.norm_effective_on = form.Get("norm_effective_on");
  f.norm_expired_on = form.Get("norm_expired_on");
  f.norm_repealed_on = form.Get("norm_repealed_on");
  return f;
}

// Parses an optional date: none for an empty text; a malformed one sets *error (about `label`).
std::optional<Date> ParseOptionalDate(const std::string& text, const std::string& label,
                                      std::string* error) {
  if (text.empty()) return std::nullopt;
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) {
    *error = label + "“" + text + "”无效：应为 2026-03-01 这样的日期";
    return std::nullopt;
  }
  return *d;
}

// Parses a date field: required or optional; the error goes next to `field`.
std::optional<Date> ParseDateField(const std::string& text, const std::string& field,
                                   const std::string& label, bool required, FieldErrors& errors) {
  if (text.empty()) {
    if (required) errors.Add(field, "请填写" + label + "（格式：2026-03-01）");
    return std::nullopt;
  }
  std::string error;
  std::optional<Date> d = ParseOptionalDate(text, label, &error);
  if (!error.empty()) errors.Add(field, error);
  return d;
}

// The use case's input from the form; problems the form itself can tell go into `errors`.
app::ItemInput InputOf(const ItemFields& f, FieldErrors& errors) {
  app::ItemInput in;
  in.title = f.title;
  in.doc_no = f.doc_no;
  in.publisher = f.publisher;
  if (std::optional<Date> d =
          ParseDateField(f.created_on, "created_on", "生成日期", true, errors)) {
    in.created_on = *d;
  }
  in.topic = f.topic;
  in.genre = f.genre;
  in.summary = f.summary;
  in.body = f.body;
  if (!f.article20_item.empty()) {
    int n = 0;
    bool ok = f.article20_item.size() <= 2;
    for (char c : f.article20_item) {
      if (c < '0' || c > '9') ok = false;
      if (ok) n = n * 10 + (c - '0');
    }
    if (ok && n >= 1 && n <= 15) {
      in.article20_item = n;
    } else {
      errors.Add("article20_item", "条例第二十条事项应为 1–15 之间的整数");
    }
  }
  if (f.normative) {
    NormativeDocument n;
    n.is_rule = f.norm_is_rule;
    n.issuing_body = f.norm_issuing_body;
    if (std::optional<Date> d =
            ParseDateField(f.norm_issued_on, "norm_issued_on", "印发日期", true, errors)) {
      n.issued_on = *d;
    }
    n.effective_on =
        ParseDateField(f.norm_effective_on, "norm_effective_on", "生效日期", false, errors);
    n.expired_on = ParseDateField(f.norm_expired_on, "norm_expired_on", "失效日期", false, errors);
    n.repealed_on =
        ParseDateField(f.norm_repealed_on, "norm_repealed_on", "废止日期", false, errors);
    in.normative = std::move(n);
  }
  return in;
}

void SetFields(View& v, const ItemFields& f) {
  v.set("title", f.title);
  v.set("doc_no", f.doc_no);
  v.set("publisher", f.publisher);
  v.set("created_on", f.created_on);
  v.set("topic", f.topic);
  v.set("genre", f.genre);
  v.set("summary", f.summary);
  v.set("body", f.body);
  ViewList art;
  for (int n = 1; n <= 15; ++n) {
    art.push_back(SelectOption(std::to_string(n), "第" + std::to_string(n) + "项",
                               f.article20_item == std::to_string(n)));
  }
  v.set("article20_options", art);
  v.set("normative", f.normative);
  v.set("norm_is_rule", f.norm_is_rule);
  v.set("norm_issuing_body", f.norm_issuing_body);
  v.set("norm_issued_on", f.norm_issued_on);
  v.set("norm_effective_on", f.norm_effective_on);
  v.set("norm_expired_on", f.norm_expired_on);
  v.set("norm_repealed_on", f.norm_repealed_on);
}

std::string StateOf(const CatalogItem& item, Date today) {
  if (!item.published_on) return "草稿";
  if (item.withdrawn_on && *item.withdrawn_on <= today) return "已撤回";
  if (*item.published_on > today) return "待公开";
  return "已公开";
}

std::string ItemsUrl(const Agency& agency) { return ConsoleAgencyUrl(agency) + "catalog"; }
std::string ItemUrl(const Agency& agency, int64_t id) {
  return ConsoleAgencyUrl(agency) + "catalog/" + std::to_string(id);
}

bool CanEdit(const app::Authenticated& staff, const Agency& agency) {
  return staff.actor.Has(Role::kEditor, agency.id);
}

// The route parameter `name` as a positive id; nullopt for anything else (→ 404).
std::optional<int64_t> RouteId(const Call& call, const std::string& name) {
  const std::string& text = call.request().Route(name);
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v > 0 ? std::optional<int64_t>(v) : std::nullopt;
}

std::string HumanSize(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " 字节";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  const int64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

// What the item page shows besides the form: messages after an action, and errors of the
// publish, withdraw and upload forms (each shown next to its form).
struct ItemPageState {
  std::vector<std::string> notices, warnings;
  std::string publish_error, withdraw_error, upload_error;
  std::vector<std::string> channels_ticked;  // codes; empty = 政府网站
  std::string publish_on;
};

// The new-item form (item == nullptr) or an item's page: its form (editors) or its details
// (others who may read), the publish/withdraw forms and the attachments.
Response RenderItem(Call& call, const app::Authenticated& staff, const Agency& agency,
                    const CatalogItem* item, const ItemFields& fields, const FieldErrors& errors,
                    int status, const ItemPageState& state = {}) {
  const bool can_edit = CanEdit(staff, agency);
  View page;
  page.set("csrf", staff.csrf_token);
  page.set("agency_name", agency.name);
  page.set("items_url", ItemsUrl(agency));
  SetFields(page, fields);
  errors.Set(page);
  page.set("is_new", item == nullptr);
  std::string heading = item == nullptr ? "新建目录条目" : item->title;
  if (item != nullptr) {
    const std::string base = ItemUrl(agency, item->id);
    const bool withdrawn = item->withdrawn_on.has_value();
    page.set("action", base + "/edit");
    page.set("state", StateOf(*item, call.today()));
    page.set("index_no", item->index_no.empty() ? "（发布时分配）" : item->index_no);
    page.set("has_index_no", !item->index_no.empty());
    page.set("created", item->created_on.ToChinese());
    page.set("published", item->published_on ? item->published_on->ToChinese() : "—");
    page.set("withdrawn", item->withdrawn_on ? item->withdrawn_on->ToChinese() : "");
    page.set("is_withdrawn", withdrawn);
    std::string channels;
    for (const ChannelPublication& c : item->channels) {
      if (!channels.empty()) channels += "、";
      channels += ToChinese(c.channel);
    }
    page.set("channels_text", channels.empty() ? "—" : channels);
    if (IsPublicOn(*item, call.today())) page.set("public_url", portal::ItemUrl(agency, *item));
    page.set("can_change", can_edit && !withdrawn);
    page.set("can_publish", can_edit && !item->published_on);
    page.set("can_withdraw", can_edit && item->published_on && !withdrawn);
    page.set("publish_action", base + "/publish");
    page.set("withdraw_action", base + "/withdraw");
    page.set("upload_action", base + "/files");
    page.set("can_upload", can_edit && !withdrawn);
    ViewList channel_boxes;
    for (PublicationChannel c : kChannels) {
      View b;
      const std::string code(ToCode(c));
      b.set("value", code);
      b.set("label", std::string(ToChinese(c)));
      b.set("id", "channel-" + code);
      const bool ticked =
          state.channels_ticked.empty()
              ? c == PublicationChannel::kWebsite
              : std::find(state.channels_ticked.begin(), state.channels_ticked.end(), code) !=
                    state.channels_ticked.end();
      b.set("checked", ticked);
      channel_boxes.push_back(b);
    }
    page.set("channel_boxes", channel_boxes);
    page.set("publish_on", state.publish_on.empty() ? call.today().ToString() : state.publish_on);
    if (!state.publish_error.empty()) page.set("publish_error", state.publish_error);
    if (!state.withdraw_error.empty()) page.set("withdraw_error", state.withdraw_error);
    if (!state.upload_error.empty()) page.set("upload_error", state.upload_error);
    page.set("withdraw_on", call.today().ToString());

    Result<app::Services> s = call.Services();
    if (!s.ok()) return StatusPage(call, s.status());
    Result<std::vector<Attachment>> files =
        s->repo->ListAttachments(agency.id, AttachmentOwner::kCatalogItem, item->id);
    if (!files.ok()) return StatusPage(call, files.status());
    ViewList rows;
    for (const Attachment& a : *files) {
      View r;
      r.set("name", a.file_name);
      r.set("url", base + "/files/" + std::to_string(a.id));
      r.set("size", HumanSize(a.size));
      r.set("type", a.content_type);
      r.set("added", a.created_at.ChinaText());
      r.set("actor", a.actor);
      rows.push_back(r);
    }
    page.set("files", rows);
    page.set("has_files", !rows.empty());
  } else {
    page.set("action", ItemsUrl(agency) + "/new");
    page.set("can_change", can_edit);
  }
  page.set("heading", heading);

  PageMeta meta = ConsoleMeta(staff, heading + " - " + agency.name, "catalog");
  meta.crumbs = {{"目录发布", "/console/catalog"}, {agency.name, ItemsUrl(agency)}, {heading, ""}};
  meta.notices = state.notices;
  meta.warnings = state.warnings;
  Response r = RenderPage(call, status, "console/item_form", page, meta);
  r.status = status;
  return r;
}

// The item of the route's "id" in `agency`; kNotFound for a missing id or one of another agency.
Result<CatalogItem> RouteItem(Call& call, const Agency& agency) {
  std::optional<int64_t> id = RouteId(call, "id");
  if (!id) return NotFound("未找到该目录条目");
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return repo.status();
  Result<CatalogItem> item = (*repo)->FindCatalogItem(agency.id, *id);
  if (!item.ok() && item.status().code() == ErrorCode::kNotFound) {
    return NotFound(agency.name + "的目录中没有编号为 " + std::to_string(*id) + " 的条目");
  }
  return item;
}

// Sign-in, the agency, and (for posts) the CSRF-checked form: the common start of the handlers.
struct Start {
  app::Authenticated staff;
  Agency agency;
  Form form;
};

std::optional<Start> Begin(Call& call, bool post, Response* out) {
  std::optional<app::Authenticated> staff = RequireStaff(call, out);
  if (!staff) return std::nullopt;
  Start s;
  if (post) {
    std::optional<Form> form = StaffForm(call, *staff, out);
    if (!form) return std::nullopt;
    s.form = std::move(form).value();
  }
  Result<Agency> agency = ReadableAgency(call, *staff);
  if (!agency.ok()) {
    *out = StatusPage(call, agency.status());
    return std::nullopt;
  }
  s.staff = std::move(staff).value();
  s.agency = std::move(agency).value();
  return s;
}

std::string NoticeOf(const Request& request) {
  if (request.Query("created")) return "已保存为草稿。可继续修改、上传附件，或发布。";
  if (request.Query("saved")) return "修改已保存。";
  if (request.Query("withdrawn")) return "已撤回：该条目不再在公众门户显示，索引号保留不再使用。";
  if (request.Query("uploaded")) return "附件已上传。";
  return "";
}

// The item page again after a publish, withdraw or upload form that did not go through, its
// error in `state`: 400 for what the form itself got wrong (`failed` ok), else the status of the
// use case's refusal `failed`.
Response ItemPageAgain(Call& call, const Start& st, const ItemPageState& state,
                       const Status& failed) {
  Result<CatalogItem> item = RouteItem(call, st.agency);
  if (!item.ok()) return StatusPage(call, item.status());
  return RenderItem(call, st.staff, st.agency, &*item, FieldsOf(*item), {},
                    failed.ok() ? 400 : HttpStatusFor(failed.code()), state);
}

}  // namespace

Response CatalogAgencies(Call& call) {
  return AgencyChooser(call, "catalog", "目录发布", "catalog");
}

Response CatalogItems(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, false, &out);
  if (!st) return out;
  Result<std::optional<int>> page_param =
      portal::IntParam(call.request(), "page", 1, kMaxPage, "页码");
  if (!page_param.ok()) return StatusPage(call, page_param.status());
  const int page = page_param->value_or(1);
  Result<Repository*> repo = call.Repo();
  if (!repo.ok()) return StatusPage(call, repo.status());
  Result<CatalogPage> found = (*repo)->ListAllCatalogItems(st->agency.id, {page, kPageSize});
  if (!found.ok()) return StatusPage(call, found.status());
  const int pages = static_cast<int>((found->total + kPageSize - 1) / kPageSize);
  if (found->total > 0 && page > pages) {
    return ErrorPage(call, 404,
                     "没有第 " + std::to_string(page) + " 页：共 " + std::to_string(pages) + " 页");
  }
  const Agency& agency = st->agency;
  ViewList rows;
  for (const CatalogItem& item : found->items) {
    View r;
    r.set("title", item.title);
    r.set("url", ItemUrl(agency, item.id) + "/edit");
    r.set("index_no", item.index_no.empty() ? "—" : item.index_no);
    r.set("state", StateOf(item, call.today()));
    r.set("is_draft", !item.published_on.has_value());
    r.set("created", item.created_on.ToString());
    r.set("published", item.published_on ? item.published_on->ToString() : "—");
    rows.push_back(r);
  }
  View v;
  v.set("agency_name", agency.name);
  v.set("items", rows);
  v.set("has_items", !rows.empty());
  v.set("total", std::to_string(found->total));
  v.set("can_edit", CanEdit(st->staff, agency));
  v.set("new_url", ItemsUrl(agency) + "/new");
  v.set("guide_url", ConsoleAgencyUrl(agency) + "guide");
  v.set("public_url", AgencyUrl(agency) + "catalog");
  v.set("pagination", PageLinks(page, pages, [&](int n) {
          return ItemsUrl(agency) + (n > 1 ? "?page=" + std::to_string(n) : "");
        }));
  PageMeta meta = ConsoleMeta(st->staff, "目录发布 - " + agency.name, "catalog");
  meta.crumbs = {{"目录发布", "/console/catalog"}, {agency.name, ""}};
  Response r = RenderPage(call, 200, "console/catalog", v, meta);
  return r;
}

Response NewItemForm(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, false, &out);
  if (!st) return out;
  if (!CanEdit(st->staff, st->agency)) {
    return ErrorPage(call, 403, "当前账户没有“编辑”权限，不能新建目录条目");
  }
  ItemFields f;
  f.created_on = call.today().ToString();
  return RenderItem(call, st->staff, st->agency, nullptr, f, {}, 200);
}

Response CreateItem(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, true, &out);
  if (!st) return out;
  const ItemFields f = FieldsOf(st->form);
  FieldErrors errors;
  app::ItemInput input = InputOf(f, errors);
  if (!errors.empty()) return RenderItem(call, st->staff, st->agency, nullptr, f, errors, 400);
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<int64_t> id = app::CreateItem(*s, st->staff.actor, st->agency.id, input, call.now());
  if (!id.ok()) {
    if (id.status().code() != ErrorCode::kInvalidInput) return StatusPage(call, id.status());
    const std::string field = FieldOfMessage(id.status().message(), ItemLabels());
    if (field.empty()) {
      errors.form = id.status().message();
    } else {
      errors.Add(field, id.status().message());
    }
    return RenderItem(call, st->staff, st->agency, nullptr, f, errors, 400);
  }
  return Response::Redirect(ItemUrl(st->agency, *id) + "/edit?created=1");
}

Response EditItemForm(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, false, &out);
  if (!st) return out;
  Result<CatalogItem> item = RouteItem(call, st->agency);
  if (!item.ok()) return StatusPage(call, item.status());
  ItemPageState state;
  if (std::string n = NoticeOf(call.request()); !n.empty()) state.notices.push_back(n);
  return RenderItem(call, st->staff, st->agency, &*item, FieldsOf(*item), {}, 200, state);
}

Response UpdateItem(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, true, &out);
  if (!st) return out;
  Result<CatalogItem> item = RouteItem(call, st->agency);
  if (!item.ok()) return StatusPage(call, item.status());
  const ItemFields f = FieldsOf(st->form);
  FieldErrors errors;
  app::ItemInput input = InputOf(f, errors);
  if (!errors.empty()) return RenderItem(call, st->staff, st->agency, &*item, f, errors, 400);
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Status done = app::EditItem(*s, st->staff.actor, st->agency.id, item->id, input, call.now());
  if (!done.ok()) {
    if (done.code() != ErrorCode::kInvalidInput && done.code() != ErrorCode::kConflict) {
      return StatusPage(call, done);
    }
    const std::string field = done.code() == ErrorCode::kInvalidInput
                                  ? FieldOfMessage(done.message(), ItemLabels())
                                  : std::string();
    if (field.empty()) {
      errors.form = done.message();
    } else {
      errors.Add(field, done.message());
    }
    return RenderItem(call, st->staff, st->agency, &*item, f, errors, HttpStatusFor(done.code()));
  }
  return Response::Redirect(ItemUrl(st->agency, item->id) + "/edit?saved=1");
}

Response PublishItem(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, true, &out);
  if (!st) return out;
  std::optional<int64_t> id = RouteId(call, "id");
  if (!id) return ErrorPage(call, 404, "未找到该目录条目");
  ItemPageState state;
  state.channels_ticked = st->form.GetAll("channel");
  state.publish_on = st->form.Get("published_on");
  std::vector<PublicationChannel> channels;
  for (const std::string& code : state.channels_ticked) {
    std::optional<PublicationChannel> c = PublicationChannelFromCode(code);
    if (!c) {
      state.publish_error = "未知的公开渠道“" + code + "”";
      break;
    }
    if (std::find(channels.begin(), channels.end(), *c) == channels.end()) channels.push_back(*c);
  }
  std::optional<Date> on;
  if (state.publish_error.empty()) {
    on = ParseOptionalDate(state.publish_on, "发布日期", &state.publish_error);
  }
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Status failed = Status::Ok();
  if (state.publish_error.empty()) {
    Result<app::PublishResult> published =
        app::PublishItem(*s, st->staff.actor, st->agency.id, *id, channels, on, call.now());
    if (published.ok()) {
      ItemPageState done;
      done.notices.push_back("已发布。索引号：" + published->item.index_no + "。");
      done.warnings = published->warnings;
      Result<CatalogItem> item = RouteItem(call, st->agency);
      if (!item.ok()) return StatusPage(call, item.status());
      return RenderItem(call, st->staff, st->agency, &*item, FieldsOf(*item), {}, 200, done);
    }
    failed = published.status();
    if (failed.code() != ErrorCode::kInvalidInput && failed.code() != ErrorCode::kConflict) {
      return StatusPage(call, failed);
    }
    state.publish_error = failed.message();
  }
  return ItemPageAgain(call, *st, state, failed);
}

Response WithdrawItem(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, true, &out);
  if (!st) return out;
  std::optional<int64_t> id = RouteId(call, "id");
  if (!id) return ErrorPage(call, 404, "未找到该目录条目");
  ItemPageState state;
  std::optional<Date> on =
      ParseOptionalDate(st->form.Get("withdrawn_on"), "撤回日期", &state.withdraw_error);
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Status failed = Status::Ok();
  if (state.withdraw_error.empty()) {
    failed = app::WithdrawItem(*s, st->staff.actor, st->agency.id, *id, on, call.now());
    if (failed.ok()) {
      return Response::Redirect(ItemUrl(st->agency, *id) + "/edit?withdrawn=1");
    }
    if (failed.code() != ErrorCode::kInvalidInput && failed.code() != ErrorCode::kConflict) {
      return StatusPage(call, failed);
    }
    state.withdraw_error = failed.message();
  }
  return ItemPageAgain(call, *st, state, failed);
}

Response UploadItemFile(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, true, &out);
  if (!st) return out;
  std::optional<int64_t> id = RouteId(call, "id");
  if (!id) return ErrorPage(call, 404, "未找到该目录条目");
  ItemPageState state;
  const UploadedFile* file = st->form.File("file");
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Status failed = Status::Ok();
  if (file == nullptr) {
    state.upload_error = "请选择要上传的文件（文件不能为空）";
  } else {
    Result<Attachment> added = app::AttachToItem(*s, st->staff.actor, st->agency.id, *id,
                                                 file->file_name, file->bytes, call.now());
    if (added.ok()) return Response::Redirect(ItemUrl(st->agency, *id) + "/edit?uploaded=1");
    failed = added.status();
    if (failed.code() != ErrorCode::kInvalidInput) return StatusPage(call, failed);
    state.upload_error = failed.message();
  }
  return ItemPageAgain(call, *st, state, failed);
}

Response ItemFile(Call& call) {
  Response out;
  std::optional<Start> st = Begin(call, false, &out);
  if (!st) return out;
  std::optional<int64_t> id = RouteId(call, "id");
  std::optional<int64_t> file_id = RouteId(call, "file_id");
  if (!id || !file_id) return ErrorPage(call, 404, "未找到该附件");
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<app::FileDownload> file =
      app::DownloadAttachment(*s, st->staff.actor, st->agency.id, *file_id, call.today());
  if (!file.ok()) return StatusPage(call, file.status());
  if (file->meta.owner != AttachmentOwner::kCatalogItem || file->meta.owner_id != *id) {
    return ErrorPage(call, 404, "该目录条目没有编号为 " + std::to_string(*file_id) + " 的附件");
  }
  std::string ascii;
  for (char c : file->meta.file_name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    ascii += plain ? c : '_';
  }
  Response r = Response::Text(200, file->meta.content_type, std::move(file->bytes));
  r.AddHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
                                         EncodeQueryValue(file->meta.file_name));
  r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

}  // namespace gongkai::http::console
