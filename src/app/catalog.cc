#include "app/catalog.h"

#include "core/application/deadline.h"
#include "core/catalog/attachment.h"
#include "core/catalog_query.h"

namespace gongkai::app {
namespace {

Status AuthorizeEditor(const Actor& actor, int64_t agency_id) {
  if (actor.is_public()) return Forbidden("请先登录工作人员账户");
  if (!actor.CanRead(agency_id)) return Forbidden("无权修改其他机关的目录");
  if (!actor.Has(Role::kEditor, agency_id)) {
    return Forbidden("当前账户没有“编辑”权限，不能发布或修改目录");
  }
  return Status::Ok();
}

Status CheckText(std::string_view label, const std::string& value, size_t max_chars,
                 bool required) {
  if (!IsWellFormedUtf8(value)) return InvalidInput(std::string(label) + "含有无效字符");
  if (required && value.empty()) return InvalidInput("请填写" + std::string(label));
  if (Utf8Length(value) > max_chars) {
    return InvalidInput(std::string(label) + "不能超过 " + std::to_string(max_chars) + " 个字");
  }
  return Status::Ok();
}

Result<CatalogItem> ToItem(const Services& s, int64_t agency_id, const ItemInput& in, Date today) {
  GONGKAI_RETURN_IF_ERROR(CheckText("标题", in.title, 300, true));
  GONGKAI_RETURN_IF_ERROR(CheckText("文号", in.doc_no, 100, false));
  GONGKAI_RETURN_IF_ERROR(CheckText("发布机构", in.publisher, 100, false));
  GONGKAI_RETURN_IF_ERROR(CheckText("主题分类", in.topic, 100, true));
  GONGKAI_RETURN_IF_ERROR(CheckText("体裁", in.genre, 50, false));
  GONGKAI_RETURN_IF_ERROR(CheckText("内容概述", in.summary, 1000, false));
  GONGKAI_RETURN_IF_ERROR(CheckText("正文", in.body, 1'000'000, false));
  if (in.created_on.days() == 0 && in.created_on.year() == 1970) {
    return InvalidInput("请填写生成日期");
  }
  if (in.created_on > today)
    return InvalidInput("生成日期 " + in.created_on.ToString() + " 晚于今天");
  if (in.article20_item && (*in.article20_item < 1 || *in.article20_item > 15)) {
    return InvalidInput("条例第二十条事项应为 1–15");
  }
  if (in.normative) {
    const NormativeDocument& n = *in.normative;
    GONGKAI_RETURN_IF_ERROR(CheckText("制发机关", n.issuing_body, 100, true));
    const auto after = [&](const std::optional<Date>& d, const char* label) -> Status {
      if (d && *d < n.issued_on) {
        return InvalidInput(std::string(label) + " " + d->ToString() + " 早于印发日期 " +
                            n.issued_on.ToString());
      }
      return Status::Ok();
    };
    GONGKAI_RETURN_IF_ERROR(after(n.effective_on, "生效日期"));
    GONGKAI_RETURN_IF_ERROR(after(n.expired_on, "失效日期"));
    GONGKAI_RETURN_IF_ERROR(after(n.repealed_on, "废止日期"));
  }
  CatalogItem it;
  it.agency_id = agency_id;
  it.title = in.title;
  it.doc_no = in.doc_no;
  it.publisher = in.publisher;
  if (it.publisher.empty()) {
    Result<Agency> a = s.repo->FindAgencyById(agency_id);
    if (!a.ok()) return a.status();
    it.publisher = a->name;
  }
  it.created_on = in.created_on;
  it.topic = in.topic;
  it.genre = in.genre;
  it.summary = in.summary;
  it.body = in.body;
  it.article20_item = in.article20_item;
  it.normative = in.normative;
  return it;
}

AuditRecord Audit(const Actor& actor, int64_t agency_id, std::string action, std::string detail,
                  Timestamp now) {
  AuditRecord a;
  a.recorded_at = now;
  a.actor = actor.Name();
  a.action = std::move(action);
  a.agency_id = agency_id;
  a.client_ip = actor.client_ip;
  a.detail = std::move(detail);
  return a;
}

}  // namespace

Result<int64_t> CreateItem(const Services& s, const Actor& actor, int64_t agency_id,
                           const ItemInput& input, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(AuthorizeEditor(actor, agency_id));
  Result<CatalogItem> item = ToItem(s, agency_id, input, now.ChinaDate());
  if (!item.ok()) return item.status();
  return s.repo->CreateCatalogItem(
      *item, Audit(actor, agency_id, "catalog.create", "新建目录条目“" + item->title + "”", now));
}

Status EditItem(const Services& s, const Actor& actor, int64_t agency_id, int64_t item_id,
                const ItemInput& input, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(AuthorizeEditor(actor, agency_id));
  Result<CatalogItem> item = ToItem(s, agency_id, input, now.ChinaDate());
  if (!item.ok()) return item.status();
  item->id = item_id;
  return s.repo->UpdateCatalogItem(
      *item,
      Audit(actor, agency_id, "catalog.edit",
            "修改目录条目（编号 " + std::to_string(item_id) + "）“" + item->title + "”", now));
}

Result<PublishResult> PublishItem(const Services& s, const Actor& actor, int64_t agency_id,
                                  int64_t item_id, std::vector<PublicationChannel> channels,
                                  std::optional<Date> on, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(AuthorizeEditor(actor, agency_id));
  const Date today = now.ChinaDate();
  const Date day = on.value_or(today);
  if (day > today) return InvalidInput("发布日期 " + day.ToString() + " 晚于今天");
  if (channels.empty()) channels.push_back(PublicationChannel::kWebsite);
  std::vector<ChannelPublication> pubs;
  for (PublicationChannel c : channels) pubs.push_back({c, day});
  Result<CatalogItem> current = s.repo->FindCatalogItem(agency_id, item_id);
  if (!current.ok()) return current.status();
  if (day < current->created_on) {
    return InvalidInput("发布日期 " + day.ToString() + " 早于生成日期 " +
                        current->created_on.ToString());
  }
  Result<CatalogItem> published = s.repo->PublishCatalogItem(
      agency_id, item_id, day, pubs,
      Audit(actor, agency_id, "catalog.publish",
            "发布目录条目（编号 " + std::to_string(item_id) + "）“" + current->title + "”", now));
  if (!published.ok()) return published.status();
  PublishResult out;
  out.item = std::move(published).value();
  Result<int> days = WorkingDaysBetween(out.item.created_on, day, *s.calendar);
  if (days.ok() && *days > 20) {
    out.warnings.push_back("该信息生成于 " + out.item.created_on.ToString() + "，发布时已过 " +
                           std::to_string(*days) +
                           " 个工作日，超过条例第二十六条规定的 20 个工作日");
  } else if (!days.ok()) {
    out.warnings.push_back("无法核对发布时限：" + days.status().message());
  }
  return out;
}

Status WithdrawItem(const Services& s, const Actor& actor, int64_t agency_id, int64_t item_id,
                    std::optional<Date> on, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(AuthorizeEditor(actor, agency_id));
  const Date today = now.ChinaDate();
  const Date day = on.value_or(today);
  if (day > today) return InvalidInput("撤回日期 " + day.ToString() + " 晚于今天");
  return s.repo->WithdrawCatalogItem(
      agency_id, item_id, day,
      Audit(actor, agency_id, "catalog.withdraw",
            "撤回目录条目（编号 " + std::to_string(item_id) + "）", now));
}

Result<Attachment> AttachToItem(const Services& s, const Actor& actor, int64_t agency_id,
                                int64_t item_id, const std::string& file_name,
                                std::string_view bytes, Timestamp now) {
  GONGKAI_RETURN_IF_ERROR(AuthorizeEditor(actor, agency_id));
  if (static_cast<int64_t>(bytes.size()) > s.policy.max_attachment_bytes) {
    return InvalidInput("附件 " + SanitizeFileName(file_name) + " 超过大小限制（" +
                        std::to_string(s.policy.max_attachment_bytes / (1024 * 1024)) + " MB）");
  }
  Result<SniffedType> type = SniffContentType(bytes, file_name);
  if (!type.ok()) return type.status();
  Result<CatalogItem> item = s.repo->FindCatalogItem(agency_id, item_id);
  if (!item.ok()) return item.status();
  Result<std::string> sha = s.files->Put(bytes);
  if (!sha.ok()) return sha.status();
  Attachment a;
  a.agency_id = agency_id;
  a.owner = AttachmentOwner::kCatalogItem;
  a.owner_id = item_id;
  a.file_name = SanitizeFileName(file_name);
  a.content_type = type->content_type;
  a.size = static_cast<int64_t>(bytes.size());
  a.sha256 = *sha;
  a.actor = actor.login;
  a.created_at = now;
  Result<int64_t> id = s.repo->AddAttachment(
      a, Audit(actor, agency_id, "catalog.attach",
               "目录条目（编号 " + std::to_string(item_id) + "）添加附件 " + a.file_name, now));
  if (!id.ok()) return id.status();
  a.id = *id;
  return a;
}

Result<FileDownload> DownloadAttachment(const Services& s, const Actor& actor, int64_t agency_id,
                                        int64_t attachment_id, Date today) {
  const Status missing = NotFound("未找到附件（编号 " + std::to_string(attachment_id) + "）");
  Result<Attachment> a = s.repo->FindAttachment(agency_id, attachment_id);
  if (!a.ok()) return a.status();
  if (!actor.CanRead(agency_id)) {
    // The public: only files of catalog items public today.
    if (a->owner != AttachmentOwner::kCatalogItem) return missing;
    Result<CatalogItem> item = s.repo->FindCatalogItem(agency_id, a->owner_id);
    if (!item.ok() || !IsPublicOn(*item, today)) return missing;
  }
  Result<std::string> bytes = s.files->Read(a->sha256);
  if (!bytes.ok()) return bytes.status();
  return FileDownload{*a, std::move(bytes).value()};
}

}  // namespace gongkai::app
