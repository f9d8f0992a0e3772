// One load run in its own process (so it does not share the server's event
// loop): prints autocannon's summary as JSON on stdout.
import autocannon from "autocannon";

const [url, mode, seconds, connections, rate, amount, codesArg] = process.argv.slice(2);
const codes = codesArg ? codesArg.split(",") : [];
const USER_AGENT =
  process.env.BENCH_USER_AGENT ??
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const options = {
  url,
  connections: Number(connections),
  // A fixed number of requests (every one answered and counted) or a duration.
  ...(Number(amount) > 0 ? { amount: Number(amount) } : { duration: Number(seconds) }),
  pipelining: 1,
  // Visitors are browsers: their clicks get the full enrichment and every rollup.
  // BENCH_USER_AGENT="" sends none, which the API counts as a bot (no breakdown rollups).
  ...(USER_AGENT ? { headers: { "user-agent": USER_AGENT } } : {}),
  ...(Number(rate) > 0 ? { overallRate: Number(rate) } : {}),
};
if (mode === "spread") {
  // Each request picks one of the codes at random.
  options.requests = [{ setupRequest: (req) => ({ ...req, path: `/${codes[Math.floor(Math.random() * codes.length)]}` }) }];
}
const result = await autocannon(options);
const redirects = result.statusCodeStats?.["302"]?.count ?? 0;
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    redirects,
    non302: result.requests.total - redirects,
    errors: result.errors + result.timeouts,
  }),
);
