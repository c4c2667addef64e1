// What the HTTP integration tests share (tests/http/*_test.cc, one binary http_e2e_test): a
// libcurl client, form bodies (urlencoded and multipart), hidden fields and cookies of a page, a
// browser with a cookie jar that signs in through the console's login form, the `gongkai serve`
// process on a free port with a fixed --today, and the databases (SQLite file; a fresh PostgreSQL
// database on the private cluster whose URL is in the file named by $GONGKAI_TEST_PG_URL_FILE).
#pragma once

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "tests/e2e/e2e_util.h"

namespace gongkai::http_test {

namespace fs = std::filesystem;
using e2e::Slurp;

// The server's --today unless a test gives another.
inline constexpr char kToday[] = "2026-03-01";

// ---------------------------------------------------------------------------------------------
// An HTTP client (libcurl)
// ---------------------------------------------------------------------------------------------

struct HttpResponse {
  long status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  // names lower-case

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  bool Has(const std::string& text) const { return body.find(text) != std::string::npos; }
};

inline size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

inline size_t AppendHeader(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  const size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    static_cast<std::multimap<std::string, std::string>*>(out)->emplace(name, value);
  }
  return size * n;
}

// `target` is sent as given (no normalisation of "..", no re-encoding).
inline HttpResponse Request(const std::string& base, const std::string& target,
                            const std::string& method = "GET",
                            const std::vector<std::string>& headers = {},
                            const std::string& body = "") {
  HttpResponse r;
  CURL* curl = curl_easy_init();
  const std::string url = base + target;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.headers);
  curl_slist* list = nullptr;
  for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  if (method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  const CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return r;
}

inline int CountOf(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Forms, hidden fields, cookies
// ---------------------------------------------------------------------------------------------

// The fields of a form, in order (a name may repeat).
using Fields = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes a URL query or form value: every byte but A-Z a-z 0-9 - _ . ~ as %XX.
inline std::string UrlEncode(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// An application/x-www-form-urlencoded body.
inline std::string FormBody(const Fields& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += UrlEncode(k) + "=" + UrlEncode(v);
  }
  return out;
}

// A file of a multipart/form-data body.
struct FilePart {
  std::string field, file_name, content_type, bytes;
};

// A small PDF an attachment check accepts (the %PDF- signature, a catalog, an EOF marker).
inline std::string TinyPdf() {
  return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
         "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
         "trailer << /Root 1 0 R >>\n%%EOF\n";
}

// The boundary of MultipartBody (Content-Type: multipart/form-data; boundary=…).
inline constexpr char kBoundary[] = "----gongkaiTestBoundary7MA4YWxkTrZu0gW";

// A multipart/form-data body with boundary kBoundary: the fields, then the files.
inline std::string MultipartBody(const Fields& fields, const std::vector<FilePart>& files) {
  std::string out;
  for (const auto& [k, v] : fields) {
    out += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + k +
           "\"\r\n\r\n" + v + "\r\n";
  }
  for (const FilePart& f : files) {
    out += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + f.field +
           "\"; filename=\"" + f.file_name + "\"\r\nContent-Type: " + f.content_type + "\r\n\r\n" +
           f.bytes + "\r\n";
  }
  out += std::string("--") + kBoundary + "--\r\n";
  return out;
}

// The value of the first `<input type="hidden" name="NAME" value="…">` in `html` ("" if none).
inline std::string HiddenValue(const std::string& html, const std::string& name) {
  const std::regex re("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

// The value of the Set-Cookie `name` of a response ("" if none).
inline std::string CookieValue(const HttpResponse& r, const std::string& name) {
  for (auto [it, end] = r.headers.equal_range("set-cookie"); it != end; ++it) {
    if (it->second.rfind(name + "=", 0) == 0) {
      const std::string rest = it->second.substr(name.size() + 1);
      return rest.substr(0, rest.find(';'));
    }
  }
  return "";
}

// A browser: sends the cookies the server has set (and drops those it clears: an empty value or
// Max-Age=0) with every request.
class Browser {
 public:
  explicit Browser(std::string base) : base_(std::move(base)) {}

  HttpResponse Get(const std::string& target) { return Do("GET", target, {}, ""); }
  HttpResponse Post(const std::string& target, const Fields& fields) {
    return Do("POST", target, {"Content-Type: application/x-www-form-urlencoded"},
              FormBody(fields));
  }
  HttpResponse PostMultipart(const std::string& target, const Fields& fields,
                             const std::vector<FilePart>& files) {
    return Do("POST", target,
              {std::string("Content-Type: multipart/form-data; boundary=") + kBoundary},
              MultipartBody(fields, files));
  }

  // Signs in through the console's login form; true on the redirect that sets the session
  // cookie.
  bool Login(const std::string& login, const std::string& password) {
    HttpResponse form = Get("/console/login");
    HttpResponse r = Post("/console/login", {{"csrf", HiddenValue(form.body, "csrf")},
                                             {"login", login},
                                             {"password", password},
                                             {"next", ""}});
    return r.status == 303 && cookies_.count("gk_session") > 0;
  }

  // The session's CSRF token, read once from a console page (/console/check).
  std::string Csrf() {
    if (csrf_.empty()) csrf_ = HiddenValue(Get("/console/check").body, "csrf");
    return csrf_;
  }

 private:
  HttpResponse Do(const std::string& method, const std::string& target,
                  std::vector<std::string> headers, const std::string& body) {
    std::string cookie;
    for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
    HttpResponse r = Request(base_, target, method, headers, body);
    for (auto [it, end] = r.headers.equal_range("set-cookie"); it != end; ++it) {
      const std::string& v = it->second;
      const size_t eq = v.find('=');
      const size_t semi = v.find(';');
      const std::string name = v.substr(0, eq);
      const std::string value = v.substr(eq + 1, semi == std::string::npos ? semi : semi - eq - 1);
      if (value.empty() || v.find("Max-Age=0") != std::string::npos) {
        cookies_.erase(name);
      } else {
        cookies_[name] = value;
      }
    }
    return r;
  }

  std::string base_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

// ---------------------------------------------------------------------------------------------
// The server process
// ---------------------------------------------------------------------------------------------

inline int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

// `gongkai --db DB --today … serve --listen 127.0.0.1:PORT --config CONFIG`, stopped by SIGTERM
// at the end of the test if still running.
class ServerProcess {
 public:
  ServerProcess(const std::string& db, const std::string& config, const fs::path& workdir,
                std::string today = kToday)
      : today_(std::move(today)) {
    for (int attempt = 0; attempt < 3 && pid_ <= 0; ++attempt) Start(db, config, workdir);
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      if (Wait(std::chrono::seconds(20)) == -2) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
      }
    }
  }
  bool running() const { return pid_ > 0; }
  const std::string& base() const { return base_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& banner() const { return banner_; }

  // Sends SIGTERM; returns the exit code (-1 if killed by a signal, -2 on timeout).
  int Stop(std::chrono::seconds timeout = std::chrono::seconds(30)) {
    ::kill(pid_, SIGTERM);
    return Wait(timeout);
  }
  // Waits for the process to end: its exit code, -1 if a signal ended it, -2 on timeout.
  int Wait(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -2;
  }
  bool Exited() {
    int status = 0;
    return ::waitpid(pid_, &status, WNOHANG) == pid_ ? (pid_ = -1, true) : false;
  }

 private:
  void Start(const std::string& db, const std::string& config, const fs::path& workdir) {
    port_ = FreePort();
    int out[2];
    if (::pipe(out) != 0) return;
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    const std::string err = (workdir / "server.err").string();
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::dup2(out[1], 1);
      const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      ::dup2(e, 2);
      ::close(out[0]);
      ::execl(GONGKAI_BIN, GONGKAI_BIN, "--db", db.c_str(), "--today", today_.c_str(), "serve",
              "--listen", listen.c_str(), "--config", config.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    pid_ = pid;
    // Wait for the line that says it listens.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::string text;
    while (std::chrono::steady_clock::now() < deadline &&
           text.find("正在监听") == std::string::npos) {
      pollfd p{out[0], POLLIN, 0};
      if (::poll(&p, 1, 200) > 0) {
        char buf[512];
        const ssize_t n = ::read(out[0], buf, sizeof buf);
        if (n <= 0) break;
        text.append(buf, static_cast<size_t>(n));
      }
    }
    ::close(out[0]);
    banner_ = text;
    if (text.find("正在监听") == std::string::npos) {
      // Port taken between FreePort and bind, or a start-up error: try again (or fail).
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
      ADD_FAILURE_AT(__FILE__, __LINE__) << "server did not start: " << text << Slurp(err);
      return;
    }
    base_ = "http://127.0.0.1:" + std::to_string(port_);
  }

  std::string today_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string base_, banner_;
};

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------

enum class Backend { kSqlite, kPostgres };

inline void PrintTo(Backend b, std::ostream* os) {
  *os << (b == Backend::kSqlite ? "SQLite" : "PostgreSQL");
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgres";
}

inline std::string RandomName() {
  std::random_device rd;
  std::ostringstream out;
  out << "h_" << std::hex << std::mt19937_64(rd())();
  return out.str();
}

// Runs one statement on the PostgreSQL database at `url`; empty on success, else the error.
inline std::string PgExec(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* res = PQexec(conn, sql.c_str());
    if (PQresultStatus(res) != PGRES_COMMAND_OK) error = PQerrorMessage(conn);
    PQclear(res);
  }
  PQfinish(conn);
  return error;
}

// The database of one test: the SQLite file it is given, or a fresh PostgreSQL database on the
// private cluster whose URL is in the file named by $GONGKAI_TEST_PG_URL_FILE (the test is skipped
// when that is not set). Create() from SetUp, then return from SetUp if the test is skipped or
// has failed (`if (IsSkipped() || HasFatalFailure()) return;`); Drop() from TearDown removes the
// PostgreSQL database.
class TestDatabase {
 public:
  void Create(Backend backend, const std::string& sqlite_file) {
    if (backend == Backend::kSqlite) {
      url_ = sqlite_file;
      return;
    }
    const char* file = std::getenv("GONGKAI_TEST_PG_URL_FILE");
    if (file == nullptr || *file == '\0') {
      GTEST_SKIP() << "GONGKAI_TEST_PG_URL_FILE is not set (ctest sets it after pg.start)";
    }
    std::string url = Slurp(file);
    while (!url.empty() && (url.back() == '\n' || url.back() == ' ')) url.pop_back();
    ASSERT_FALSE(url.empty());
    pg_admin_ = url;
    pg_name_ = RandomName();
    ASSERT_EQ(PgExec(url, "CREATE DATABASE " + pg_name_), "");
    url_ = url.substr(0, url.rfind('/') + 1) + pg_name_;
  }

  void Drop() {
    if (pg_name_.empty()) return;
    EXPECT_EQ(PgExec(pg_admin_, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)"), "");
    pg_name_.clear();
  }

  // What `gongkai --db` takes: the file, or the PostgreSQL URL.
  const std::string& url() const { return url_; }

  // Runs one SQL statement on the database while the server has it open (a test that ages a
  // session, say): the sqlite3 shell on the file (waiting up to 5 s for a lock), or libpq.
  // Empty on success, else the error.
  std::string Exec(const std::string& sql) const {
    if (!pg_name_.empty()) return PgExec(url_, sql);
    const std::string command = "sqlite3 -cmd '.timeout 5000' '" + url_ + "' \"" + sql + "\" 2>&1";
    FILE* p = ::popen(command.c_str(), "r");
    if (p == nullptr) return "popen failed";
    std::string out;
    char buf[256];
    while (size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int rc = ::pclose(p);
    return rc == 0 ? std::string() : "sqlite3: " + out;
  }

 private:
  std::string url_, pg_admin_, pg_name_;
};

}  // namespace gongkai::http_test
