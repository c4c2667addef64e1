#include "dataset/ledger_csv.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/application/state.h"
#include "dataset/csv.h"
#include "dataset/encoding.h"

namespace gongkai {
namespace {

// Canonical column names. Order = the order documented and listed in messages.
enum class Col {
  kNumber,
  kReceived,
  kChannel,
  kConfirmed,
  kApplicantType,
  kApplicant,
  kContent,
  kCorrectionRequested,
  kCorrectionReceived,
  kConsultationStarted,
  kConsultationEnded,
  kConsultationParty,
  kExtensionDays,
  kExtensionApproved,
  kFeeNotified,
  kFeeAmount,
  kFeePaid,
  kAnswered,
  kOutcome,
  kNote,
};

struct ColumnDef {
  Col col;
  const char* name;
  bool required;
  std::vector<const char*> aliases;
};

const std::vector<ColumnDef>& Columns() {
  static const std::vector<ColumnDef> kColumns = {
      {Col::kNumber, "登记编号", true, {"申请编号", "编号", "登记号"}},
      {Col::kReceived, "收到日期", true, {"收到申请日期", "申请日期", "接收日期"}},
      {Col::kChannel, "申请方式", true, {"申请渠道", "提交方式"}},
      {Col::kConfirmed, "确认日期", false, {"确认收到日期"}},
      {Col::kApplicantType, "申请人类型", true, {"申请人性质"}},
      {Col::kApplicant, "申请人", false, {"申请人姓名", "申请人名称", "申请人姓名或名称"}},
      {Col::kContent, "申请内容", false, {"申请内容描述", "申请公开的信息"}},
      {Col::kCorrectionRequested, "补正告知日期", false, {"告知补正日期"}},
      {Col::kCorrectionReceived, "补正收到日期", false, {"收到补正日期"}},
      {Col::kConsultationStarted, "征求意见开始", false, {"征求意见日期", "征求意见开始日期"}},
      {Col::kConsultationEnded, "征求意见结束", false, {"征求意见结束日期", "收到意见日期"}},
      {Col::kConsultationParty, "征求意见对象", false, {}},
      {Col::kExtensionDays, "延期天数", false, {"延长天数", "延期工作日"}},
      {Col::kExtensionApproved, "延期批准日期", false, {"延期日期"}},
      {Col::kFeeNotified, "收费通知日期", false, {}},
      {Col::kFeeAmount, "收费金额", false, {"收费金额（元）", "信息处理费", "信息处理费（元）"}},
      {Col::kFeePaid, "缴费日期", false, {}},
      {Col::kAnswered, "答复日期", false, {"办结日期"}},
      {Col::kOutcome, "办理结果", false, {"答复结果", "处理结果", "答复类型"}},
      {Col::kNote, "备注", false, {}},
  };
  return kColumns;
}

// Columns agencies often keep that carry nothing we import.
const std::vector<const char*>& IgnoredColumns() {
  static const std::vector<const char*> kIgnored = {
      "序号",       "联系电话", "联系方式", "联系地址", "通讯地址", "证件号码",
      "身份证号码", "经办人",   "承办人",   "承办科室", "承办部门"};
  return kIgnored;
}

// Removes ASCII and full-width spaces; makes brackets and colons full-width; drops quotes.
std::string Normalize(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (s.compare(i, 3, "　") == 0) {
      i += 3;
    } else if (c == '(') {
      out += "（";
      ++i;
    } else if (c == ')') {
      out += "）";
      ++i;
    } else if (c == ':') {
      out += "：";
      ++i;
    } else if (c == '"' || c == '\'') {
      ++i;
    } else if (s.compare(i, 3, "“") == 0 || s.compare(i, 3, "”") == 0) {
      i += 3;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t a = 0;
  size_t b = s.size();
  auto space_at = [&](size_t i) {
    return s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n';
  };
  while (a < b && space_at(a)) ++a;
  while (b > a && space_at(b - 1)) --b;
  std::string t(s.substr(a, b - a));
  while (t.rfind("　", 0) == 0) t.erase(0, 3);
  while (t.size() >= 3 && t.compare(t.size() - 3, 3, "　") == 0) t.erase(t.size() - 3);
  return t;
}

template <typename E>
class WordTable {
 public:
  void Add(E value, std::string_view word) { words_.emplace(Normalize(word), value); }
  std::optional<E> Find(std::string_view word) const {
    auto it = words_.find(Normalize(word));
    if (it == words_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, E> words_;
};

const WordTable<Channel>& ChannelWords() {
  static const WordTable<Channel> kTable = [] {
    WordTable<Channel> t;
    for (Channel c : {Channel::kInPerson, Channel::kPostSigned, Channel::kPostOrdinary,
                      Channel::kOnline, Channel::kFax}) {
      t.Add(c, ToCode(c));
      t.Add(c, ToChinese(c));
    }
    for (const char* w : {"当面申请", "当面提交", "现场", "现场申请"}) t.Add(Channel::kInPerson, w);
    for (const char* w : {"信函", "信函申请", "邮寄", "挂号信", "邮政特快专递", "ems", "快递"}) {
      t.Add(Channel::kPostSigned, w);
    }
    for (const char* w : {"平常信函", "平信邮寄"}) t.Add(Channel::kPostOrdinary, w);
    for (const char* w : {"网络申请", "网上", "网上申请", "在线", "在线申请", "互联网", "网站",
                          "电子邮件", "邮件", "email", "e-mail"}) {
      t.Add(Channel::kOnline, w);
    }
    t.Add(Channel::kFax, "传真申请");
    return t;
  }();
  return kTable;
}

const WordTable<ApplicantType>& ApplicantWords() {
  static const WordTable<ApplicantType> kTable = [] {
    WordTable<ApplicantType> t;
    for (ApplicantType a : {ApplicantType::kNaturalPerson, ApplicantType::kCommercialEnterprise,
                            ApplicantType::kResearchInstitution, ApplicantType::kSocialWelfareOrg,
                            ApplicantType::kLegalServiceOrg, ApplicantType::kOtherOrg}) {
      t.Add(a, ToCode(a));
      t.Add(a, ToChinese(a));
    }
    for (const char* w : {"公民", "个人"}) t.Add(ApplicantType::kNaturalPerson, w);
    for (const char* w : {"企业", "公司"}) t.Add(ApplicantType::kCommercialEnterprise, w);
    t.Add(ApplicantType::kSocialWelfareOrg, "公益组织");
    for (const char* w : {"律师事务所", "律所"}) t.Add(ApplicantType::kLegalServiceOrg, w);
    for (const char* w : {"其他", "法人或其他组织", "法人"}) t.Add(ApplicantType::kOtherOrg, w);
    return t;
  }();
  return kTable;
}

const WordTable<ConsultationParty>& PartyWords() {
  static const WordTable<ConsultationParty> kTable = [] {
    WordTable<ConsultationParty> t;
    for (ConsultationParty p : {ConsultationParty::kThirdParty, ConsultationParty::kOtherAgency}) {
      t.Add(p, ToCode(p));
      if (p == ConsultationParty::kThirdParty) t.Add(p, "第三方");
    }
    for (const char* w : {"其他行政机关", "其他机关", "行政机关", "其他部门"}) {
      t.Add(ConsultationParty::kOtherAgency, w);
    }
    return t;
  }();
  return kTable;
}

const WordTable<Outcome>& OutcomeWords() {
  static const WordTable<Outcome> kTable = [] {
    WordTable<Outcome> t;
    for (Outcome o : AllOutcomes()) {
      t.Add(o, ToCode(o));
      t.Add(o, ToChinese(o));
    }
    struct Ground {
      Outcome outcome;
      std::vector<const char*> words;
    };
    // Grouped outcomes: each ground alone, or after its group word: "G", "P G", "P（G）", "P：G".
    auto add_group = [&](std::vector<const char*> prefixes, const std::vector<Ground>& grounds) {
      for (const Ground& g : grounds) {
        for (const char* w : g.words) {
          t.Add(g.outcome, w);
          for (const char* p : prefixes) {
            t.Add(g.outcome, std::string(p) + w);
            t.Add(g.outcome, std::string(p) + "（" + w + "）");
            t.Add(g.outcome, std::string(p) + "：" + w);
          }
        }
      }
    };
    add_group(
        {"不予公开", "不同意公开"},
        {{Outcome::kRefusedStateSecret, {"属于国家秘密", "国家秘密", "涉及国家秘密"}},
         {Outcome::kRefusedLawProhibits,
          {"其他法律行政法规禁止公开", "法律行政法规禁止公开", "法律法规禁止公开",
           "法律法规规定的其他情形"}},
         {Outcome::kRefusedThreeSecurities,
          {"危及三安全一稳定", "三安全一稳定", "危及国家安全、公共安全、经济安全和社会稳定"}},
         {Outcome::kRefusedTradeSecret,
          {"保护第三方合法权益（商业秘密）", "商业秘密", "涉及商业秘密"}},
         {Outcome::kRefusedPrivacy, {"保护第三方合法权益（个人隐私）", "个人隐私", "涉及个人隐私"}},
         {Outcome::kRefusedInternalAffairs,
          {"属于三类内部事务信息", "三类内部事务信息", "内部事务信息"}},
         {Outcome::kRefusedProcessInfo, {"属于四类过程性信息", "四类过程性信息", "过程性信息"}},
         {Outcome::kRefusedEnforcementFile, {"属于行政执法案卷", "行政执法案卷"}},
         {Outcome::kRefusedAdministrativeQuery, {"属于行政查询事项", "行政查询事项"}}});
    add_group(
        {"无法提供"},
        {{Outcome::kNotHeld,
          {"本机关不掌握相关政府信息", "本机关不掌握", "不掌握", "信息不存在", "申请信息不存在",
           "政府信息不存在", "经检索没有"}},
         {Outcome::kNeedsCreation, {"没有现成信息需要另行制作", "需要另行制作", "需另行制作"}},
         {Outcome::kUnclearAfterCorrection, {"补正后申请内容仍不明确", "补正后仍不明确"}}});
    add_group({"不予处理"},
              {{Outcome::kPetitionComplaint, {"信访举报投诉类申请", "信访举报投诉", "信访"}},
               {Outcome::kRepeatApplication, {"重复申请"}},
               {Outcome::kPublication, {"要求提供公开出版物", "公开出版物"}},
               {Outcome::kExcessiveRequests, {"无正当理由大量反复申请", "大量反复申请"}},
               {Outcome::kConfirmOrReissue,
                {"要求行政机关确认或重新出具已获取信息", "要求确认或重新出具已获取信息"}}});
    add_group(
        {"其他处理"},
        {{Outcome::kCorrectionLapsed,
          {"申请人无正当理由逾期不补正", "逾期不补正", "逾期未补正", "未补正"}},
         {Outcome::kFeeLapsed,
          {"申请人逾期未按收费通知要求缴纳费用", "逾期未缴费", "逾期未缴纳费用", "逾期不缴费"}},
         {Outcome::kWithdrawn, {"申请人撤回申请", "申请人撤回", "撤回申请", "撤回"}},
         {Outcome::kOther, {"其他"}}});
    for (const char* w : {"已主动公开", "属于已主动公开范围的", "已公开"}) {
      t.Add(Outcome::kAlreadyPublished, w);
    }
    for (const char* w : {"同意公开", "全部公开", "公开"}) t.Add(Outcome::kDisclosed, w);
    for (const char* w : {"同意部分公开", "区分处理"}) t.Add(Outcome::kPartiallyDisclosed, w);
    for (const char* w : {"不属于本行政机关公开", "非本机关", "非本机关信息", "非本机关掌握",
                          "不属于本机关职责", "无法提供：不属于本机关公开"}) {
      t.Add(Outcome::kNotThisAgency, w);
    }
    for (const char* w :
         {"按其他规定办理", "告知通过其他途径办理", "通过其他途径办理", "其他途径办理"}) {
      t.Add(Outcome::kSpecialProcedure, w);
    }
    return t;
  }();
  return kTable;
}

// One ledger row being turned into an application; the first error sticks.
class RowReader {
 public:
  RowReader(std::string_view source, const CsvRecord& rec, const std::map<Col, size_t>& index,
            const std::vector<std::string>& headers)
      : source_(source), rec_(rec), index_(index), headers_(headers) {}

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  void Fail(Col col, const std::string& message) {
    if (!status_.ok()) return;
    status_ = InvalidInput(std::string(source_) + ":" + std::to_string(rec_.line) + ": 列“" +
                           HeaderOf(col) + "”: " + message);
  }
  void FailRow(const std::string& message) {
    if (!status_.ok()) return;
    status_ = InvalidInput(std::string(source_) + ":" + std::to_string(rec_.line) + ": " + message);
  }

  std::string HeaderOf(Col col) const {
    auto it = index_.find(col);
    if (it != index_.end() && it->second < headers_.size()) return headers_[it->second];
    for (const ColumnDef& d : Columns()) {
      if (d.col == col) return d.name;
    }
    return "?";
  }

  std::string Text(Col col) const {
    auto it = index_.find(col);
    if (it == index_.end() || it->second >= rec_.fields.size()) return "";
    return Trim(rec_.fields[it->second]);
  }

  std::string Required(Col col) {
    std::string t = Text(col);
    if (t.empty()) Fail(col, "必填，不能为空");
    return t;
  }

  std::optional<Date> DateOf(Col col) {
    std::string t = Text(col);
    if (t.empty()) return std::nullopt;
    std::string s = t;
    // Excel may append a time of day: "2019/6/3 0:00", "2019-06-03 00:00:00".
    if (const size_t sp = s.find(' '); sp != std::string::npos) {
      const std::string rest = s.substr(sp + 1);
      if (rest.find_first_not_of("0:") == std::string::npos) s = s.substr(0, sp);
    }
    std::replace(s.begin(), s.end(), '.', '-');
    Result<Date> d = Date::Parse(s);
    if (!d.ok()) {
      Fail(col,
           "不是有效日期 \"" + t + "\"（可写作 2019-06-03、2019/6/3、2019年6月3日 或 2019.6.3）");
      return std::nullopt;
    }
    if (d->year() < 1990 || d->year() > 2100) {
      Fail(col, "日期 \"" + t + "\" 超出范围（应在 1990 年至 2100 年之间）");
      return std::nullopt;
    }
    return *d;
  }

 private:
  std::string_view source_;
  const CsvRecord& rec_;
  const std::map<Col, size_t>& index_;
  const std::vector<std::string>& headers_;
  Status status_;
};

// Rank of an event among those on the same day, in the order a case runs.
int Rank(EventKind k) {
  switch (k) {
    case EventKind::kCorrectionRequested:
      return 0;
    case EventKind::kCorrectionReceived:
      return 1;
    case EventKind::kConsultationStarted:
      return 2;
    case EventKind::kConsultationEnded:
      return 3;
    case EventKind::kExtensionApproved:
      return 4;
    case EventKind::kFeeNotified:
      return 5;
    case EventKind::kFeePaid:
      return 6;
    default:
      return 7;
  }
}

std::optional<int> ParseDays(std::string_view text) {
  std::string s(text);
  for (const char* suffix : {"个工作日", "工作日", "天", "日"}) {
    const std::string suf = suffix;
    if (s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0) {
      s.erase(s.size() - suf.size());
      break;
    }
  }
  if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(s);
}

}  // namespace

Result<Dataset> ParseLedgerCsv(std::string_view bytes, std::string_view agency_slug,
                               std::string_view source_name) {
  const std::string src(source_name);
  Result<std::string> text = ToUtf8(bytes);
  if (!text.ok()) return text.status().WithContext(src);
  Result<std::vector<CsvRecord>> records = ParseCsv(*text, source_name);
  if (!records.ok()) return records.status();
  if (records->empty()) return InvalidInput(src + ": 文件是空的（应有一行表头和若干行申请）");

  // Header.
  const CsvRecord& header = records->front();
  std::vector<std::string> headers;
  std::map<Col, size_t> index;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = Trim(header.fields[i]);
    headers.push_back(name);
    if (name.empty() || name[0] == '#') continue;
    const std::string norm = Normalize(name);
    bool ignored = false;
    for (const char* w : IgnoredColumns()) ignored = ignored || Normalize(w) == norm;
    if (ignored) continue;
    std::optional<Col> col;
    for (const ColumnDef& d : Columns()) {
      if (Normalize(d.name) == norm) col = d.col;
      for (const char* a : d.aliases) {
        if (Normalize(a) == norm) col = d.col;
      }
    }
    if (!col) {
      std::string known;
      for (const ColumnDef& d : Columns())
        known += (known.empty() ? "" : "、") + std::string(d.name);
      return InvalidInput(src + ":" + std::to_string(header.line) + ": 未知的列“" + name +
                          "”（可识别的列：" + known + "；不导入的列请删除，或在列名前加 #）");
    }
    if (index.count(*col)) {
      return InvalidInput(src + ":" + std::to_string(header.line) + ": 列“" + name + "”与列“" +
                          headers[index[*col]] + "”重复");
    }
    index[*col] = i;
  }
  std::string missing;
  for (const ColumnDef& d : Columns()) {
    if (d.required && !index.count(d.col))
      missing += (missing.empty() ? "" : "、") + std::string(d.name);
  }
  if (!missing.empty()) {
    return InvalidInput(src + ":" + std::to_string(header.line) + ": 缺少必需的列：" + missing);
  }

  Dataset d;
  std::map<std::string, int> first_line;  // 登记编号 → line
  for (size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    RowReader row(source_name, rec, index, headers);
    if (rec.fields.size() > headers.size()) {
      for (size_t i = headers.size(); i < rec.fields.size(); ++i) {
        if (!Trim(rec.fields[i]).empty()) {
          row.FailRow("第 " + std::to_string(i + 1) + " 个字段超出表头的列数（表头只有 " +
                      std::to_string(headers.size()) + " 列；字段中的逗号须放在引号内）");
          return row.status();
        }
      }
    }
    Application a;
    a.number = row.Required(Col::kNumber);
    if (row.ok()) {
      auto [it, inserted] = first_line.emplace(a.number, rec.line);
      if (!inserted) {
        row.Fail(Col::kNumber,
                 "登记编号 \"" + a.number + "\" 与第 " + std::to_string(it->second) + " 行重复");
      }
    }
    if (row.ok()) {
      const std::optional<Date> rcv = row.DateOf(Col::kReceived);
      if (row.ok() && !rcv) row.Fail(Col::kReceived, "必填，不能为空");
      if (rcv) a.received_on = *rcv;
    }
    if (row.ok()) {
      const std::string w = row.Required(Col::kChannel);
      if (row.ok()) {
        if (std::optional<Channel> c = ChannelWords().Find(w)) {
          a.channel = *c;
        } else {
          row.Fail(Col::kChannel,
                   "未知的申请方式 \"" + w +
                       "\"（可写：当面、信函、信函（签收）、平信、网络、电子邮件、传真）");
        }
      }
    }
    if (row.ok()) a.confirmed_on = row.DateOf(Col::kConfirmed);
    if (row.ok() && a.confirmed_on && *a.confirmed_on < a.received_on) {
      row.Fail(Col::kConfirmed, "确认日期早于收到日期");
    }
    if (row.ok()) {
      const std::string w = row.Required(Col::kApplicantType);
      if (row.ok()) {
        if (std::optional<ApplicantType> t = ApplicantWords().Find(w)) {
          a.applicant_type = *t;
        } else {
          row.Fail(Col::kApplicantType,
                   "未知的申请人类型 \"" + w +
                       "\"（可写：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）");
        }
      }
    }
    a.applicant_name = row.Text(Col::kApplicant);
    a.content = row.Text(Col::kContent);

    // Events, each with the column it came from (for messages).
    struct Pending {
      ApplicationEvent ev;
      Col col;
    };
    std::vector<Pending> events;
    auto add = [&](EventKind kind, Date on, Col col) {
      ApplicationEvent ev;
      ev.kind = kind;
      ev.on = on;
      ev.actor = "import";
      events.push_back({std::move(ev), col});
      return &events.back().ev;
    };
    if (row.ok()) {
      if (auto on = row.DateOf(Col::kCorrectionRequested))
        add(EventKind::kCorrectionRequested, *on, Col::kCorrectionRequested);
    }
    if (row.ok()) {
      if (auto on = row.DateOf(Col::kCorrectionReceived))
        add(EventKind::kCorrectionReceived, *on, Col::kCorrectionReceived);
    }
    if (row.ok()) {
      const std::optional<Date> start = row.DateOf(Col::kConsultationStarted);
      const std::optional<Date> end = row.ok() ? row.DateOf(Col::kConsultationEnded) : std::nullopt;
      const std::string who = row.Text(Col::kConsultationParty);
      if (row.ok() && end && !start) {
        row.Fail(Col::kConsultationEnded, "有征求意见结束日期，但没有征求意见开始日期");
      }
      if (row.ok() && start) {
        ConsultationParty party = ConsultationParty::kThirdParty;
        if (!who.empty()) {
          if (std::optional<ConsultationParty> p = PartyWords().Find(who)) {
            party = *p;
          } else {
            row.Fail(Col::kConsultationParty,
                     "未知的征求意见对象 \"" + who + "\"（可写：第三方、其他行政机关）");
          }
        }
        add(EventKind::kConsultationStarted, *start, Col::kConsultationStarted)->party = party;
        if (end) add(EventKind::kConsultationEnded, *end, Col::kConsultationEnded);
      }
    }
    if (row.ok()) {
      const std::string days_text = row.Text(Col::kExtensionDays);
      const std::optional<Date> on = row.DateOf(Col::kExtensionApproved);
      if (row.ok() && !days_text.empty()) {
        const std::optional<int> days = ParseDays(days_text);
        if (!days || *days < 1) {
          row.Fail(Col::kExtensionDays, "不是有效的工作日天数 \"" + days_text + "\"（如 15）");
        } else if (!on) {
          row.Fail(Col::kExtensionApproved, "写了延期天数，须写延期批准日期");
        } else {
          add(EventKind::kExtensionApproved, *on, Col::kExtensionApproved)->extension_days = *days;
        }
      } else if (row.ok() && on) {
        row.Fail(Col::kExtensionDays, "写了延期批准日期，须写延期天数");
      }
    }
    if (row.ok()) {
      const std::optional<Date> notified = row.DateOf(Col::kFeeNotified);
      const std::optional<Date> paid = row.ok() ? row.DateOf(Col::kFeePaid) : std::nullopt;
      std::string amount_text = row.Text(Col::kFeeAmount);
      if (amount_text.size() > 3 && amount_text.compare(amount_text.size() - 3, 3, "元") == 0) {
        amount_text.erase(amount_text.size() - 3);
      }
      int64_t fen = 0;
      if (row.ok() && !amount_text.empty()) {
        std::optional<Decimal> amount = Decimal::Parse(amount_text);
        if (!amount || amount->is_negative() || amount->micros() % 10'000 != 0) {
          row.Fail(Col::kFeeAmount,
                   "不是有效的金额 \"" + amount_text + "\"（元，最多两位小数，不能为负）");
        } else {
          fen = amount->micros() / 10'000;
        }
      }
      if (row.ok() && paid && !notified) row.Fail(Col::kFeePaid, "有缴费日期，但没有收费通知日期");
      if (row.ok() && notified && amount_text.empty())
        row.Fail(Col::kFeeAmount, "发出收费通知的申请须写收费金额");
      if (row.ok() && notified) {
        add(EventKind::kFeeNotified, *notified, Col::kFeeNotified)->fee_fen = fen;
        if (paid) add(EventKind::kFeePaid, *paid, Col::kFeePaid)->fee_fen = fen;
      }
    }
    std::string note = row.Text(Col::kNote);
    if (row.ok()) {
      const std::optional<Date> answered = row.DateOf(Col::kAnswered);
      const std::string word = row.Text(Col::kOutcome);
      if (row.ok() && !word.empty()) {
        std::optional<Outcome> o = OutcomeWords().Find(word);
        const std::string norm = Normalize(word);
        if (!o) {
          if (norm == Normalize("不予公开") || norm == Normalize("不同意公开") ||
              norm == Normalize("无法提供") || norm == Normalize("不予处理") ||
              norm == Normalize("其他处理")) {
            row.Fail(Col::kOutcome, "“" + word + "”须注明具体情形，如 " + word + "（" +
                                        (norm == Normalize("无法提供")   ? "信息不存在"
                                         : norm == Normalize("不予处理") ? "重复申请"
                                         : norm == Normalize("其他处理") ? "撤回"
                                                                         : "国家秘密") +
                                        "）（见 docs/dataset-format.md 可用的办理结果）");
          } else {
            row.Fail(Col::kOutcome,
                     "未知的办理结果 \"" + word +
                         "\"（如 予以公开、部分公开、不予公开（国家秘密）、信息不存在、"
                         "非本机关、重复申请、撤回；完整列表见 docs/dataset-format.md）");
          }
        } else if (!answered) {
          row.Fail(Col::kAnswered, "有办理结果，须写答复日期（办结日期）");
        } else {
          EventKind kind = EventKind::kAnswered;
          if (*o == Outcome::kCorrectionLapsed) kind = EventKind::kCorrectionLapsed;
          if (*o == Outcome::kFeeLapsed) kind = EventKind::kFeeLapsed;
          if (*o == Outcome::kWithdrawn) kind = EventKind::kWithdrawn;
          ApplicationEvent* ev = add(kind, *answered, Col::kAnswered);
          if (kind == EventKind::kAnswered) ev->outcome = *o;
        }
      } else if (row.ok() && answered) {
        row.Fail(Col::kOutcome, "有答复日期，须写办理结果");
      }
    }
    if (!row.ok()) return row.status();

    std::stable_sort(events.begin(), events.end(), [](const Pending& x, const Pending& y) {
      if (x.ev.on != y.ev.on) return x.ev.on < y.ev.on;
      return Rank(x.ev.kind) < Rank(y.ev.kind);
    });
    for (const Pending& p : events) a.events.push_back(p.ev);
    if (!note.empty()) {
      if (!a.events.empty()) {
        a.events.back().note = note;
      } else {
        a.content += (a.content.empty() ? "" : "\n") + std::string("备注：") + note;
      }
    }
    if (Result<ApplicationState> st = ReplayEvents(a); !st.ok()) {
      // Name the column of the first event the state machine refuses.
      Application prefix = a;
      Col col = Col::kAnswered;
      for (size_t k = 1; k <= a.events.size(); ++k) {
        prefix.events.assign(a.events.begin(), a.events.begin() + static_cast<std::ptrdiff_t>(k));
        if (!ReplayEvents(prefix).ok()) {
          col = events[k - 1].col;
          break;
        }
      }
      row.Fail(col, st.status().message());
      return row.status();
    }
    d.applications.push_back({std::string(agency_slug), std::move(a)});
  }
  return d;
}

}  // namespace gongkai
