#include "app/notice_templates.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace gongkai::app {
namespace {

Result<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("无法读取告知书模板 " + path + "：" + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<NoticeTemplates> NoticeTemplates::LoadDir(const std::string& dir) {
  NoticeTemplates t;
  for (NoticeKind kind : {NoticeKind::kAcceptance, NoticeKind::kCorrection, NoticeKind::kExtension,
                          NoticeKind::kConsultation, NoticeKind::kFee, NoticeKind::kAnswer}) {
    const std::string path = dir + "/" + std::string(ToCode(kind)) + ".txt";
    Result<std::string> text = Slurp(path);
    if (!text.ok()) return text.status();
    Result<NoticeTemplate> parsed = ParseNoticeTemplate(*text, path);
    if (!parsed.ok()) return parsed.status();
    t.templates_.emplace(kind, std::move(parsed).value());
  }
  const std::string path = dir + "/outcomes.txt";
  Result<std::string> text = Slurp(path);
  if (!text.ok()) return text.status();
  std::istringstream lines(*text);
  std::string line;
  int no = 0;
  while (std::getline(lines, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('|');
    const size_t b = a == std::string::npos ? std::string::npos : line.find('|', a + 1);
    if (b == std::string::npos) {
      return InvalidInput(path + ":" + std::to_string(no) + ": 应为“结果代码|答复内容|法律依据”");
    }
    const std::string code = line.substr(0, a);
    std::optional<Outcome> o = OutcomeFromCode(code);
    if (!o)
      return InvalidInput(path + ":" + std::to_string(no) + ": 未知的办理结果 \"" + code + "\"");
    t.outcomes_[*o] = {line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }
  for (Outcome o : AllOutcomes()) {
    if (IsAnswerOutcome(o) && !t.outcomes_.count(o)) {
      return InvalidInput(path + ": 缺少办理结果 \"" + std::string(ToCode(o)) + "\" 的答复内容");
    }
  }
  return t;
}

}  // namespace gongkai::app
