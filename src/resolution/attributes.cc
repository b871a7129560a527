#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "names/fold.h"
#include "resolution/stored_records.h"
#include "storage/source_records.h"

namespace reunite::resolution {
namespace {

// Sources in the order their values win a tie.
int SourceRank(std::string_view source) {
  static constexpr std::string_view kOrder[] = {"e3", "ice", "orr", "usao", "dlog", "ngo"};
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (kOrder[i] == source) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kOrder));
}

// The value most records agree on; ties by source rank, then value.
std::string Vote(const std::vector<std::pair<std::string, int>>& values) {
  std::map<std::string, std::pair<int, int>> tally;  // value -> (count, best rank)
  for (const auto& [v, rank] : values) {
    if (v.empty()) continue;
    auto [it, added] = tally.try_emplace(v, 0, rank);
    ++it->second.first;
    it->second.second = std::min(it->second.second, rank);
  }
  std::string best;
  std::pair<int, int> best_score{0, 0};
  for (const auto& [v, score] : tally) {
    if (score.first > best_score.first ||
        (score.first == best_score.first && score.second < best_score.second)) {
      best = v;
      best_score = score;
    }
  }
  return best;
}

}  // namespace

const std::string& StoredRecord::Field(std::string_view name) const {
  static const std::string kEmpty;
  auto it = std::lower_bound(fields.begin(), fields.end(), name,
                             [](const auto& f, std::string_view n) { return f.first < n; });
  return it != fields.end() && it->first == name ? it->second : kEmpty;
}

Result<std::vector<StoredRecord>> LoadStoredRecords(storage::Connection& db) {
  std::vector<StoredRecord> out;
  std::map<std::string, size_t> by_ref;
  storage::SourceRecordStore store(db);
  REUNITE_RETURN_IF_ERROR(store.ScanRecords("", [&](const storage::SourceRecord& r) {
    StoredRecord rec;
    rec.source = r.source;
    rec.key = r.record_key;
    rec.ref = linkage::PersonRecordId(r.source, r.record_key);
    nlohmann::json fields = nlohmann::json::parse(r.fields, nullptr, false);
    if (fields.is_object()) {
      for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.value().is_string())
          rec.fields.emplace_back(it.key(), it.value().get<std::string>());
      }
    }
    std::sort(rec.fields.begin(), rec.fields.end());
    if (r.source == "ngo") rec.raw = r.raw;
    auto [it, added] = by_ref.try_emplace(rec.ref, out.size());
    if (added) {
      out.push_back(std::move(rec));
    } else {
      out[it->second] = std::move(rec);
    }
    return Status::Ok();
  }));
  return out;
}

std::vector<linkage::SourceRecord> LinkageRecords(std::span<const StoredRecord> records) {
  std::vector<linkage::SourceRecord> out;
  out.reserve(records.size());
  for (const StoredRecord& r : records) out.push_back({r.source, r.key, r.fields});
  return out;
}

names::PersonName NameOf(const StoredRecord& r) {
  const std::string& full = r.Field("full_name");
  if (!full.empty()) return names::SplitFullName(full).name;
  names::PersonName n;
  n.given = names::FoldText(r.Field("given_name"));
  const std::string& paternal =
      r.Field("family_name").empty() ? r.Field("paternal_surname") : r.Field("family_name");
  n.surnames = names::SplitSurnameFields(paternal, r.Field("maternal_surname"));
  return n;
}

std::string AgeGroupOf(const StoredRecord& r) {
  if (r.source == "orr") return "child";
  if (r.source == "e3") return r.Field("age_group") == "juvenile" ? "child" : "adult";
  return "adult";
}

Person PersonAttributes(const std::string& person_id,
                        const std::vector<const StoredRecord*>& records) {
  std::vector<std::pair<std::string, int>> given, surnames, dob, sex, a_number, nationality;
  bool child = false, adult = false;
  for (const StoredRecord* r : records) {
    const int rank = SourceRank(r->source);
    const names::PersonName name = NameOf(*r);
    given.emplace_back(name.given, rank);
    std::string s = name.surnames.paternal;
    if (!name.surnames.maternal.empty()) s += " " + name.surnames.maternal;
    surnames.emplace_back(s, rank);
    dob.emplace_back(r->Field("dob"), rank);
    const std::string& x = r->Field("sex");
    sex.emplace_back(x == "female" || x == "male" ? x : std::string(), rank);
    a_number.emplace_back(r->Field("a_number"), rank);
    const std::string& nat = r->Field("nationality");
    nationality.emplace_back(names::FoldText(nat.empty() ? r->Field("country") : nat), rank);
    (AgeGroupOf(*r) == "child" ? child : adult) = true;
  }
  Person p;
  p.person_id = person_id;
  p.status = "active";
  p.record_count = static_cast<int64_t>(records.size());
  p.given_name = Vote(given);
  p.surnames = Vote(surnames);
  p.dob = Vote(dob);
  p.sex = Vote(sex);
  p.a_number = Vote(a_number);
  p.nationality = Vote(nationality);
  p.age_group = child ? "child" : adult ? "adult" : "unknown";
  return p;
}

}  // namespace reunite::resolution
