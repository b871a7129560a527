#include "service/tracing_index.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/csv.h"
#include "storage/source_records.h"

namespace reunite::service {
namespace {

constexpr const char* kColumns[] = {"given_name", "family_name", "dob",
                                    "sex",        "country",     "a_number"};

std::string Field(const nlohmann::json& f, const char* name) {
  auto it = f.find(name);
  return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<std::unique_ptr<TracingIndex>> TracingIndex::FromModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot read the linkage model");
  std::stringstream ss;
  ss << in.rdbuf();
  return std::make_unique<TracingIndex>(ss.str());
}

Result<std::shared_ptr<const linkage::LinkageIndex>> TracingIndex::Current(
    storage::Connection& db) {
  if (model_json_.empty()) return FailedPrecondition("no linkage model: tracing matching is off");
  storage::SourceRecordStore store(db);
  REUNITE_ASSIGN_OR_RETURN(int64_t newest, store.MaxRecordId());
  std::lock_guard<std::mutex> lock(mu_);
  if (index_ && newest == built_at_record_) return index_;
  std::string csv = "record_id";
  for (const char* c : kColumns) csv += std::string(",") + c;
  csv += "\n";
  size_t rows = 0;
  REUNITE_RETURN_IF_ERROR(store.ScanRecords("", [&](const storage::SourceRecord& r) {
    nlohmann::json f = nlohmann::json::parse(r.fields, nullptr, false);
    if (!f.is_object()) return Status::Ok();
    std::string given = Field(f, "given_name");
    std::string family = Field(f, "family_name");
    std::string full = Field(f, "full_name");
    if (given.empty() && family.empty() && !full.empty()) {
      size_t comma = full.find(',');
      if (comma == std::string::npos) return Status::Ok();  // order unknown: not indexed
      family = full.substr(0, comma);
      given = full.substr(comma + 1);
      while (!given.empty() && given.front() == ' ') given.erase(0, 1);
    }
    if (given.empty() && family.empty()) return Status::Ok();
    std::string country = Field(f, "nationality");
    if (country.empty()) country = Field(f, "country");
    AppendCsvField(csv, std::to_string(r.record_id));
    for (const std::string& v :
         {given, family, Field(f, "dob"), Field(f, "sex"), country, Field(f, "a_number")}) {
      csv.push_back(',');
      AppendCsvField(csv, v);
    }
    csv.push_back('\n');
    ++rows;
    return Status::Ok();
  }));
  if (rows == 0) return FailedPrecondition("no source records to match against yet");
  linkage::IndexOptions options;
  options.id_column = "record_id";
  options.date_order = "iso";
  options.threads = 1;
  options.min_probability = 0.01;
  REUNITE_ASSIGN_OR_RETURN(auto built,
                           linkage::LinkageIndex::FromStrings(model_json_, csv, options));
  index_ = std::shared_ptr<const linkage::LinkageIndex>(std::move(built));
  built_at_record_ = newest;
  return index_;
}

}  // namespace reunite::service
