// The role matrix (config/roles.json, embedded at build time): which role may
// perform which action, whether the action is audited, and which fields of a
// person's record each role sees. The one place that answers "may this role
// do this?" and "may this role see this field?"; every endpoint, export and
// search passes its person data through Redact().
//
// Thread-safety: immutable after construction; share freely.
#ifndef REUNITE_SERVICE_ACCESS_POLICY_H_
#define REUNITE_SERVICE_ACCESS_POLICY_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cases/role.h"
#include "reunite/status.h"

namespace reunite::service {

enum class AuditKind { kNone, kRead, kWrite };

struct ActionRule {
  std::string name;
  bool is_public = false;       // callable without a session
  std::set<cases::Role> roles;  // who may call it (empty when public)
  AuditKind audit = AuditKind::kNone;
  std::string planned;  // non-empty: waits on that branch's code
};

struct FieldClass {
  std::string name;
  std::set<std::string> fields;
  std::set<cases::Role> roles;  // who sees these fields
};

class AccessPolicy {
 public:
  // Parses a role matrix; errors name the JSON path ("roles.json: actions.x.roles[1]: ...").
  static Result<AccessPolicy> Parse(std::string_view json_text, std::string_view name);
  // The embedded config/roles.json (parsed once; a broken file fails the build's tests).
  static const AccessPolicy& Default();

  const ActionRule* Find(std::string_view action) const;
  // Public actions allow everyone; others the listed roles. Unknown: false.
  bool Allows(std::optional<cases::Role> role, std::string_view action) const;
  // kPermissionDenied (or kUnauthenticated for a non-public action without a
  // role) naming the action; Ok when allowed.
  Status Check(std::optional<cases::Role> role, std::string_view action) const;

  // True when `role` sees `field` (fields outside every class are seen by all).
  bool Sees(cases::Role role, std::string_view field) const;
  // Removes from the JSON object `record` (recursively into nested objects
  // and arrays) every field `role` may not see and lists the removed names,
  // sorted, in record["redacted"] (absent when nothing was removed).
  void Redact(cases::Role role, nlohmann::json& record) const;

  const std::map<std::string, ActionRule, std::less<>>& actions() const { return actions_; }
  const std::vector<FieldClass>& field_classes() const { return classes_; }

 private:
  std::map<std::string, ActionRule, std::less<>> actions_;
  std::vector<FieldClass> classes_;
};

}  // namespace reunite::service

#endif  // REUNITE_SERVICE_ACCESS_POLICY_H_
