#include "cases/json_fields.h"

#include <limits>

namespace reunite::cases {

std::string JsonPath(std::string_view path, std::string_view key) {
  return std::string(path) + "." + std::string(key);
}

std::string JsonPath(std::string_view path, size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

namespace {
Status Bad(std::string_view path, std::string_view what) {
  return InvalidArgument(std::string(path) + ": " + std::string(what));
}
}  // namespace

Result<std::string> RequiredString(const nlohmann::json& obj, std::string_view key,
                                   std::string_view path) {
  const std::string p = JsonPath(path, key);
  auto it = obj.find(std::string(key));
  if (it == obj.end()) return Bad(p, "missing (expected a string)");
  if (!it->is_string()) return Bad(p, "expected a string");
  return it->get<std::string>();
}

Result<std::string> OptionalString(const nlohmann::json& obj, std::string_view key,
                                   std::string_view path) {
  auto it = obj.find(std::string(key));
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Bad(JsonPath(path, key), "expected a string");
  return it->get<std::string>();
}

Result<Date> RequiredDate(const nlohmann::json& obj, std::string_view key, std::string_view path) {
  const std::string p = JsonPath(path, key);
  REUNITE_ASSIGN_OR_RETURN(std::string text, RequiredString(obj, key, path));
  Result<Date> d = Date::ParseIso(text);
  if (!d.ok()) return Bad(p, "not an ISO date (YYYY-MM-DD): '" + text + "'");
  return d;
}

Result<std::optional<Date>> OptionalDate(const nlohmann::json& obj, std::string_view key,
                                         std::string_view path) {
  auto it = obj.find(std::string(key));
  if (it == obj.end() || it->is_null()) return std::optional<Date>();
  REUNITE_ASSIGN_OR_RETURN(Date d, RequiredDate(obj, key, path));
  return std::optional<Date>(d);
}

Result<int> RequiredInt(const nlohmann::json& obj, std::string_view key, std::string_view path) {
  const std::string p = JsonPath(path, key);
  auto it = obj.find(std::string(key));
  if (it == obj.end()) return Bad(p, "missing (expected an integer)");
  if (!it->is_number_integer()) return Bad(p, "expected an integer");
  // Never truncated: 4294967310 must not read as 14.
  bool fits = it->is_number_unsigned()
                  ? it->get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int>::max())
                  : it->get<int64_t>() >= std::numeric_limits<int>::min() &&
                        it->get<int64_t>() <= std::numeric_limits<int>::max();
  if (!fits) return Bad(p, "integer out of range");
  return it->get<int>();
}

}  // namespace reunite::cases
