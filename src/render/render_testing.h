// Test helpers for the renderers: formats built in C++ in the shapes of the real format files
// (data/formats), reports filled with chosen values, and small file/process utilities.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "report/format.h"
#include "report/report.h"

namespace gongkai::render_testing {

inline Row MakeRow(std::string id, std::vector<std::string> labels, std::string unit,
                   bool heading = false) {
  Row r;
  r.id = std::move(id);
  r.labels = std::move(labels);
  r.level = static_cast<int>(r.labels.size()) - 1;
  r.unit = std::move(unit);
  r.heading = heading;
  return r;
}

inline Column MakeColumn(std::string id, std::string label, std::vector<std::string> groups = {},
                         std::string unit = "") {
  Column c;
  c.id = std::move(id);
  c.label = std::move(label);
  c.groups = std::move(groups);
  c.unit = std::move(unit);
  return c;
}

inline Section MakeSection(std::string id, std::string heading, std::vector<std::string> tables) {
  Section s;
  s.id = std::move(id);
  s.heading = std::move(heading);
  s.tables = std::move(tables);
  return s;
}

// The 2014–2018 national table (统计指标 | 单位 | 统计数), rows as in
// shared/domain/annual-report-formats.md (a): full-width punctuation, indents with U+3000.
inline Format Format2008() {
  Format f;
  f.id = "2008";
  f.name = "《政府信息公开情况统计表》";
  Table t;
  t.id = "T";
  t.title = "政府信息公开情况统计表";
  t.corner = "统计指标";
  t.cell_ids = "row";
  t.label_columns = 1;
  t.label_headers = {"统计指标", "单位"};
  t.unit_column = true;
  t.columns = {MakeColumn("VAL", "统计数")};
  struct Spec {
    const char* id;
    const char* label;
    const char* unit;
  };
  const Spec rows[] = {
      {"A", "一、主动公开情况", ""},
      {"A1", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条"},
      {"A1a", "　其中：主动公开规范性文件数", "条"},
      {"A1b", "　　　　制发规范性文件总数", "件"},
      {"A2", "（二）通过不同渠道和方式公开政府信息的情况", ""},
      {"A2.1", "　1.政府公报公开政府信息数", "条"},
      {"A2.2", "　2.政府网站公开政府信息数", "条"},
      {"A2.3", "　3.政务微博公开政府信息数", "条"},
      {"A2.4", "　4.政务微信公开政府信息数", "条"},
      {"A2.5", "　5.其他方式公开政府信息数", "条"},
      {"B", "二、回应解读情况", ""},
      {"B1", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次"},
      {"B2", "（二）通过不同渠道和方式回应解读的情况", ""},
      {"B2.1", "　1.参加或举办新闻发布会总次数", "次"},
      {"B2.1a", "　　其中：主要负责同志参加新闻发布会次数", "次"},
      {"B2.2", "　2.政府网站在线访谈次数", "次"},
      {"B2.2a", "　　其中：主要负责同志参加政府网站在线访谈次数", "次"},
      {"B2.3", "　3.政策解读稿件发布数", "篇"},
      {"B2.4", "　4.微博微信回应事件数", "次"},
      {"B2.5", "　5.其他方式回应事件数", "次"},
      {"C", "三、依申请公开情况", ""},
      {"C1", "（一）收到申请数", "件"},
      {"C1.1", "　1.当面申请数", "件"},
      {"C1.2", "　2.传真申请数", "件"},
      {"C1.3", "　3.网络申请数", "件"},
      {"C1.4", "　4.信函申请数", "件"},
      {"C2", "（二）申请办结数", "件"},
      {"C2.1", "　1.按时办结数", "件"},
      {"C2.2", "　2.延期办结数", "件"},
      {"C3", "（三）申请答复数", "件"},
      {"C3.1", "　1.属于已主动公开范围数", "件"},
      {"C3.2", "　2.同意公开答复数", "件"},
      {"C3.3", "　3.同意部分公开答复数", "件"},
      {"C3.4", "　4.不同意公开答复数", "件"},
      {"C3.4a", "　　其中：涉及国家秘密", "件"},
      {"C3.4b", "　　　　涉及商业秘密", "件"},
      {"C3.4c", "　　　　涉及个人隐私", "件"},
      {"C3.4d", "　　　　危及国家安全、公共安全、经济安全和社会稳定", "件"},
      {"C3.4e", "　　　　不是《条例》所指政府信息", "件"},
      {"C3.4f", "　　　　法律法规规定的其他情形", "件"},
      {"C3.5", "　5.不属于本行政机关公开数", "件"},
      {"C3.6", "　6.申请信息不存在数", "件"},
      {"C3.7", "　7.告知作出更改补充数", "件"},
      {"C3.8", "　8.告知通过其他途径办理数", "件"},
      {"D", "四、行政复议数量", "件"},
      {"D1", "（一）维持具体行政行为数", "件"},
      {"D2", "（二）被依法纠错数", "件"},
      {"D3", "（三）其他情形数", "件"},
      {"E", "五、行政诉讼数量", "件"},
      {"E1", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"},
      {"E2", "（二）被依法纠错数", "件"},
      {"E3", "（三）其他情形数", "件"},
      {"F", "六、举报投诉数量", "件"},
      {"G", "七、依申请公开信息收取的费用", "万元"},
      {"H", "八、机构建设和保障经费情况", ""},
      {"H1", "（一）政府信息公开工作专门机构数", "个"},
      {"H2", "（二）设置政府信息公开查阅点数", "个"},
      {"H3", "（三）从事政府信息公开工作人员数", "人"},
      {"H3.1", "　1.专职人员数（不包括政府公报及政府网站工作人员数）", "人"},
      {"H3.2", "　2.兼职人员数", "人"},
      {"H4", "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
       "万元"},
      {"I", "九、政府信息公开会议和培训情况", ""},
      {"I1", "（一）召开政府信息公开工作会议或专题会议数", "次"},
      {"I2", "（二）举办各类培训班数", "次"},
      {"I3", "（三）接受培训人员数", "人次"},
  };
  for (const Spec& s : rows) {
    const std::string unit = s.unit;
    t.rows.push_back(MakeRow(s.id, {s.label}, unit, unit.empty()));
  }
  f.tables.push_back(std::move(t));
  f.sections = {MakeSection("S1", "一、概述", {}), MakeSection("S2", "二、基本工作情况", {}),
                MakeSection("S8", "附件：政府信息公开情况统计表", {"T"})};
  return f;
}

// The 2021 format's tables 二 (blocks （一） and （八）), 三 and 四, as in data/formats/2021.json.
inline Format Format2021() {
  Format f;
  f.id = "2021";
  f.name = "《中华人民共和国政府信息公开工作年度报告格式》";

  Table t21;
  t21.id = "T2.1";
  t21.title = "二、主动公开政府信息情况";
  t21.caption = "第二十条第（一）项";
  t21.corner = "信息内容";
  t21.cell_ids = "row/col";
  t21.columns = {MakeColumn("ISS", "本年制发件数", {}, "件"), MakeColumn("REP", "本年废止件数", {}, "件"),
                 MakeColumn("EFF", "现行有效件数", {}, "件")};
  t21.rows = {MakeRow("T2.1.1", {"规章"}, ""), MakeRow("T2.1.2", {"行政规范性文件"}, "")};

  Table t28;
  t28.id = "T2.8";
  t28.title = "二、主动公开政府信息情况";
  t28.caption = "第二十条第（八）项";
  t28.corner = "信息内容";
  t28.cell_ids = "row/col";
  t28.columns = {MakeColumn("FEE", "本年收费金额（单位：万元）", {}, "万元")};
  t28.rows = {MakeRow("T2.8.1", {"行政事业性收费"}, "")};

  Table t3;
  t3.id = "T3";
  t3.title = "三、收到和处理政府信息公开申请情况";
  t3.corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
  t3.cell_ids = "row/col";
  t3.label_columns = 3;
  const std::vector<std::string> applicant = {"申请人情况"};
  const std::vector<std::string> legal = {"申请人情况", "法人或其他组织"};
  t3.columns = {MakeColumn("NP", "自然人", applicant),     MakeColumn("CE", "商业企业", legal),
                MakeColumn("RI", "科研机构", legal),       MakeColumn("SO", "社会公益组织", legal),
                MakeColumn("LS", "法律服务机构", legal),   MakeColumn("OT", "其他", legal),
                MakeColumn("TOT", "总计", applicant)};
  const std::string r3 = "三、本年度办理结果";
  t3.rows = {
      MakeRow("R1", {"一、本年新收政府信息公开申请数量"}, "件"),
      MakeRow("R2", {"二、上年结转政府信息公开申请数量"}, "件"),
      MakeRow("R3.1", {r3, "（一）予以公开"}, "件"),
      MakeRow("R3.2", {r3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"}, "件"),
      MakeRow("R3.3.1", {r3, "（三）不予公开", "1.属于国家秘密"}, "件"),
      MakeRow("R3.3.2", {r3, "（三）不予公开", "2.其他法律行政法规禁止公开"}, "件"),
      MakeRow("R3.3.3", {r3, "（三）不予公开", "3.危及“三安全一稳定”"}, "件"),
      MakeRow("R3.3.4", {r3, "（三）不予公开", "4.保护第三方合法权益"}, "件"),
      MakeRow("R3.3.5", {r3, "（三）不予公开", "5.属于三类内部事务信息"}, "件"),
      MakeRow("R3.3.6", {r3, "（三）不予公开", "6.属于四类过程性信息"}, "件"),
      MakeRow("R3.3.7", {r3, "（三）不予公开", "7.属于行政执法案卷"}, "件"),
      MakeRow("R3.3.8", {r3, "（三）不予公开", "8.属于行政查询事项"}, "件"),
      MakeRow("R3.4.1", {r3, "（四）无法提供", "1.本机关不掌握相关政府信息"}, "件"),
      MakeRow("R3.4.2", {r3, "（四）无法提供", "2.没有现成信息需要另行制作"}, "件"),
      MakeRow("R3.4.3", {r3, "（四）无法提供", "3.补正后申请内容仍不明确"}, "件"),
      MakeRow("R3.5.1", {r3, "（五）不予处理", "1.信访举报投诉类申请"}, "件"),
      MakeRow("R3.5.2", {r3, "（五）不予处理", "2.重复申请"}, "件"),
      MakeRow("R3.5.3", {r3, "（五）不予处理", "3.要求提供公开出版物"}, "件"),
      MakeRow("R3.5.4", {r3, "（五）不予处理", "4.无正当理由大量反复申请"}, "件"),
      MakeRow("R3.5.5", {r3, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"}, "件"),
      MakeRow("R3.6.1",
              {r3, "（六）其他处理",
               "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
              "件"),
      MakeRow("R3.6.2",
              {r3, "（六）其他处理",
               "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
              "件"),
      MakeRow("R3.6.3", {r3, "（六）其他处理", "3.其他"}, "件"),
      MakeRow("R3.7", {r3, "（七）总计"}, "件"),
      MakeRow("R4", {"四、结转下年度继续办理"}, "件"),
  };

  Table t4;
  t4.id = "T4";
  t4.title = "四、政府信息公开行政复议、行政诉讼情况";
  t4.cell_ids = "col";
  t4.label_columns = 0;
  const char* outcomes[][2] = {{"M", "结果维持"}, {"C", "结果纠正"}, {"O", "其他结果"},
                               {"P", "尚未审结"}, {"T", "总计"}};
  const struct {
    const char* prefix;
    std::vector<std::string> groups;
  } blocks[] = {{"RV", {"行政复议"}},
                {"LD", {"行政诉讼", "未经复议直接起诉"}},
                {"LR", {"行政诉讼", "复议后起诉"}}};
  for (const auto& b : blocks) {
    for (const auto& o : outcomes) {
      t4.columns.push_back(MakeColumn(std::string(b.prefix) + "." + o[0], o[1], b.groups));
    }
  }
  t4.rows = {MakeRow("T4.1", {}, "件")};

  f.tables = {t21, t28, t3, t4};
  f.sections = {MakeSection("S1", "一、总体情况", {}),
                MakeSection("S2", "二、主动公开政府信息情况", {"T2.1", "T2.8"}),
                MakeSection("S3", "三、收到和处理政府信息公开申请情况", {"T3"}),
                MakeSection("S4", "四、政府信息公开行政复议、行政诉讼情况", {"T4"}),
                MakeSection("S5", "五、存在的主要问题及改进情况", {}),
                MakeSection("S6", "六、其他需要报告的事项", {})};
  return f;
}

// The cell ids of a format in print order, computed here independently of Format::CellIds.
inline std::vector<std::pair<std::string, bool>> CellsOf(const Format& f) {
  std::vector<std::pair<std::string, bool>> ids;  // id, heading
  for (const Table& t : f.tables) {
    if (t.cell_ids == "col") {
      for (const Column& c : t.columns) ids.emplace_back(c.id, false);
      continue;
    }
    for (const Row& r : t.rows) {
      for (const Column& c : t.columns) {
        ids.emplace_back(t.cell_ids == "row" ? r.id : r.id + "/" + c.id, r.heading);
      }
    }
  }
  return ids;
}

// A report on `format` whose every non-heading cell gets value(id) (heading cells are null),
// with one section per format section holding `text(section)`.
inline Report MakeReport(const Format& format, const std::function<Decimal(const std::string&)>& value,
                         const std::function<std::string(const Section&)>& text) {
  Report r;
  r.format = &format;
  r.agency.id = 7;
  r.agency.slug = "changyi-commerce";
  r.agency.name = "吉林市昌邑区商务局";
  r.agency.short_name = "昌邑区商务局";
  r.year = format.id == "2008" ? 2018 : 2024;
  r.title = r.agency.short_name + std::to_string(r.year) + "年政府信息公开工作年度报告";
  r.generated_on = format.id == "2008" ? "2019-01-03" : "2025-01-20";
  for (const auto& [id, heading] : CellsOf(format)) {
    CellValue v;
    if (heading) {
      v.source = CellSource::kHeading;
    } else {
      v.value = value(id);
    }
    r.cells[id] = v;
  }
  for (const Section& s : format.sections) {
    RenderedSection rs;
    rs.id = s.id;
    rs.heading = s.heading;
    rs.text = text(s);
    rs.tables = s.tables;
    r.sections.push_back(rs);
  }
  return r;
}

// Distinct values per cell so a test can tell which cell printed where: the n-th cell gets
// 100 + n (no two cells equal, none equal to a row number or a year).
inline std::function<Decimal(const std::string&)> DistinctValues(const Format& f) {
  std::map<std::string, int> index;
  int n = 0;
  for (const auto& [id, heading] : CellsOf(f)) index[id] = n++;
  return [index](const std::string& id) { return Decimal::FromInt(100 + index.at(id)); };
}

inline std::string SectionText(const Section& s) {
  return s.id == "S8" ? "" : "这是“" + s.heading + "”的第一段。\n\n第二段。";
}

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// Runs a shell command, returning its stdout and (through `exit_code`) its exit status.
inline std::string Shell(const std::string& command, int* exit_code = nullptr) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe);
  if (exit_code != nullptr) *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

inline std::string Quote(const std::string& s) { return "'" + s + "'"; }

// A fresh temporary directory, removed with its contents at destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "gongkai-render-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  std::vector<std::string> Entries() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(path_)) {
      names.push_back(e.path().filename().string());
    }
    return names;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace gongkai::render_testing
