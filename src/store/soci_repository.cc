// The non-bulk methods of SociRepository, and the exception boundary of every method: nothing
// below it may escape as an exception (STYLE.md §6).
#include "store/soci_repository.h"

#include <string>
#include <utility>

#include "store/audit.h"
#include "store/queries.h"

namespace gongkai::store {
namespace {

// One agency row, as selected by the kSelectAgency* queries.
struct AgencyRow {
  long long id = 0;
  std::string slug, name, short_name, org_code, parent_slug, region;
  long long parent_id = 0;
  soci::indicator parent_ind = soci::i_null;
  soci::indicator parent_slug_ind = soci::i_null;

  Agency ToAgency() const {
    Agency a;
    a.id = id;
    a.slug = slug;
    a.name = name;
    a.short_name = short_name;
    a.org_code = org_code;
    if (parent_ind == soci::i_ok) a.parent_id = parent_id;
    if (parent_slug_ind == soci::i_ok) a.parent_slug = parent_slug;
    a.region = region;
    return a;
  }
};

// Binds the columns of `row` to `st` in the order of the kSelectAgency* queries.
void ExchangeAgency(soci::statement& st, AgencyRow& row) {
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.slug));
  st.exchange(soci::into(row.name));
  st.exchange(soci::into(row.short_name));
  st.exchange(soci::into(row.org_code));
  st.exchange(soci::into(row.parent_id, row.parent_ind));
  st.exchange(soci::into(row.parent_slug, row.parent_slug_ind));
  st.exchange(soci::into(row.region));
}

Status InvalidKey(std::string_view what, const std::string& value) {
  return InvalidInput(std::string(what) + "不能为空（\"" + value + "\"）");
}

}  // namespace

Result<Agency> LoadAgencyById(Connection& conn, long long id) {
  AgencyRow row;
  soci::statement st(conn.sql);
  ExchangeAgency(st, row);
  st.exchange(soci::use(id));
  st.alloc();
  st.prepare(kSelectAgencyById);
  st.define_and_bind();
  if (!st.execute(true)) return NotFound("未找到机关（编号 " + std::to_string(id) + "）");
  return row.ToAgency();
}

Result<ImportSummary> SociRepository::Import(const Dataset& dataset) {
  try {
    return DoImport(dataset);
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<YearRecords> SociRepository::LoadYear(int64_t agency_id, int year) {
  try {
    return DoLoadYear(agency_id, year);
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<std::vector<Agency>> SociRepository::ListAgencies() {
  try {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    std::vector<Agency> out;
    AgencyRow row;
    soci::statement st(conn_->sql);
    ExchangeAgency(st, row);
    st.alloc();
    st.prepare(kSelectAgencies);
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      out.push_back(row.ToAgency());
      row.parent_ind = row.parent_slug_ind = soci::i_null;
    }
    tx.Commit();
    return out;
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<Agency> SociRepository::FindAgency(std::string_view slug) {
  try {
    std::string key(slug);
    AgencyRow row;
    soci::statement st(conn_->sql);
    ExchangeAgency(st, row);
    st.exchange(soci::use(key));
    st.alloc();
    st.prepare(kSelectAgencyBySlug);
    st.define_and_bind();
    if (!st.execute(true)) return NotFound("未找到机关 \"" + key + "\"");
    return row.ToAgency();
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Result<std::vector<int>> SociRepository::YearsWithRecords(int64_t agency_id) {
  try {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    Result<Agency> agency = LoadAgencyById(*conn_, agency_id);
    if (!agency.ok()) return agency.status();
    long long id = agency_id;
    std::vector<int> years;
    std::vector<int> chunk(1000);
    soci::statement st = (conn_->sql.prepare << kSelectYearsWithRecords, soci::use(id, "agency_id"),
                          soci::into(chunk));
    st.execute();
    while (st.fetch()) {
      years.insert(years.end(), chunk.begin(), chunk.end());
      chunk.resize(1000);
    }
    tx.Commit();
    return years;
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Status SociRepository::SaveManualFigure(const ManualFigure& figure) {
  try {
    if (figure.format_id.empty()) return InvalidKey("手工填报数的年报格式", figure.cell_id);
    if (figure.cell_id.empty()) return InvalidKey("手工填报数的单元格", figure.format_id);
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    Result<Agency> agency = LoadAgencyById(*conn_, figure.agency_id);
    if (!agency.ok()) return agency.status();
    long long agency_id = figure.agency_id;
    int year = figure.year;
    std::string format_id = figure.format_id, cell_id = figure.cell_id;
    long long micros = figure.value.micros();
    std::string entered_by = figure.entered_by, source = figure.source;
    std::string entered_at = figure.entered_at.empty() ? NowIso8601() : figure.entered_at;
    conn_->sql << kUpsertManualFigure, soci::use(agency_id, "agency_id"), soci::use(year, "year"),
        soci::use(format_id, "format_id"), soci::use(cell_id, "cell_id"),
        soci::use(micros, "value_micros"), soci::use(entered_by, "entered_by"),
        soci::use(entered_at, "entered_at"), soci::use(source, "source");

    AppendAudit(*conn_, {entered_by, "save_manual_figure", agency_id, source,
                         std::to_string(year) + " 年 " + format_id + " 格式单元格 " + cell_id +
                             " = " + figure.value.ToString()});
    tx.Commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

Status SociRepository::SaveNarrative(const NarrativeSection& section) {
  try {
    if (section.format_id.empty()) return InvalidKey("年报正文的格式", section.section_id);
    if (section.section_id.empty()) return InvalidKey("年报正文的章节", section.format_id);
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    Result<Agency> agency = LoadAgencyById(*conn_, section.agency_id);
    if (!agency.ok()) return agency.status();
    long long agency_id = section.agency_id;
    int year = section.year;
    std::string format_id = section.format_id, section_id = section.section_id;
    std::string body = section.body, edited_by = section.edited_by;
    std::string edited_at = section.edited_at.empty() ? NowIso8601() : section.edited_at;
    conn_->sql << kUpsertNarrative, soci::use(agency_id, "agency_id"), soci::use(year, "year"),
        soci::use(format_id, "format_id"), soci::use(section_id, "section_id"),
        soci::use(body, "body"), soci::use(edited_by, "edited_by"),
        soci::use(edited_at, "edited_at");

    AppendAudit(*conn_, {edited_by, "save_narrative", agency_id, "",
                         std::to_string(year) + " 年 " + format_id + " 格式第 " + section_id +
                             " 节正文（" + std::to_string(body.size()) + " 字节）"});
    tx.Commit();
    return Status::Ok();
  } catch (const std::exception& e) {
    return TranslateError(*conn_, e);
  }
}

}  // namespace gongkai::store
