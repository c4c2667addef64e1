// WriteReport: picks the renderer by extension and writes through a temporary file in the same
// directory, renamed over `path` only when complete.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "render/render.h"

namespace gongkai {
namespace {

std::string Extension(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string ErrnoText() { return std::strerror(errno); }

Status WriteAll(int fd, const std::string& data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return InvalidInput("无法写入 " + path + "：" + ErrnoText());
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

}  // namespace

Status WriteReport(const Report& report, const std::string& path) {
  const std::string ext = Extension(path);
  const bool text_kind = ext == ".txt" || ext == ".html" || ext == ".json";
  if (!text_kind && ext != ".xlsx" && ext != ".pdf") {
    const std::string shown = ext.empty() ? "“" + path + "”（没有扩展名）" : ext;
    return InvalidInput("不支持的输出类型 " + shown + "（可选 .txt .html .json .xlsx .pdf）");
  }
  if (report.format == nullptr) return Internal("报告没有格式，无法输出 " + path);

  // The temporary file sits next to the target so the rename stays on one file system; it keeps
  // the extension last because some writers look at it.
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmp = dir + "." + base + ".tmp-XXXXXX" + ext;
  const int fd = ::mkstemps(tmp.data(), static_cast<int>(ext.size()));
  if (fd < 0) return InvalidInput("无法写入 " + path + "：" + ErrnoText());

  Status status;
  if (text_kind) {
    const std::string data = ext == ".txt"    ? RenderText(report)
                             : ext == ".html" ? RenderHtml(report)
                                              : RenderJson(report);
    status = WriteAll(fd, data, path);
    if (status.ok() && ::fsync(fd) != 0) status = InvalidInput("无法写入 " + path + "：" + ErrnoText());
    if (::close(fd) != 0 && status.ok()) {
      status = InvalidInput("无法写入 " + path + "：" + ErrnoText());
    }
  } else {
    ::close(fd);
    status = ext == ".xlsx" ? WriteXlsx(report, tmp) : WritePdf(report, tmp);
    if (!status.ok()) {
      // The writers name the temporary file; the user knows the target.
      std::string message = status.message();
      for (size_t at = message.find(tmp); at != std::string::npos; at = message.find(tmp, at)) {
        message.replace(at, tmp.size(), path);
        at += path.size();
      }
      status = Status(status.code(), message);
    }
  }
  if (status.ok()) {
    ::chmod(tmp.c_str(), 0644);  // mkstemps made it 0600; a report is an ordinary document
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
      status = InvalidInput("无法写入 " + path + "：" + ErrnoText());
    }
  }
  if (!status.ok()) ::unlink(tmp.c_str());
  return status;
}

}  // namespace gongkai
