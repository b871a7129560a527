#include "http/route.h"

#include <cstdlib>

#include "common/clock.h"
#include "http/request_body.h"

namespace reunite::http {

std::string RequestContext::PathParam(const std::string& name) const {
  auto it = path_params_.find(name);
  return it == path_params_.end() ? std::string() : it->second;
}

std::string RequestContext::Query(const std::string& name) const {
  return req_.has_param(name) ? req_.get_param_value(name) : std::string();
}

Result<int64_t> RequestContext::QueryInt(const std::string& name, int64_t fallback, int64_t min,
                                         int64_t max) const {
  if (!req_.has_param(name)) return fallback;
  std::string v = req_.get_param_value(name);
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || errno != 0 || n < min || n > max) {
    return InvalidArgument("query parameter '" + name + "': expected an integer from " +
                           std::to_string(min) + " to " + std::to_string(max));
  }
  return static_cast<int64_t>(n);
}

Result<Date> RequestContext::QueryDate(const std::string& name) const {
  std::string v = req_.has_param(name) ? req_.get_param_value(name) : UtcNowIso().substr(0, 10);
  auto d = Date::ParseIso(v);
  if (!d.ok()) {
    return InvalidArgument("query parameter '" + name + "': expected a date YYYY-MM-DD, got '" + v +
                           "'");
  }
  return *d;
}

Result<bool> RequestContext::QueryBool(const std::string& name, bool fallback) const {
  if (!req_.has_param(name)) return fallback;
  std::string v = req_.get_param_value(name);
  if (v == "true") return true;
  if (v == "false") return false;
  return InvalidArgument("query parameter '" + name + "': expected true or false, got '" + v + "'");
}

Result<int64_t> RequestContext::PathInt(const std::string& name) const {
  std::string v = PathParam(name);
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n <= 0) {
    return InvalidArgument("path parameter '" + name + "': expected a positive integer");
  }
  return static_cast<int64_t>(n);
}

Result<nlohmann::json> RequestContext::JsonBody() const {
  return ParseJsonObjectBody(req_.get_header_value("Content-Type"), req_.body);
}

Result<Reply> Ok(Result<nlohmann::json> result, int status) {
  if (!result.ok()) return result.status();
  Reply r;
  r.status = status;
  r.body = std::move(result).value();
  return r;
}

}  // namespace reunite::http
