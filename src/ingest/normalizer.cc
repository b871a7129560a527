#include "ingest/normalizer.h"

#include <algorithm>
#include <cctype>

#include "names/ids.h"

namespace reunite::ingest {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out;
  out.reserve(e - b);
  bool space = false;
  for (size_t i = b; i < e; ++i) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(s[i]);
  }
  return out;
}

// Normalises `value` per `f`; on failure returns false with `why`.
bool NormalizeValue(const FieldSpec& f, const std::string& value, std::string& out,
                    std::string& why) {
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kName:
      out = value;
      return true;
    case FieldType::kDate: {
      auto d = names::ParseDate(value, f.date_order);
      if (!d.ok()) {
        why = d.status().message();
        return false;
      }
      out = d->ToIso();
      return true;
    }
    case FieldType::kANumber:
      out = names::NormalizeANumber(value);
      if (out.empty()) {
        why = "not an A-number: '" + value + "'";
        return false;
      }
      return true;
    case FieldType::kCode: {
      auto it = f.codes.find(CodeKey(value));
      if (it == f.codes.end()) {
        why = "unknown code '" + value + "'";
        return false;
      }
      out = it->second;
      return true;
    }
    case FieldType::kInteger: {
      bool ok = !value.empty() && std::all_of(value.begin(), value.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
      if (!ok) {
        why = "not a whole number: '" + value + "'";
        return false;
      }
      out = value;
      return true;
    }
  }
  return false;
}

}  // namespace

const std::string* CanonicalRecord::Get(const std::string& name) const {
  for (const auto& [k, v] : fields) {
    if (k == name) return &v;
  }
  return nullptr;
}

Result<RowNormalizer> RowNormalizer::Create(const SourceMapping& mapping,
                                            const std::vector<std::string>& columns,
                                            const std::string& file) {
  RowNormalizer n(mapping);
  auto index_of = [&](const std::string& col) {
    auto it = std::find(columns.begin(), columns.end(), col);
    return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
  };
  n.id_index_ = index_of(mapping.record_id);
  if (n.id_index_ < 0) {
    return InvalidArgument(file + ": no column '" + mapping.record_id + "' (record_id in " +
                           mapping.path + ")");
  }
  for (const FieldSpec& f : mapping.fields) {
    int i = index_of(f.column);
    if (i < 0 && mapping.format == FileFormat::kCsv) {
      return InvalidArgument(file + ": no column '" + f.column + "' (fields." + f.name +
                             ".column in " + mapping.path + ")");
    }
    n.field_index_.push_back(i);
  }
  return n;
}

std::variant<CanonicalRecord, Rejection> RowNormalizer::Normalize(const RawRow& row) const {
  if (!row.problem.empty()) return Rejection{row.problem_field, row.problem};
  CanonicalRecord rec;
  rec.record_key = Trim(row.values[static_cast<size_t>(id_index_)]);
  if (rec.record_key.empty()) return Rejection{mapping_->record_id, "empty record id"};
  rec.fields.reserve(mapping_->fields.size());
  for (size_t k = 0; k < mapping_->fields.size(); ++k) {
    const FieldSpec& f = mapping_->fields[k];
    int i = field_index_[k];
    std::string value = i < 0 ? std::string() : Trim(row.values[static_cast<size_t>(i)]);
    if (value.empty()) {
      if (f.required)
        return Rejection{f.name, "required field is empty (column '" + f.column + "')"};
      continue;
    }
    std::string out, why;
    if (!NormalizeValue(f, value, out, why)) {
      if (f.on_error == OnError::kKeep) {
        rec.fields.emplace_back(f.name, std::move(value));
        continue;
      }
      if (f.on_error == OnError::kQuarantine || f.required) {
        return Rejection{f.name, "column '" + f.column + "': " + why};
      }
      rec.blanked.emplace_back(f.name, why);
      continue;
    }
    rec.fields.emplace_back(f.name, std::move(out));
  }
  return rec;
}

}  // namespace reunite::ingest
