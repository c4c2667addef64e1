// Catalog publishing for SociRepository (migration 3): drafts, edits, publishing with a
// never-reused 索引号, withdrawal, each with its search_outbox row in the same transaction.
#include <string>
#include <utility>

#include "core/catalog/index_number.h"
#include "store/codec.h"
#include "store/soci_repository.h"
#include "store/web_queries.h"
#include "store/web_support.h"

namespace gongkai::store {
namespace {

// The values of the editable columns, kept alive while a statement uses them.
struct ItemValues {
  long long id = 0, agency_id = 0;
  std::string title, doc_no, publisher, created_on, topic, genre, summary, body;
  int article20 = 0, is_normative = 0, norm_is_rule = 0;
  std::string issuing_body, issued_on, effective_on, expired_on, repealed_on;
  soci::indicator article20_ind = soci::i_null, rule_ind = soci::i_null, body_ind = soci::i_null,
                  issued_ind = soci::i_null, effective_ind = soci::i_null,
                  expired_ind = soci::i_null, repealed_ind = soci::i_null;

  explicit ItemValues(const CatalogItem& it) {
    id = it.id;
    agency_id = it.agency_id;
    title = it.title;
    doc_no = it.doc_no;
    publisher = it.publisher;
    created_on = DateText(it.created_on);
    topic = it.topic;
    genre = it.genre;
    summary = it.summary;
    body = it.body;
    if (it.article20_item) {
      article20 = *it.article20_item;
      article20_ind = soci::i_ok;
    }
    if (it.normative) {
      const NormativeDocument& n = *it.normative;
      is_normative = 1;
      norm_is_rule = n.is_rule ? 1 : 0;
      rule_ind = body_ind = issued_ind = soci::i_ok;
      issuing_body = n.issuing_body;
      issued_on = DateText(n.issued_on);
      const auto opt = [](const std::optional<Date>& d, std::string& text, soci::indicator& ind) {
        if (d) {
          text = DateText(*d);
          ind = soci::i_ok;
        }
      };
      opt(n.effective_on, effective_on, effective_ind);
      opt(n.expired_on, expired_on, expired_ind);
      opt(n.repealed_on, repealed_on, repealed_ind);
    }
  }

  void BindFields(soci::statement& st) {
    st.exchange(soci::use(title, "title"));
    st.exchange(soci::use(doc_no, "doc_no"));
    st.exchange(soci::use(publisher, "publisher"));
    st.exchange(soci::use(created_on, "created_on"));
    st.exchange(soci::use(topic, "topic"));
    st.exchange(soci::use(genre, "genre"));
    st.exchange(soci::use(summary, "summary"));
    st.exchange(soci::use(body, "body"));
    st.exchange(soci::use(article20, article20_ind, "article20_item"));
    st.exchange(soci::use(is_normative, "is_normative"));
    st.exchange(soci::use(norm_is_rule, rule_ind, "norm_is_rule"));
    st.exchange(soci::use(issuing_body, body_ind, "norm_issuing_body"));
    st.exchange(soci::use(issued_on, issued_ind, "norm_issued_on"));
    st.exchange(soci::use(effective_on, effective_ind, "norm_effective_on"));
    st.exchange(soci::use(expired_on, expired_ind, "norm_expired_on"));
    st.exchange(soci::use(repealed_on, repealed_ind, "norm_repealed_on"));
  }
};

struct ItemState {
  std::string index_no;
  Date created_on;
  std::optional<Date> published_on, withdrawn_on;
};

// The publishing state of item (agency, id); kNotFound if absent or of another agency.
Result<ItemState> ReadState(Connection& conn, long long agency_id, long long id) {
  std::string index_no, created, published, withdrawn;
  soci::indicator pub_ind = soci::i_null, wd_ind = soci::i_null;
  soci::statement st =
      (conn.sql.prepare << kSelectCatalogState, soci::use(id, "id"),
       soci::use(agency_id, "agency_id"), soci::into(index_no), soci::into(created),
       soci::into(published, pub_ind), soci::into(withdrawn, wd_ind));
  if (!st.execute(true)) return NotFound("未找到目录条目（编号 " + std::to_string(id) + "）");
  ItemState s;
  s.index_no = index_no;
  s.created_on = DateColumn(created, "catalog_items.created_on");
  if (pub_ind == soci::i_ok) s.published_on = DateColumn(published, "catalog_items.published_on");
  if (wd_ind == soci::i_ok) s.withdrawn_on = DateColumn(withdrawn, "catalog_items.withdrawn_on");
  return s;
}

// The whole item as stored, with its channels. REQUIRES: it exists.
CatalogItem ReadItem(Connection& conn, long long agency_id, long long id) {
  std::string index_no, title, doc_no, publisher, created, published, withdrawn, topic, genre,
      summary, body, issuing_body, issued, effective, expired, repealed;
  long long row_id = 0;
  int article20 = 0, is_normative = 0, is_rule = 0;
  soci::indicator pub_ind, wd_ind, art_ind, rule_ind, ib_ind, issued_ind, eff_ind, exp_ind, rep_ind;
  conn.sql << kSelectCatalogItemFull, soci::use(id, "id"), soci::use(agency_id, "agency_id"),
      soci::into(row_id), soci::into(index_no), soci::into(title), soci::into(doc_no),
      soci::into(publisher), soci::into(created), soci::into(published, pub_ind),
      soci::into(withdrawn, wd_ind), soci::into(topic), soci::into(genre), soci::into(summary),
      soci::into(body), soci::into(article20, art_ind), soci::into(is_normative),
      soci::into(is_rule, rule_ind), soci::into(issuing_body, ib_ind),
      soci::into(issued, issued_ind), soci::into(effective, eff_ind), soci::into(expired, exp_ind),
      soci::into(repealed, rep_ind);
  CatalogItem it;
  it.id = row_id;
  it.agency_id = agency_id;
  it.index_no = index_no;
  it.title = title;
  it.doc_no = doc_no;
  it.publisher = publisher;
  it.created_on = DateColumn(created, "catalog_items.created_on");
  if (pub_ind == soci::i_ok) it.published_on = DateColumn(published, "catalog_items.published_on");
  if (wd_ind == soci::i_ok) it.withdrawn_on = DateColumn(withdrawn, "catalog_items.withdrawn_on");
  it.topic = topic;
  it.genre = genre;
  it.summary = summary;
  it.body = body;
  if (art_ind == soci::i_ok) it.article20_item = article20;
  if (is_normative == 1) {
    NormativeDocument n;
    n.is_rule = rule_ind == soci::i_ok && is_rule == 1;
    if (ib_ind == soci::i_ok) n.issuing_body = issuing_body;
    if (issued_ind == soci::i_ok) n.issued_on = DateColumn(issued, "catalog_items.norm_issued_on");
    if (eff_ind == soci::i_ok)
      n.effective_on = DateColumn(effective, "catalog_items.norm_effective_on");
    if (exp_ind == soci::i_ok) n.expired_on = DateColumn(expired, "catalog_items.norm_expired_on");
    if (rep_ind == soci::i_ok)
      n.repealed_on = DateColumn(repealed, "catalog_items.norm_repealed_on");
    it.normative = n;
  }
  std::string channel, on;
  soci::statement st = (conn.sql.prepare << kSelectPublicationsOfItem, soci::use(id, "id"),
                        soci::into(channel), soci::into(on));
  st.execute();
  while (st.fetch()) {
    ChannelPublication p;
    p.channel = Must(DecodeColumn<PublicationChannel>(
        channel, "catalog_publications.channel",
        [](std::string_view c) { return PublicationChannelFromCode(c); }));
    p.published_on = DateColumn(on, "catalog_publications.published_on");
    it.channels.push_back(p);
  }
  return it;
}

void WriteChannels(Connection& conn, long long agency_id, long long id,
                   const std::vector<ChannelPublication>& channels) {
  conn.sql << kDeletePublications, soci::use(id, "catalog_item_id");
  int seq = 0;
  for (const ChannelPublication& p : channels) {
    ++seq;
    std::string channel(ToCode(p.channel)), on = DateText(p.published_on);
    conn.sql << kInsertPublication, soci::use(agency_id, "agency_id"),
        soci::use(id, "catalog_item_id"), soci::use(seq, "seq"), soci::use(channel, "channel"),
        soci::use(on, "published_on");
  }
}

}  // namespace

Result<int64_t> SociRepository::CreateCatalogItem(const CatalogItem& draft,
                                                  const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Result<int64_t> {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    Result<Agency> agency = LoadAgencyById(*conn_, draft.agency_id);
    if (!agency.ok()) return agency.status();
    ItemValues v(draft);
    v.id = AllocateIds(*conn_, "catalog_items", 1).front();
    soci::statement st(conn_->sql);
    st.exchange(soci::use(v.id, "id"));
    st.exchange(soci::use(v.agency_id, "agency_id"));
    v.BindFields(st);
    st.alloc();
    st.prepare(kInsertCatalogDraft);
    st.define_and_bind();
    st.execute(true);
    AuditRecord a = audit;
    a.agency_id = draft.agency_id;
    a.detail += "（目录条目编号 " + std::to_string(v.id) + "）";
    AppendAuditRow(*conn_, a);
    tx.Commit();
    return static_cast<int64_t>(v.id);
  });
}

Status SociRepository::UpdateCatalogItem(const CatalogItem& item, const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Status {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    Result<ItemState> state = ReadState(*conn_, item.agency_id, item.id);
    if (!state.ok()) return state.status();
    if (state->withdrawn_on) return Conflict("目录条目已撤回，不能再修改");
    ItemValues v(item);
    soci::statement st(conn_->sql);
    v.BindFields(st);
    st.exchange(soci::use(v.id, "id"));
    st.exchange(soci::use(v.agency_id, "agency_id"));
    st.alloc();
    st.prepare(kUpdateCatalogFields);
    st.define_and_bind();
    st.execute(true);
    if (state->published_on) {
      AppendCatalogOutbox(*conn_, item.agency_id, item.id, "upsert", audit.recorded_at);
    }
    AuditRecord a = audit;
    a.agency_id = item.agency_id;
    AppendAuditRow(*conn_, a);
    tx.Commit();
    return Status::Ok();
  });
}

Result<CatalogItem> SociRepository::PublishCatalogItem(
    int64_t agency_id, int64_t id, Date on, const std::vector<ChannelPublication>& channels,
    const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Result<CatalogItem> {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency = agency_id, item_id = id;
    Result<ItemState> state = ReadState(*conn_, agency, item_id);
    if (!state.ok()) return state.status();
    if (state->withdrawn_on) return Conflict("目录条目已撤回，不能再发布");
    if (state->published_on) {
      return Conflict("目录条目已于 " + state->published_on->ToString() + " 发布（索引号 " +
                      state->index_no + "）");
    }
    std::string org_code;
    conn_->sql << kSelectAgencyOrgCode, soci::use(agency, "id"), soci::into(org_code);
    if (org_code.empty()) {
      return InvalidInput("机关未设置组织机构代码，无法生成索引号");
    }
    std::string index_no;
    for (;;) {
      const long long seq = NextCounter(*conn_, agency, "index_no", on.year());
      index_no = FormatIndexNumber(org_code, on.year(), static_cast<int>(seq));
      long long taken = 0;
      conn_->sql << kCountCatalogIndexNo, soci::use(agency, "agency_id"),
          soci::use(index_no, "index_no"), soci::into(taken);
      if (taken == 0) break;
    }
    std::string published = DateText(on);
    conn_->sql << kPublishCatalogItem, soci::use(index_no, "index_no"),
        soci::use(published, "published_on"), soci::use(item_id, "id"),
        soci::use(agency, "agency_id");
    WriteChannels(*conn_, agency, item_id, channels);
    AppendCatalogOutbox(*conn_, agency, item_id, "upsert", audit.recorded_at);
    AuditRecord a = audit;
    a.agency_id = agency_id;
    a.detail += "，索引号 " + index_no;
    AppendAuditRow(*conn_, a);
    CatalogItem stored = ReadItem(*conn_, agency, item_id);
    tx.Commit();
    return stored;
  });
}

Status SociRepository::WithdrawCatalogItem(int64_t agency_id, int64_t id, Date on,
                                           const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Status {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency = agency_id, item_id = id;
    Result<ItemState> state = ReadState(*conn_, agency, item_id);
    if (!state.ok()) return state.status();
    if (!state->published_on) return Conflict("目录条目尚未发布，无需撤回");
    if (state->withdrawn_on) {
      return Conflict("目录条目已于 " + state->withdrawn_on->ToString() + " 撤回");
    }
    if (on < *state->published_on) {
      return InvalidInput("撤回日期 " + on.ToString() + " 早于发布日期 " +
                          state->published_on->ToString());
    }
    std::string withdrawn = DateText(on);
    conn_->sql << kWithdrawCatalogItem, soci::use(withdrawn, "withdrawn_on"),
        soci::use(item_id, "id"), soci::use(agency, "agency_id");
    AppendCatalogOutbox(*conn_, agency, item_id, "delete", audit.recorded_at);
    AuditRecord a = audit;
    a.agency_id = agency_id;
    AppendAuditRow(*conn_, a);
    tx.Commit();
    return Status::Ok();
  });
}

}  // namespace gongkai::store
