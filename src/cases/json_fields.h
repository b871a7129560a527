// Small helpers for reading typed fields out of nlohmann::json with errors
// that name the JSON path ("orders/x.json: $.clocks[1].days: expected an
// integer"). Used by the cases loaders; never throws.
#ifndef REUNITE_CASES_JSON_FIELDS_H_
#define REUNITE_CASES_JSON_FIELDS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "reunite/status.h"

namespace reunite::cases {

// "<path>.<key>" for objects.
std::string JsonPath(std::string_view path, std::string_view key);
// "<path>[<index>]" for arrays.
std::string JsonPath(std::string_view path, size_t index);

// Required string member; kInvalidArgument "<where>: <path>: ..." otherwise.
Result<std::string> RequiredString(const nlohmann::json& obj, std::string_view key,
                                   std::string_view path);
// Optional string member ("" when absent); error when present but not a string.
Result<std::string> OptionalString(const nlohmann::json& obj, std::string_view key,
                                   std::string_view path);
Result<Date> RequiredDate(const nlohmann::json& obj, std::string_view key, std::string_view path);
Result<std::optional<Date>> OptionalDate(const nlohmann::json& obj, std::string_view key,
                                         std::string_view path);
Result<int> RequiredInt(const nlohmann::json& obj, std::string_view key, std::string_view path);

}  // namespace reunite::cases

#endif  // REUNITE_CASES_JSON_FIELDS_H_
