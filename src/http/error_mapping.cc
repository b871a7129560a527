#include "http/error_mapping.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace reunite::http {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return 200;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kParseError:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kCorruption:
    case ErrorCode::kIoError:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::optional<int> RetryAfterSeconds(const Status& status) {
  if (status.code() != ErrorCode::kResourceExhausted) return std::nullopt;
  constexpr std::string_view kMarker = "retry in ";
  const std::string& m = status.message();
  size_t at = m.rfind(kMarker);
  long secs = 1;
  if (at != std::string::npos) {
    secs = std::strtol(m.c_str() + at + kMarker.size(), nullptr, 10);
  }
  return static_cast<int>(std::clamp<long>(secs, 1, 24 * 3600));
}

std::string ErrorBody(const Status& status) {
  nlohmann::json body = {
      {"error",
       {{"code", std::string(ErrorCodeName(status.code()))}, {"message", status.message()}}}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view TransportErrorCode(int http_status) {
  switch (http_status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 411:
      return "length_required";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 416:
      return "range_not_satisfiable";
    default:
      return http_status >= 500 ? "server_error" : "bad_request";
  }
}

std::string TransportErrorBody(int http_status, std::string_view message) {
  nlohmann::json body = {{"error",
                          {{"code", std::string(TransportErrorCode(http_status))},
                           {"message", std::string(message)}}}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace reunite::http
