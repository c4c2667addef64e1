#include "app/guides.h"

#include <set>

#include "core/application/applicant.h"

namespace gongkai::app {

Result<Guide> PublishGuide(const Services& s, const Actor& actor, int64_t agency_id, Guide g,
                           Timestamp now) {
  if (actor.is_public()) return Forbidden("请先登录工作人员账户");
  if (!actor.Has(Role::kEditor, agency_id)) {
    return Forbidden("当前账户没有该机关的“编辑”权限，不能发布指南");
  }
  for (const auto& [label, value] :
       {std::pair<const char*, const std::string*>{"公开工作机构名称", &g.office_name},
        {"办公地址", &g.address},
        {"联系电话", &g.phone},
        {"办公时间", &g.hours}}) {
    if (!IsWellFormedUtf8(*value)) return InvalidInput(std::string(label) + "含有无效字符");
    if (value->empty()) return InvalidInput("请填写" + std::string(label));
  }
  std::set<Channel> seen;
  for (const GuideChannel& c : g.channels) {
    if (!seen.insert(c.channel).second) {
      return InvalidInput("申请渠道“" + std::string(ToChinese(c.channel)) + "”重复");
    }
    if (!IsWellFormedUtf8(c.rules)) return InvalidInput("渠道说明含有无效字符");
  }
  for (Channel basic : {Channel::kInPerson, Channel::kPostSigned, Channel::kPostOrdinary}) {
    bool accepted = false;
    for (const GuideChannel& c : g.channels) accepted |= c.channel == basic && c.accepted;
    if (!accepted) {
      return InvalidInput("指南必须接受“" + std::string(ToChinese(basic)) +
                          "”申请（当面提交和邮寄是不得拒绝的基本渠道）");
    }
  }
  g.agency_id = agency_id;
  g.id = 0;
  g.version = 0;
  if (g.published_on.days() == 0) g.published_on = now.ChinaDate();
  g.actor = actor.login;
  g.created_at = now;
  AuditRecord a;
  a.recorded_at = now;
  a.actor = actor.Name();
  a.action = "guide.publish";
  a.agency_id = agency_id;
  a.client_ip = actor.client_ip;
  a.detail = "发布政府信息公开指南";
  return s.repo->PublishGuide(g, a);
}

Result<std::vector<Guide>> ListGuideVersions(const Services& s, int64_t agency_id) {
  return s.repo->ListGuides(agency_id);
}

Result<Guide> CurrentGuide(const Services& s, int64_t agency_id) {
  Result<std::vector<Guide>> all = s.repo->ListGuides(agency_id);
  if (!all.ok()) return all.status();
  if (all->empty()) return NotFound("该机关尚未发布政府信息公开指南");
  return all->front();
}

}  // namespace gongkai::app
