// Versioned guides (政府信息公开指南) for SociRepository (migration 3).
#include <map>
#include <string>
#include <utility>

#include "store/codec.h"
#include "store/soci_repository.h"
#include "store/web_queries.h"
#include "store/web_support.h"

namespace gongkai::store {

Result<Guide> SociRepository::PublishGuide(const Guide& guide, const AuditRecord& audit) {
  return Guarded(*conn_, [&]() -> Result<Guide> {
    Transaction tx(*conn_, Transaction::Mode::kWrite);
    long long agency = guide.agency_id;
    Result<Agency> a = LoadAgencyById(*conn_, agency);
    if (!a.ok()) return a.status();
    int version = 0;
    conn_->sql << kSelectMaxGuideVersion, soci::use(agency, "agency_id"), soci::into(version);
    Guide g = guide;
    g.version = version + 1;
    long long id = AllocateIds(*conn_, "guides", 1).front();
    g.id = id;
    std::string published = DateText(g.published_on), created = g.created_at.ToIso8601();
    int v = g.version;
    conn_->sql << kInsertGuide, soci::use(id, "id"), soci::use(agency, "agency_id"),
        soci::use(v, "version"), soci::use(published, "published_on"),
        soci::use(g.office_name, "office_name"), soci::use(g.address, "address"),
        soci::use(g.postal_code, "postal_code"), soci::use(g.hours, "hours"),
        soci::use(g.phone, "phone"), soci::use(g.fax, "fax"), soci::use(g.email, "email"),
        soci::use(g.website, "website"), soci::use(g.intro, "intro"), soci::use(g.fees, "fees"),
        soci::use(g.notice_prefix, "notice_prefix"), soci::use(g.actor, "actor"),
        soci::use(created, "created_at");
    int seq = 0;
    for (const GuideChannel& c : g.channels) {
      ++seq;
      std::string channel(ToCode(c.channel)), rules = c.rules;
      int accepted = c.accepted ? 1 : 0;
      conn_->sql << kInsertGuideChannel, soci::use(id, "guide_id"), soci::use(agency, "agency_id"),
          soci::use(seq, "seq"), soci::use(channel, "channel"), soci::use(accepted, "accepted"),
          soci::use(rules, "rules");
    }
    AuditRecord r = audit;
    r.agency_id = agency;
    r.detail += "（第 " + std::to_string(g.version) + " 版）";
    AppendAuditRow(*conn_, r);
    tx.Commit();
    return g;
  });
}

Result<std::vector<Guide>> SociRepository::ListGuides(int64_t agency_id) {
  return Guarded(*conn_, [&]() -> Result<std::vector<Guide>> {
    Transaction tx(*conn_, Transaction::Mode::kRead);
    long long agency = agency_id;
    std::vector<Guide> out;
    std::map<long long, size_t> index;
    {
      long long id = 0;
      int version = 0;
      std::string published, office, address, postal, hours, phone, fax, email, website, intro,
          fees, prefix, actor, created;
      soci::statement st =
          (conn_->sql.prepare << kSelectGuides, soci::use(agency, "agency_id"), soci::into(id),
           soci::into(version), soci::into(published), soci::into(office), soci::into(address),
           soci::into(postal), soci::into(hours), soci::into(phone), soci::into(fax),
           soci::into(email), soci::into(website), soci::into(intro), soci::into(fees),
           soci::into(prefix), soci::into(actor), soci::into(created));
      st.execute();
      while (st.fetch()) {
        Guide g;
        g.id = id;
        g.agency_id = agency_id;
        g.version = version;
        g.published_on = DateColumn(published, "guides.published_on");
        g.office_name = office;
        g.address = address;
        g.postal_code = postal;
        g.hours = hours;
        g.phone = phone;
        g.fax = fax;
        g.email = email;
        g.website = website;
        g.intro = intro;
        g.fees = fees;
        g.notice_prefix = prefix;
        g.actor = actor;
        g.created_at = TimestampColumn(created, "guides.created_at");
        index[id] = out.size();
        out.push_back(std::move(g));
      }
    }
    long long guide_id = 0;
    std::string channel, rules;
    int accepted = 0;
    soci::statement st =
        (conn_->sql.prepare << kSelectGuideChannels, soci::use(agency, "agency_id"),
         soci::into(guide_id), soci::into(channel), soci::into(accepted), soci::into(rules));
    st.execute();
    while (st.fetch()) {
      auto it = index.find(guide_id);
      if (it == index.end()) continue;
      GuideChannel c;
      c.channel =
          Must(DecodeColumn<Channel>(channel, "guide_channels.channel",
                                     [](std::string_view x) { return ChannelFromCode(x); }));
      c.accepted = accepted != 0;
      c.rules = rules;
      out[it->second].channels.push_back(std::move(c));
    }
    tx.Commit();
    return out;
  });
}

}  // namespace gongkai::store
