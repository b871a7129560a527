#include "linkage/person_records.h"

#include <algorithm>
#include <array>

namespace reunite::linkage {
namespace {

enum PersonColumn {
  kGiven,
  kPaternal,
  kMaternal,
  kFull,
  kDob,
  kSex,
  kCountry,
  kANumber,
  kPhone,
  kCustodyDate,
  kColumnCount
};

// The date an agency first took the person into its custody or case:
// apprehension, detention booking, shelter referral, prosecution filing (the
// canonical event-date fields of mappings/*.toml). Outreach contacts
// (attempted_on) come months after removal and are not custody dates.
bool IsCustodyDateField(const std::string& field) {
  return field == "apprehended_on" || field == "booked_in" || field == "referred_on" ||
         field == "filed_on";
}

// The person columns of one record ("nationality" wins over "country").
std::array<std::string, kColumnCount> ColumnsOf(
    const std::vector<std::pair<std::string, std::string>>& fields) {
  std::array<std::string, kColumnCount> out;
  bool nationality = false;
  for (const auto& [field, value] : fields) {
    if (field == "given_name") {
      out[kGiven] = value;
    } else if (field == "family_name" || field == "paternal_surname") {
      out[kPaternal] = value;
    } else if (field == "maternal_surname") {
      out[kMaternal] = value;
    } else if (field == "full_name") {
      out[kFull] = value;
    } else if (field == "dob") {
      out[kDob] = value;
    } else if (field == "sex") {
      out[kSex] = value == "female" || value == "male" ? value : std::string();
    } else if (field == "nationality") {
      out[kCountry] = value;
      nationality = true;
    } else if (field == "country") {
      if (!nationality) out[kCountry] = value;
    } else if (field == "a_number") {
      out[kANumber] = value;
    } else if (field == "phone") {
      out[kPhone] = value;
    } else if (IsCustodyDateField(field)) {
      if (out[kCustodyDate].empty()) out[kCustodyDate] = value;
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& PersonColumns() {
  static const std::vector<std::string> kColumns = {
      // in PersonColumn order
      "given_name", "paternal_surname", "maternal_surname", kFullNameColumn, "dob",
      "sex",        "country",          "a_number",         "phone",         "custody_date"};
  return kColumns;
}

std::string PersonRecordId(std::string_view source, std::string_view record_key) {
  std::string id;
  id.reserve(source.size() + 1 + record_key.size());
  id.append(source).push_back('/');
  id.append(record_key);
  return id;
}

RecordTable PersonRecordTable(std::span<const SourceRecord> records) {
  RecordTable table;
  table.source = "records";
  table.columns = PersonColumns();
  table.date_order = names::DateOrder::kIso;
  table.data.assign(kColumnCount, std::vector<std::string>(records.size()));
  table.ids.reserve(records.size());
  table.lines.assign(records.size(), 0);
  for (size_t i = 0; i < records.size(); ++i) {
    std::array<std::string, kColumnCount> values = ColumnsOf(records[i].fields);
    for (size_t c = 0; c < kColumnCount; ++c) table.data[c][i] = std::move(values[c]);
    table.ids.push_back(PersonRecordId(records[i].source, records[i].record_key));
    auto g = std::find(table.group_names.begin(), table.group_names.end(), records[i].source);
    if (g == table.group_names.end() && table.group_names.size() < kMaxGroups) {
      table.group_names.push_back(records[i].source);
      g = table.group_names.end() - 1;
    }
    table.groups.push_back(
        g == table.group_names.end() ? 0 : static_cast<uint8_t>(g - table.group_names.begin()));
  }
  return table;
}

std::map<std::string, std::string> PersonQuery(
    const std::vector<std::pair<std::string, std::string>>& fields) {
  std::map<std::string, std::string> query;
  std::array<std::string, kColumnCount> values = ColumnsOf(fields);
  for (size_t c = 0; c < kColumnCount; ++c) {
    if (!values[c].empty()) query[PersonColumns()[c]] = std::move(values[c]);
  }
  return query;
}

}  // namespace reunite::linkage
