#!/usr/bin/env node
// pnpm bench:instructions: instructions per redirect on the server's main
// thread, counted by valgrind's callgrind. On these shared machines a load
// test's throughput and CPU time drift by a fifth between runs of one build
// (docs/performance.md); an instruction count repeats to a few per cent, so
// it tells whether a change to the redirect's own code made it cheaper. User
// space only: the kernel's share of each request (most of it, the same for
// every row) is not counted, so it is no throughput.
// Rows: bare Node answering in the same turn and in the next (as our fast
// path does), then Shortly: this build and, with BENCH_BEFORE=<another built
// checkout>, that one on a database of its own. One hot link, or the 10,000
// links with BENCH_TRAFFIC=spread. Each server runs under callgrind with
// counting off, is warmed with wrk, then counted for BENCH_COUNT_SECONDS;
// BENCH_REPEAT rounds per row.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase, dropDatabase, freshDatabase } from "./database.mjs";
import { seedRedirectLinks, spreadCodes, warmLinkCache } from "./links.mjs";
import { startBare, startShortly } from "./processes.mjs";
import { wrk } from "./wrk.mjs";

const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 30);
const COUNT_SECONDS = Number(process.env.BENCH_COUNT_SECONDS ?? 10);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);
const spread = process.env.BENCH_TRAFFIC === "spread";
const paths = spread ? spreadCodes().map((code) => `/${code}`) : ["/hotlink"];

try {
  execFileSync("valgrind", ["--version"], { stdio: "ignore" });
} catch {
  console.error("bench:instructions needs valgrind (Debian's valgrind package)");
  process.exit(1);
}

// valgrind names its control pipe after $HOST: every server (ours get HOST=127.0.0.1) and callgrind_control must agree.
process.env.HOST = "127.0.0.1";
const control = (pid, ...args) => execFileSync("callgrind_control", [...args, String(pid)], { stdio: "ignore" });

/** Starts a server under callgrind (counting off), warms it, counts COUNT_SECONDS of load: instructions per request. */
async function countedRound(start) {
  const out = mkdtempSync(path.join(tmpdir(), "shortly-callgrind-"));
  const launcher = [
    "valgrind",
    "--tool=callgrind",
    "--instr-atstart=no",
    "--separate-threads=yes",
    "--smc-check=all-non-file",
    `--callgrind-out-file=${out}/cg`,
  ];
  const server = await start(launcher);
  try {
    await wrk(server.url, { paths, seconds: WARM_SECONDS });
    control(server.pid, "-i", "on");
    const { requests } = await wrk(server.url, { paths, seconds: COUNT_SECONDS });
    control(server.pid, "-i", "off");
    control(server.pid, "-d");
    // Thread 1 is the main thread (the event loop); the rest are V8's helpers, libuv's pool and the click writer.
    let main = 0;
    let others = 0;
    for (const file of readdirSync(out)) {
      const total = Number(/^totals: (\d+)/m.exec(readFileSync(path.join(out, file), "utf8"))?.[1] ?? 0);
      if (file.endsWith("-01")) main += total;
      else others += total;
    }
    if (main === 0) throw new Error("callgrind counted nothing: callgrind_control could not reach the server");
    return { requests, main: main / requests, others: others / requests };
  } finally {
    await server.stop();
    rmSync(out, { recursive: true, force: true });
  }
}

const db = await benchDatabase();
/** A build's database, migrated by that build, with the benchmark's links. */
async function seeded(url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query("TRUNCATE clicks, links, users RESTART IDENTITY CASCADE");
  const codes = await seedRedirectLinks(pool);
  await pool.end();
  return { url, codes };
}
const shortly = (database, checkout) => async (launcher) => {
  const server = await startShortly(database.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")), {}, [], checkout, launcher);
  await warmLinkCache(server.url, database.codes);
  return server;
};
const rows = [
  ["bare Node http 302", (launcher) => startBare("bare-node-server.mjs", [], launcher)],
  ["bare Node, answer next turn", (launcher) => startBare("bare-node-server.mjs", ["later"], launcher)],
];
const before = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : null;
if (before) {
  const database = await seeded(await freshDatabase(db.serverUrl, "shortly_bench_before", before));
  rows.push([`before (${path.basename(before)})`, shortly(database, before)]);
}
rows.push(["Shortly", shortly(await seeded(db.url), undefined)]);

console.log(
  `Instructions per request under callgrind, ${spread ? "10,000 links" : "one hot link"}: ${COUNT_SECONDS} s counted after ${WARM_SECONDS} s of warming\n`,
);
console.log(["server".padEnd(28), "round", "requests", "main thread", "other threads"].join(" | "));
for (const [name, start] of rows) {
  for (let round = 1; round <= REPEAT; round++) {
    const r = await countedRound(start);
    const cells = [
      String(round).padStart(5),
      String(r.requests).padStart(8),
      r.main.toFixed(0).padStart(11),
      r.others.toFixed(0).padStart(13),
    ];
    console.log([name.padEnd(28), ...cells].join(" | "));
  }
}
if (before) await dropDatabase(db.serverUrl, "shortly_bench_before");
await db.stop();
