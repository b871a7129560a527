// Status and Result<T>: how every expected failure in reunite is reported.
//
// Errors are cheap values with a closed set of kinds (ErrorCode). Callers
// write `if (!s.ok()) return s;`. Nothing throws across a layer, handler or
// thread boundary; exceptions from third-party libraries are caught at the
// call site and turned into a Status.
//
// Messages name what failed in the user's terms: the file, line and field for
// bad input ("exports/e3.csv:17: field 'dob': not a date: '31/02/2018'").
// Status and Result are value types; they are not thread-safe to mutate from
// several threads, but distinct copies may be used freely.
#ifndef REUNITE_STATUS_H_
#define REUNITE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace reunite {

// The closed set of error kinds. Each maps to exactly one process exit code
// (cli) and one HTTP status (http); see ExitCodeFor().
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is wrong (a flag, a model, a row)
  kParseError,          // input text could not be parsed (CSV, JSON, date)
  kNotFound,            // a named file, record or entity does not exist
  kAlreadyExists,       // a create collided with an existing thing
  kFailedPrecondition,  // the request is valid but not in the current state
  kPermissionDenied,    // the caller may not do this
  kUnauthenticated,     // the caller is not known
  kCorruption,          // stored data fails an integrity check
  kIoError,             // the operating system refused a read or write
  kUnavailable,         // a service (database, server) could not be reached
  kResourceExhausted,   // too many attempts or requests; retry later (throttling)
  kInternal,            // a bug: an invariant did not hold
};

std::string_view ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context` and ": ".
  Status WithContext(std::string_view context) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {ErrorCode::kInvalidArgument, std::move(m)}; }
inline Status ParseError(std::string m) { return {ErrorCode::kParseError, std::move(m)}; }
inline Status NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {ErrorCode::kAlreadyExists, std::move(m)}; }
inline Status FailedPrecondition(std::string m) {
  return {ErrorCode::kFailedPrecondition, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
  return {ErrorCode::kPermissionDenied, std::move(m)};
}
inline Status Unauthenticated(std::string m) { return {ErrorCode::kUnauthenticated, std::move(m)}; }
inline Status Corruption(std::string m) { return {ErrorCode::kCorruption, std::move(m)}; }
inline Status IoError(std::string m) { return {ErrorCode::kIoError, std::move(m)}; }
inline Status Unavailable(std::string m) { return {ErrorCode::kUnavailable, std::move(m)}; }
inline Status ResourceExhausted(std::string m) {
  return {ErrorCode::kResourceExhausted, std::move(m)};
}
inline Status Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }

// Exit codes of the `reunite` binary: 0 ok, 1 user error, 2 internal error.
int ExitCodeFor(const Status& status);

// Result<T>: a T or a non-ok Status. Accessing value() of an error is a
// programmer error (asserted in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result constructed from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }

  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace reunite

// Early-return helpers for the common cases.
#define REUNITE_RETURN_IF_ERROR(expr) \
  do {                                \
    ::reunite::Status _st = (expr);   \
    if (!_st.ok()) return _st;        \
  } while (0)

#define REUNITE_CONCAT_INNER_(a, b) a##b
#define REUNITE_CONCAT_(a, b) REUNITE_CONCAT_INNER_(a, b)
#define REUNITE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
// REUNITE_ASSIGN_OR_RETURN(auto x, MakeX()); returns the Status on error.
#define REUNITE_ASSIGN_OR_RETURN(lhs, expr) \
  REUNITE_ASSIGN_OR_RETURN_IMPL_(REUNITE_CONCAT_(_res_, __LINE__), lhs, expr)

#endif  // REUNITE_STATUS_H_
