#include "cli/context.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace gongkai::cli {

std::string Context::DataDir() const {
  if (!options_.data_dir.empty()) return options_.data_dir;
  if (const char* env = std::getenv("GONGKAI_DATA"); env != nullptr && *env != '\0') return env;
  return GONGKAI_SOURCE_DATA_DIR;
}

Result<Date> Context::Today() const {
  if (!options_.today.empty()) {
    Result<Date> d = Date::Parse(options_.today);
    if (!d.ok()) return d.status().WithContext("--today");
    return d;
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return NotFound("无法读取文件 " + path + "：这是一个目录");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("无法读取文件 " + path + "：" + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return NotFound("无法读取文件 " + path + "：读取失败");
  return ss.str();
}

Result<const WorkCalendar*> Context::Calendar() {
  if (!calendar_) {
    const std::string path = DataDir() + "/holidays-cn.csv";
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    Result<WorkCalendar> cal = WorkCalendar::FromCsv(*text, path);
    if (!cal.ok()) return cal.status();
    calendar_ = std::make_unique<WorkCalendar>(std::move(cal).value());
  }
  return calendar_.get();
}

Result<const Format*> Context::FormatById(const std::string& id) {
  auto it = formats_.find(id);
  if (it == formats_.end()) {
    if (id != "2008" && id != "2019" && id != "2021") {
      return NotFound("未知的年报格式 \"" + id + "\"（可选 2008、2019、2021）");
    }
    const std::string path = DataDir() + "/formats/" + id + ".json";
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    Result<Format> fmt = ParseFormat(*text, path);
    if (!fmt.ok()) return fmt.status();
    it = formats_.emplace(id, std::make_unique<Format>(std::move(fmt).value())).first;
  }
  return static_cast<const Format*>(it->second.get());
}

Result<Repository*> Context::Repo() {
  if (!repo_) {
    Result<std::unique_ptr<Repository>> repo = OpenRepository(options_.db_url);
    if (!repo.ok()) return repo.status();
    repo_ = std::move(repo).value();
  }
  return repo_.get();
}

int Fail(const Status& status) {
  std::string msg = status.message();
  for (char& c : msg) {
    if (c == '\n') c = ' ';
  }
  std::cerr << "错误：" << msg << '\n';
  return kExitUserError;
}

}  // namespace gongkai::cli
