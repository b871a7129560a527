-- wrk script for bench/load_bench.sh: GETs with a session token, cycling
-- through the request paths listed (one a line) in the file LOAD_PATHS, and
-- prints one summary line per run:
--   LOAD <name> requests <n> rps <r> p50_ms <a> p90_ms <b> p99_ms <c> max_ms <d> non2xx <e> errors <f>
-- Environment: LOAD_TOKEN (a session token from POST /api/v1/auth/login),
-- LOAD_PATHS (the file of paths), LOAD_NAME (the label printed).
local token = os.getenv("LOAD_TOKEN") or ""
local paths_file = os.getenv("LOAD_PATHS") or ""
local name = os.getenv("LOAD_NAME") or "load"
local paths = {}
for line in io.lines(paths_file) do
  if #line > 0 then paths[#paths + 1] = line end
end
if #paths == 0 then error("LOAD_PATHS " .. paths_file .. ": no paths") end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7919)
end

local i = 0
function request()
  i = i + 1
  local path = paths[((i + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
      "LOAD %s requests %d rps %.0f p50_ms %.2f p90_ms %.2f p99_ms %.2f max_ms %.2f non2xx %d errors %d\n",
      name, summary.requests, summary.requests / secs, latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect + e.read + e.write + e.timeout))
end
