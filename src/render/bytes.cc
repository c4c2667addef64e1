// RenderXlsxBytes / RenderPdfBytes: the file writers (libxlsxwriter, cairo) write to a path, so
// the bytes go through a private temporary file.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "render/render.h"

namespace gongkai {
namespace {

using Writer = Status (*)(const Report&, const std::string&);

Result<std::string> RenderThroughFile(const Report& report, Writer write, const char* ext) {
  const char* base = std::getenv("TMPDIR");
  std::string path = std::string(base != nullptr && *base != '\0' ? base : "/tmp") +
                     "/gongkai-report-XXXXXX" + ext;
  const int fd = ::mkstemps(path.data(), static_cast<int>(std::strlen(ext)));
  if (fd < 0) return Internal("无法创建临时文件 " + path + "：" + std::strerror(errno));
  ::close(fd);
  Status st = write(report, path);
  Result<std::string> out = std::string();
  if (st.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      out = Internal("无法读回临时文件 " + path);
    } else {
      out = bytes.str();
    }
  } else {
    out = st;
  }
  ::unlink(path.c_str());
  return out;
}

}  // namespace

Result<std::string> RenderXlsxBytes(const Report& report) {
  return RenderThroughFile(report, &WriteXlsx, ".xlsx");
}

Result<std::string> RenderPdfBytes(const Report& report) {
  return RenderThroughFile(report, &WritePdf, ".pdf");
}

}  // namespace gongkai
