// `reunite synth`: writes a synthetic separation scenario (exports + truth).
#include <cstdio>

#include "cli/command.h"
#include "common/progress.h"
#include "synth/generator.h"

namespace reunite::cli {
namespace {

Result<Date> ParseDateFlag(std::string_view flag, const std::string& text) {
  Result<Date> d = Date::ParseIso(text);
  if (!d.ok()) {
    return InvalidArgument(std::string(flag) + ": expected a date YYYY-MM-DD, got '" + text + "'");
  }
  return d;
}

}  // namespace

void AddSynthCommand(CLI::App& app, CommandResult& result) {
  CLI::App* sub = app.add_subcommand(
      "synth",
      "Generate a synthetic separation scenario: each agency's export (e3, ICE, ORR, prosecution,\n"
      "NGO) with realistic errors, plus ground truth and the court order (docs/synthetic-data.md)");
  struct Flags {
    int64_t families = 0;
    uint64_t seed = 1;
    std::string out;
    std::string start = "2017-07-01";
    std::string end = "2018-06-30";
    int threads = 0;
  };
  auto flags = std::make_shared<Flags>();
  sub->add_option("--families", flags->families, "Number of family units to simulate (1..5000000)")
      ->required();
  sub->add_option("--seed", flags->seed, "Random seed; the same seed gives identical files")
      ->capture_default_str();
  sub->add_option("--out", flags->out, "Output directory (created if missing)")->required();
  sub->add_option("--start", flags->start, "First apprehension date (YYYY-MM-DD)")
      ->capture_default_str();
  sub->add_option("--end", flags->end, "Last apprehension date (YYYY-MM-DD)")
      ->capture_default_str();
  sub->add_option("--threads", flags->threads, "Worker threads (0: all cores; output unchanged)")
      ->capture_default_str();
  sub->callback([flags, &result] {
    synth::SynthOptions o;
    if (flags->families <= 0) {
      result.status = InvalidArgument("--families must be a positive number, got " +
                                      std::to_string(flags->families));
      return;
    }
    o.families = static_cast<uint64_t>(flags->families);
    o.seed = flags->seed;
    o.out_dir = flags->out;
    o.threads = flags->threads;
    o.show_progress = true;
    Result<Date> start = ParseDateFlag("--start", flags->start);
    if (!start.ok()) {
      result.status = start.status();
      return;
    }
    Result<Date> end = ParseDateFlag("--end", flags->end);
    if (!end.ok()) {
      result.status = end.status();
      return;
    }
    o.scenario.start = *start;
    o.scenario.end = *end;
    Result<synth::SynthSummary> summary = synth::GenerateScenario(o);
    if (!summary.ok()) {
      result.status = summary.status();
      return;
    }
    const synth::SynthSummary& s = *summary;
    std::printf("synth: %s families, %s persons (%s children, %s separated) in %.1f s -> %s\n",
                WithThousands(s.families).c_str(), WithThousands(s.persons).c_str(),
                WithThousands(s.children).c_str(), WithThousands(s.separated_children).c_str(),
                s.seconds, o.out_dir.c_str());
    for (synth::Source src : synth::kAllSources) {
      std::printf("  exports/%-24s %s records\n", std::string(synth::ExportFileName(src)).c_str(),
                  WithThousands(s.records[static_cast<int>(src)]).c_str());
    }
    result.status = Status::Ok();
  });
}

}  // namespace reunite::cli
