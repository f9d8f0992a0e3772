// Timed load runs with wrk (Debian's `wrk` package, C, one thread): it takes
// far less of the shared CPU than a Node load generator, as in
// PERF-BASELINE.md, and reports latency in microseconds. A Lua script picks
// the path (one code, or one of many at random from requests built once) and,
// for a paced run, waits between a connection's requests; done() prints the
// summary as JSON.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const USER_AGENT =
  process.env.BENCH_USER_AGENT ??
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const luaString = (s) => JSON.stringify(s); // the codes and the user agent are plain ASCII

/**
 * Pacing: wrk calls delay() after each response, in whole milliseconds, so a
 * connection waits `floor` or `floor + 1` ms at random with the mean that
 * gives it its share of `rate`, less about what a response takes. wrk waits
 * after a response, so the rate reached is a little lower and is reported.
 */
function script({ paths, rate, connections }) {
  return `
local paths = { ${paths.map(luaString).join(", ")} }
local requests = {}
${USER_AGENT ? `wrk.headers["User-Agent"] = ${luaString(USER_AGENT)}` : ""}
local n = #paths
-- Built in init(), once wrk has set the Host header. One path: wrk's own static request.
init = function(args)
  wrk.path = paths[1]
  for i, p in ipairs(paths) do requests[i] = wrk.format("GET", p) end
end
if n > 1 then request = function() return requests[math.random(n)] end end
${
  rate > 0
    ? `
local interval = ${(1000 * connections) / rate} -- ms between one connection's requests
local spent = 0.5 -- about what a response takes at this load; the achieved rate is reported
delay = function()
  local wait = interval - spent
  if wait <= 0 then return 0 end
  local floor = math.floor(wait)
  return (math.random() < wait - floor) and floor + 1 or floor
end`
    : ""
}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"non2xx3xx":%d,"socketErrors":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;
}

/** One wrk run; resolves to { rps, p50, p99 (ms, fractional), requests, non2xx3xx, socketErrors }. */
export function wrk(url, { paths = ["/"], seconds = 10, connections = 64, rate = 0 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "shortly-wrk-"));
  const file = path.join(dir, "run.lua");
  writeFileSync(file, script({ paths, rate, connections }));
  return new Promise((resolve, reject) => {
    execFile(
      "wrk",
      ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", file, url],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        rmSync(dir, { recursive: true, force: true });
        if (error) return reject(error.code === "ENOENT" ? new Error("wrk not found: install it (Debian: apt install wrk)") : error);
        const json = stdout.split("\n").find((line) => line.startsWith("{"));
        if (!json) return reject(new Error(`wrk printed no summary:\n${stdout}`));
        const r = JSON.parse(json);
        resolve({
          rps: r.requests / (r.durationUs / 1e6),
          requests: r.requests,
          p50: r.p50Us / 1000,
          p99: r.p99Us / 1000,
          max: r.maxUs / 1000,
          non2xx3xx: r.non2xx3xx,
          socketErrors: r.socketErrors,
        });
      },
    );
  });
}
