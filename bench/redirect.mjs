#!/usr/bin/env node
// pnpm bench: redirect throughput and latency of the production server
// against a bare Fastify 302 (the ceiling), for one hot link and for traffic
// spread over 10,000 links, then paced at half the maximum (wrk, see
// wrk.mjs); and whether every 302 served became a stored click (autocannon,
// which can send an exact number of requests). Our server runs twice:
// as configured by default (the click writer yields to a saturated event
// loop for up to CLICK_MAX_DEFER_MS) and with CLICK_MAX_DEFER_MS=0, where
// every click is written during the run. Last, bare Fastify paced beside a
// CPU spinner of the lowest priority: the latency floor for any server that
// does work of its own on the same cores.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase } from "./database.mjs";
import { seedRedirectLinks, SPREAD_LINKS, warmLinkCache } from "./links.mjs";
import { load, startBare, startIdleSpinner, startShortly } from "./processes.mjs";
import { wrk } from "./wrk.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 64;

const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const codes = await seedRedirectLinks(pool);
const HOT = { paths: ["/hotlink"] };
const SPREAD_PATHS = { paths: codes.map((code) => `/${code}`) };

const bare = await startBare();
const shortly = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")));
// The same server with CLICK_MAX_DEFER_MS=0: its writer never yields, so every click is stored during the run.
const eager = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")), { CLICK_MAX_DEFER_MS: "0" });

for (const server of [shortly, eager]) await warmLinkCache(server.url, codes);

const countClicks = async () => (await pool.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n;
/** Waits until no click is being written: every run starts with the writers caught up, none pays for the previous. */
async function settle() {
  for (let previous = -1, now = await countClicks(); previous !== now;) {
    await new Promise((r) => setTimeout(r, 1500));
    [previous, now] = [now, await countClicks()];
  }
}
/** CPU seconds used so far by PostgreSQL's processes (Linux /proc; 0 elsewhere): what the database took from a run. */
function postgresCpuSeconds() {
  let ticks = 0;
  try {
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        if (!stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).startsWith("postgres")) continue;
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // Own time, plus that of exited children (backends that closed count towards the postmaster).
        ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      } catch {
        // exited meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100;
}
/** CPU seconds the hypervisor gave to others while we wanted them (Linux /proc/stat "steal"): a shared machine's noise. */
function stealSeconds() {
  try {
    return Number(readFileSync("/proc/stat", "utf8").split("\n", 1)[0].trim().split(/\s+/)[8]) / 100;
  } catch {
    return 0;
  }
}
const run = async (url, options) => {
  await settle();
  await wrk(url, { connections: CONNECTIONS, ...options, seconds: WARMUP });
  await settle();
  const cpuBefore = postgresCpuSeconds();
  const stealBefore = stealSeconds();
  const storedBefore = await countClicks();
  const result = await wrk(url, { connections: CONNECTIONS, seconds: SECONDS, ...options });
  const storedDuring = (await countClicks()) - storedBefore;
  if (result.non2xx3xx > 0 || result.socketErrors > 0) {
    throw new Error(`${url}: ${result.non2xx3xx} answers other than a redirect, ${result.socketErrors} socket errors`);
  }
  return {
    ...result,
    storedDuring,
    postgresCores: (postgresCpuSeconds() - cpuBefore) / SECONDS,
    steal: (stealSeconds() - stealBefore) / SECONDS,
  };
};

// Picking a random path per request costs the load generator too, so spread
// traffic is compared with the bare server under the same generator.
const results = { bare: [], bareSpread: [], hot: [], spread: [], eagerHot: [], eagerSpread: [] };
console.log(
  `Redirect benchmark: ${ROUNDS} rounds of ${SECONDS} s per configuration, ${CONNECTIONS} connections, after ${WARMUP} s warm-up; database: ${db.where}; [pg, stored, steal]: cores PostgreSQL used, clicks stored and cores the hypervisor withheld during the timed run\n`,
);
for (let round = 1; round <= ROUNDS; round++) {
  results.bare.push(await run(bare.url, HOT));
  results.hot.push(await run(shortly.url, HOT));
  results.eagerHot.push(await run(eager.url, HOT));
  results.bareSpread.push(await run(bare.url, SPREAD_PATHS));
  results.spread.push(await run(shortly.url, SPREAD_PATHS));
  results.eagerSpread.push(await run(eager.url, SPREAD_PATHS));
  const last = (list) => {
    const r = list.at(-1);
    return `${r.rps.toFixed(0)} [pg ${r.postgresCores.toFixed(2)}, stored ${r.storedDuring}, steal ${r.steal.toFixed(2)}]`;
  };
  console.log(
    `round ${round}: bare ${last(results.bare)}, hot ${last(results.hot)} (writer never yielding: ${last(results.eagerHot)}), ` +
      `bare spread ${last(results.bareSpread)}, spread ${last(results.spread)} (${last(results.eagerSpread)}) req/s`,
  );
}

const median = (list, key) => [...list].map((r) => r[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ceiling = median(results.bare, "rps");
const halfRate = Math.round(median(results.hot, "rps") / 2);
// Paced, not saturated: what a visitor waits when the server has headroom.
const fixedBare = await run(bare.url, { ...HOT, rate: halfRate });
const fixedHot = await run(shortly.url, { ...HOT, rate: halfRate });
const fixedBareSpread = await run(bare.url, { ...SPREAD_PATHS, rate: halfRate });
const fixedSpread = await run(shortly.url, { ...SPREAD_PATHS, rate: halfRate });
// The floor for a server that does any work beside its redirects on these cores: bare Fastify
// paced again, with a CPU spinner at the lowest priority there is (SCHED_IDLE) on the machine.
const spinner = startIdleSpinner(WARMUP + SECONDS + 120);
const fixedBareSpinning = await run(bare.url, { ...HOT, rate: halfRate });
spinner.stop();
await settle();

// Every 302 must become a click. Timed runs stop with requests in flight that
// the server answered but autocannon did not count, so the accounting run
// sends a fixed number of requests, on empty click tables.
await pool.query("TRUNCATE clicks, link_daily_clicks");
const AMOUNT = Number(process.env.BENCH_ACCOUNTING_REQUESTS ?? 200_000);
const accounting = await load(`${shortly.url}/hotlink`, { amount: AMOUNT, connections: CONNECTIONS });
const spreadAccounting = await load(`${shortly.url}/hotlink`, { mode: "spread", codes, amount: AMOUNT / 4, connections: CONNECTIONS });
const served = accounting.redirects + spreadAccounting.redirects;
let stored = 0;
for (let i = 0; i < 300 && stored < served; i++) {
  await new Promise((r) => setTimeout(r, 200));
  stored = await countClicks();
}
const counted = (await pool.query("SELECT coalesce(sum(clicks), 0)::int AS n FROM link_daily_clicks")).rows[0].n;

const row = (name, rps, p50, p99, ratio) =>
  `${name.padEnd(38)} ${String(Math.round(rps)).padStart(8)} ${p50.toFixed(2).padStart(8)} ${p99.toFixed(2).padStart(8)} ${ratio}`;
console.log(`\n${"configuration".padEnd(38)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} vs ceiling`);
const spreadCeiling = median(results.bareSpread, "rps");
console.log(row("bare Fastify 302 (ceiling)", ceiling, median(results.bare, "p50"), median(results.bare, "p99"), "1.00"));
console.log(
  row(
    "shortly, one hot link",
    median(results.hot, "rps"),
    median(results.hot, "p50"),
    median(results.hot, "p99"),
    (median(results.hot, "rps") / ceiling).toFixed(2),
  ),
);
console.log(
  row("bare Fastify, random paths (ceiling)", spreadCeiling, median(results.bareSpread, "p50"), median(results.bareSpread, "p99"), "1.00"),
);
console.log(
  row(
    `shortly, spread over ${SPREAD_LINKS} links`,
    median(results.spread, "rps"),
    median(results.spread, "p50"),
    median(results.spread, "p99"),
    (median(results.spread, "rps") / spreadCeiling).toFixed(2),
  ),
);
const eagerRow = (name, list, base) =>
  row(name, median(list, "rps"), median(list, "p50"), median(list, "p99"), (median(list, "rps") / base).toFixed(2));
console.log(eagerRow("writer never yielding, hot link", results.eagerHot, ceiling));
console.log(eagerRow("writer never yielding, spread", results.eagerSpread, spreadCeiling));
const paced = (name, r) => console.log(row(name, r.rps, r.p50, r.p99, "-"));
paced(`bare Fastify paced at ${halfRate} req/s`, fixedBare);
paced(`shortly hot link paced at ${halfRate}`, fixedHot);
paced(`bare, random paths paced at ${halfRate}`, fixedBareSpread);
paced(`shortly spread paced at ${halfRate}`, fixedSpread);
paced(`bare paced, idle-priority spinner beside`, fixedBareSpinning);
console.log(
  `\nAccounting run (${AMOUNT} hot + ${AMOUNT / 4} spread requests): 302s served ${served}, clicks stored ${stored}, in daily counters ${counted}` +
    (stored === served && counted === served ? " (every click kept)" : " (MISMATCH)"),
);

bare.stop();
await shortly.stop();
await eager.stop();
await pool.end();
await db.stop();
