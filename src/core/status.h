// Errors are values inside gongkai (STYLE.md §6). A Status carries a code and a message written
// for the person who must act on it ("what and where"); adapters map the code to an exit code or
// an HTTP status in one place each.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace gongkai {

enum class ErrorCode {
  kOk = 0,
  kInvalidInput,     // the user's input is malformed or breaks a domain rule
  kNotFound,         // an agency, year, record or file that does not exist
  kConflict,         // the change contradicts stored state (duplicate key, illegal transition)
  kOutOfCalendar,    // a date outside the years the holiday calendar covers
  kUnsupported,      // e.g. an outcome the chosen report format cannot count
  kStorage,          // the database could not be opened, is locked or corrupt
  kInternal,         // a bug: never the user's fault
  kForbidden,        // the actor may not do this (wrong role, another agency's record, public)
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<context>: <message>" (for adding "where").
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return {code_, context + ": " + message_};
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string m) { return {ErrorCode::kInvalidInput, std::move(m)}; }
inline Status NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
inline Status Conflict(std::string m) { return {ErrorCode::kConflict, std::move(m)}; }
inline Status OutOfCalendar(std::string m) { return {ErrorCode::kOutOfCalendar, std::move(m)}; }
inline Status Unsupported(std::string m) { return {ErrorCode::kUnsupported, std::move(m)}; }
inline Status StorageError(std::string m) { return {ErrorCode::kStorage, std::move(m)}; }
inline Status Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }
inline Status Forbidden(std::string m) { return {ErrorCode::kForbidden, std::move(m)}; }

// Result<T> holds either a value or a non-OK Status.
//   Result<Date> d = Date::Parse(text);
//   if (!d.ok()) return d.status();
//   Use(*d);
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}     // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

#define GONGKAI_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::gongkai::Status _st = (expr);          \
    if (!_st.ok()) return _st;               \
  } while (0)

}  // namespace gongkai
