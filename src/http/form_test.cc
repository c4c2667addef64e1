#include "http/form.h"

#include <gtest/gtest.h>

namespace gongkai::http {
namespace {

Request Post(const std::string& content_type, std::string body) {
  Request r;
  r.method = "POST";
  if (!content_type.empty()) r.headers.emplace_back("content-type", content_type);
  r.body = std::move(body);
  return r;
}

constexpr char kBoundary[] = "----b0undary";

std::string Part(const std::string& name, const std::string& value,
                 const std::string& file_name = "", const std::string& type = "") {
  std::string out = std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" +
                    name + "\"";
  if (!file_name.empty()) out += "; filename=\"" + file_name + "\"";
  out += "\r\n";
  if (!type.empty()) out += "Content-Type: " + type + "\r\n";
  return out + "\r\n" + value + "\r\n";
}

std::string Multipart(const std::string& parts) {
  return parts + "--" + kBoundary + "--\r\n";
}

const std::string kMultipartType = std::string("multipart/form-data; boundary=") + kBoundary;

TEST(FormTest, UrlEncodedFieldsAreDecodedInOrderWithRepeats) {
  Result<Form> f = ParseForm(Post("application/x-www-form-urlencoded; charset=UTF-8",
                                  "name=%E5%BC%A0%E4%B8%89&item=a&item=b+c&empty="));
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->Get("name"), "张三");
  EXPECT_EQ(f->GetAll("item"), (std::vector<std::string>{"a", "b c"}));
  EXPECT_TRUE(f->Has("empty"));
  EXPECT_EQ(f->Get("empty"), "");
  EXPECT_FALSE(f->Has("missing"));
  EXPECT_EQ(f->Get("missing"), "");
}

TEST(FormTest, MultipartCarriesFieldsAndFilesWithBaseNames) {
  const std::string pdf = std::string("%PDF-1.4\n\0\xff binary", 18);
  Result<Form> f = ParseForm(Post(kMultipartType,
                                  Multipart(Part("csrf", "tok") + Part("title", "通知") +
                                            Part("file", pdf, "../docs/办法.pdf", "application/pdf") +
                                            Part("other", "", "", ""))));
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->Get("csrf"), "tok");
  EXPECT_EQ(f->Get("title"), "通知");
  const UploadedFile* file = f->File("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->file_name, "办法.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->bytes, pdf);
  EXPECT_EQ(f->File("title"), nullptr);
}

TEST(FormTest, AnEmptyFileInputIsNoFile) {
  Result<Form> f =
      ParseForm(Post(kMultipartType, Multipart(Part("file", "", "", "application/octet-stream") +
                                               Part("csrf", "t"))));
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->File("file"), nullptr);
}

TEST(FormTest, BadInputIsRefusedWithAChineseMessage) {
  const struct {
    std::string content_type, body, message;
  } cases[] = {
      {"application/x-www-form-urlencoded", "name=%FF%FE", "UTF-8"},
      {"application/x-www-form-urlencoded", "name=%E5%BC", "UTF-8"},
      {"application/x-www-form-urlencoded", "name=%ZZ", "无效"},
      {kMultipartType, Multipart(Part("name", "\xff\xfe")), "不是有效的 UTF-8"},
      {kMultipartType, "no parts at all", "无法解析"},
      {"multipart/form-data", Multipart(Part("a", "b")), "边界"},
      {"text/plain", "a=b", "不支持的表单类型"},
      {"", "a=b", "缺少 Content-Type"},
  };
  for (const auto& c : cases) {
    Result<Form> f = ParseForm(Post(c.content_type, c.body));
    ASSERT_FALSE(f.ok()) << c.content_type << " " << c.body;
    EXPECT_EQ(f.status().code(), ErrorCode::kInvalidInput);
    EXPECT_NE(f.status().message().find(c.message), std::string::npos)
        << c.body << " → " << f.status().message();
  }
}

TEST(FormTest, TooManyFieldsAreRefused) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += "f" + std::to_string(i) + "=1&";
  EXPECT_TRUE(ParseForm(Post("application/x-www-form-urlencoded", body), 20).ok());
  body += "one=more";
  Result<Form> f = ParseForm(Post("application/x-www-form-urlencoded", body), 20);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("字段过多"), std::string::npos);
  std::string parts;
  for (int i = 0; i < 21; ++i) parts += Part("f" + std::to_string(i), "1");
  EXPECT_FALSE(ParseForm(Post(kMultipartType, Multipart(parts)), 20).ok());
}

TEST(FormTest, NoBodyAndNoContentTypeIsAnEmptyForm) {
  Result<Form> f = ParseForm(Post("", ""));
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->fields.empty());
}

}  // namespace
}  // namespace gongkai::http
