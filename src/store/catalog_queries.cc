// SociRepository's catalog reads for the public portal (core/catalog_query.h): listings with
// filters and paging, counts, single items, the latest items and facets. The SQL is built from
// the named fragments below (a filter adds its fragment and binds its own parameter once), and is
// the same text on SQLite and PostgreSQL. Dates are ISO text, so ranges compare as strings.
#include <soci/soci.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/codec.h"
#include "store/connection.h"
#include "store/soci_repository.h"

namespace gongkai::store {
namespace {

// --- Named queries and fragments ------------------------------------------------------------

// The listing columns (no body), in CatalogRow's order.
#define GONGKAI_CATALOG_LIST_COLUMNS                                                \
  "c.id, c.agency_id, c.index_no, c.title, c.doc_no, c.publisher, c.created_on, "   \
  "c.published_on, c.withdrawn_on, c.topic, c.genre, c.summary, c.article20_item, " \
  "c.is_normative, c.norm_is_rule, c.norm_issuing_body, c.norm_issued_on, "         \
  "c.norm_effective_on, c.norm_expired_on, c.norm_repealed_on"

// Public on :as_of (IsPublicOn).
#define GONGKAI_CATALOG_PUBLIC                                   \
  "c.published_on IS NOT NULL AND c.published_on <= :as_of AND " \
  "(c.withdrawn_on IS NULL OR c.withdrawn_on > :as_of)"

constexpr char kSelectCatalogListPrefix[] =
    "SELECT " GONGKAI_CATALOG_LIST_COLUMNS
    " FROM catalog_items c WHERE c.agency_id = :agency_id AND " GONGKAI_CATALOG_PUBLIC;
constexpr char kCountCatalogPrefix[] =
    "SELECT COUNT(*) FROM catalog_items c WHERE c.agency_id = :agency_id "
    "AND " GONGKAI_CATALOG_PUBLIC;
constexpr char kCatalogAndTopic[] = " AND c.topic = :topic";
constexpr char kCatalogAndGenre[] = " AND c.genre = :genre";
constexpr char kCatalogAndYear[] =
    " AND c.published_on >= :year_first AND c.published_on <= :year_last";
// 有效性 on :as_of, as NormativeDocument::ValidityOn decides it: repealed wins over expired.
constexpr char kCatalogAndValid[] =
    " AND c.is_normative = 1 AND (c.norm_repealed_on IS NULL OR c.norm_repealed_on > :as_of)"
    " AND (c.norm_expired_on IS NULL OR c.norm_expired_on > :as_of)";
constexpr char kCatalogAndExpired[] =
    " AND c.is_normative = 1 AND (c.norm_repealed_on IS NULL OR c.norm_repealed_on > :as_of)"
    " AND c.norm_expired_on <= :as_of";
constexpr char kCatalogAndRepealed[] = " AND c.is_normative = 1 AND c.norm_repealed_on <= :as_of";
// '!' escapes the LIKE wildcards in the bound pattern (see LikePattern). Both sides are
// lower-cased because SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
constexpr char kCatalogAndTitleLike[] = " AND lower(c.title) LIKE :title_pattern ESCAPE '!'";
constexpr char kCatalogOrderPage[] =
    " ORDER BY c.published_on DESC, c.id DESC LIMIT :limit OFFSET :offset";

constexpr char kSelectLatestCatalog[] =
    "SELECT " GONGKAI_CATALOG_LIST_COLUMNS " FROM catalog_items c WHERE " GONGKAI_CATALOG_PUBLIC
    " ORDER BY c.published_on DESC, c.id DESC LIMIT :limit";

constexpr char kSelectCatalogItemByIndexNo[] =
    "SELECT " GONGKAI_CATALOG_LIST_COLUMNS
    ", c.body FROM catalog_items c WHERE c.agency_id = :agency_id AND c.index_no = :index_no";
constexpr char kSelectCatalogItemById[] =
    "SELECT " GONGKAI_CATALOG_LIST_COLUMNS
    ", c.body FROM catalog_items c WHERE c.agency_id = :agency_id AND c.id = :id";
constexpr char kSelectCatalogItemChannels[] =
    "SELECT channel, published_on FROM catalog_publications WHERE catalog_item_id = :id "
    "ORDER BY seq";

constexpr char kSelectCatalogTopicFacet[] =
    "SELECT c.topic, COUNT(*) FROM catalog_items c WHERE c.agency_id = :agency_id "
    "AND " GONGKAI_CATALOG_PUBLIC " GROUP BY c.topic";
constexpr char kSelectCatalogGenreFacet[] =
    "SELECT c.genre, COUNT(*) FROM catalog_items c WHERE c.agency_id = :agency_id "
    "AND " GONGKAI_CATALOG_PUBLIC " GROUP BY c.genre";
constexpr char kSelectCatalogYearFacet[] =
    "SELECT substr(c.published_on, 1, 4), COUNT(*) FROM catalog_items c "
    "WHERE c.agency_id = :agency_id AND " GONGKAI_CATALOG_PUBLIC
    " GROUP BY substr(c.published_on, 1, 4) ORDER BY substr(c.published_on, 1, 4) DESC";

// The editors' listing: every state, newest id first.
constexpr char kSelectAllCatalogItems[] =
    "SELECT " GONGKAI_CATALOG_LIST_COLUMNS
    " FROM catalog_items c WHERE c.agency_id = :agency_id"
    " ORDER BY c.id DESC LIMIT :limit OFFSET :offset";
constexpr char kCountAllCatalogItems[] =
    "SELECT COUNT(*) FROM catalog_items c WHERE c.agency_id = :agency_id";

#undef GONGKAI_CATALOG_PUBLIC
#undef GONGKAI_CATALOG_LIST_COLUMNS

constexpr int kMaxPageSize = 50'000;
constexpr int kMaxLatest = 1'000;

// --- Rows -----------------------------------------------------------------------------------

// The columns of GONGKAI_CATALOG_LIST_COLUMNS (+ body), with NULL indicators where the schema
// allows NULL.
struct CatalogRow {
  long long id = 0, agency_id = 0;
  std::string index_no, title, doc_no, publisher, created_on, published_on, withdrawn_on;
  std::string topic, genre, summary;
  int article20_item = 0, is_normative = 0, norm_is_rule = 0;
  std::string norm_issuing_body, norm_issued_on, norm_effective_on, norm_expired_on;
  std::string norm_repealed_on, body;
  soci::indicator published_ind = soci::i_null, withdrawn_ind = soci::i_null;
  soci::indicator article20_ind = soci::i_null, rule_ind = soci::i_null;
  soci::indicator issuing_ind = soci::i_null, issued_ind = soci::i_null;
  soci::indicator effective_ind = soci::i_null, expired_ind = soci::i_null;
  soci::indicator repealed_ind = soci::i_null;

  void Exchange(soci::statement& st, bool with_body) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(index_no));
    st.exchange(soci::into(title));
    st.exchange(soci::into(doc_no));
    st.exchange(soci::into(publisher));
    st.exchange(soci::into(created_on));
    st.exchange(soci::into(published_on, published_ind));
    st.exchange(soci::into(withdrawn_on, withdrawn_ind));
    st.exchange(soci::into(topic));
    st.exchange(soci::into(genre));
    st.exchange(soci::into(summary));
    st.exchange(soci::into(article20_item, article20_ind));
    st.exchange(soci::into(is_normative));
    st.exchange(soci::into(norm_is_rule, rule_ind));
    st.exchange(soci::into(norm_issuing_body, issuing_ind));
    st.exchange(soci::into(norm_issued_on, issued_ind));
    st.exchange(soci::into(norm_effective_on, effective_ind));
    st.exchange(soci::into(norm_expired_on, expired_ind));
    st.exchange(soci::into(norm_repealed_on, repealed_ind));
    if (with_body) st.exchange(soci::into(body));
  }

  Result<CatalogItem> ToItem() const {
    CatalogItem c;
    c.id = id;
    c.agency_id = agency_id;
    c.index_no = index_no;
    c.title = title;
    c.doc_no = doc_no;
    c.publisher = publisher;
    Result<Date> created = ParseDateColumn(created_on, "catalog_items.created_on");
    if (!created.ok()) return created.status();
    c.created_on = *created;
    Status st = Optional(published_on, published_ind, "catalog_items.published_on", c.published_on);
    if (st.ok())
      st = Optional(withdrawn_on, withdrawn_ind, "catalog_items.withdrawn_on", c.withdrawn_on);
    if (!st.ok()) return st;
    c.topic = topic;
    c.genre = genre;
    c.summary = summary;
    c.body = body;
    if (article20_ind == soci::i_ok) c.article20_item = article20_item;
    if (is_normative != 0) {
      NormativeDocument d;
      d.is_rule = rule_ind == soci::i_ok && norm_is_rule != 0;
      if (issuing_ind == soci::i_ok) d.issuing_body = norm_issuing_body;
      Result<Date> issued = ParseDateColumn(issued_ind == soci::i_ok ? norm_issued_on : "",
                                            "catalog_items.norm_issued_on");
      if (!issued.ok()) return issued.status();
      d.issued_on = *issued;
      st = Optional(norm_effective_on, effective_ind, "catalog_items.norm_effective_on",
                    d.effective_on);
      if (st.ok()) {
        st = Optional(norm_expired_on, expired_ind, "catalog_items.norm_expired_on", d.expired_on);
      }
      if (st.ok()) {
        st = Optional(norm_repealed_on, repealed_ind, "catalog_items.norm_repealed_on",
                      d.repealed_on);
      }
      if (!st.ok()) return st;
      c.normative = std::move(d);
    }
    return c;
  }

  // Resets the indicators before the next fetch (SOCI leaves them as they were for NULLs on
  // some backends' bulk paths; explicit is cheaper than debugging).
  void Reset() {
    published_ind = withdrawn_ind = article20_ind = rule_ind = issuing_ind = issued_ind =
        effective_ind = expired_ind = repealed_ind = soci::i_null;
  }

 private:
  static Status Optional(const std::string& text, soci::indicator ind, std::string_view column,
                         std::optional<Date>& out) {
    if (ind != soci::i_ok) {
      out.reset();
      return Status::Ok();
    }
    Result<Date> d = ParseDateColumn(text, column);
    if (!d.ok()) return d.status();
    out = *d;
    return Status::Ok();
  }
};

// The LIKE pattern that matches `text` literally anywhere in a lower-cased value: ASCII letters
// lower-cased; % and _ (and the escape character itself) escaped with '!'.
std::string LikePattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out += '%';
  return out;
}

// The parameters of a filtered listing, kept alive while the statement runs (SOCI binds by
// reference).
struct FilterParams {
  long long agency_id = 0;
  std::string as_of, topic, genre, year_first, year_last, title_pattern;
  long long limit = 0, offset = 0;
};

// Appends the filter's fragments to `sql` and binds their parameters (each name once).
void AddFilter(soci::statement& st, std::string& sql, const CatalogFilter& filter,
               FilterParams& p) {
  st.exchange(soci::use(p.agency_id, "agency_id"));
  st.exchange(soci::use(p.as_of, "as_of"));
  if (!filter.topic.empty()) {
    sql += kCatalogAndTopic;
    p.topic = filter.topic;
    st.exchange(soci::use(p.topic, "topic"));
  }
  if (!filter.genre.empty()) {
    sql += kCatalogAndGenre;
    p.genre = filter.genre;
    st.exchange(soci::use(p.genre, "genre"));
  }
  if (filter.year) {
    sql += kCatalogAndYear;
    p.year_first = DateText(Date::FromYmd(*filter.year, 1, 1));
    p.year_last = DateText(Date::FromYmd(*filter.year, 12, 31));
    st.exchange(soci::use(p.year_first, "year_first"));
    st.exchange(soci::use(p.year_last, "year_last"));
  }
  if (filter.validity) {
    switch (*filter.validity) {
      case Validity::kValid:
        sql += kCatalogAndValid;
        break;
      case Validity::kExpired:
        sql += kCatalogAndExpired;
        break;
      case Validity::kRepealed:
        sql += kCatalogAndRepealed;
        break;
    }
  }
  if (!filter.title_contains.empty()) {
    sql += kCatalogAndTitleLike;
    p.title_pattern = LikePattern(filter.title_contains);
    st.exchange(soci::use(p.title_pattern, "title_pattern"));
  }
}

Status CheckPage(PageRequest page) {
  if (page.number < 1) {
    return InvalidInput("页码必须是正整数（收到 " + std::to_string(page.number) + "）");
  }
  if (page.size < 1 || page.size > kMaxPageSize) {
    return InvalidInput("每页条数必须在 1 到 " + std::to_string(kMaxPageSize) + " 之间（收到 " +
                        std::to_string(page.size) + "）");
  }
  return Status::Ok();
}

Status CheckFilter(const CatalogFilter& filter) {
  if (filter.year && (*filter.year < 1 || *filter.year > 9999)) {
    return InvalidInput("年份 " + std::to_string(*filter.year) + " 超出范围");
  }
  return Status::Ok();
}

// Runs a listing statement already prepared with `row` bound, appending each row's item.
Status FetchItems(soci::statement& st, CatalogRow& row, std::vector<CatalogItem>& out) {
  st.execute();
  while (st.fetch()) {
    Result<CatalogItem> item = row.ToItem();
    if (!item.ok()) return item.status();
    out.push_back(std::move(item).value());
    row.Reset();
  }
  return Status::Ok();
}

Result<int64_t> Count(Connection& conn, long long agency_id, const CatalogFilter& filter) {
  FilterParams p;
  p.agency_id = agency_id;
  p.as_of = DateText(filter.as_of);
  std::string sql = kCountCatalogPrefix;
  long long total = 0;
  soci::statement st(conn.sql);
  st.exchange(soci::into(total));
  AddFilter(st, sql, filter, p);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  return static_cast<int64_t>(total);
}

// The item selected by `query` (kSelectCatalogItemBy*) with `key` bound as `key_name`, with
// its channels; kNotFound with `missing` if there is none.
template <typename Key>
Result<CatalogItem> FindOne(Connection& conn, const char* query, long long agency_id, Key key,
                            const char* key_name, const std::string& missing) {
  Transaction tx(conn, Transaction::Mode::kRead);
  CatalogRow row;
  soci::statement st(conn.sql);
  row.Exchange(st, /*with_body=*/true);
  st.exchange(soci::use(agency_id, "agency_id"));
  st.exchange(soci::use(key, key_name));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  if (!st.execute(true)) return NotFound(missing);
  Result<CatalogItem> item = row.ToItem();
  if (!item.ok()) return item.status();

  long long id = item->id;
  std::string channel, published_on;
  soci::statement ch = (conn.sql.prepare << kSelectCatalogItemChannels, soci::use(id, "id"),
                        soci::into(channel), soci::into(published_on));
  ch.execute();
  while (ch.fetch()) {
    Result<PublicationChannel> c = DecodeColumn<PublicationChannel>(
        channel, "catalog_publications.channel", PublicationChannelFromCode);
    if (!c.ok()) return c.status();
    Result<Date> d = ParseDateColumn(published_on, "catalog_publications.published_on");
    if (!d.ok()) return d.status();
    item->channels.push_back({*c, *d});
  }
  tx.Commit();
  return item;
}

Result<std::vector<FacetCount>> Facet(Connection& conn, const char* query, long long agency_id,
                                      const std::string& as_of) {
  std::vector<FacetCount> out;
  std::string value;
  long long count = 0;
  soci::statement st = (conn.sql.prepare << query, soci::use(agency_id, "agency_id"),
                        soci::use(as_of, "as_of"), soci::into(value), soci::into(count));
  st.execute();
  while (st.fetch()) out.push_back({value, static_cast<int64_t>(count)});
  return out;
}

// Code-point order (byte order of UTF-8), whatever the database's collation: PostgreSQL sorts
// text by its locale, SQLite by bytes.
void SortByValue(std::vector<FacetCount>& facets) {
  std::sort(facets.begin(), facets.end(),
            [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
}

}  // namespace

Result<CatalogPage> SociRepository::ListCatalogItems(int64_t agency_id, const CatalogFilter& filter,
                                                     PageRequest page) {
  GONGKAI_RETURN_IF_ERROR(CheckPage(page));
  GONGKAI_RETURN_IF_ERROR(CheckFilter(filter));
  try {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    CatalogPage out;
    out.number = page.number;
    out.size = page.size;
    Result<int64_t> total = Count(*conn_, agency_id, filter);
    if (!total.ok()) return total.status();
    out.total = *total;
    const long long offset = static_cast<long long>(page.number - 1) * page.size;
    if (offset < out.total) {
      FilterParams p;
      p.agency_id = agency_id;
      p.as_of = DateText(filter.as_of);
      p.limit = page.size;
      p.offset = offset;
      std::string sql = kSelectCatalogListPrefix;
      CatalogRow row;
      soci::statement st(conn_->sql);
      row.Exchange(st, /*with_body=*/false);
      AddFilter(st, sql, filter, p);
      sql += kCatalogOrderPage;
      st.exchange(soci::use(p.limit, "limit"));
      st.exchange(soci::use(p.offset, "offset"));
      st.alloc();
      st.prepare(sql);
      st.define_and_bind();
      out.items.reserve(static_cast<size_t>(std::min<long long>(page.size, out.total - offset)));
      GONGKAI_RETURN_IF_ERROR(FetchItems(st, row, out.items));
    }
    tx.Commit();
    return out;
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<CatalogPage> SociRepository::ListAllCatalogItems(int64_t agency_id, PageRequest page) {
  GONGKAI_RETURN_IF_ERROR(CheckPage(page));
  try {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    CatalogPage out;
    out.number = page.number;
    out.size = page.size;
    long long id = agency_id;
    long long total = 0;
    conn_->sql << kCountAllCatalogItems, soci::use(id, "agency_id"), soci::into(total);
    out.total = total;
    long long limit = page.size;
    long long offset = static_cast<long long>(page.number - 1) * page.size;
    if (offset < total) {
      CatalogRow row;
      soci::statement st(conn_->sql);
      row.Exchange(st, /*with_body=*/false);
      st.exchange(soci::use(id, "agency_id"));
      st.exchange(soci::use(limit, "limit"));
      st.exchange(soci::use(offset, "offset"));
      st.alloc();
      st.prepare(kSelectAllCatalogItems);
      st.define_and_bind();
      GONGKAI_RETURN_IF_ERROR(FetchItems(st, row, out.items));
    }
    tx.Commit();
    return out;
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<int64_t> SociRepository::CountCatalogItems(int64_t agency_id, const CatalogFilter& filter) {
  GONGKAI_RETURN_IF_ERROR(CheckFilter(filter));
  try {
    return Count(*conn_, agency_id, filter);
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<CatalogItem> SociRepository::FindCatalogItemByIndexNo(int64_t agency_id,
                                                             std::string_view index_no) {
  const std::string missing = "未找到索引号为 " + std::string(index_no) + " 的目录条目";
  if (index_no.empty()) return NotFound(missing);
  try {
    return FindOne(*conn_, kSelectCatalogItemByIndexNo, agency_id, std::string(index_no),
                   "index_no", missing);
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<CatalogItem> SociRepository::FindCatalogItem(int64_t agency_id, int64_t id) {
  try {
    return FindOne(*conn_, kSelectCatalogItemById, agency_id, static_cast<long long>(id), "id",
                   "未找到编号为 " + std::to_string(id) + " 的目录条目");
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<std::vector<CatalogItem>> SociRepository::LatestCatalogItems(Date as_of, int limit) {
  if (limit < 1 || limit > kMaxLatest) {
    return InvalidInput("最新条目数必须在 1 到 " + std::to_string(kMaxLatest) + " 之间（收到 " +
                        std::to_string(limit) + "）");
  }
  try {
    std::vector<CatalogItem> out;
    std::string as_of_text = DateText(as_of);
    long long n = limit;
    CatalogRow row;
    soci::statement st(conn_->sql);
    row.Exchange(st, /*with_body=*/false);
    st.exchange(soci::use(as_of_text, "as_of"));
    st.exchange(soci::use(n, "limit"));
    st.alloc();
    st.prepare(kSelectLatestCatalog);
    st.define_and_bind();
    GONGKAI_RETURN_IF_ERROR(FetchItems(st, row, out));
    return out;
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<CatalogFacets> SociRepository::ListCatalogFacets(int64_t agency_id, Date as_of) {
  try {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    const long long id = agency_id;
    const std::string day = DateText(as_of);
    CatalogFacets out;
    Result<std::vector<FacetCount>> topics = Facet(*conn_, kSelectCatalogTopicFacet, id, day);
    if (!topics.ok()) return topics.status();
    Result<std::vector<FacetCount>> genres = Facet(*conn_, kSelectCatalogGenreFacet, id, day);
    if (!genres.ok()) return genres.status();
    Result<std::vector<FacetCount>> years = Facet(*conn_, kSelectCatalogYearFacet, id, day);
    if (!years.ok()) return years.status();
    out.topics = std::move(topics).value();
    out.genres = std::move(genres).value();
    SortByValue(out.topics);
    SortByValue(out.genres);
    out.years = std::move(years).value();
    tx.Commit();
    return out;
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

}  // namespace gongkai::store
