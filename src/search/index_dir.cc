#include "search/index_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace gongkai::search {
namespace {

namespace fs = std::filesystem;

constexpr char kStubName[] = "XAPIANDB";
constexpr char kGenerationPrefix[] = "glass-";

std::string Errno() { return std::strerror(errno); }

Status FsyncPath(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return StorageError("无法打开 " + path + " 以写入磁盘：" + Errno());
  const int rc = ::fsync(fd);
  const std::string why = rc != 0 ? Errno() : std::string();
  ::close(fd);
  if (rc != 0) return StorageError("无法把 " + path + " 写入磁盘：" + why);
  return Status::Ok();
}

// The generation named by the stub text "auto glass-…", or "" if malformed.
std::string ParseStub(const std::string& text) {
  std::istringstream in(text);
  std::string kind, name, extra;
  if (!(in >> kind >> name) || (in >> extra)) return std::string();
  if (kind != "auto" || name.rfind(kGenerationPrefix, 0) != 0 ||
      name.find('/') != std::string::npos) {
    return std::string();
  }
  return name;
}

}  // namespace

Result<std::string> CurrentDatabase(const std::string& dir) {
  const fs::path stub = fs::path(dir) / kStubName;
  std::error_code ec;
  if (!fs::exists(stub, ec)) return NotFound("搜索索引 " + dir + " 不存在");
  std::ifstream in(stub, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return StorageError("无法读取搜索索引 " + stub.string());
  const std::string generation = ParseStub(text.str());
  if (generation.empty()) {
    return StorageError("搜索索引 " + stub.string() + " 的内容无效，需要重建");
  }
  const fs::path db = fs::path(dir) / generation;
  if (!fs::is_directory(db, ec)) {
    return StorageError("搜索索引 " + dir + " 指向的数据库 " + generation + " 不存在，需要重建");
  }
  return db.string();
}

std::string NewGeneration() {
  static std::atomic<int> counter{0};
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  return std::string(kGenerationPrefix) + std::to_string(ms) + "-" + std::to_string(::getpid()) +
         "-" + std::to_string(counter++);
}

Status SwapCurrent(const std::string& dir, const std::string& generation) {
  const std::string stub = (fs::path(dir) / kStubName).string();
  const std::string tmp = stub + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << "auto " << generation << "\n";
    out.close();
    if (!out) return StorageError("无法写入 " + tmp);
  }
  GONGKAI_RETURN_IF_ERROR(FsyncPath(tmp, false));
  if (::rename(tmp.c_str(), stub.c_str()) != 0) {
    return StorageError("无法把 " + tmp + " 改名为 " + stub + "：" + Errno());
  }
  return FsyncPath(dir, true);
}

void RemoveStaleGenerations(const std::string& dir, const std::string& keep) {
  std::string current;
  if (Result<std::string> db = CurrentDatabase(dir); db.ok()) {
    current = fs::path(*db).filename().string();
  }
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kGenerationPrefix, 0) != 0 || name == current || name == keep) continue;
    std::error_code rm;
    fs::remove_all(it->path(), rm);
  }
}

Status SyncTree(const std::string& path) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    GONGKAI_RETURN_IF_ERROR(FsyncPath(it->path().string(), it->is_directory()));
  }
  if (ec) return StorageError("无法遍历 " + path + "：" + ec.message());
  return FsyncPath(path, true);
}

Result<ReindexLock> ReindexLock::Acquire(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return StorageError("无法创建搜索索引目录 " + dir + "：" + ec.message());
  const std::string path = (fs::path(dir) / "reindex.lock").string();
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return StorageError("无法创建 " + path + "：" + Errno());
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const bool busy = errno == EWOULDBLOCK;
    const std::string why = Errno();
    ::close(fd);
    if (busy) return Conflict("搜索索引 " + dir + " 的另一个重建正在进行，请稍后再试");
    return StorageError("无法锁定 " + path + "：" + why);
  }
  return ReindexLock(fd);
}

ReindexLock::~ReindexLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

}  // namespace gongkai::search
