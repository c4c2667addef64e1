// Attachments (附件) of public catalog items: GET /agencies/{slug}/attachments/{id} through
// app::DownloadAttachment with the public actor, always as a download. A missing file is a
// 404 page, a damaged one (bytes that no longer match their hash) a 503 page; neither stops the
// server.
#include "http/portal/files.h"

#include <spdlog/spdlog.h>

#include "app/catalog.h"
#include "http/handlers.h"
#include "http/page.h"
#include "http/portal/views.h"

namespace gongkai::http::portal {
namespace {

bool IsAttrChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string AttachmentDisposition(std::string_view file_name) {
  std::string ascii, encoded;
  for (unsigned char c : file_name) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%') {
      ascii += static_cast<char>(c);
    } else if (c >= 0x80 && (ascii.empty() || ascii.back() != '_')) {
      ascii += '_';
    }
    if (IsAttrChar(c)) {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  if (ascii.empty() || ascii == "_") ascii = "attachment";
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Response FileResponse(const app::FileDownload& file, const std::string& cache_control) {
  Response r = Response::Text(200, file.meta.content_type.empty() ? "application/octet-stream"
                                                                   : file.meta.content_type,
                              file.bytes);
  r.AddHeader("Content-Disposition", AttachmentDisposition(file.meta.file_name));
  r.AddHeader("Cache-Control", cache_control);
  // Even if a browser rendered it, nothing in it could run or reach this origin.
  r.csp = "default-src 'none'; sandbox";
  return r;
}

Response ItemAttachment(Call& call) {
  Result<Agency> agency = RouteAgency(call);
  if (!agency.ok()) return StatusPage(call, agency.status());
  const std::string& id_text = call.request().Route("id");
  int64_t id = 0;
  if (id_text.empty() || id_text.size() > 18 ||
      id_text.find_first_not_of("0123456789") != std::string::npos ||
      (id = std::stoll(id_text)) <= 0) {
    return ErrorPage(call, 404, "附件编号 “" + id_text + "” 无效：应为正整数");
  }
  Result<app::Services> s = call.Services();
  if (!s.ok()) return StatusPage(call, s.status());
  Result<app::FileDownload> file =
      app::DownloadAttachment(*s, call.PublicActor(), agency->id, id, call.today());
  if (!file.ok()) {
    switch (file.status().code()) {
      case ErrorCode::kNotFound:
        return ErrorPage(call, 404,
                         agency->name + " 没有编号为 " + id_text +
                             " 的公开附件（或它所属的条目尚未公开、已撤回，或文件已被移除）");
      case ErrorCode::kStorage:
        spdlog::error("附件 {}（{}）无法读取：{}", id, agency->slug, file.status().message());
        return ErrorPage(call, 503,
                         "附件文件已损坏或暂时无法读取，请稍后再试；如问题持续，请联系" +
                             agency->name + "。");
      default:
        return StatusPage(call, file.status());
    }
  }
  return FileResponse(*file, "public, max-age=300");
}

}  // namespace gongkai::http::portal
