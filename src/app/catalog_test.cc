#include "app/catalog.h"

#include <gmock/gmock.h>

#include "app/guides.h"
#include "app/testing.h"

namespace gongkai::app {
namespace {

using testing::D;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Now;

class CatalogTest : public testing::AppTest {
 protected:
  ItemInput Input(const char* title = "关于2026年春季招生工作的通知",
                  const char* created = "2026-02-26") {
    ItemInput in;
    in.title = title;
    in.doc_no = "昌商发〔2026〕3号";
    in.created_on = D(created);
    in.topic = "综合政务\\通知公告";
    in.genre = "通知";
    in.summary = "招生安排";
    in.body = "正文";
    return in;
  }
  int64_t Create(const char* created = "2026-02-26") {
    Result<int64_t> id =
        CreateItem(services_, Editor(agency_a_), agency_a_.id, Input("条目", created), Now());
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }
};

TEST_F(CatalogTest, PublishAllocatesIndexNumbersThatAreNeverReused) {
  const int64_t first = Create(), second = Create(), third = Create();
  Result<PublishResult> p1 =
      PublishItem(services_, Editor(agency_a_), agency_a_.id, first,
                  {PublicationChannel::kWebsite, PublicationChannel::kWechat}, std::nullopt, Now());
  ASSERT_TRUE(p1.ok()) << p1.status().message();
  EXPECT_EQ(p1->item.index_no, "013745286/2026-00001");
  EXPECT_EQ(p1->item.published_on, D("2026-03-02"));
  ASSERT_EQ(p1->item.channels.size(), 2u);
  EXPECT_EQ(p1->item.channels[1].channel, PublicationChannel::kWechat);
  EXPECT_TRUE(p1->warnings.empty());
  Result<PublishResult> p2 =
      PublishItem(services_, Editor(agency_a_), agency_a_.id, second, {}, std::nullopt, Now());
  ASSERT_TRUE(p2.ok());
  EXPECT_EQ(p2->item.index_no, "013745286/2026-00002");
  ASSERT_TRUE(
      WithdrawItem(services_, Editor(agency_a_), agency_a_.id, second, std::nullopt, Now()).ok());
  Result<PublishResult> p3 =
      PublishItem(services_, Editor(agency_a_), agency_a_.id, third, {}, std::nullopt, Now());
  ASSERT_TRUE(p3.ok());
  EXPECT_EQ(p3->item.index_no, "013745286/2026-00003");  // 00002 stays with the withdrawn item
  EXPECT_EQ(Raw("SELECT index_no FROM catalog_items WHERE id = " + std::to_string(second))[0],
            "013745286/2026-00002");

  // Each publish/withdraw wrote its outbox row in the same transaction.
  EXPECT_THAT(Raw("SELECT entity_id || ':' || op FROM search_outbox ORDER BY id"),
              ElementsAre(std::to_string(first) + ":upsert", std::to_string(second) + ":upsert",
                          std::to_string(second) + ":delete", std::to_string(third) + ":upsert"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM search_outbox WHERE entity <> 'catalog_item'"), 0);

  // Editing a published item re-indexes it; drafts are not in the outbox.
  ASSERT_TRUE(
      EditItem(services_, Editor(agency_a_), agency_a_.id, first, Input("新标题"), Now()).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM search_outbox"), 5);
  const int64_t draft = Create();
  ASSERT_TRUE(
      EditItem(services_, Editor(agency_a_), agency_a_.id, draft, Input("草稿"), Now()).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM search_outbox"), 5);
  EXPECT_EQ(Raw("SELECT title FROM catalog_items WHERE id = " + std::to_string(first))[0],
            "新标题");
}

TEST_F(CatalogTest, ImportedIndexNumbersAreSkipped) {
  Dataset ds;
  CatalogItem old;
  old.index_no = "013745286/2026-00001";
  old.title = "导入条目";
  old.publisher = "x";
  old.created_on = D("2026-01-05");
  old.published_on = D("2026-01-06");
  old.topic = "t";
  ds.catalog_items.push_back({"changyi-commerce", old});
  ASSERT_TRUE(repo_->Import(ds).ok());
  Result<PublishResult> p =
      PublishItem(services_, Editor(agency_a_), agency_a_.id, Create(), {}, std::nullopt, Now());
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->item.index_no, "013745286/2026-00002");
}

TEST_F(CatalogTest, LatePublicationIsWarnedAboutArticle26) {
  const int64_t id = Create("2026-01-05");
  Result<PublishResult> p =
      PublishItem(services_, Editor(agency_a_), agency_a_.id, id, {}, std::nullopt, Now());
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->warnings.size(), 1u);
  EXPECT_THAT(p->warnings[0], HasSubstr("第二十六条"));
  EXPECT_THAT(p->warnings[0], HasSubstr("2026-01-05"));
}

TEST_F(CatalogTest, PublishingRules) {
  const int64_t id = Create();
  EXPECT_THAT(
      PublishItem(services_, Editor(agency_a_), agency_a_.id, id, {}, D("2026-02-20"), Now())
          .status()
          .message(),
      HasSubstr("早于生成日期"));
  EXPECT_EQ(PublishItem(services_, Editor(agency_a_), agency_a_.id, id, {}, D("2026-03-03"), Now())
                .status()
                .code(),
            ErrorCode::kInvalidInput);
  ASSERT_TRUE(
      PublishItem(services_, Editor(agency_a_), agency_a_.id, id, {}, std::nullopt, Now()).ok());
  EXPECT_EQ(PublishItem(services_, Editor(agency_a_), agency_a_.id, id, {}, std::nullopt, Now())
                .status()
                .code(),
            ErrorCode::kConflict);
  ASSERT_TRUE(
      WithdrawItem(services_, Editor(agency_a_), agency_a_.id, id, std::nullopt, Now()).ok());
  EXPECT_EQ(
      WithdrawItem(services_, Editor(agency_a_), agency_a_.id, id, std::nullopt, Now()).code(),
      ErrorCode::kConflict);
  EXPECT_EQ(EditItem(services_, Editor(agency_a_), agency_a_.id, id, Input(), Now()).code(),
            ErrorCode::kConflict);
  ItemInput bad = Input("");
  EXPECT_THAT(CreateItem(services_, Editor(agency_a_), agency_a_.id, bad, Now()).status().message(),
              HasSubstr("请填写标题"));
  ItemInput norm = Input();
  norm.normative = NormativeDocument{false,           "昌邑区商务局", D("2026-02-01"),
                                     D("2026-02-01"), std::nullopt,   D("2026-01-01")};
  EXPECT_THAT(
      CreateItem(services_, Editor(agency_a_), agency_a_.id, norm, Now()).status().message(),
      HasSubstr("废止日期"));
  norm.normative->repealed_on.reset();
  Result<int64_t> ok = CreateItem(services_, Editor(agency_a_), agency_a_.id, norm, Now());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(Raw("SELECT is_normative || norm_issued_on FROM catalog_items WHERE id = " +
                std::to_string(*ok))[0],
            "12026-02-01");
}

TEST_F(CatalogTest, OnlyEditorsOfTheAgencyChangeItsCatalog) {
  const int64_t id = Create();
  for (const Actor& actor : {Public(), Handler(agency_a_), Reviewer(agency_a_), Editor(agency_b_),
                             Staff("sup", {{agency_a_.id, Role::kSupervisor}})}) {
    EXPECT_EQ(CreateItem(services_, actor, agency_a_.id, Input(), Now()).status().code(),
              ErrorCode::kForbidden);
    EXPECT_EQ(EditItem(services_, actor, agency_a_.id, id, Input(), Now()).code(),
              ErrorCode::kForbidden);
    EXPECT_EQ(
        PublishItem(services_, actor, agency_a_.id, id, {}, std::nullopt, Now()).status().code(),
        ErrorCode::kForbidden);
    EXPECT_EQ(WithdrawItem(services_, actor, agency_a_.id, id, std::nullopt, Now()).code(),
              ErrorCode::kForbidden);
    EXPECT_EQ(AttachToItem(services_, actor, agency_a_.id, id, "a.pdf", "%PDF-1.4", Now())
                  .status()
                  .code(),
              ErrorCode::kForbidden);
  }
  // B's editor naming B with A's item id: not found, nothing changed.
  EXPECT_EQ(EditItem(services_, Editor(agency_b_), agency_b_.id, id, Input("改"), Now()).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(PublishItem(services_, Editor(agency_b_), agency_b_.id, id, {}, std::nullopt, Now())
                .status()
                .code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(
      WithdrawItem(services_, Editor(agency_b_), agency_b_.id, id, std::nullopt, Now()).code(),
      ErrorCode::kNotFound);
  EXPECT_EQ(AttachToItem(services_, Editor(agency_b_), agency_b_.id, id, "a.pdf", "%PDF-1.4", Now())
                .status()
                .code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(Raw("SELECT title FROM catalog_items")[0], "条目");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM search_outbox"), 0);
  // An admin holds the editor role.
  EXPECT_TRUE(
      EditItem(services_, Admin(agency_a_), agency_a_.id, id, Input("管理员修改"), Now()).ok());
}

TEST_F(CatalogTest, AttachmentsAreSniffedAndServedOnlyWhenPublic) {
  const int64_t id = Create();
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "image-bytes";
  EXPECT_EQ(AttachToItem(services_, Editor(agency_a_), agency_a_.id, id, "x.png",
                         "<svg onload=alert(1)>", Now())
                .status()
                .code(),
            ErrorCode::kInvalidInput);
  Result<Attachment> a =
      AttachToItem(services_, Editor(agency_a_), agency_a_.id, id, "图.png", png, Now());
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->content_type, "image/png");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM search_outbox"), 0);  // a draft's file

  // A draft's file: staff only.
  EXPECT_EQ(
      DownloadAttachment(services_, Public(), agency_a_.id, a->id, D("2026-03-02")).status().code(),
      ErrorCode::kNotFound);
  EXPECT_TRUE(
      DownloadAttachment(services_, Editor(agency_a_), agency_a_.id, a->id, D("2026-03-02")).ok());
  ASSERT_TRUE(
      PublishItem(services_, Editor(agency_a_), agency_a_.id, id, {}, std::nullopt, Now()).ok());
  Result<FileDownload> dl =
      DownloadAttachment(services_, Public(), agency_a_.id, a->id, D("2026-03-02"));
  ASSERT_TRUE(dl.ok()) << dl.status().message();
  EXPECT_EQ(dl->bytes, png);
  EXPECT_EQ(dl->meta.file_name, "图.png");
  EXPECT_EQ(
      DownloadAttachment(services_, Public(), agency_b_.id, a->id, D("2026-03-02")).status().code(),
      ErrorCode::kNotFound);
  // A file added to a published item re-indexes it.
  ASSERT_TRUE(
      AttachToItem(services_, Editor(agency_a_), agency_a_.id, id, "b.pdf", "%PDF-1.5 x", Now())
          .ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM search_outbox WHERE op = 'upsert'"), 2);
  // Corrupt on disk: refused with a clear error.
  std::ofstream(files_->PathOf(a->sha256), std::ios::binary | std::ios::trunc) << "garbage";
  EXPECT_EQ(
      DownloadAttachment(services_, Public(), agency_a_.id, a->id, D("2026-03-02")).status().code(),
      ErrorCode::kStorage);
  // Withdrawn: gone from the portal.
  ASSERT_TRUE(
      WithdrawItem(services_, Editor(agency_a_), agency_a_.id, id, std::nullopt, Now()).ok());
  EXPECT_EQ(
      DownloadAttachment(services_, Public(), agency_a_.id, a->id, D("2026-03-02")).status().code(),
      ErrorCode::kNotFound);
}

Guide SampleGuide() {
  Guide g;
  g.office_name = "吉林市昌邑区商务局办公室";
  g.address = "吉林市昌邑区解放中路 1 号";
  g.hours = "工作日 8:30–11:30，13:30–17:00";
  g.phone = "0432-62000000";
  g.email = "gk@example.gov.cn";
  g.notice_prefix = "昌商办";
  g.channels = {{Channel::kInPerson, true, "到办公室 203 室提交"},
                {Channel::kPostSigned, true, "挂号信寄至办公地址"},
                {Channel::kPostOrdinary, true, "平信寄至办公地址"},
                {Channel::kOnline, true, "通过本平台在线提交"},
                {Channel::kFax, false, ""}};
  return g;
}

TEST_F(CatalogTest, GuidesAreVersionedAndNameTheNoticePrefix) {
  Result<Guide> v1 = PublishGuide(services_, Editor(agency_a_), agency_a_.id, SampleGuide(), Now());
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  EXPECT_EQ(v1->version, 1);
  Guide changed = SampleGuide();
  changed.phone = "0432-62111111";
  Result<Guide> v2 = PublishGuide(services_, Editor(agency_a_), agency_a_.id, changed, Now());
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->version, 2);
  Result<std::vector<Guide>> all = ListGuideVersions(services_, agency_a_.id);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].phone, "0432-62111111");
  EXPECT_EQ((*all)[1].phone, "0432-62000000");
  EXPECT_EQ((*all)[0].channels, SampleGuide().channels);
  EXPECT_EQ(CurrentGuide(services_, agency_a_.id)->version, 2);
  EXPECT_EQ(CurrentGuide(services_, agency_b_.id).status().code(), ErrorCode::kNotFound);

  Guide refuses_post = SampleGuide();
  refuses_post.channels[2].accepted = false;
  EXPECT_THAT(PublishGuide(services_, Editor(agency_a_), agency_a_.id, refuses_post, Now())
                  .status()
                  .message(),
              HasSubstr("平信"));
  EXPECT_EQ(PublishGuide(services_, Editor(agency_b_), agency_a_.id, SampleGuide(), Now())
                .status()
                .code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(PublishGuide(services_, Public(), agency_a_.id, SampleGuide(), Now()).status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(PublishGuide(services_, Handler(agency_a_), agency_a_.id, SampleGuide(), Now())
                .status()
                .code(),
            ErrorCode::kForbidden);

  // Notices now carry the guide's prefix.
  SubmitRequest r;
  r.agency_slug = "changyi-commerce";
  r.form = testing::PersonForm();
  ASSERT_TRUE(SubmitApplication(services_, r, "ip", Now()).ok());
  EXPECT_EQ(Raw("SELECT number FROM notices")[0], "昌商办受〔2026〕1号");
}

}  // namespace
}  // namespace gongkai::app
