// Test support for crash safety: a small synthetic agency export and its
// mapping, store counts on any backend, and a harness that starts a `reunite`
// command, kills it with SIGKILL after a random delay, and lets the test check
// the store after every kill. Used by tests/*crash*_test.cc.
#ifndef REUNITE_TESTS_SUPPORT_KILL_HARNESS_H_
#define REUNITE_TESTS_SUPPORT_KILL_HARNESS_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/random.h"

namespace reunite::testing {

// A TOML source mapping ("e3") for the files WriteExport writes: one
// "apprehended" event per good row.
extern const char kCrashMapping[];

// Writes `rows` CSV rows with ids E<first>.. ; about 1 in 50 has an
// impossible date (quarantined).
void WriteExport(const std::string& path, int first, int rows, Rng& rng);

struct StoreCounts {
  int64_t files = 0, records = 0, quarantined = 0, events = 0, audit = 0;
  bool operator==(const StoreCounts&) const = default;
};
std::string ToString(const StoreCounts& c);
// Counts rows of the store at `url` (SQLite path or PostgreSQL URL); -1 for
// a table that cannot be read.
StoreCounts ReadStoreCounts(const std::string& url);

// "table rows, table rows, ..." for `tables` of the store at `url` (-1 for a
// table that cannot be read): compared before and after a crash.
std::string CountRows(const std::string& url, const std::vector<std::string>& tables);

// How many kills a crash test makes: REUNITE_CRASH_KILLS if set (the full run
// documented in docs/reliability.md uses 20), else `default_kills` (kept small
// so the default test run stays fast).
int CrashKills(int default_kills = 5);

// A synthetic scenario (`reunite synth --families N`) in `dir`/s, and its six
// agency exports imported into `url` with the shipped mappings. Returns the
// first failing command's output, or "" on success.
std::string SynthScenario(const std::string& dir, int families);
std::string ImportScenario(const std::string& dir, const std::string& url);

// Starts `args` (args[0] is the program) with stdout/stderr to /dev/null.
pid_t Spawn(const std::vector<std::string>& args);

struct KillRound {
  int round = 0;
  bool killed = false;  // the process died of SIGKILL (not finished first)
};

// Runs `args` once to completion (returns its wall time in ms, or -1 on a
// non-zero exit), then `rounds` times: starts it, kills it after a random
// delay in [0, full run time), and calls `after_kill`. Stops early if
// `after_kill` returns false (a failed assertion).
double TimeFullRun(const std::vector<std::string>& args);
int KillAtRandomPoints(int rounds, double full_ms, Rng& rng,
                       const std::function<std::vector<std::string>()>& args,
                       const std::function<bool(const KillRound&)>& after_kill);

}  // namespace reunite::testing

#endif  // REUNITE_TESTS_SUPPORT_KILL_HARNESS_H_
