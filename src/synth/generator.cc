#include "synth/generator.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include "common/progress.h"
#include "synth/decision_keeping.h"
#include "synth/truth_files.h"

namespace reunite::synth {
namespace {

constexpr uint64_t kBatchFamilies = 4096;
constexpr size_t kFlushBytes = 1 << 20;

// An output file with a large buffer; errors name the path.
class OutputFile {
 public:
  static Result<std::unique_ptr<OutputFile>> Open(const std::filesystem::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
      return IoError("cannot create '" + path.string() + "': " + std::strerror(errno));
    }
    return std::make_unique<OutputFile>(path.string(), f);
  }
  OutputFile(std::string path, std::FILE* f) : path_(std::move(path)), file_(f) {}
  ~OutputFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  std::string& buffer() { return buf_; }
  void Line(std::string_view text) {
    buf_.append(text);
    buf_.push_back('\n');
  }
  Status MaybeFlush() { return buf_.size() >= kFlushBytes ? Flush() : Status::Ok(); }
  Status Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
      return IoError("cannot write '" + path_ + "': " + std::strerror(errno));
    }
    buf_.clear();
    return Status::Ok();
  }
  Status Close() {
    REUNITE_RETURN_IF_ERROR(Flush());
    const int rc = std::fclose(file_);
    file_ = nullptr;
    if (rc != 0) return IoError("cannot write '" + path_ + "': " + std::strerror(errno));
    return Status::Ok();
  }

 private:
  std::string path_;
  std::FILE* file_;
  std::string buf_;
};

struct FamilyOutput {
  RenderedExports exports;
  TruthRows truth;
  uint64_t persons = 0;
  uint64_t children = 0;
  uint64_t separated_children = 0;
};

void SimulateOne(const SynthOptions& o, uint64_t index, FamilyOutput& out) {
  Rng root(o.seed);
  Rng rng = root.Fork(index);
  Family family = SimulateFamily(index, rng, o.scenario);
  Rng render = rng.Fork(1);
  Rng keeping = rng.Fork(2);
  KeepDecisionRecords(family, keeping);
  RenderExports(family, render, o.errors, out.exports);
  RenderTruth(family, out.truth);
  out.persons = family.persons.size();
  for (const Person& p : family.persons) {
    if (p.role != Role::kChild) continue;
    ++out.children;
    if (p.separated_from >= 0) ++out.separated_children;
  }
}

Status WriteWhole(const std::filesystem::path& path, const std::string& text) {
  REUNITE_ASSIGN_OR_RETURN(auto file, OutputFile::Open(path));
  file->buffer() = text;
  return file->Close();
}

Status MakeDir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError("cannot create directory '" + dir.string() + "': " + ec.message());
  return Status::Ok();
}

}  // namespace

Status ValidateOptions(const SynthOptions& o) {
  if (o.families == 0 || o.families > kMaxFamilies) {
    return InvalidArgument("--families must be between 1 and " + std::to_string(kMaxFamilies) +
                           ", got " + std::to_string(o.families));
  }
  if (!o.scenario.start.IsValid() || !o.scenario.end.IsValid()) {
    return InvalidArgument("--start and --end must be valid dates");
  }
  if (o.scenario.end < o.scenario.start) {
    return InvalidArgument("--end (" + o.scenario.end.ToIso() + ") is before --start (" +
                           o.scenario.start.ToIso() + ")");
  }
  if (o.scenario.start.year < 2000 || o.scenario.end.year > 2030) {
    return InvalidArgument("--start and --end must lie between 2000 and 2030");
  }
  if (o.out_dir.empty()) return InvalidArgument("--out is required");
  if (o.threads < 0 || o.threads > 256) return InvalidArgument("--threads must be 0..256");
  return Status::Ok();
}

namespace {

// Simulates families [first, first + n) into `batch` on `threads` threads
// (contiguous slices; the output does not depend on the split).
void SimulateBatch(const SynthOptions& o, uint64_t first, uint64_t n, int threads,
                   std::vector<FamilyOutput>& batch) {
  batch.clear();
  batch.resize(n);
  const auto workers = static_cast<uint64_t>(std::min<int64_t>(threads, static_cast<int64_t>(n)));
  std::vector<std::thread> pool;
  for (uint64_t w = 1; w < workers; ++w) {
    pool.emplace_back([&, w] {
      for (uint64_t i = n * w / workers; i < n * (w + 1) / workers; ++i) {
        SimulateOne(o, first + i, batch[i]);
      }
    });
  }
  for (uint64_t i = 0; i < n / workers; ++i) SimulateOne(o, first + i, batch[i]);
  for (std::thread& t : pool) t.join();
}

// Writes batches in family order and numbers each source's records. Used by
// one thread at a time.
class ScenarioWriter {
 public:
  Status Open(const std::filesystem::path& root) {
    for (Source s : kAllSources) {
      REUNITE_ASSIGN_OR_RETURN(exports_[static_cast<int>(s)],
                               OutputFile::Open(root / "exports" / std::string(ExportFileName(s))));
      if (!ExportHeader(s).empty()) exports_[static_cast<int>(s)]->Line(ExportHeader(s));
    }
    for (int t = 0; t < kTruthFileCount; ++t) {
      const auto file = static_cast<TruthFile>(t);
      REUNITE_ASSIGN_OR_RETURN(truth_[t],
                               OutputFile::Open(root / "truth" / std::string(TruthFileName(file))));
      truth_[t]->Line(TruthHeader(file));
    }
    REUNITE_ASSIGN_OR_RETURN(records_, OutputFile::Open(root / "truth" / "records.csv"));
    records_->Line(kRecordsHeader);
    return Status::Ok();
  }

  Status WriteBatch(const std::vector<FamilyOutput>& batch) {
    for (const FamilyOutput& fam : batch) {
      for (Source s : kAllSources) {
        const int si = static_cast<int>(s);
        for (const ExportRow& row : fam.exports.rows[si]) WriteRow(s, row);
        REUNITE_RETURN_IF_ERROR(exports_[si]->MaybeFlush());
      }
      for (int t = 0; t < kTruthFileCount; ++t) {
        truth_[t]->buffer() += fam.truth.text[t];
        REUNITE_RETURN_IF_ERROR(truth_[t]->MaybeFlush());
      }
      REUNITE_RETURN_IF_ERROR(records_->MaybeFlush());
      summary_.persons += fam.persons;
      summary_.children += fam.children;
      summary_.separated_children += fam.separated_children;
    }
    summary_.families += batch.size();
    return Status::Ok();
  }

  Status Close() {
    for (auto& f : exports_) REUNITE_RETURN_IF_ERROR(f->Close());
    for (auto& f : truth_) REUNITE_RETURN_IF_ERROR(f->Close());
    return records_->Close();
  }

  const SynthSummary& summary() const { return summary_; }

 private:
  void WriteRow(Source s, const ExportRow& row) {
    const int si = static_cast<int>(s);
    const std::string id = s == Source::kProsecution
                               ? FormatRecordId(s, ++case_seq_[row.case_prefix], row.case_prefix)
                               : FormatRecordId(s, ++seq_[si], {});
    std::string& out = exports_[si]->buffer();
    if (s == Source::kOutreach) {
      out += "{\"";
      out += RecordIdColumn(s);
      out += "\":\"" + id + "\"";
      out += row.tail;
    } else {
      out += id;
      out += row.tail;
      if (s == Source::kProsecution) {
        out.push_back(',');
        out += FormatUsmsNumber(++usms_seq_[row.usms_code], row.usms_code);
      }
    }
    out.push_back('\n');
    std::string& rec = records_->buffer();
    rec += SourceName(s);
    rec.push_back(',');
    rec += id;
    rec.push_back(',');
    rec += row.person_id;
    rec.push_back('\n');
    ++summary_.records[si];
  }

  std::unique_ptr<OutputFile> exports_[kSourceCount];
  std::unique_ptr<OutputFile> truth_[kTruthFileCount];
  std::unique_ptr<OutputFile> records_;
  std::array<uint64_t, kSourceCount> seq_{};
  std::map<std::string, uint64_t> case_seq_;       // per case-number prefix ("7:18")
  std::map<std::string_view, uint64_t> usms_seq_;  // per Marshals district
  SynthSummary summary_;
};

}  // namespace

Result<SynthSummary> GenerateScenario(const SynthOptions& o) {
  REUNITE_RETURN_IF_ERROR(ValidateOptions(o));
  const auto started = std::chrono::steady_clock::now();
  const std::filesystem::path root(o.out_dir);
  for (const char* sub : {"exports", "truth", "orders"}) {
    REUNITE_RETURN_IF_ERROR(MakeDir(root / sub));
  }
  ScenarioWriter writer;
  REUNITE_RETURN_IF_ERROR(writer.Open(root));
  REUNITE_RETURN_IF_ERROR(WriteWhole(root / "truth" / "directives.csv", DirectivesCsv()));
  REUNITE_RETURN_IF_ERROR(WriteWhole(root / "orders" / "court_order.json", CourtOrderJson()));

  const int threads = o.threads > 0
                          ? o.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  Progress progress("synth", o.show_progress ? ProgressMode::kAuto : ProgressMode::kNever);
  progress.Stage("families", o.families, "families");

  // Pipeline: one thread writes batch k while the others simulate batch k+1.
  std::vector<FamilyOutput> current, next;
  SimulateBatch(o, 0, std::min(kBatchFamilies, o.families), threads, current);
  for (uint64_t first = 0; first < o.families; first += kBatchFamilies) {
    Status written;
    std::thread writing([&] { written = writer.WriteBatch(current); });
    const uint64_t next_first = first + kBatchFamilies;
    if (next_first < o.families) {
      SimulateBatch(o, next_first, std::min(kBatchFamilies, o.families - next_first), threads,
                    next);
    }
    writing.join();
    REUNITE_RETURN_IF_ERROR(written);
    progress.Advance(current.size());
    std::swap(current, next);
  }
  REUNITE_RETURN_IF_ERROR(writer.Close());
  progress.Done();
  SynthSummary summary = writer.summary();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace reunite::synth
