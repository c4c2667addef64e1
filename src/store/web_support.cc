#include "store/web_support.h"

#include "store/codec.h"
#include "store/web_queries.h"

namespace gongkai::store {

Timestamp TimestampColumn(const std::string& text, std::string_view column) {
  Result<Timestamp> t = Timestamp::ParseIso8601(text);
  if (!t.ok()) {
    throw DecodeError(
        StorageError("数据库中 " + std::string(column) + " 的值 \"" + text + "\" 不是有效时间"));
  }
  return *t;
}

Date DateColumn(const std::string& text, std::string_view column) {
  return Must(ParseDateColumn(text, column));
}

long long NextCounter(Connection& conn, long long agency_id, const std::string& scope, int year) {
  conn.sql << kBumpCounter, soci::use(agency_id, "agency_id"), soci::use(scope, "scope"),
      soci::use(year, "year");
  long long value = 0;
  conn.sql << kSelectCounter, soci::use(agency_id, "agency_id"), soci::use(scope, "scope"),
      soci::use(year, "year"), soci::into(value);
  return value;
}

void AppendAuditRow(Connection& conn, const AuditRecord& record) {
  std::string recorded_at = record.recorded_at.ToIso8601();
  std::string actor = record.actor.empty() ? "unknown" : record.actor;
  std::string action = record.action, detail = record.detail, ip = record.client_ip;
  std::string source = ip.empty() ? "" : "web";
  long long agency_id = record.agency_id.value_or(0);
  soci::indicator agency_ind = record.agency_id ? soci::i_ok : soci::i_null;
  conn.sql << kInsertAuditWithIp, soci::use(recorded_at, "recorded_at"), soci::use(actor, "actor"),
      soci::use(action, "action"), soci::use(agency_id, agency_ind, "agency_id"),
      soci::use(source, "source"), soci::use(detail, "detail"), soci::use(ip, "client_ip");
}

void AppendCatalogOutbox(Connection& conn, long long agency_id, long long item_id,
                         std::string_view op, Timestamp at) {
  std::string entity = "catalog_item", op_text(op), created_at = at.ToIso8601();
  conn.sql << kInsertOutbox, soci::use(agency_id, "agency_id"), soci::use(entity, "entity"),
      soci::use(item_id, "entity_id"), soci::use(op_text, "op"),
      soci::use(created_at, "created_at");
}

}  // namespace gongkai::store
