#include "http/form.h"

#include <restinio/helpers/http_field_parsers/content-disposition.hpp>
#include <restinio/helpers/http_field_parsers/content-type.hpp>
#include <restinio/helpers/multipart_body.hpp>

#include <algorithm>
#include <cctype>

namespace gongkai::http {
namespace {

bool EqualsCaseless(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The base name of a browser-sent file name (old browsers send "C:\dir\a.pdf").
std::string BaseName(std::string_view name) {
  const size_t cut = name.find_last_of("/\\");
  if (cut != std::string_view::npos) name.remove_prefix(cut + 1);
  return std::string(name);
}

Result<Form> ParseMultipart(std::string_view body, const std::string& boundary, size_t max_fields) {
  namespace mb = restinio::multipart_body;
  namespace hfp = restinio::http_field_parsers;
  const std::string mark = "--" + boundary;
  Form form;
  const std::vector<restinio::string_view_t> parts = mb::split_multipart_body(body, mark);
  if (parts.empty()) return InvalidInput("表单内容无法解析（multipart 分段缺失或不完整）");
  for (restinio::string_view_t raw : parts) {
    auto part = mb::try_parse_part(raw);
    if (!part) return InvalidInput("表单内容无法解析（某一分段格式错误）");
    const auto disposition = part->fields.opt_value_of(restinio::http_field::content_disposition);
    if (!disposition) return InvalidInput("表单内容无法解析（分段缺少 Content-Disposition）");
    const auto parsed = hfp::content_disposition_value_t::try_parse(*disposition);
    if (!parsed || !EqualsCaseless(parsed->value, "form-data")) {
      return InvalidInput("表单内容无法解析（Content-Disposition 无效）");
    }
    const auto name = hfp::find_first(parsed->parameters, "name");
    if (!name) return InvalidInput("表单内容无法解析（分段缺少字段名）");
    const std::string field(name->data(), name->size());
    if (!IsValidText(field)) return InvalidInput("表单字段名不是有效的 UTF-8 文本");
    if (form.fields.size() + form.files.size() >= max_fields) {
      return InvalidInput("表单字段过多（最多 " + std::to_string(max_fields) + " 个）");
    }
    const auto file_name = hfp::find_first(parsed->parameters, "filename");
    if (file_name) {
      UploadedFile f;
      f.field = field;
      f.file_name = BaseName(std::string_view(file_name->data(), file_name->size()));
      if (!IsValidText(f.file_name)) return InvalidInput("上传文件的文件名不是有效的 UTF-8 文本");
      if (auto ct = part->fields.opt_value_of(restinio::http_field::content_type)) {
        f.content_type = std::string(ct->data(), ct->size());
      }
      f.bytes.assign(part->body.data(), part->body.size());
      form.files.push_back(std::move(f));
      continue;
    }
    std::string value(part->body.data(), part->body.size());
    if (!IsValidText(value)) {
      return InvalidInput("表单字段“" + field + "”的内容不是有效的 UTF-8 文本");
    }
    form.fields.emplace_back(field, std::move(value));
  }
  return form;
}

}  // namespace

const std::string& Form::Get(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return kEmpty;
}

bool Form::Has(std::string_view name) const {
  return std::any_of(fields.begin(), fields.end(), [&](const auto& kv) { return kv.first == name; });
}

std::vector<std::string> Form::GetAll(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields) {
    if (k == name) out.push_back(v);
  }
  return out;
}

const UploadedFile* Form::File(std::string_view name) const {
  for (const UploadedFile& f : files) {
    if (f.field == name && !f.bytes.empty()) return &f;
  }
  return nullptr;
}

Result<Form> ParseForm(const Request& request, size_t max_fields) {
  namespace hfp = restinio::http_field_parsers;
  const std::optional<std::string_view> ct = request.Header("content-type");
  if (!ct) {
    if (request.body.empty()) return Form{};
    return InvalidInput("表单缺少 Content-Type");
  }
  const auto parsed = hfp::content_type_value_t::try_parse(*ct);
  if (!parsed) return InvalidInput("表单的 Content-Type 无法解析");
  const auto& media = parsed->media_type;
  if (EqualsCaseless(media.type, "application") &&
      EqualsCaseless(media.subtype, "x-www-form-urlencoded")) {
    Result<std::vector<std::pair<std::string, std::string>>> pairs = ParseQuery(request.body);
    if (!pairs.ok()) return InvalidInput("表单内容无效：" + pairs.status().message());
    if (pairs->size() > max_fields) {
      return InvalidInput("表单字段过多（最多 " + std::to_string(max_fields) + " 个）");
    }
    Form form;
    form.fields = std::move(pairs).value();
    return form;
  }
  if (EqualsCaseless(media.type, "multipart") && EqualsCaseless(media.subtype, "form-data")) {
    const auto boundary = hfp::find_first(media.parameters, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) {
      return InvalidInput("表单的 multipart 边界（boundary）缺失或无效");
    }
    return ParseMultipart(request.body, std::string(boundary->data(), boundary->size()),
                          max_fields);
  }
  return InvalidInput("不支持的表单类型：" + std::string(media.type) + "/" +
                      std::string(media.subtype));
}

}  // namespace gongkai::http
