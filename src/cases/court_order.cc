#include "cases/court_order.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cases/json_fields.h"

namespace reunite::cases {

std::string_view ClockActionName(ClockAction a) {
  return a == ClockAction::kReunify ? "reunify" : "phone_contact";
}

namespace {

Result<Clock> ClockFromJson(const nlohmann::json& j, std::string_view path, Date effective) {
  if (!j.is_object()) return InvalidArgument(std::string(path) + ": expected an object");
  Clock c;
  REUNITE_ASSIGN_OR_RETURN(c.id, RequiredString(j, "id", path));
  if (c.id.empty()) return InvalidArgument(JsonPath(path, "id") + ": must not be empty");
  REUNITE_ASSIGN_OR_RETURN(std::string action, RequiredString(j, "action", path));
  if (action == "reunify") {
    c.action = ClockAction::kReunify;
  } else if (action == "phone_contact") {
    c.action = ClockAction::kPhoneContact;
  } else {
    return InvalidArgument(JsonPath(path, "action") + ": '" + action +
                           "' is not one of reunify, phone_contact");
  }
  REUNITE_ASSIGN_OR_RETURN(c.child_age_min, RequiredInt(j, "child_age_min", path));
  REUNITE_ASSIGN_OR_RETURN(c.child_age_max, RequiredInt(j, "child_age_max", path));
  if (c.child_age_min < 0 || c.child_age_max < c.child_age_min) {
    return InvalidArgument(std::string(path) + ": need 0 <= child_age_min <= child_age_max");
  }
  REUNITE_ASSIGN_OR_RETURN(c.days, RequiredInt(j, "days", path));
  if (c.days <= 0) return InvalidArgument(JsonPath(path, "days") + ": must be positive");
  REUNITE_ASSIGN_OR_RETURN(std::optional<Date> deadline, OptionalDate(j, "deadline", path));
  if (deadline && *deadline != effective.AddDays(c.days)) {
    return InvalidArgument(JsonPath(path, "deadline") + ": " + deadline->ToIso() +
                           " is not effective_date + days (" + effective.AddDays(c.days).ToIso() +
                           ")");
  }
  return c;
}

}  // namespace

Result<CourtOrder> CourtOrderFromJson(const nlohmann::json& j, std::string_view where) {
  const std::string root = std::string(where) + ": $";
  if (!j.is_object()) return InvalidArgument(root + ": expected an object");
  CourtOrder o;
  REUNITE_ASSIGN_OR_RETURN(o.order_id, RequiredString(j, "order_id", root));
  if (o.order_id.empty()) return InvalidArgument(root + ".order_id: must not be empty");
  REUNITE_ASSIGN_OR_RETURN(o.court, OptionalString(j, "court", root));
  REUNITE_ASSIGN_OR_RETURN(o.effective_date, RequiredDate(j, "effective_date", root));
  REUNITE_ASSIGN_OR_RETURN(o.age_basis, OptionalString(j, "age_basis", root));

  const std::string cp = root + ".class";
  auto cls = j.find("class");
  if (cls == j.end() || !cls->is_object()) return InvalidArgument(cp + ": expected an object");
  REUNITE_ASSIGN_OR_RETURN(o.class_def.definition, OptionalString(*cls, "definition", cp));
  REUNITE_ASSIGN_OR_RETURN(o.class_def.separated_by, OptionalString(*cls, "separated_by", cp));
  REUNITE_ASSIGN_OR_RETURN(o.class_def.separated_by_agency,
                           OptionalString(*cls, "separated_by_agency", cp));
  if (o.class_def.separated_by_agency.empty()) {
    // The synth shape names the agency in words ("border agency"); its first
    // word is the custodian agency code used by events ("border").
    const std::string& s = o.class_def.separated_by;
    o.class_def.separated_by_agency = s.substr(0, s.find(' '));
  }
  auto excl = cls->find("excluded_separation_reasons");
  if (excl != cls->end()) {
    const std::string ep = cp + ".excluded_separation_reasons";
    if (!excl->is_array()) return InvalidArgument(ep + ": expected an array of strings");
    for (size_t i = 0; i < excl->size(); ++i) {
      if (!(*excl)[i].is_string()) return InvalidArgument(JsonPath(ep, i) + ": expected a string");
      o.class_def.excluded_separation_reasons.push_back((*excl)[i].get<std::string>());
    }
  }

  const std::string kp = root + ".clocks";
  auto clocks = j.find("clocks");
  if (clocks == j.end() || !clocks->is_array() || clocks->empty()) {
    return InvalidArgument(kp + ": expected a non-empty array");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < clocks->size(); ++i) {
    REUNITE_ASSIGN_OR_RETURN(Clock c,
                             ClockFromJson((*clocks)[i], JsonPath(kp, i), o.effective_date));
    if (!ids.insert(c.id).second) {
      return InvalidArgument(JsonPath(kp, i) + ".id: duplicate clock id '" + c.id + "'");
    }
    o.clocks.push_back(std::move(c));
  }
  return o;
}

Result<CourtOrder> LoadCourtOrder(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return NotFound(path + ": no such court order file");
    return IoError(path + ": cannot read");
  }
  std::stringstream buf;
  buf << in.rdbuf();
  return ParseCourtOrder(buf.str(), path);
}

Result<CourtOrder> ParseCourtOrder(std::string_view json_text, std::string_view where) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return ParseError(std::string(where) + ": not valid JSON");
  return CourtOrderFromJson(j, where);
}

Result<std::vector<CourtOrder>> LoadCourtOrders(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  if (ec) return IoError(dir + ": cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<CourtOrder> orders;
  std::set<std::string> ids;
  for (const std::string& f : files) {
    REUNITE_ASSIGN_OR_RETURN(CourtOrder o, LoadCourtOrder(f));
    if (!ids.insert(o.order_id).second) {
      return InvalidArgument(f + ": $.order_id: duplicate order id '" + o.order_id + "'");
    }
    orders.push_back(std::move(o));
  }
  return orders;
}

}  // namespace reunite::cases
