#include "service/access_policy.h"

#include <cstdio>
#include <cstdlib>

namespace reunite::embedded {
extern const std::string_view kRolesJson;
}  // namespace reunite::embedded

namespace reunite::service {
namespace {

Result<std::set<cases::Role>> ParseRoles(const nlohmann::json& list, const std::string& where) {
  if (!list.is_array()) return InvalidArgument(where + ": expected an array of role names");
  std::set<cases::Role> out;
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string())
      return InvalidArgument(where + "[" + std::to_string(i) + "]: expected a role name");
    auto role = cases::ParseRole(list[i].get<std::string>());
    if (!role.ok()) return role.status().WithContext(where + "[" + std::to_string(i) + "]");
    out.insert(*role);
  }
  return out;
}

void RedactInto(const AccessPolicy& policy, cases::Role role, nlohmann::json& value,
                std::set<std::string>& removed) {
  if (value.is_array()) {
    for (auto& v : value) RedactInto(policy, role, v, removed);
    return;
  }
  if (!value.is_object()) return;
  for (auto it = value.begin(); it != value.end();) {
    if (!policy.Sees(role, it.key())) {
      removed.insert(it.key());
      it = value.erase(it);
    } else {
      RedactInto(policy, role, it.value(), removed);
      ++it;
    }
  }
}

}  // namespace

Result<AccessPolicy> AccessPolicy::Parse(std::string_view json_text, std::string_view name) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
  std::string file(name);
  if (doc.is_discarded() || !doc.is_object()) return ParseError(file + ": not a JSON object");
  AccessPolicy policy;
  const auto& actions = doc.value("actions", nlohmann::json::object());
  if (!actions.is_object() || actions.empty())
    return InvalidArgument(file + ": actions: expected an object");
  for (const auto& [action, spec] : actions.items()) {
    std::string where = file + ": actions." + action;
    if (!spec.is_object()) return InvalidArgument(where + ": expected an object");
    ActionRule rule;
    rule.name = action;
    rule.is_public = spec.value("public", false);
    if (spec.contains("roles")) {
      REUNITE_ASSIGN_OR_RETURN(rule.roles, ParseRoles(spec["roles"], where + ".roles"));
    }
    if (!rule.is_public && rule.roles.empty()) {
      return InvalidArgument(where + ": give roles, or public: true");
    }
    std::string audit = spec.value("audit", "");
    if (audit == "none") {
      rule.audit = AuditKind::kNone;
    } else if (audit == "read") {
      rule.audit = AuditKind::kRead;
    } else if (audit == "write") {
      rule.audit = AuditKind::kWrite;
    } else {
      return InvalidArgument(where + ".audit: expected none, read or write");
    }
    rule.planned = spec.value("planned", "");
    policy.actions_.emplace(action, std::move(rule));
  }
  const auto& classes = doc.value("field_classes", nlohmann::json::object());
  for (const auto& [cls, spec] : classes.items()) {
    std::string where = file + ": field_classes." + cls;
    FieldClass fc;
    fc.name = cls;
    if (!spec.contains("fields") || !spec["fields"].is_array()) {
      return InvalidArgument(where + ".fields: expected an array of field names");
    }
    for (const auto& f : spec["fields"]) {
      if (!f.is_string()) return InvalidArgument(where + ".fields: expected field names");
      fc.fields.insert(f.get<std::string>());
    }
    REUNITE_ASSIGN_OR_RETURN(
        fc.roles, ParseRoles(spec.value("roles", nlohmann::json::array()), where + ".roles"));
    policy.classes_.push_back(std::move(fc));
  }
  return policy;
}

const AccessPolicy& AccessPolicy::Default() {
  static const AccessPolicy* policy = [] {
    auto parsed = Parse(embedded::kRolesJson, "config/roles.json");
    if (!parsed.ok()) {
      // The file is part of the binary: a broken one is a build defect.
      std::fprintf(stderr, "reunite: internal error: %s\n", parsed.status().message().c_str());
      std::abort();
    }
    return new AccessPolicy(std::move(parsed).value());
  }();
  return *policy;
}

const ActionRule* AccessPolicy::Find(std::string_view action) const {
  auto it = actions_.find(action);
  return it == actions_.end() ? nullptr : &it->second;
}

bool AccessPolicy::Allows(std::optional<cases::Role> role, std::string_view action) const {
  const ActionRule* rule = Find(action);
  if (rule == nullptr) return false;
  if (rule->is_public) return true;
  return role.has_value() && rule->roles.count(*role) > 0;
}

Status AccessPolicy::Check(std::optional<cases::Role> role, std::string_view action) const {
  if (Allows(role, action)) return Status::Ok();
  const ActionRule* rule = Find(action);
  if (rule == nullptr)
    return Internal("action '" + std::string(action) + "' is not in the role matrix");
  if (!role) return Unauthenticated("sign in to " + std::string(action));
  return PermissionDenied("role '" + std::string(cases::RoleName(*role)) + "' may not " +
                          std::string(action));
}

bool AccessPolicy::Sees(cases::Role role, std::string_view field) const {
  for (const FieldClass& fc : classes_) {
    if (fc.fields.count(std::string(field)) > 0 && fc.roles.count(role) == 0) return false;
  }
  return true;
}

void AccessPolicy::Redact(cases::Role role, nlohmann::json& record) const {
  std::set<std::string> removed;
  RedactInto(*this, role, record, removed);
  if (!removed.empty() && record.is_object()) {
    record["redacted"] = std::vector<std::string>(removed.begin(), removed.end());
  }
}

}  // namespace reunite::service
