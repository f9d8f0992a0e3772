#!/usr/bin/env node
// pnpm bench: redirect throughput and latency of the production server
// against a bare Fastify 302 (the ceiling), for one hot link and for traffic
// spread over 10,000 links, then at a fixed rate of half the maximum; and
// whether every 302 served became a stored click. Our server runs twice:
// as configured by default (the click writer yields to a saturated event
// loop for up to CLICK_MAX_DEFER_MS) and with CLICK_MAX_DEFER_MS=0, where
// every click is written during the run.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase } from "./database.mjs";
import { load, startBare, startShortly } from "./processes.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 64;
const SPREAD = 10_000;

const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const { rows } = await pool.query("INSERT INTO users (email, password_hash) VALUES ('bench@example.com', NULL) RETURNING id");
await pool.query(
  `INSERT INTO links (code, long_url, user_id, updated_at)
   SELECT 'sp' || lpad(i::text, 6, '0'), 'https://example.com/' || i, $1, now() FROM generate_series(1, ${SPREAD}) AS i`,
  [rows[0].id],
);
await pool.query("INSERT INTO links (code, long_url, user_id, updated_at) VALUES ('hotlink', 'https://example.com/hot', $1, now())", [rows[0].id]);
const codes = Array.from({ length: SPREAD }, (_, i) => `sp${String(i + 1).padStart(6, "0")}`);

const bare = await startBare();
const shortly = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")));
// The same server with CLICK_MAX_DEFER_MS=0: its writer never yields, so every click is stored during the run.
const eager = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")), { CLICK_MAX_DEFER_MS: "0" });

// Visit every spread code once, so the timed runs measure the steady state (cache warm) as in production.
for (const server of [shortly, eager]) {
  for (let i = 0; i < codes.length; i += 200) {
    await Promise.all(codes.slice(i, i + 200).map((code) => fetch(`${server.url}/${code}`, { redirect: "manual" }).then((r) => r.arrayBuffer())));
  }
}

const countClicks = async () => (await pool.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n;
/** Waits until no click is being written: every run starts with the writers caught up, none pays for the previous. */
async function settle() {
  for (let previous = -1, now = await countClicks(); previous !== now; ) {
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
const run = async (url, options) => {
  await settle();
  await load(url, { ...options, seconds: WARMUP });
  await settle();
  const cpuBefore = postgresCpuSeconds();
  const result = await load(url, { connections: CONNECTIONS, seconds: SECONDS, ...options });
  return { ...result, postgresCores: (postgresCpuSeconds() - cpuBefore) / SECONDS };
};

// The load generator itself is slower when it picks a random path per request,
// so spread traffic is compared with the bare server under the same generator.
const results = { bare: [], bareSpread: [], hot: [], spread: [], eagerHot: [], eagerSpread: [] };
console.log(`Redirect benchmark: ${ROUNDS} rounds of ${SECONDS} s per configuration, ${CONNECTIONS} connections, after ${WARMUP} s warm-up; database: ${db.where}; [pg …]: cores PostgreSQL used during the run\n`);
const spread = { mode: "spread", codes };
for (let round = 1; round <= ROUNDS; round++) {
  results.bare.push(await run(`${bare.url}/hotlink`));
  results.hot.push(await run(`${shortly.url}/hotlink`));
  results.eagerHot.push(await run(`${eager.url}/hotlink`));
  results.bareSpread.push(await run(`${bare.url}/hotlink`, spread));
  results.spread.push(await run(`${shortly.url}/hotlink`, spread));
  results.eagerSpread.push(await run(`${eager.url}/hotlink`, spread));
  const last = (list) => `${list.at(-1).rps.toFixed(0)} [pg ${list.at(-1).postgresCores.toFixed(2)}]`;
  console.log(
    `round ${round}: bare ${last(results.bare)}, hot ${last(results.hot)} (writer never yielding: ${last(results.eagerHot)}), ` +
      `bare spread ${last(results.bareSpread)}, spread ${last(results.spread)} (${last(results.eagerSpread)}) req/s`,
  );
}

const median = (list, key) => [...list].map((r) => r[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ceiling = median(results.bare, "rps");
const halfRate = Math.round(median(results.hot, "rps") / 2);
const fixedHot = await run(`${shortly.url}/hotlink`, { rate: halfRate });
const fixedBare = await run(`${bare.url}/hotlink`, { rate: halfRate });
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
  `${name.padEnd(34)} ${String(Math.round(rps)).padStart(8)} ${p50.toFixed(2).padStart(8)} ${p99.toFixed(2).padStart(8)} ${ratio}`;
console.log(`\n${"configuration".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} vs ceiling`);
const spreadCeiling = median(results.bareSpread, "rps");
console.log(row("bare Fastify 302 (ceiling)", ceiling, median(results.bare, "p50"), median(results.bare, "p99"), "1.00"));
console.log(row("shortly, one hot link", median(results.hot, "rps"), median(results.hot, "p50"), median(results.hot, "p99"), (median(results.hot, "rps") / ceiling).toFixed(2)));
console.log(row("bare Fastify, random paths (ceiling)", spreadCeiling, median(results.bareSpread, "p50"), median(results.bareSpread, "p99"), "1.00"));
console.log(row(`shortly, spread over ${SPREAD} links`, median(results.spread, "rps"), median(results.spread, "p50"), median(results.spread, "p99"), (median(results.spread, "rps") / spreadCeiling).toFixed(2)));
const eagerRow = (name, list, base) => row(name, median(list, "rps"), median(list, "p50"), median(list, "p99"), (median(list, "rps") / base).toFixed(2));
console.log(eagerRow("writer never yielding, hot link", results.eagerHot, ceiling));
console.log(eagerRow("writer never yielding, spread", results.eagerSpread, spreadCeiling));
console.log(row(`bare Fastify at ${halfRate} req/s`, fixedBare.rps, fixedBare.p50, fixedBare.p99, "-"));
console.log(row(`shortly hot link at ${halfRate} req/s`, fixedHot.rps, fixedHot.p50, fixedHot.p99, "-"));
console.log(
  `\nAccounting run (${AMOUNT} hot + ${AMOUNT / 4} spread requests): 302s served ${served}, clicks stored ${stored}, in daily counters ${counted}` +
    (stored === served && counted === served ? " (every click kept)" : " (MISMATCH)"),
);

bare.stop();
await shortly.stop();
await eager.stop();
await pool.end();
await db.stop();
