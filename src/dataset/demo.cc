#include "dataset/demo.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/application/deadline.h"
#include "core/application/state.h"

namespace gongkai {
namespace {

// ---------------------------------------------------------------------------------------------
// Randomness with our own distributions: std::mt19937_64 is fully specified by the standard,
// std::uniform_int_distribution and friends are not.

class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  uint64_t Next() { return gen_(); }
  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int Int(int lo, int hi) {
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(Next() % span);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(0, static_cast<int>(v.size()) - 1))];
  }
  // Index drawn with the given weights.
  size_t Weighted(const std::vector<double>& w) {
    double total = 0;
    for (double x : w) total += x;
    double r = Unit() * total;
    for (size_t i = 0; i < w.size(); ++i) {
      if (r < w[i]) return i;
      r -= w[i];
    }
    return w.size() - 1;
  }
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) {
      std::swap(v[i - 1], v[static_cast<size_t>(Next() % i)]);
    }
  }

 private:
  std::mt19937_64 gen_;
};

// ---------------------------------------------------------------------------------------------
// The fictional places and departments.

struct District {
  const char* name;    // 东湖区
  const char* slug;    // donghu
  const char* abbrev;  // 东 (prefix of 文号)
  const char* court;   // 基层法院代字 for lawsuit numbers
};

constexpr const char* kProvince = "江北省";
constexpr const char* kCity = "江城市";

const std::vector<District>& Districts() {
  static const std::vector<District> kDistricts = {
      {"东湖区", "donghu", "东", "江0102"},   {"西山区", "xishan", "西", "江0103"},
      {"南湖区", "nanhu", "南", "江0104"},    {"北园区", "beiyuan", "北", "江0105"},
      {"青山区", "qingshan", "青", "江0106"}, {"白河区", "baihe", "白", "江0107"},
  };
  return kDistricts;
}

struct Department {
  const char* name;      // 自然资源局
  const char* slug;      // natural-resources
  const char* doc_word;  // 自然资发 (文号 after the district abbreviation)
  const char* topic;     // 主题分类
  double weight;         // share of applications
  int license_items;     // 行政许可 items handled (0 = none)
  int decisions;         // yearly 行政许可 decisions, roughly
  int penalties;         // yearly 行政处罚 decisions, roughly
  int fee_items;         // 行政事业性收费 items
  std::vector<const char*> subjects;
};

const std::vector<Department>& Departments() {
  static const std::vector<Department> kDepartments = {
      {"人民政府办公室",
       "gov-office",
       "政办发",
       "综合政务\\政务公开",
       1.0,
       0,
       0,
       0,
       0,
       {"政务公开工作要点", "重点民生实事项目", "突发事件总体应急预案", "行政规范性文件管理",
        "优化营商环境", "政府工作报告重点任务分工", "防汛抗旱工作", "安全生产月活动"}},
      {"自然资源局",
       "natural-resources",
       "自然资发",
       "国土资源、能源\\土地",
       1.5,
       38,
       420,
       35,
       4,
       {"国有建设用地使用权出让", "不动产登记", "土地征收成片开发方案", "国土空间总体规划",
        "耕地保护", "矿产资源开发", "地质灾害防治", "农村宅基地审批"}},
      {"市场监督管理局",
       "market-regulation",
       "市监发",
       "市场监管、安全生产监管\\市场监管",
       1.2,
       45,
       2600,
       180,
       2,
       {"食品安全抽检", "特种设备安全监察", "企业年度报告公示", "价格监督检查", "产品质量监督抽查",
        "药品零售企业检查", "计量器具强制检定", "双随机一公开抽查"}},
      {"住房和城乡建设局",
       "housing",
       "住建发",
       "城乡建设、环境保护\\城乡建设",
       1.3,
       30,
       640,
       40,
       3,
       {"老旧小区改造", "保障性住房", "建筑工地扬尘治理", "物业服务管理", "商品房预售许可",
        "城市更新项目", "建筑市场监管", "燃气安全"}},
      {"人力资源和社会保障局",
       "hrss",
       "人社发",
       "劳动、人事、监察\\劳动就业",
       1.0,
       12,
       310,
       15,
       1,
       {"城乡居民养老保险", "就业补贴", "农民工工资支付", "事业单位公开招聘", "职业技能培训",
        "工伤认定", "劳动保障监察", "社会保险稽核"}},
      {"民政局",
       "civil-affairs",
       "民发",
       "民政、扶贫、救灾\\社会救助",
       0.8,
       8,
       120,
       3,
       1,
       {"最低生活保障", "特困人员救助供养", "养老服务机构", "社会组织登记", "殡葬管理", "临时救助",
        "儿童福利", "婚姻登记"}},
      {"教育局",
       "education",
       "教发",
       "科技、教育\\教育",
       0.9,
       10,
       90,
       5,
       2,
       {"义务教育招生", "学前教育普惠", "校外培训机构", "学生资助", "教师招聘", "校园安全",
        "中小学布局规划", "课后服务"}},
      {"卫生健康局",
       "health",
       "卫健发",
       "卫生、体育\\卫生",
       0.9,
       25,
       380,
       60,
       2,
       {"基本公共卫生服务", "医疗机构执业登记", "传染病防控", "家庭医生签约", "职业健康",
        "母婴保健", "医疗纠纷调解", "健康促进"}},
      {"交通运输局",
       "transport",
       "交发",
       "工业、交通\\交通",
       0.8,
       18,
       260,
       90,
       2,
       {"农村公路建设", "道路运输经营许可", "出租汽车管理", "公交线网优化", "交通工程质量",
        "货运车辆超限治理", "网约车管理", "道路养护"}},
      {"商务局",
       "commerce",
       "商发",
       "商贸、海关、旅游\\国内贸易",
       0.6,
       6,
       40,
       8,
       0,
       {"成品油市场", "单用途商业预付卡", "再生资源回收", "电子商务进农村", "外贸企业扶持",
        "家政服务业", "老字号保护", "商贸流通安全"}},
  };
  return kDepartments;
}

const std::vector<std::string>& Officers() {
  static const std::vector<std::string> kOfficers = {"zhang.min", "li.jing",  "wang.qiang",
                                                     "liu.yang",  "chen.hui", "zhao.lei"};
  return kOfficers;
}

// 组织机构代码 with its check character (GB 11714).
std::string OrgCode(Rng& rng) {
  static constexpr std::array<int, 8> kWeights = {3, 7, 9, 10, 5, 8, 4, 2};
  std::string code;
  int sum = 0;
  for (int i = 0; i < 8; ++i) {
    const int d = i == 0 ? rng.Int(0, 7) : rng.Int(0, 9);
    code += static_cast<char>('0' + d);
    sum += d * kWeights[static_cast<size_t>(i)];
  }
  const int c = 11 - sum % 11;
  code += c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
  return code;
}

std::string Pad(int n, int width) {
  std::string s = std::to_string(n);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<size_t>(width) - s.size(), '0');
  return s;
}

std::string Str(int n) { return std::to_string(n); }

// ---------------------------------------------------------------------------------------------
// Working days.

class Days {
 public:
  explicit Days(const WorkCalendar& cal) : cal_(cal) {}
  bool Working(Date d) const {
    Result<bool> w = cal_.IsWorkingDay(d);
    return w.ok() ? *w : !d.is_weekend();
  }
  // `d` if a working day, else the next one.
  Date OnOrAfter(Date d) const {
    while (!Working(d)) d = d.Next();
    return d;
  }
  Date OnOrBefore(Date d) const {
    while (!Working(d)) d = d.Prev();
    return d;
  }
  // The n-th working day after `d` (n ≥ 1).
  Date Add(Date d, int n) const {
    while (n > 0) {
      d = d.Next();
      if (Working(d)) --n;
    }
    return d;
  }
  // Working days in (a, b].
  int Between(Date a, Date b) const {
    int n = 0;
    for (Date d = a.Next(); d <= b; d = d.Next()) n += Working(d) ? 1 : 0;
    return n;
  }
  // A random working day in [from, to] (from if the range has none).
  Date Random(Rng& rng, Date from, Date to) const {
    if (to < from) return from;
    for (int tries = 0; tries < 20; ++tries) {
      const Date d = from.AddDays(rng.Int(0, DaysBetween(from, to)));
      if (Working(d)) return d;
    }
    return OnOrAfter(from);
  }

 private:
  const WorkCalendar& cal_;
};

// ---------------------------------------------------------------------------------------------
// Generation state for one agency.

struct AgencyPlan {
  Agency agency;
  const District* district = nullptr;
  const Department* dept = nullptr;
  std::string short_name;  // 东湖区自然资源局
  int doc_seq_year = 0;
  int doc_seq = 0;
  std::map<int, int> index_seq;  // year → last 索引号 serial
  int app_seq_year = 0;
  int app_seq = 0;
  int review_seq = 0;
  int lawsuit_seq = 0;
};

struct Generator {
  const DemoOptions& opt;
  Rng rng;
  Days days;
  Date end;  // 31 December of the last year, or DemoOptions::until
  Dataset out;

  Generator(const DemoOptions& o, const WorkCalendar& cal)
      : opt(o), rng(o.seed), days(cal), end(o.until ? *o.until : Date::FromYmd(o.last_year, 12, 31)) {}

  std::string IndexNo(AgencyPlan& p, int year) {
    return p.agency.org_code + "/" + Str(year) + "-" + Pad(++p.index_seq[year], 5);
  }
  std::string DocNo(AgencyPlan& p, int year) {
    if (p.doc_seq_year != year) {
      p.doc_seq_year = year;
      p.doc_seq = 0;
    }
    p.doc_seq += rng.Int(1, 3);
    return std::string(p.district->abbrev) + p.dept->doc_word + "〔" + Str(year) + "〕" +
           Str(p.doc_seq) + "号";
  }

  void AddChannels(CatalogItem& c) {
    const Date pub = *c.published_on;
    c.channels.push_back({PublicationChannel::kWebsite, pub});
    if (rng.Chance(0.12)) c.channels.push_back({PublicationChannel::kWechat, pub});
    if (rng.Chance(0.08)) c.channels.push_back({PublicationChannel::kWeibo, days.Add(pub, 1)});
    if (c.normative && rng.Chance(0.35)) {
      c.channels.push_back({PublicationChannel::kGazette, days.Add(pub, rng.Int(5, 20))});
    }
    if (rng.Chance(0.03)) c.channels.push_back({PublicationChannel::kOther, pub});
    // Nothing is dated after the end of the demo.
    c.channels.erase(
        std::remove_if(c.channels.begin(), c.channels.end(),
                       [&](const ChannelPublication& p) { return p.published_on > end; }),
        c.channels.end());
  }

  void AddItem(AgencyPlan& p, CatalogItem c) {
    if (c.published_on && *c.published_on > end) c.published_on.reset();
    if (c.created_on > end) return;
    c.index_no = IndexNo(p, c.created_on.year());
    c.publisher = p.agency.name;
    if (c.topic.empty()) c.topic = p.dept->topic;
    if (c.published_on) AddChannels(c);
    if (c.published_on && rng.Chance(0.01)) {
      const Date w = days.Add(*c.published_on, rng.Int(5, 60));
      if (w <= end) c.withdrawn_on = w;
    }
    out.catalog_items.push_back({p.agency.slug, std::move(c)});
  }

  // A normative document issued in `year` (and its publication).
  void AddNormative(AgencyPlan& p, int year) {
    static const std::vector<const char*> kKinds = {"管理办法", "实施细则", "实施意见",
                                                    "工作规程", "暂行办法", "实施方案"};
    const std::string subject = rng.Pick(p.dept->subjects);
    const std::string kind = rng.Pick(kKinds);
    CatalogItem c;
    const Date issued = days.Random(rng, Date::FromYmd(year, 1, 5), Date::FromYmd(year, 12, 10));
    c.title = "关于印发《" + std::string(p.district->name) + subject + kind + "》的通知";
    c.doc_no = DocNo(p, year);
    c.created_on = issued;
    c.published_on = days.Add(issued, rng.Int(2, 15));
    c.genre = "通知";
    c.summary = "印发" + std::string(p.district->name) + subject + kind + "，自印发之日起施行。";
    c.body = "各有关单位：\n现将《" + std::string(p.district->name) + subject + kind +
             "》印发给你们，请结合实际认真贯彻执行。";
    c.article20_item = 1;
    NormativeDocument n;
    n.issuing_body = p.agency.name;
    n.issued_on = issued;
    n.effective_on = rng.Chance(0.5) ? issued : issued.AddDays(30);
    const double r = rng.Unit();
    if (r < 0.14) {
      const Date from = Date::FromYmd(year + 1, 1, 10);
      const Date rep = days.Random(rng, from, from.AddDays(365 * rng.Int(1, 5)));
      if (rep <= end) n.repealed_on = rep;
    } else if (r < 0.24) {
      const Date exp = Date::FromYmd(year + (rng.Chance(0.5) ? 3 : 5), issued.month(), 1).Prev();
      if (exp <= end) n.expired_on = exp;
    }
    c.normative = n;
    AddItem(p, std::move(c));
  }

  void AddYearItems(AgencyPlan& p, int year) {
    const std::string& sn = p.short_name;
    const Department& d = *p.dept;
    auto item = [&](std::string title, Date created, int publish_after, const char* genre,
                    std::optional<int> art20, std::string summary) {
      CatalogItem c;
      c.title = std::move(title);
      c.created_on = days.OnOrAfter(created);
      c.published_on = days.Add(c.created_on, publish_after);
      c.genre = genre;
      c.article20_item = art20;
      c.summary = std::move(summary);
      AddItem(p, std::move(c));
    };
    // 年度报告 of last year, by 31 January.
    item(sn + Str(year - 1) + "年政府信息公开工作年度报告", Date::FromYmd(year, 1, 10),
         rng.Int(1, 8), "报告", std::nullopt, "本机关上一年度政府信息公开工作情况。");
    item(sn + Str(year) + "年部门预算", Date::FromYmd(year, 2, rng.Int(1, 20)), rng.Int(3, 10),
         "报告", 7, "部门收支预算总表、财政拨款支出预算表等。");
    item(sn + Str(year - 1) + "年部门决算", Date::FromYmd(year, 8, rng.Int(1, 20)), rng.Int(3, 10),
         "报告", 7, "部门收支决算总表、“三公”经费支出决算情况说明等。");
    if (year == opt.first_year || rng.Chance(0.3)) {
      item(sn + "机构职能及领导分工", Date::FromYmd(year, rng.Int(1, 4), rng.Int(1, 25)), 2, "其他",
           2, "机关职能、内设机构、办公地址、办公时间、联系方式及负责人姓名。");
    }
    // 行政许可 and 行政处罚 results.
    if (d.license_items > 0) {
      const int issues = rng.Int(4, 12);
      for (int i = 1; i <= issues; ++i) {
        const int month = std::min(12, 1 + (i - 1) * 12 / issues + rng.Int(0, 1));
        item("行政许可决定公示（" + Str(year) + "年第" + Str(i) + "期）",
             Date::FromYmd(year, month, rng.Int(1, 25)), rng.Int(1, 5), "公示", 5,
             "本期作出的行政许可决定的相对人、许可事项和决定日期。");
      }
    }
    if (d.penalties > 0) {
      const int n = rng.Int(2, 8);
      for (int i = 1; i <= n; ++i) {
        item("行政处罚决定书（" + std::string(p.district->abbrev) + d.doc_word + "罚〔" +
                 Str(year) + "〕" + Str(rng.Int(1, 99)) + "号）",
             Date::FromYmd(year, rng.Int(1, 12), rng.Int(1, 25)), rng.Int(2, 7), "决定", 6,
             "对违法行为作出的行政处罚决定。");
      }
    }
    if (d.fee_items > 0 && (year == opt.first_year || rng.Chance(0.2))) {
      item(sn + "行政事业性收费项目目录及标准", Date::FromYmd(year, rng.Int(2, 5), rng.Int(1, 25)),
           rng.Int(2, 6), "目录", 8, "收费项目名称、依据、标准。");
    }
    // Work notices, statistics, money, procurement, recruitment, inspections.
    const int notices = rng.Int(5, 12);
    for (int i = 0; i < notices; ++i) {
      const std::string subject = rng.Pick(d.subjects);
      static const std::vector<const char*> kPatterns = {
          "关于做好%s工作的通知", "关于开展%s专项检查的通知", "关于进一步加强%s工作的意见",
          "关于%s有关事项的公告", "关于%s工作情况的通报"};
      const std::string pattern = rng.Pick(kPatterns);
      char title[512];
      std::snprintf(title, sizeof title, pattern.c_str(), subject.c_str());
      const std::string t = title;
      const char* genre = t.find("通知") != std::string::npos   ? "通知"
                          : t.find("意见") != std::string::npos ? "意见"
                          : t.find("公告") != std::string::npos ? "公告"
                                                                : "通报";
      CatalogItem c;
      c.title = t;
      if (rng.Chance(0.6)) c.doc_no = DocNo(p, year);
      c.created_on = days.Random(rng, Date::FromYmd(year, 1, 3), Date::FromYmd(year, 12, 20));
      c.published_on = days.Add(c.created_on, rng.Int(1, 12));
      c.genre = genre;
      c.summary = "部署" + subject + "相关工作。";
      AddItem(p, std::move(c));
    }
    for (int q = 1; q <= 4; ++q) {
      if (!rng.Chance(0.6)) continue;
      const std::string subject = rng.Pick(d.subjects);
      item(Str(year) + "年第" + Str(q) + "季度" + subject + "统计信息",
           Date::FromYmd(year, q == 4 ? 12 : q * 3 + 1, rng.Int(5, 20)), rng.Int(1, 5), "其他", 4,
           "本季度" + subject + "主要统计数据。");
    }
    if (rng.Chance(0.7)) {
      const std::string subject = rng.Pick(d.subjects);
      item(Str(year) + "年" + subject + "资金分配情况公示",
           Date::FromYmd(year, rng.Int(4, 11), rng.Int(1, 25)), rng.Int(1, 5), "公示", 11,
           subject + "资金的分配对象、标准和金额。");
    }
    if (rng.Chance(0.6)) {
      const std::string subject = rng.Pick(d.subjects);
      item(subject + "服务采购项目成交结果公告",
           Date::FromYmd(year, rng.Int(3, 11), rng.Int(1, 25)), rng.Int(1, 3), "公告", 9,
           "采购项目名称、成交供应商及成交金额。");
    }
    if (rng.Chance(0.35)) {
      item(sn + Str(year) + "年公开招聘事业单位工作人员公告",
           Date::FromYmd(year, rng.Int(3, 7), rng.Int(1, 25)), rng.Int(1, 4), "公告", 14,
           "招聘岗位、名额、报考条件及程序。");
    }
    if (rng.Chance(0.5)) {
      const std::string subject = rng.Pick(d.subjects);
      item(Str(year) + "年" + subject + "监督检查情况通报",
           Date::FromYmd(year, rng.Int(5, 12), rng.Int(1, 20)), rng.Int(1, 6), "通报", 13,
           "监督检查的范围、发现的问题和整改情况。");
    }
    const int normative = rng.Int(2, 5);
    for (int i = 0; i < normative; ++i) AddNormative(p, year);
  }

  // Responses, hot topics, meetings, trainings, complaints, staffing.
  void AddCapacity(AgencyPlan& p, int year, int staff_full, int staff_part) {
    const std::string slug = p.agency.slug;
    const int topics = rng.Int(1, 3);
    std::vector<std::string> keys;
    for (int i = 0; i < topics; ++i) {
      HotTopic h;
      h.key = Str(year) + "-" + Str(i + 1);
      h.title = std::string(p.district->name) + rng.Pick(p.dept->subjects) + "社会关注问题";
      h.first_seen_on = days.Random(rng, Date::FromYmd(year, 1, 5), Date::FromYmd(year, 11, 30));
      keys.push_back(h.key);
      // Each topic gets one or two responses.
      const int n = rng.Int(1, 2);
      for (int k = 0; k < n; ++k) {
        Response r;
        r.kind = static_cast<ResponseKind>(rng.Weighted({2, 1, 4, 3, 1}));
        r.on = days.Add(h.first_seen_on, rng.Int(1, 10));
        r.title = "就" + h.title + "作出回应";
        r.principal_leader = (r.kind == ResponseKind::kPressConference ||
                              r.kind == ResponseKind::kOnlineInterview) &&
                             rng.Chance(0.5);
        r.hot_topic_key = h.key;
        out.responses.push_back({slug, r});
      }
      out.hot_topics.push_back({slug, std::move(h)});
    }
    const int interpretations = rng.Int(1, 4);
    for (int i = 0; i < interpretations; ++i) {
      Response r;
      r.kind = ResponseKind::kInterpretation;
      r.on = days.Random(rng, Date::FromYmd(year, 1, 5), Date::FromYmd(year, 12, 20));
      r.title = "图解：" + std::string(p.district->name) + rng.Pick(p.dept->subjects) + "政策问答";
      out.responses.push_back({slug, r});
    }
    const int meetings = rng.Int(1, 3);
    for (int i = 0; i < meetings; ++i) {
      static const std::vector<const char*> kTitles = {"政务公开工作领导小组会议",
                                                       "政府信息公开工作推进会", "政务公开专题会议",
                                                       "年度报告编制工作部署会"};
      out.meetings.push_back(
          {slug,
           Meeting{0, 0, days.Random(rng, Date::FromYmd(year, 1, 5), Date::FromYmd(year, 12, 20)),
                   rng.Pick(kTitles)}});
    }
    const int trainings = rng.Int(1, 2);
    for (int i = 0; i < trainings; ++i) {
      static const std::vector<const char*> kTitles = {
          "《政府信息公开条例》专题培训班", "依申请公开办理实务培训", "政务新媒体运维培训"};
      out.trainings.push_back(
          {slug,
           Training{0, 0, days.Random(rng, Date::FromYmd(year, 2, 1), Date::FromYmd(year, 12, 15)),
                    rng.Pick(kTitles), rng.Int(12, 80)}});
    }
    const int complaints = rng.Int(0, 2);
    for (int i = 0; i < complaints; ++i) {
      static const std::vector<const char*> kSubjects = {"政府信息公开目录更新不及时",
                                                         "申请答复超过期限", "网站栏目链接失效"};
      out.complaints.push_back(
          {slug,
           Complaint{0, 0, days.Random(rng, Date::FromYmd(year, 1, 5), Date::FromYmd(year, 12, 20)),
                     rng.Pick(kSubjects)}});
    }
    Staffing s;
    s.year = year;
    s.full_time = staff_full;
    s.part_time = staff_part;
    s.dedicated_offices = 1;
    s.reading_points = rng.Int(1, 2);
    s.budget_fen = static_cast<int64_t>(rng.Int(2, 12)) * 500000;  // 1–6 万元
    out.staffing.push_back({slug, s});
  }
};

// ---------------------------------------------------------------------------------------------
// Applications.

struct Plan {
  AgencyPlan* agency = nullptr;
  Date received;
  Channel channel = Channel::kOnline;
  ApplicantType type = ApplicantType::kNaturalPerson;
  std::optional<Outcome> outcome;  // nullopt until assigned
  Date statutory;
  RuleSet rules = RuleSet::k2019;
};

const std::vector<Outcome>& WeightedOutcomes2019(std::vector<double>* weights) {
  static const std::vector<std::pair<Outcome, double>> kTable = {
      {Outcome::kAlreadyPublished, 10},
      {Outcome::kDisclosed, 30},
      {Outcome::kPartiallyDisclosed, 8},
      {Outcome::kRefusedStateSecret, 0.3},
      {Outcome::kRefusedLawProhibits, 0.5},
      {Outcome::kRefusedThreeSecurities, 0.3},
      {Outcome::kRefusedTradeSecret, 1.5},
      {Outcome::kRefusedPrivacy, 2},
      {Outcome::kRefusedInternalAffairs, 1},
      {Outcome::kRefusedProcessInfo, 1.5},
      {Outcome::kRefusedEnforcementFile, 0.7},
      {Outcome::kRefusedAdministrativeQuery, 0.4},
      {Outcome::kNotHeld, 14},
      {Outcome::kNotThisAgency, 6},
      {Outcome::kNeedsCreation, 3},
      {Outcome::kUnclearAfterCorrection, 1.5},
      {Outcome::kPetitionComplaint, 2},
      {Outcome::kRepeatApplication, 2.5},
      {Outcome::kPublication, 0.8},
      {Outcome::kExcessiveRequests, 0.5},
      {Outcome::kConfirmOrReissue, 1},
      {Outcome::kCorrectionLapsed, 2.5},
      {Outcome::kFeeLapsed, 0.3},
      {Outcome::kWithdrawn, 3},
      {Outcome::kSpecialProcedure, 2},
      {Outcome::kOther, 1},
  };
  static const std::vector<Outcome> kOutcomes = [] {
    std::vector<Outcome> v;
    for (const auto& [o, w] : kTable) v.push_back(o);
    return v;
  }();
  weights->clear();
  for (const auto& [o, w] : kTable) weights->push_back(w);
  return kOutcomes;
}

// Outcomes the 2008 rules (and the 2008-era table) know: no 信息处理费, no Art. 35, and a
// withdrawal has no row in the 2008 table.
bool LegalUnder2008(Outcome o) {
  return o != Outcome::kExcessiveRequests && o != Outcome::kFeeLapsed && o != Outcome::kWithdrawn;
}

// Fees exist from the 2020 办法 (国办函〔2020〕109号) on.
bool FeesPossible(Date statutory) { return statutory >= Date::FromYmd(2020, 12, 1); }

const char* AnswerNote(Outcome o) {
  switch (o) {
    case Outcome::kAlreadyPublished:
      return "告知获取该政府信息的方式和途径（第三十六条第（一）项）";
    case Outcome::kDisclosed:
      return "向申请人提供该政府信息（第三十六条第（二）项）";
    case Outcome::kPartiallyDisclosed:
      return "区分处理，提供可以公开的部分（第三十七条）";
    case Outcome::kNotHeld:
      return "经检索没有所申请公开的信息（第三十六条第（四）项）";
    case Outcome::kNotThisAgency:
      return "告知申请人向负责公开的机关申请（第三十六条第（五）项）";
    case Outcome::kRepeatApplication:
      return "重复申请，告知不予重复处理（第三十六条第（六）项）";
    case Outcome::kSpecialProcedure:
      return "告知按照不动产登记资料查询的规定办理（第三十六条第（七）项）";
    default:
      return "";
  }
}

struct AppGen {
  Generator& g;

  std::string Name(ApplicantType t) {
    static const std::vector<const char*> kSurnames = {"王", "李", "张", "刘", "陈", "杨",
                                                       "赵", "黄", "周", "吴", "徐", "孙",
                                                       "胡", "朱", "高", "林"};
    static const std::vector<const char*> kGiven = {
        "伟", "芳", "娜", "敏", "静", "丽", "强",   "磊",   "军",   "洋",   "勇",
        "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "桂兰"};
    static const std::vector<const char*> kWords = {"恒达", "盛源", "华信", "鑫隆", "宏远",
                                                    "金桥", "启明", "锦程", "博远", "正和"};
    Rng& r = g.rng;
    switch (t) {
      case ApplicantType::kNaturalPerson:
        return std::string(r.Pick(kSurnames)) + r.Pick(kGiven) +
               (r.Chance(0.5) ? r.Pick(kGiven) : "");
      case ApplicantType::kCommercialEnterprise: {
        static const std::vector<const char*> kTrades = {"置业",     "建筑工程",   "商贸", "物流",
                                                         "餐饮管理", "房地产开发", "科技"};
        return std::string(kCity) + r.Pick(kWords) + r.Pick(kTrades) + "有限公司";
      }
      case ApplicantType::kResearchInstitution:
        return std::string(kCity) + r.Pick(kWords) + "城市发展研究院";
      case ApplicantType::kSocialWelfareOrg:
        return std::string(kCity) + r.Pick(kWords) +
               (r.Chance(0.5) ? "公益服务中心" : "环保志愿者协会");
      case ApplicantType::kLegalServiceOrg:
        return std::string(r.Pick(kWords)) + "律师事务所";
      case ApplicantType::kOtherOrg:
        return r.Chance(0.5) ? std::string(r.Pick(kWords)) + "小区业主委员会"
                             : std::string(r.Pick(kWords)) + "村民委员会";
    }
    return "";
  }

  // A working day in `year`, weighted towards working months; `late_december` forces the last
  // days of the year (for carry-overs).
  Date ReceiptDay(int year, bool late_december) {
    if (late_december) {
      return g.days.OnOrBefore(Date::FromYmd(year, 12, g.rng.Int(20, 31)));
    }
    static const std::vector<double> kMonth = {0.7, 0.6, 1.1, 1.1, 1.0, 1.1,
                                               1.0, 1.0, 1.0, 0.8, 1.1, 1.0};
    const int m = static_cast<int>(g.rng.Weighted(kMonth)) + 1;
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int d = g.rng.Int(1, kDays[static_cast<size_t>(m - 1)]);
    Date day = g.days.OnOrAfter(Date::FromYmd(year, m, d));
    if (day.year() != year) day = g.days.OnOrBefore(Date::FromYmd(year, 12, 31));
    return day;
  }

  // Due date of `app` as its events stand. nullopt if the calendar does not reach it.
  std::optional<Deadline> DeadlineNow(const Application& app) {
    Result<Deadline> d = ComputeDeadline(DeadlineInputOf(app, g.end), *g.opt.calendar, false);
    if (!d.ok()) return std::nullopt;
    return *d;
  }

  // Builds the events of one application for its planned outcome. Stops (leaving the case
  // open) where the next event would fall after the end of the demo.
  Application Build(const Plan& p, const std::string& number) {
    Rng& r = g.rng;
    const Days& days = g.days;
    Application a;
    a.number = number;
    a.channel = p.channel;
    a.received_on = p.received;
    a.applicant_type = p.type;
    a.applicant_name = Name(p.type);
    static const std::vector<const char*> kAsks = {
        "申请公开%s的批复文件", "申请公开%s相关的实施方案及资金使用情况", "申请获取%s的审批结果",
        "申请公开%s的会议纪要和工作记录", "申请公开%s涉及本人的相关材料"};
    char content[512];
    std::snprintf(
        content, sizeof content, r.Pick(kAsks),
        (std::string(p.agency->district->name) + r.Pick(p.agency->dept->subjects)).c_str());
    a.content = content;
    if (p.channel == Channel::kPostOrdinary || p.channel == Channel::kOnline ||
        p.channel == Channel::kFax) {
      a.confirmed_on = p.statutory;
    }
    const Outcome outcome = *p.outcome;
    const std::string actor = r.Pick(Officers());
    auto push = [&](EventKind kind, Date on) -> ApplicationEvent* {
      if (on > g.end) return nullptr;
      ApplicationEvent e;
      e.kind = kind;
      e.on = on;
      e.actor = actor;
      a.events.push_back(e);
      return &a.events.back();
    };
    Date t = p.statutory;

    // 补正.
    const bool correction = outcome == Outcome::kCorrectionLapsed ||
                            outcome == Outcome::kUnclearAfterCorrection || r.Chance(0.07);
    if (correction) {
      const Date asked = days.Add(t, r.Int(1, 5));
      ApplicationEvent* e = push(EventKind::kCorrectionRequested, asked);
      if (e == nullptr) return a;
      e->note = "请补充所需政府信息的名称、文号或者便于查询的其他特征性描述";
      if (outcome == Outcome::kCorrectionLapsed) {
        push(EventKind::kCorrectionLapsed, days.Add(asked, r.Int(16, 22)));
        return a;
      }
      const Date got = days.Add(asked, r.Int(2, 10));
      if (push(EventKind::kCorrectionReceived, got) == nullptr) return a;
      t = got;
    }
    if (outcome == Outcome::kWithdrawn) {
      if (ApplicationEvent* e = push(EventKind::kWithdrawn, days.Add(t, r.Int(1, 10)))) {
        e->note = "申请人书面撤回申请";
      }
      return a;
    }
    // Consultation (the clock pauses).
    const bool third_party_matter = outcome == Outcome::kRefusedTradeSecret ||
                                    outcome == Outcome::kRefusedPrivacy ||
                                    outcome == Outcome::kPartiallyDisclosed;
    if (r.Chance(third_party_matter ? 0.6 : 0.05)) {
      const Date from = days.Add(t, r.Int(1, 5));
      ApplicationEvent* e = push(EventKind::kConsultationStarted, from);
      if (e == nullptr) return a;
      const bool other_agency = p.rules == RuleSet::k2019 && !third_party_matter && r.Chance(0.6);
      e->party = other_agency ? ConsultationParty::kOtherAgency : ConsultationParty::kThirdParty;
      e->note = other_agency ? "就共同制作的政府信息征求相关行政机关意见" : "书面征求第三方意见";
      if (push(EventKind::kConsultationEnded, days.Add(from, r.Int(4, 15))) == nullptr) return a;
      t = a.events.back().on;
    }
    // Extension, approved before the base period ends.
    std::optional<Deadline> dl = DeadlineNow(a);
    if (!dl) return a;
    if (r.Chance(0.08) && days.Between(t, dl->base_due) >= 2) {
      const int max = p.rules == RuleSet::k2019 ? 20 : 15;
      const Date on = days.Random(r, days.Add(t, 1), dl->base_due);
      if (ApplicationEvent* e = push(EventKind::kExtensionApproved, on)) {
        e->extension_days = r.Int(5, max);
        e->note = "经政府信息公开工作机构负责人同意，延长答复期限";
        t = on;
        dl = DeadlineNow(a);
        if (!dl) return a;
      } else {
        return a;
      }
    }
    // 信息处理费 (2020 办法).
    if (p.rules == RuleSet::k2019 && FeesPossible(p.statutory) &&
        (outcome == Outcome::kFeeLapsed || (outcome == Outcome::kDisclosed && r.Chance(0.05)))) {
      const Date notified = days.Random(r, days.Add(t, 1), std::max(days.Add(t, 1), dl->due));
      ApplicationEvent* e = push(EventKind::kFeeNotified, notified);
      if (e == nullptr) return a;
      const int64_t fen = static_cast<int64_t>(r.Int(1, 30)) * 10000;  // 100–3000 元
      e->fee_fen = fen;
      e->note = "按件计收信息处理费";
      if (outcome == Outcome::kFeeLapsed) {
        push(EventKind::kFeeLapsed, days.Add(notified, r.Int(21, 24)));
        return a;
      }
      const Date paid = days.Add(notified, r.Int(2, 10));
      ApplicationEvent* pe = push(EventKind::kFeePaid, paid);
      if (pe == nullptr) return a;
      pe->fee_fen = fen;
      g.out.fees.push_back(
          {p.agency->agency.slug, FeeCollected{0, 0, paid, fen, std::nullopt, number}});
      t = paid;
    }
    // The answer: mostly in time, sometimes on the spot, a few late.
    Date answer;
    if (r.Chance(0.03)) {
      answer = days.Add(std::max(t, dl->due), r.Int(1, 6));
    } else if (a.events.empty() && p.channel == Channel::kInPerson && r.Chance(0.05)) {
      answer = p.statutory;
    } else {
      const Date from = days.Add(t, 1);
      answer = days.Random(r, from, std::max(from, dl->due));
      if (answer > dl->due) answer = std::max(t, dl->due);
    }
    if (ApplicationEvent* e = push(EventKind::kAnswered, answer)) {
      e->outcome = outcome;
      e->note = AnswerNote(outcome);
    }
    return a;
  }
};

// ---------------------------------------------------------------------------------------------
// Narratives: written like an officer would, every number through a placeholder.

struct Writer {
  Rng& rng;
  const AgencyPlan& p;
  int year;

  std::string Pick(std::initializer_list<const char*> options) {
    std::vector<const char*> v(options);
    return rng.Pick(v);
  }
  std::string Subject() { return rng.Pick(p.dept->subjects); }

  std::vector<std::pair<std::string, std::string>> For2008() {
    const std::string s1 =
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级政务公开工作部署，{{"
        "agency}}编制了{{year}}年度政府信息公开工作年度报告。"
        "本报告由概述、基本工作情况、主动公开政府信息情况、依申请公开政府信息情况、行政复议和诉讼情"
        "况、收费和减免情况、存在问题及工作打算七个部分组成，"
        "所列数据的统计期限自{{year}}年1月1日起至{{year}}年12月31日止。\n\n" +
        Pick({"{{year}}年，本机关坚持以公开为常态、不公开为例外，",
              "{{year}}年，本机关认真贯彻落实《条例》，"}) +
        "围绕" + Subject() + "、" + Subject() +
        "等重点工作，持续推进决策、执行、管理、服务、结果公开。";
    const std::string s2 =
        "本机关成立了由主要负责同志任组长的政务公开工作领导小组，办公室具体承担政府信息公开日常工作"
        "。{{year}}年末，本机关设政府信息公开工作专门机构{{H1}}个，"
        "设置政府信息公开查阅点{{H2}}个，从事政府信息公开工作人员{{H3}}人（专职{{H3.1}}人、兼职{{"
        "H3.2}}人），政府信息公开专项经费{{H4}}万元。\n\n"
        "全年召开政府信息公开工作会议或专题会议{{I1}}次，举办各类培训班{{I2}}次，接受培训人员{{I3}}"
        "人次。" +
        Pick({"及时修订政府信息公开指南和目录，规范公开属性源头认定。",
              "进一步完善信息发布协调、保密审查等工作制度。"});
    const std::string s3 =
        "{{year}}年，本机关主动公开政府信息{{A1}}条，其中主动公开规范性文件{{A1a}}"
        "条，全年制发规范性文件{{A1b}}件。"
        "从公开渠道看，通过政府网站公开{{A2.2}}条，通过政府公报公开{{A2.1}}条，通过政务微博公开{{"
        "A2.3}}条，通过政务微信公开{{A2.4}}条，通过其他方式公开{{A2.5}}条。\n\n"
        "围绕群众关注的" +
        Subject() +
        "等热点，全年回应公众关注热点或重大舆情{{B1}}次，参加或举办新闻发布会{{B2.1}}"
        "次，发布政策解读稿件{{B2.3}}篇，通过微博微信回应事件{{B2.4}}次。";
    const std::string s4 =
        "{{year}}年，本机关收到政府信息公开申请{{C1}}件，其中当面申请{{C1.1}}件、传真申请{{C1.2}}"
        "件、网络申请{{C1.3}}件、信函申请{{C1.4}}件。"
        "办结申请{{C2}}件，其中按时办结{{C2.1}}件、延期办结{{C2.2}}件。\n\n"
        "在作出的答复中，属于已主动公开范围{{C3.1}}件，同意公开{{C3.2}}件，同意部分公开{{C3.3}}"
        "件，不同意公开{{C3.4}}件，不属于本行政机关公开{{C3.5}}件，"
        "申请信息不存在{{C3.6}}件，告知作出更改补充{{C3.7}}件，告知通过其他途径办理{{C3.8}}件。" +
        Pick({"对不予公开的，均依法说明理由并告知救济途径。", "答复书均载明依据和救济途径。"});
    const std::string s5 =
        "{{year}}年，本机关因政府信息公开工作被申请行政复议{{D}}件，其中维持具体行政行为{{D1}}"
        "件、被依法纠错{{D2}}件、其他情形{{D3}}件；"
        "被提起行政诉讼{{E}}件，其中维持具体行政行为或者驳回原告诉讼请求{{E1}}件、被依法纠错{{E2}}"
        "件、其他情形{{E3}}件。收到有关政府信息公开工作的举报投诉{{F}}件。";
    const std::string s6 =
        "本机关严格执行政府信息公开收费有关规定，{{year}}"
        "年依申请公开政府信息收取检索、复制、邮寄等费用共计{{G}}万元。";
    const std::string s7 =
        "一是" +
        Pick({"部分科室公开意识仍需增强，信息发布不够及时；", "政策解读形式还比较单一；"}) +
        "二是" +
        Pick({"依申请公开办理的规范化水平有待提高。", "政府信息公开目录的分类还需细化。"}) +
        "\n\n{{next_year}}年，本机关将" + Pick({"进一步加强", "持续深化"}) + Subject() +
        "等重点领域信息公开，加强业务培训，规范依申请公开的受理、办理和答复，按时编制和公布年度报告"
        "。";
    return {{"S1", s1}, {"S2", s2}, {"S3", s3}, {"S4", s4}, {"S5", s5}, {"S6", s6}, {"S7", s7}};
  }

  std::vector<std::pair<std::string, std::string>> For2019Or2021(bool is2021) {
    const std::string fmt_name = is2021 ? "《中华人民共和国政府信息公开工作年度报告格式》"
                                        : "《中华人民共和国政府信息公开工作年度报告格式（试行）》";
    const std::string s1 =
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《政府信息公开条例》）第五十条和" +
        fmt_name + "编制，所列数据的统计期限自{{year}}年1月1日起至{{year}}年12月31日止。\n\n" +
        Pick({"{{year}}年，{{agency}}坚持以公开为常态、不公开为例外，",
              "{{year}}年，{{agency}}认真落实政务公开工作要点，"}) +
        "围绕" + Subject() + "、" + Subject() +
        "等重点工作推进主动公开。全年新收政府信息公开申请{{R1/TOT}}件，上年结转{{R2/TOT}}件，"
        "办理结果总计{{R3.7/TOT}}件，结转下年度继续办理{{R4/TOT}}件。" +
        Pick({"政府信息管理方面，持续开展规范性文件清理，及时标注有效性。",
              "平台建设方面，政府信息公开专栏按照统一标准设置栏目，做到专栏姓专。"}) +
        Pick({"监督保障方面，将政务公开纳入年度绩效考核，开展业务培训。",
              "监督保障方面，建立发布前保密审查和发布后跟踪评估机制。"});
    std::string s2;
    if (is2021) {
      s2 = "{{year}}年，本机关制发行政规范性文件{{T2.1.2/ISS}}件，废止{{T2.1.2/"
           "REP}}件，年末现行有效行政规范性文件{{T2.1.2/"
           "EFF}}件，均在政府信息公开专栏公开并标注有效性。";
      if (p.dept->decisions > 0) s2 += "全年作出行政许可决定{{T2.5.1/DEC}}件，";
      if (p.dept->penalties > 0)
        s2 += "行政处罚决定{{T2.6.1/DEC}}件，行政强制决定{{T2.6.2/DEC}}件，";
      if (p.dept->decisions > 0 || p.dept->penalties > 0) s2 += "相关决定均在规定时限内公开。";
    } else {
      s2 = "{{year}}年，本机关新制作规范性文件{{T2.1.2/NEW}}件，新公开{{T2.1.2/"
           "PUB}}件，对外公开规范性文件总数{{T2.1.2/TOT}}件。";
      if (p.dept->decisions > 0) s2 += "作出行政许可处理决定{{T2.5.1/DEC}}件，";
      if (p.dept->penalties > 0) s2 += "作出行政处罚处理决定{{T2.6.1/DEC}}件，";
      if (p.dept->decisions > 0 || p.dept->penalties > 0) s2 += "均按规定公开。";
    }
    s2 += "\n\n" + std::string("围绕") + Subject() +
          Pick({"等群众关注的事项，通过政策解读、图解等方式加强解读回应。",
                "等重点领域，及时发布工作动态和办事指南。"});
    const std::string s3 =
        "{{year}}年，本机关新收政府信息公开申请{{R1/TOT}}件，其中自然人提出{{R1/"
        "NP}}件，法人或其他组织提出的申请中，商业企业{{R1/CE}}件、科研机构{{R1/RI}}件、"
        "社会公益组织{{R1/SO}}件、法律服务机构{{R1/LS}}件、其他{{R1/OT}}件；上年结转{{R2/"
        "TOT}}件。\n\n"
        "本年度办理结果中，予以公开{{R3.1/TOT}}件，部分公开{{R3.2/"
        "TOT}}件，因本机关不掌握相关政府信息而无法提供{{R3.4.1/TOT}}件，"
        "其余办理结果的分项情况见下表；结转下年度继续办理{{R4/TOT}}件。" +
        Pick({"对依法不予公开的，均在答复中说明理由和依据，告知救济途径。",
              "对需要征求第三方意见的申请，依法书面征求意见，征求意见时间不计入答复期限。"});
    const std::string s4 =
        "{{year}}年，本机关因政府信息公开工作被申请行政复议{{RV.T}}件，其中结果维持{{RV.M}}"
        "件、结果纠正{{RV.C}}件、其他结果{{RV.O}}件、尚未审结{{RV.P}}件；"
        "被提起行政诉讼，未经复议直接起诉{{LD.T}}件、复议后起诉{{LR.T}}件。" +
        Pick({"对被纠正的案件，已组织复盘并完善答复文书。",
              "本机关认真落实复议决定和裁判文书要求。"});
    const std::string s5 =
        "主要问题：一是" +
        Pick({"部分业务科室对公开属性的认定还不够准确；", "政策解读的针对性和可读性有待提高；"}) +
        "二是" +
        Pick({"依申请公开答复文书的说理还需加强。", "政府信息公开专栏个别栏目更新不够及时。"}) +
        "\n\n改进措施：{{next_year}}年，本机关将" + Pick({"加强", "持续做好"}) + Subject() +
        "等领域的信息公开，健全公开属性源头认定机制，加强业务培训，提升依申请公开办理质量。";
    std::string s6 = "本机关依照《政府信息公开信息处理费管理办法》的规定办理收费事宜，";
    s6 += year >= 2021 ? "对确需收费的申请依法发出收费通知。" : "本年度未调整收费标准。";
    s6 += "本年度无其他需要报告的事项。";
    return {{"S1", s1}, {"S2", s2}, {"S3", s3}, {"S4", s4}, {"S5", s5}, {"S6", s6}};
  }
};

std::string FormatForYear(int year) {
  return year <= 2018 ? "2008" : year <= 2020 ? "2019" : "2021";
}

}  // namespace

Result<Dataset> GenerateDemo(const DemoOptions& opt) {
  if (opt.calendar == nullptr) return InvalidInput("演示数据需要节假日日历");
  if (opt.agencies < 1 || opt.agencies > 60) return InvalidInput("机关数应在 1 到 60 之间");
  if (opt.applications < 0 || opt.applications > 1'000'000) {
    return InvalidInput("申请数应在 0 到 1000000 之间");
  }
  if (opt.first_year > opt.last_year) return InvalidInput("起始年份不能晚于结束年份");
  if (!opt.calendar->Covers(opt.first_year) || !opt.calendar->Covers(opt.last_year)) {
    return InvalidInput("年份 " + Str(opt.first_year) + "–" + Str(opt.last_year) +
                        " 超出节假日日历的范围（" + Str(opt.calendar->first_year()) + "–" +
                        Str(opt.calendar->last_year()) + "）");
  }
  if (opt.until && opt.until->year() != opt.last_year) {
    return InvalidInput("截止日期 " + opt.until->ToString() + " 应在结束年份 " +
                        Str(opt.last_year) + " 之内");
  }
  Generator g(opt, *opt.calendar);
  Rng& rng = g.rng;

  // Agencies: per district, its government office, then departments in turn.
  std::vector<AgencyPlan> plans(static_cast<size_t>(opt.agencies));
  const size_t per_district = Departments().size();
  for (size_t i = 0; i < plans.size(); ++i) {
    AgencyPlan& p = plans[i];
    p.district = &Districts()[(i / per_district) % Districts().size()];
    p.dept = &Departments()[i % per_district];
    const std::string round = i / per_district >= Districts().size()
                                  ? Str(static_cast<int>(i / per_district / Districts().size()) + 1)
                                  : "";
    p.agency.slug = std::string(p.district->slug) + round + "-" + p.dept->slug;
    p.agency.name = std::string(kCity) + p.district->name + p.dept->name;
    p.short_name = std::string(p.district->name) + p.dept->name;
    p.agency.short_name = p.short_name;
    p.agency.org_code = OrgCode(rng);
    p.agency.region = std::string(kProvince) + kCity + p.district->name;
    if (i % per_district != 0) p.agency.parent_slug = plans[i - i % per_district].agency.slug;
    g.out.agencies.push_back(p.agency);
  }

  // Normative documents from earlier years (so "in force" counts have a history), then the years.
  for (AgencyPlan& p : plans) {
    const int from = std::max(opt.calendar->first_year(), opt.first_year - 5);
    for (int y = from; y < opt.first_year; ++y) {
      const int n = rng.Int(1, 3);
      for (int k = 0; k < n; ++k) g.AddNormative(p, y);
    }
    int full = rng.Int(0, 2);
    int part = rng.Int(1, 3);
    for (int y = opt.first_year; y <= opt.last_year; ++y) {
      g.AddYearItems(p, y);
      if (rng.Chance(0.2)) full = std::clamp(full + rng.Int(-1, 1), 0, 3);
      if (rng.Chance(0.3)) part = std::clamp(part + rng.Int(-1, 1), 1, 5);
      g.AddCapacity(p, y, full, part);
    }
  }

  // Application counts per agency-year: more in later years, by department weight.
  struct Slot {
    size_t agency;
    int year;
    double weight;
    int count = 0;
  };
  std::vector<Slot> slots;
  double total_weight = 0;
  for (size_t i = 0; i < plans.size(); ++i) {
    for (int y = opt.first_year; y <= opt.last_year; ++y) {
      const double w = plans[i].dept->weight * (1.0 + 0.15 * (y - opt.first_year));
      slots.push_back({i, y, w});
      total_weight += w;
    }
  }
  int assigned = 0;
  std::vector<std::pair<double, size_t>> remainders;
  for (size_t s = 0; s < slots.size(); ++s) {
    const double exact = opt.applications * slots[s].weight / total_weight;
    slots[s].count = static_cast<int>(exact);
    assigned += slots[s].count;
    remainders.push_back({exact - slots[s].count, s});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; assigned < opt.applications; ++k, ++assigned) {
    ++slots[remainders[k % remainders.size()].second].count;
  }

  AppGen ag{g};
  std::vector<Plan> apps;
  for (const Slot& s : slots) {
    const int carry = s.count >= 6 ? rng.Int(1, 2) : 0;  // received in the last days of December
    for (int k = 0; k < s.count; ++k) {
      Plan pl;
      pl.agency = &plans[s.agency];
      pl.received = ag.ReceiptDay(s.year, k < carry);
      pl.channel = static_cast<Channel>(rng.Weighted({22, 12, 9, 50, 7}));
      pl.type = static_cast<ApplicantType>(rng.Weighted({68, 12, 3, 4, 8, 5}));
      apps.push_back(pl);
    }
  }
  // A demo that ends before 31 December receives nothing after its end.
  apps.erase(std::remove_if(apps.begin(), apps.end(),
                            [&](const Plan& pl) { return pl.received > g.end; }),
             apps.end());
  // Channel, applicant type and outcome coverage: the first applications (in a shuffled order)
  // take each value once; the rest are drawn with weights.
  std::vector<size_t> order(apps.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  rng.Shuffle(order);
  for (size_t k = 0; k < order.size() && k < 5; ++k)
    apps[order[k]].channel = static_cast<Channel>(k);
  for (size_t k = 0; k < order.size() && k < 6; ++k) {
    apps[order[(k + 5) % order.size()]].type = static_cast<ApplicantType>(k);
  }
  for (Plan& pl : apps) {
    Application probe;
    probe.channel = pl.channel;
    probe.received_on = pl.received;
    if (pl.channel == Channel::kPostOrdinary || pl.channel == Channel::kOnline ||
        pl.channel == Channel::kFax) {
      // Confirmed the same day, or the next working day within the same year.
      Date c = pl.received;
      if (rng.Chance(0.3)) {
        const Date next = g.days.Add(pl.received, 1);
        if (next.year() == pl.received.year()) c = next;
      }
      probe.confirmed_on = c;
    }
    pl.statutory = probe.StatutoryReceiptDate();
    pl.rules = probe.Rules();
  }
  {
    std::vector<double> weights;
    const std::vector<Outcome>& outcomes = WeightedOutcomes2019(&weights);
    // Required under the 2019 rules, once each, on cases that can carry them to a close.
    std::vector<size_t> eligible;
    for (size_t i : order) {
      if (apps[i].rules == RuleSet::k2019 && apps[i].received.AddDays(120) <= g.end)
        eligible.push_back(i);
    }
    size_t next = 0;
    for (Outcome o : outcomes) {
      for (size_t k = next; k < eligible.size(); ++k) {
        Plan& pl = apps[eligible[k]];
        if (o == Outcome::kFeeLapsed && !FeesPossible(pl.statutory)) continue;
        std::swap(eligible[next], eligible[k]);
        apps[eligible[next]].outcome = o;
        ++next;
        break;
      }
    }
    for (Plan& pl : apps) {
      if (pl.outcome) continue;
      for (;;) {
        const Outcome o = outcomes[rng.Weighted(weights)];
        if (pl.rules == RuleSet::k2008 && !LegalUnder2008(o)) continue;
        if (o == Outcome::kFeeLapsed && !FeesPossible(pl.statutory)) continue;
        pl.outcome = o;
        break;
      }
    }
  }
  // Numbers in order of receipt per agency and year.
  std::vector<size_t> by_date(apps.size());
  for (size_t i = 0; i < by_date.size(); ++i) by_date[i] = i;
  std::stable_sort(by_date.begin(), by_date.end(), [&](size_t a, size_t b) {
    if (apps[a].agency != apps[b].agency) return apps[a].agency < apps[b].agency;
    return apps[a].received < apps[b].received;
  });
  // Built in receipt order, so fees and later records come out in a natural order.
  std::vector<std::pair<size_t, Application>> built;
  for (size_t i : by_date) {
    Plan& pl = apps[i];
    AgencyPlan& ap = *pl.agency;
    const int y = pl.received.year();
    if (ap.app_seq_year != y) {
      ap.app_seq_year = y;
      ap.app_seq = 0;
    }
    const std::string number =
        std::string(ap.district->abbrev) + "依申请〔" + Str(y) + "〕" + Pad(++ap.app_seq, 3) + "号";
    built.push_back({i, ag.Build(pl, number)});
  }

  // Reviews and lawsuits on adverse answers.
  const std::set<Outcome> kAdverse = {Outcome::kPartiallyDisclosed,
                                      Outcome::kRefusedStateSecret,
                                      Outcome::kRefusedLawProhibits,
                                      Outcome::kRefusedThreeSecurities,
                                      Outcome::kRefusedTradeSecret,
                                      Outcome::kRefusedPrivacy,
                                      Outcome::kRefusedInternalAffairs,
                                      Outcome::kRefusedProcessInfo,
                                      Outcome::kRefusedEnforcementFile,
                                      Outcome::kRefusedAdministrativeQuery,
                                      Outcome::kNotHeld,
                                      Outcome::kNotThisAgency,
                                      Outcome::kNeedsCreation,
                                      Outcome::kRepeatApplication,
                                      Outcome::kExcessiveRequests};
  std::vector<CaseResult> review_cover = {CaseResult::kUpheld, CaseResult::kCorrected,
                                          CaseResult::kOther};
  std::vector<CaseResult> direct_cover = review_cover;
  std::vector<CaseResult> after_cover = review_cover;
  auto result_of = [&](std::vector<CaseResult>& cover) {
    if (!cover.empty()) {
      const CaseResult r = cover.front();
      cover.erase(cover.begin());
      return r;
    }
    return static_cast<CaseResult>(rng.Weighted({6, 2, 2}));
  };
  for (auto& [i, app] : built) {
    Plan& pl = apps[i];
    AgencyPlan& ap = *pl.agency;
    const std::optional<Closing> closing = app.events.empty() ? std::nullopt : ClosingOf(app);
    if (!closing || !kAdverse.count(closing->outcome)) continue;
    const int year = closing->on.year();
    const bool want = rng.Chance(0.12);
    const bool want_direct = !want && rng.Chance(0.04);
    if (want) {
      Review r;
      r.number = std::string(ap.district->abbrev) + "政复〔" + Str(year) + "〕" +
                 Str(++ap.review_seq) + "号";
      r.application_number = app.number;
      r.filed_on = g.days.Add(closing->on, rng.Int(5, 40));
      if (r.filed_on > g.end) continue;
      const Date decided = g.days.Add(r.filed_on, rng.Int(25, 60));
      if (decided <= g.end) {
        r.decided_on = decided;
        r.result = result_of(review_cover);
      }
      // Litigation after the review.
      if (r.decided_on && r.result != CaseResult::kCorrected && rng.Chance(0.4)) {
        Lawsuit l;
        l.number = "（" + Str(r.decided_on->year()) + "）" + ap.district->court + "行初" +
                   Str(++ap.lawsuit_seq + 10) + "号";
        l.application_number = app.number;
        l.after_review = true;
        l.review_number = r.number;
        l.filed_on = g.days.Add(*r.decided_on, rng.Int(3, 10));
        const Date ld = g.days.Add(l.filed_on, rng.Int(40, 120));
        if (l.filed_on <= g.end) {
          if (ld <= g.end) {
            l.decided_on = ld;
            l.result = result_of(after_cover);
          }
          g.out.lawsuits.push_back({ap.agency.slug, l});
        }
      }
      g.out.reviews.push_back({ap.agency.slug, r});
    } else if (want_direct) {
      Lawsuit l;
      l.filed_on = g.days.Add(closing->on, rng.Int(20, 100));
      if (l.filed_on > g.end) continue;
      l.number = "（" + Str(l.filed_on.year()) + "）" + ap.district->court + "行初" +
                 Str(++ap.lawsuit_seq + 10) + "号";
      l.application_number = app.number;
      const Date ld = g.days.Add(l.filed_on, rng.Int(40, 120));
      if (ld <= g.end) {
        l.decided_on = ld;
        l.result = result_of(direct_cover);
      }
      g.out.lawsuits.push_back({ap.agency.slug, l});
    }
  }
  for (auto& [i, app] : built)
    g.out.applications.push_back({apps[i].agency->agency.slug, std::move(app)});

  // Manual figures (table 二 rows the platform cannot know) and narratives, per agency-year.
  for (AgencyPlan& p : plans) {
    const Department& d = *p.dept;
    int license_items = d.license_items + rng.Int(-3, 3);
    int other_items = d.license_items > 0 ? rng.Int(5, 20) : rng.Int(0, 6);
    int penalty_items = d.penalties > 0 ? rng.Int(30, 120) : rng.Int(0, 5);
    int force_items = d.penalties > 0 ? rng.Int(3, 15) : 0;
    int fee_items = d.fee_items;
    for (int y = opt.first_year; y <= opt.last_year; ++y) {
      const std::string fmt = FormatForYear(y);
      const std::string entered_at = Str(y + 1) + "-01-" + Pad(rng.Int(5, 15), 2) +
                                     "T09:" + Pad(rng.Int(0, 59), 2) + ":00+08:00";
      const std::string who = rng.Pick(Officers());
      auto figure = [&](const std::string& cell, Decimal v, const std::string& source) {
        ManualFigure m;
        m.year = y;
        m.format_id = fmt;
        m.cell_id = cell;
        m.value = v;
        m.entered_by = who;
        m.entered_at = entered_at;
        m.source = source;
        g.out.manual_figures.push_back({p.agency.slug, m});
      };
      auto scaled = [&](int base) {
        return base == 0 ? 0 : std::max(0, base + rng.Int(-base / 4, base / 4));
      };
      const std::string approvals = "区政务服务中心行政审批系统" + Str(y) + "年统计";
      const std::string enforcement = "行政执法信息平台" + Str(y) + "年统计";
      const std::string finance = "本机关财务账簿（" + Str(y) + "年）";
      if (fmt == "2019") {
        auto change = [&](int& items, int lo, int hi) {
          const int prev = items;
          items = std::max(0, items + rng.Int(lo, hi));
          return std::pair<int, int>{prev, items - prev};
        };
        auto [lp, lc] = change(license_items, -3, 4);
        figure("T2.5.1/PRV", Decimal::FromInt(lp), "区政务服务事项目录（" + Str(y - 1) + "年末）");
        figure("T2.5.1/CHG", Decimal::FromInt(lc), "区政务服务事项目录调整文件");
        figure("T2.5.1/DEC", Decimal::FromInt(scaled(d.decisions)), approvals);
        auto [op, oc] = change(other_items, -2, 3);
        figure("T2.5.2/PRV", Decimal::FromInt(op), "区政务服务事项目录（" + Str(y - 1) + "年末）");
        figure("T2.5.2/CHG", Decimal::FromInt(oc), "区政务服务事项目录调整文件");
        figure("T2.5.2/DEC", Decimal::FromInt(scaled(d.decisions / 3)), approvals);
        auto [pp, pc] = change(penalty_items, -5, 6);
        figure("T2.6.1/PRV", Decimal::FromInt(pp), "权责清单（" + Str(y - 1) + "年末）");
        figure("T2.6.1/CHG", Decimal::FromInt(pc), "权责清单调整文件");
        figure("T2.6.1/DEC", Decimal::FromInt(scaled(d.penalties)), enforcement);
        auto [fp, fc] = change(force_items, -1, 2);
        figure("T2.6.2/PRV", Decimal::FromInt(fp), "权责清单（" + Str(y - 1) + "年末）");
        figure("T2.6.2/CHG", Decimal::FromInt(fc), "权责清单调整文件");
        figure("T2.6.2/DEC", Decimal::FromInt(scaled(d.penalties / 6)), enforcement);
        auto [cp, cc] = change(fee_items, -1, 0);
        figure("T2.8.1/PRV", Decimal::FromInt(cp),
               "行政事业性收费目录清单（" + Str(y - 1) + "年末）");
        figure("T2.8.1/CHG", Decimal::FromInt(cc), "行政事业性收费目录清单调整文件");
        figure("T2.9.1/CNT", Decimal::FromInt(rng.Int(2, 14)),
               "政府采购管理系统" + Str(y) + "年统计");
        figure("T2.9.1/AMT",
               Decimal::FromMicros(static_cast<int64_t>(rng.Int(800, 95000)) * 10'000),
               "政府采购管理系统" + Str(y) + "年统计");
      } else if (fmt == "2021") {
        figure("T2.5.1/DEC", Decimal::FromInt(scaled(d.decisions)), approvals);
        figure("T2.6.1/DEC", Decimal::FromInt(scaled(d.penalties)), enforcement);
        figure("T2.6.2/DEC", Decimal::FromInt(scaled(d.penalties / 6)), enforcement);
        const int64_t fee_fen = fee_items > 0 ? static_cast<int64_t>(rng.Int(50, 4000)) * 10000 : 0;
        figure("T2.8.1/FEE", Decimal::WanYuanFromFen(fee_fen), finance);
      }
      Writer w{rng, p, y};
      const auto sections = fmt == "2008" ? w.For2008() : w.For2019Or2021(fmt == "2021");
      for (const auto& [id, body] : sections) {
        NarrativeSection n;
        n.year = y;
        n.format_id = fmt;
        n.section_id = id;
        n.body = body;
        g.out.narratives.push_back({p.agency.slug, n});
      }
    }
  }
  return std::move(g.out);
}

}  // namespace gongkai
