// The one place where errors become HTTP: each ErrorCode has exactly one HTTP
// status and every error reply has the same JSON shape,
//
//   {"error": {"code": "permission_denied", "message": "role 'monitor' may not users.list"}}
//
// with `code` the stable ErrorCodeName (or, for refusals made by the HTTP
// transport before any handler runs, one of the transport codes below).
#ifndef REUNITE_HTTP_ERROR_MAPPING_H_
#define REUNITE_HTTP_ERROR_MAPPING_H_

#include <optional>
#include <string>
#include <string_view>

#include "reunite/status.h"

namespace reunite::http {

int HttpStatusFor(ErrorCode code);

// The Retry-After seconds of a throttled request (429): the N of the
// throttle's message "... retry in N s" (service/throttle.h), at least 1;
// nullopt for any other status.
std::optional<int> RetryAfterSeconds(const Status& status);

// The JSON body for `status` (not ok).
std::string ErrorBody(const Status& status);

// Transport-level refusals (no handler ran): the HTTP status and the stable
// code used in the body. payload_too_large 413, length_required 411,
// not_found 404 (no such route), method_not_allowed 405, bad_request 400,
// uri_too_long 414, range_not_satisfiable 416, server_error 500.
std::string_view TransportErrorCode(int http_status);
std::string TransportErrorBody(int http_status, std::string_view message);

}  // namespace reunite::http

#endif  // REUNITE_HTTP_ERROR_MAPPING_H_
