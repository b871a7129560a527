#include "ingest/mapping.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace reunite::ingest {
namespace {

class MappingParser {
 public:
  explicit MappingParser(std::string name) : name_(std::move(name)) {}

  Status Error(const toml::node* node, const std::string& key, const std::string& what) const {
    std::string where = name_;
    if (node != nullptr && node->source().begin.line > 0) {
      where += ":" + std::to_string(node->source().begin.line);
    }
    return InvalidArgument(where + ": " + key + ": " + what);
  }

  Result<std::string> String(const toml::table& t, const std::string& key, const std::string& path,
                             bool required) {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required) return Error(&t, path, "required key is missing");
      return std::string();
    }
    if (!n->is_string()) return Error(n, path, "expected a string");
    if (required && n->as_string()->get().empty()) return Error(n, path, "must not be empty");
    return std::string(n->as_string()->get());
  }

  Result<std::vector<std::string>> StringList(const toml::table& t, const std::string& key,
                                              const std::string& path) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (n == nullptr) return out;
    if (n->is_string()) {
      out.push_back(std::string(n->as_string()->get()));
      return out;
    }
    if (!n->is_array()) return Error(n, path, "expected a string or a list of strings");
    size_t i = 0;
    for (const toml::node& e : *n->as_array()) {
      if (!e.is_string()) {
        return Error(&e, path + "[" + std::to_string(i) + "]", "expected a string");
      }
      out.push_back(std::string(e.as_string()->get()));
      ++i;
    }
    return out;
  }

  Result<names::DateOrder> Order(const toml::node* n, const std::string& path,
                                 const std::string& text) {
    if (text == "iso") return names::DateOrder::kIso;
    if (text == "mdy") return names::DateOrder::kMonthFirst;
    if (text == "dmy") return names::DateOrder::kDayFirst;
    if (text == "auto") return names::DateOrder::kAuto;
    return Error(n, path, "unknown date order '" + text + "' (expected iso, mdy, dmy or auto)");
  }

  Result<SourceMapping> Parse(std::string_view text) {
    toml::table root;
    try {
      root = toml::parse(text, name_);
    } catch (const toml::parse_error& e) {
      return ParseError(name_ + ":" + std::to_string(e.source().begin.line) + ": " +
                        std::string(e.description()));
    }
    SourceMapping m;
    m.path = name_;
    REUNITE_ASSIGN_OR_RETURN(m.source, String(root, "source", "source", true));
    REUNITE_ASSIGN_OR_RETURN(m.title, String(root, "title", "title", false));
    REUNITE_ASSIGN_OR_RETURN(m.record_id, String(root, "record_id", "record_id", true));
    REUNITE_ASSIGN_OR_RETURN(std::string format, String(root, "format", "format", false));
    if (format.empty() || format == "csv") {
      m.format = FileFormat::kCsv;
    } else if (format == "jsonl") {
      m.format = FileFormat::kJsonLines;
    } else {
      return Error(root.get("format"), "format",
                   "unknown format '" + format + "' (expected csv or jsonl)");
    }
    REUNITE_ASSIGN_OR_RETURN(m.expected_columns, StringList(root, "columns", "columns"));
    REUNITE_ASSIGN_OR_RETURN(std::string order_text,
                             String(root, "date_order", "date_order", false));
    names::DateOrder default_order = names::DateOrder::kAuto;
    if (!order_text.empty()) {
      REUNITE_ASSIGN_OR_RETURN(default_order,
                               Order(root.get("date_order"), "date_order", order_text));
    }

    const toml::table* fields = root["fields"].as_table();
    if (fields == nullptr) return Error(&root, "fields", "required table [fields] is missing");
    for (const auto& [key, node] : *fields) {
      std::string path = "fields." + std::string(key.str());
      const toml::table* ft = node.as_table();
      if (ft == nullptr) return Error(&node, path, "expected a table");
      FieldSpec f;
      f.name = std::string(key.str());
      if (f.name.empty()) return Error(&node, path, "a field needs a name");
      REUNITE_ASSIGN_OR_RETURN(f.column, String(*ft, "column", path + ".column", true));
      if (f.column.empty()) return Error(&node, path + ".column", "must not be empty");
      REUNITE_ASSIGN_OR_RETURN(std::string type, String(*ft, "type", path + ".type", false));
      static const std::pair<const char*, FieldType> kTypes[] = {
          {"text", FieldType::kText}, {"name", FieldType::kName},
          {"date", FieldType::kDate}, {"a_number", FieldType::kANumber},
          {"code", FieldType::kCode}, {"integer", FieldType::kInteger}};
      bool known = type.empty();
      for (const auto& [tn, tv] : kTypes) {
        if (type == tn) {
          f.type = tv;
          known = true;
        }
      }
      if (!known) {
        return Error(
            ft->get("type"), path + ".type",
            "unknown type '" + type + "' (expected text, name, date, a_number, code, integer)");
      }
      if (const toml::node* r = ft->get("required")) {
        if (!r->is_boolean()) return Error(r, path + ".required", "expected true or false");
        f.required = r->as_boolean()->get();
      }
      REUNITE_ASSIGN_OR_RETURN(std::string on_error,
                               String(*ft, "on_error", path + ".on_error", false));
      if (on_error == "blank") {
        f.on_error = OnError::kBlank;
      } else if (on_error == "keep") {
        if (f.type != FieldType::kCode) {
          return Error(ft->get("on_error"), path + ".on_error",
                       "'keep' is for code fields only (an unknown code is kept as written)");
        }
        f.on_error = OnError::kKeep;
      } else if (!on_error.empty() && on_error != "quarantine") {
        return Error(ft->get("on_error"), path + ".on_error",
                     "unknown value '" + on_error + "' (expected quarantine, blank or keep)");
      }
      f.date_order = default_order;
      REUNITE_ASSIGN_OR_RETURN(std::string fo,
                               String(*ft, "date_order", path + ".date_order", false));
      if (!fo.empty()) {
        REUNITE_ASSIGN_OR_RETURN(f.date_order,
                                 Order(ft->get("date_order"), path + ".date_order", fo));
      }
      if (const toml::node* c = ft->get("codes")) {
        const toml::table* ct = c->as_table();
        if (ct == nullptr)
          return Error(c, path + ".codes", "expected a table of code = \"meaning\"");
        for (const auto& [code, meaning] : *ct) {
          if (!meaning.is_string()) {
            return Error(&meaning, path + ".codes." + std::string(code.str()), "expected a string");
          }
          f.codes[CodeKey(code.str())] = std::string(meaning.as_string()->get());
        }
      }
      if (f.type == FieldType::kCode && f.codes.empty()) {
        return Error(ft, path + ".codes", "a field of type code needs a codes table");
      }
      m.fields.push_back(std::move(f));
    }
    if (m.fields.empty()) return Error(fields, "fields", "no fields declared");

    if (const toml::node* ev = root.get("events")) {
      const toml::array* arr = ev->as_array();
      if (arr == nullptr) return Error(ev, "events", "expected [[events]] tables");
      size_t i = 0;
      for (const toml::node& en : *arr) {
        std::string path = "events[" + std::to_string(i++) + "]";
        const toml::table* et = en.as_table();
        if (et == nullptr) return Error(&en, path, "expected a table");
        EventSpec e;
        REUNITE_ASSIGN_OR_RETURN(e.type, String(*et, "type", path + ".type", true));
        REUNITE_ASSIGN_OR_RETURN(e.occurred_at,
                                 String(*et, "occurred_at", path + ".occurred_at", true));
        REUNITE_ASSIGN_OR_RETURN(e.family_unit,
                                 String(*et, "family_unit", path + ".family_unit", false));
        REUNITE_ASSIGN_OR_RETURN(e.custodian, String(*et, "custodian", path + ".custodian", false));
        REUNITE_ASSIGN_OR_RETURN(e.reason, String(*et, "reason", path + ".reason", false));
        REUNITE_ASSIGN_OR_RETURN(e.authority, String(*et, "authority", path + ".authority", false));
        REUNITE_ASSIGN_OR_RETURN(e.actor, String(*et, "actor", path + ".actor", false));
        REUNITE_ASSIGN_OR_RETURN(e.payload, StringList(*et, "payload", path + ".payload"));
        if (const toml::node* w = et->get("when")) {
          std::vector<const toml::node*> conditions;
          if (const toml::array* list = w->as_array()) {
            for (const toml::node& item : *list) conditions.push_back(&item);
          } else {
            conditions.push_back(w);
          }
          for (const toml::node* item : conditions) {
            const toml::table* wt = item->as_table();
            if (wt == nullptr) {
              return Error(item, path + ".when",
                           "expected { field = \"…\", in = [\"…\"] } or an array of them");
            }
            Condition c;
            REUNITE_ASSIGN_OR_RETURN(c.field, String(*wt, "field", path + ".when.field", true));
            REUNITE_ASSIGN_OR_RETURN(c.values, StringList(*wt, "in", path + ".when.in"));
            e.when.push_back(std::move(c));
          }
        }
        // Every field an event names must be declared.
        std::vector<std::pair<std::string, std::string>> refs = {
            {"occurred_at", e.occurred_at}, {"family_unit", e.family_unit},
            {"custodian", e.custodian},     {"reason", e.reason},
            {"authority", e.authority},     {"actor", e.actor}};
        for (const Condition& c : e.when) refs.push_back({"when.field", c.field});
        for (const auto& p : e.payload) refs.push_back({"payload", p});
        for (const auto& [k, v] : refs) {
          if (!v.empty() && m.Field(v) == nullptr) {
            return Error(et, path + "." + k, "'" + v + "' is not a declared field");
          }
        }
        const FieldSpec* when_at = m.Field(e.occurred_at);
        if (when_at->type != FieldType::kDate) {
          return Error(et, path + ".occurred_at", "'" + e.occurred_at + "' is not a date field");
        }
        m.events.push_back(std::move(e));
      }
    }
    return m;
  }

 private:
  std::string name_;
};

}  // namespace

const FieldSpec* SourceMapping::Field(const std::string& name) const {
  for (const FieldSpec& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string CodeKey(std::string_view code) {
  std::string key(code);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return key;
}

std::string_view FieldTypeName(FieldType t) {
  switch (t) {
    case FieldType::kText:
      return "text";
    case FieldType::kName:
      return "name";
    case FieldType::kDate:
      return "date";
    case FieldType::kANumber:
      return "a_number";
    case FieldType::kCode:
      return "code";
    case FieldType::kInteger:
      return "integer";
  }
  return "?";
}

Result<SourceMapping> ParseMapping(std::string_view toml_text, const std::string& name) {
  return MappingParser(name).Parse(toml_text);
}

Result<SourceMapping> LoadMapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open mapping");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseMapping(ss.str(), path);
}

}  // namespace reunite::ingest
