#include "report/report_input.h"

#include <set>

#include "cases/json_fields.h"

namespace reunite::report {

const ReportPerson* ReportInput::FindPerson(std::string_view person_id) const {
  for (const ReportPerson& p : persons) {
    if (p.person_id == person_id) return &p;
  }
  return nullptr;
}

const cases::Directive* ReportInput::FindDirective(std::string_view directive_id) const {
  for (const cases::Directive& d : directives) {
    if (d.directive_id == directive_id) return &d;
  }
  return nullptr;
}

const cases::CourtOrder* ReportInput::FindOrder(std::string_view order_id) const {
  for (const cases::CourtOrder& o : orders) {
    if (o.order_id == order_id) return &o;
  }
  return nullptr;
}

std::vector<std::string> AffectedChildren(const cases::Event& decision) {
  std::vector<std::string> out;
  if (!decision.payload.is_object()) return out;
  auto it = decision.payload.find("affected_children");
  if (it == decision.payload.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

Status ValidateReportInput(const ReportInput& in) {
  std::set<std::string_view> persons;
  for (const ReportPerson& p : in.persons) {
    if (p.person_id.empty()) return InvalidArgument("report input: a person has an empty id");
    if (!persons.insert(p.person_id).second) {
      return InvalidArgument("report input: person '" + p.person_id + "' appears twice");
    }
  }
  auto known = [&](const std::string& id, const std::string& what) -> Status {
    if (persons.contains(id)) return Status::Ok();
    return InvalidArgument("report input: " + what + " names unknown person '" + id + "'");
  };
  std::set<std::string_view> event_ids;
  for (const cases::Event& e : in.events) {
    if (e.id.empty()) return InvalidArgument("report input: an event has an empty id");
    if (!event_ids.insert(e.id).second) {
      return InvalidArgument("report input: event id '" + e.id + "' appears twice");
    }
    for (const std::string& s : e.subjects) REUNITE_RETURN_IF_ERROR(known(s, "event " + e.id));
    for (const std::string& c : AffectedChildren(e)) {
      REUNITE_RETURN_IF_ERROR(known(c, "event " + e.id + " payload.affected_children"));
    }
  }
  for (const cases::Relationship& r : in.relationships) {
    REUNITE_RETURN_IF_ERROR(known(r.parent_id, "a relationship"));
    REUNITE_RETURN_IF_ERROR(known(r.child_id, "a relationship"));
  }
  std::set<std::string_view> directives;
  for (const cases::Directive& d : in.directives) {
    if (d.directive_id.empty() || !directives.insert(d.directive_id).second) {
      return InvalidArgument("report input: directive id '" + d.directive_id +
                             "' is empty or appears twice");
    }
  }
  std::set<std::string_view> orders;
  for (const cases::CourtOrder& o : in.orders) {
    if (!orders.insert(o.order_id).second) {
      return InvalidArgument("report input: order '" + o.order_id + "' appears twice");
    }
  }
  return Status::Ok();
}

namespace {

Result<std::vector<nlohmann::json>> ArrayMember(const nlohmann::json& j, const char* key,
                                                const std::string& path) {
  std::vector<nlohmann::json> out;
  auto it = j.find(key);
  if (it == j.end()) return out;
  if (!it->is_array()) return InvalidArgument(cases::JsonPath(path, key) + ": expected an array");
  for (const auto& v : *it) out.push_back(v);
  return out;
}

}  // namespace

Result<ReportInput> ReportInputFromJson(const nlohmann::json& j, std::string_view where,
                                        const std::string& base_dir) {
  const std::string root = std::string(where) + ": $";
  if (!j.is_object()) return InvalidArgument(root + ": expected an object");
  ReportInput in;
  in.source = std::string(where);
  REUNITE_ASSIGN_OR_RETURN(auto persons, ArrayMember(j, "persons", root));
  for (size_t i = 0; i < persons.size(); ++i) {
    const std::string path = cases::JsonPath(cases::JsonPath(root, "persons"), i);
    const nlohmann::json& p = persons[i];
    if (!p.is_object()) return InvalidArgument(path + ": expected an object");
    ReportPerson person;
    REUNITE_ASSIGN_OR_RETURN(person.person_id, cases::RequiredString(p, "id", path));
    REUNITE_ASSIGN_OR_RETURN(person.birth_date, cases::OptionalDate(p, "birth_date", path));
    auto child = p.find("child");
    if (child == p.end() || !child->is_boolean()) {
      return InvalidArgument(cases::JsonPath(path, "child") + ": expected true or false");
    }
    person.child = child->get<bool>();
    in.persons.push_back(std::move(person));
  }
  REUNITE_ASSIGN_OR_RETURN(auto events, ArrayMember(j, "events", root));
  for (size_t i = 0; i < events.size(); ++i) {
    REUNITE_ASSIGN_OR_RETURN(
        cases::Event e,
        cases::EventFromJson(events[i], cases::JsonPath(cases::JsonPath(root, "events"), i)));
    in.events.push_back(std::move(e));
  }
  REUNITE_ASSIGN_OR_RETURN(auto rels, ArrayMember(j, "relationships", root));
  for (size_t i = 0; i < rels.size(); ++i) {
    REUNITE_ASSIGN_OR_RETURN(
        cases::Relationship r,
        cases::RelationshipFromJson(rels[i],
                                    cases::JsonPath(cases::JsonPath(root, "relationships"), i)));
    in.relationships.push_back(std::move(r));
  }
  REUNITE_ASSIGN_OR_RETURN(auto directives, ArrayMember(j, "directives", root));
  for (size_t i = 0; i < directives.size(); ++i) {
    const std::string path = cases::JsonPath(cases::JsonPath(root, "directives"), i);
    const nlohmann::json& d = directives[i];
    if (!d.is_object()) return InvalidArgument(path + ": expected an object");
    cases::Directive dir;
    REUNITE_ASSIGN_OR_RETURN(dir.directive_id, cases::RequiredString(d, "id", path));
    REUNITE_ASSIGN_OR_RETURN(dir.issuer, cases::OptionalString(d, "issuer", path));
    REUNITE_ASSIGN_OR_RETURN(dir.issued, cases::RequiredDate(d, "issued", path));
    REUNITE_ASSIGN_OR_RETURN(dir.scope, cases::OptionalString(d, "scope", path));
    REUNITE_ASSIGN_OR_RETURN(dir.summary, cases::OptionalString(d, "summary", path));
    in.directives.push_back(std::move(dir));
  }
  REUNITE_ASSIGN_OR_RETURN(auto orders, ArrayMember(j, "orders", root));
  for (size_t i = 0; i < orders.size(); ++i) {
    const std::string path = cases::JsonPath(cases::JsonPath(root, "orders"), i);
    if (orders[i].is_string()) {
      REUNITE_ASSIGN_OR_RETURN(
          cases::CourtOrder o,
          cases::LoadCourtOrder(base_dir + "/" + orders[i].get<std::string>()));
      in.orders.push_back(std::move(o));
    } else {
      REUNITE_ASSIGN_OR_RETURN(cases::CourtOrder o, cases::CourtOrderFromJson(orders[i], path));
      in.orders.push_back(std::move(o));
    }
  }
  REUNITE_RETURN_IF_ERROR(ValidateReportInput(in));
  return in;
}

}  // namespace reunite::report
