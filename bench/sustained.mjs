#!/usr/bin/env node
// pnpm bench (second part): sustained redirect throughput, longer than the
// click writer may defer (CLICK_MAX_DEFER_MS, 30 s by default), so storage
// is paid for inside the measurement. Rows: a bare Node http 302 (the
// ceiling), the same asked for the spread rounds' paths, bare Fastify, and
// the production server with default settings for one hot link and for
// 10,000 links, then the bare Node server again:
// these machines drift within minutes (docs/performance.md), so the
// ceiling is the mean of the rounds before and after ours, and both are
// printed. For ours, CPU per stored click:
// the server's click writer thread, the rest of the server process (event
// loop, V8's helper threads) and PostgreSQL, from the start of the round
// until every click of it is stored, divided by the clicks stored.
// BENCH_BEFORE=<another checkout, built> adds the same two rows for that
// build, on a database of its own migrated by it, inside the same
// bracketing ceiling: a before-and-after within one run (docs/performance.md).
// BENCH_PAIRS=<n> runs the two builds' rounds n times, each pair in the
// other order (before, ours, ours, before...), and prints each pair's shares
// and their median: rounds minutes apart drift more than a small change
// moves them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase, dropDatabase, freshDatabase } from "./database.mjs";
import { seedRedirectLinks, spreadCodes, warmLinkCache } from "./links.mjs";
import { startBare, startShortly } from "./processes.mjs";
import { wrk } from "./wrk.mjs";

const SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 75);
const PAIRS = Math.max(1, Math.floor(Number(process.env.BENCH_PAIRS ?? 1)) || 1);

const TICKS = 100; // USER_HZ on Linux

/** The fields of a /proc stat line after the command name (which may hold spaces and parentheses). */
const statFields = (line) => line.slice(line.lastIndexOf(")") + 2).split(" ");

/** CPU seconds a process has used, its reaped children included (PostgreSQL's exited backends count for the postmaster). */
function cpuSeconds(pid) {
  try {
    const fields = statFields(readFileSync(`/proc/${pid}/stat`, "utf8"));
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return 0; // exited meanwhile
  }
}
/** The part of a process's CPU seconds spent in the kernel (system time): for a server on loopback, mostly TCP. */
function kernelSeconds(pid) {
  try {
    return Number(statFields(readFileSync(`/proc/${pid}/stat`, "utf8"))[12]) / TICKS;
  } catch {
    return 0;
  }
}
/**
 * The click writer thread's CPU seconds: the one thread of the server that
 * runs at nice 10 (it lowers its own priority, lib/thread-priority.ts).
 */
function writerThreadCpuSeconds(pid) {
  let total = 0;
  let kernel = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const fields = statFields(readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8"));
      if (Number(fields[16]) !== 10) continue;
      total += (Number(fields[11]) + Number(fields[12])) / TICKS;
      kernel += Number(fields[12]) / TICKS;
    } catch {
      // the thread ended meanwhile
    }
  }
  return { total, kernel };
}
const postgresPids = () => {
  try {
    return execFileSync("pgrep", ["-x", "postgres"], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const postgresCpu = () => postgresPids().reduce((sum, pid) => sum + cpuSeconds(pid), 0);

const db = await benchDatabase();
const beforeCheckout = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : null;
/** The other build's label: its commit, or its folder's name where it is no git checkout. */
function checkoutLabel(checkout) {
  try {
    const commit = execFileSync("git", ["-C", checkout, "rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: "pipe" }).trim();
    const dirty = execFileSync("git", ["-C", checkout, "status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    return dirty ? `${commit}, modified` : commit;
  } catch {
    return path.basename(checkout);
  }
}
const beforeLabel = beforeCheckout && checkoutLabel(beforeCheckout);

/**
 * A database for one build's rounds: `seed()` empties it and seeds the
 * account's links before each of that build's turns, `empty()` drops what a
 * turn stored (a TRUNCATE leaves nothing to vacuum during the other build's
 * rounds), and `countClicks` counts the clicks it stored.
 */
async function roundsDatabase(url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const empty = () => pool.query("TRUNCATE clicks, links, users RESTART IDENTITY CASCADE");
  const seed = async () => {
    await empty();
    const codes = await seedRedirectLinks(pool);
    // The other build's dirty pages are written now, not during these rounds.
    await pool.query("CHECKPOINT");
    return codes;
  };
  // From the account's daily counter, committed with the raw rows: counting millions of raw rows
  // every second while waiting would itself cost PostgreSQL more than storing them.
  const countClicks = async () => (await pool.query("SELECT coalesce(sum(clicks), 0)::int AS n FROM account_daily_clicks")).rows[0].n;
  /**
   * Waits until `expected` clicks are stored (every answered redirect; a few
   * more if wrk stopped counting answers still on their way), or until none
   * has been stored for 30 s: a large batch can take seconds to commit.
   */
  async function settle(expected = 0) {
    let stored = await countClicks();
    for (let idleSince = Date.now(); stored < expected || Date.now() - idleSince < 2000;) {
      if (Date.now() - idleSince > 30_000) break;
      await new Promise((r) => setTimeout(r, 1000));
      const now = await countClicks();
      if (now !== stored) idleSince = Date.now();
      stored = now;
    }
  }
  return { url, seed, empty, countClicks, settle, end: () => pool.end() };
}

console.log(`Sustained rounds of ${SECONDS} s, 64 connections (database: ${db.where})\n`);
const results = [];
/** A round against a bare server. They store nothing: their CPU per answer is what Node's HTTP handling costs here. */
async function bareRound(name, script, args = [], paths = ["/abc1234"]) {
  const server = await startBare(script, args);
  const [cpuBefore, kernelBefore] = [cpuSeconds(server.pid), kernelSeconds(server.pid)];
  const r = await wrk(server.url, { paths, seconds: SECONDS });
  const [cpu, kernel] = [cpuSeconds(server.pid) - cpuBefore, kernelSeconds(server.pid) - kernelBefore];
  results.push({ name, rps: r.rps, requests: r.requests, server: cpu, kernel });
  server.stop();
}
await bareRound("bare Node http 302, before", "bare-node-server.mjs");
// The same server asked for the spread rounds' 10,000 paths: wrk picks each request's path in Lua,
// which costs the shared CPU more than its one static request, so this is the spread traffic's ceiling.
await bareRound(
  "bare Node, 10,000 paths",
  "bare-node-server.mjs",
  [],
  spreadCodes().map((code) => `/${code}`),
);
await bareRound("bare Node, answer next turn", "bare-node-server.mjs", ["later"]);
await bareRound("bare Fastify 302", "bare-server.mjs");
/** Our two rows, one hot link and 10,000 links, for the build in `checkout`. */
async function shortlyRounds(label, database, checkout) {
  const { countClicks, settle } = database;
  const codes = await database.seed();
  const shortly = await startShortly(database.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")), {}, [], checkout);
  await warmLinkCache(shortly.url, codes);
  for (const [name, paths] of [
    [`${label}, one hot link`, ["/hotlink"]],
    [`${label}, 10,000 links`, codes.map((code) => `/${code}`)],
  ]) {
    await settle();
    const clicksBefore = await countClicks();
    const [serverBefore, kernelBefore, writerBefore, pgBefore] = [
      cpuSeconds(shortly.pid),
      kernelSeconds(shortly.pid),
      writerThreadCpuSeconds(shortly.pid),
      postgresCpu(),
    ];
    const r = await wrk(shortly.url, { paths, seconds: SECONDS });
    await settle(clicksBefore + r.requests);
    const stored = (await countClicks()) - clicksBefore;
    const server = cpuSeconds(shortly.pid) - serverBefore;
    const writerAfter = writerThreadCpuSeconds(shortly.pid);
    const writer = writerAfter.total - writerBefore.total;
    // The server's kernel time without its writer thread's: what answering the requests cost in the kernel.
    const kernel = kernelSeconds(shortly.pid) - kernelBefore - (writerAfter.kernel - writerBefore.kernel);
    const postgres = postgresCpu() - pgBefore;
    results.push({ name, rps: r.rps, requests: r.requests, stored, server, kernel, writer, postgres });
  }
  await shortly.stop();
  await database.empty();
}
// The other build first, on its own database (migrated by it), dropped at the end.
const beforeDatabase = beforeCheckout && (await roundsDatabase(await freshDatabase(db.serverUrl, "shortly_bench_before", beforeCheckout)));
const ours = await roundsDatabase(db.url);
const pairs = beforeCheckout ? PAIRS : 1;
const pairLabel = (pair) => (pairs > 1 ? ` #${pair}` : "");
for (let pair = 1; pair <= pairs; pair++) {
  const builds = [() => shortlyRounds(`Shortly${pairLabel(pair)}`, ours)];
  if (beforeDatabase) builds.unshift(() => shortlyRounds(`before (${beforeLabel})${pairLabel(pair)}`, beforeDatabase, beforeCheckout));
  // Every other pair in the other order: a machine that slows down or speeds up through the run weighs on both builds alike.
  if (pair % 2 === 0) builds.reverse();
  for (const rounds of builds) await rounds();
}
if (beforeDatabase) {
  await beforeDatabase.end();
  await dropDatabase(db.serverUrl, "shortly_bench_before");
}
await bareRound("bare Node http 302, after", "bare-node-server.mjs");

const ceiling = (results[0].rps + results.at(-1).rps) / 2;
console.log(`Ceiling: bare Node http, mean of the rounds before and after ours: ${ceiling.toFixed(0)} req/s\n`);
const columns = [
  "req/s",
  "× ceiling",
  "stored/answered",
  "µs CPU per stored click (bare: per answer): server without writer",
  "of it in the kernel",
  "writer thread",
  "PostgreSQL",
  "total",
];
const nameWidth = Math.max(34, ...results.map((r) => r.name.length));
console.log(["server".padEnd(nameWidth), ...columns].join(" | "));
for (const r of results) {
  const perClick = (s) => {
    const count = r.stored ?? r.requests;
    return count ? ((s * 1e6) / count).toFixed(1) : "";
  };
  const cells = [
    r.rps.toFixed(0),
    (r.rps / ceiling).toFixed(2),
    r.stored === undefined ? "" : `${r.stored}/${r.requests}`,
    perClick((r.server ?? 0) - (r.writer ?? 0)),
    perClick(r.kernel),
    r.stored === undefined ? "" : perClick(r.writer),
    r.stored === undefined ? "" : perClick(r.postgres),
    r.stored === undefined ? "" : perClick(r.server + r.postgres),
  ];
  console.log([r.name.padEnd(nameWidth), ...cells.map((c, i) => c.padStart(columns[i].length))].join(" | "));
}
// Spread traffic against the bare server asked for the same paths (a ceiling that includes wrk's cost of choosing them).
const spreadCeiling = results.find((r) => r.name === "bare Node, 10,000 paths");
for (const r of results.filter((r) => r.name.endsWith("10,000 links"))) {
  console.log(`${r.name}: ${(r.rps / spreadCeiling.rps).toFixed(2)} × bare Node asked for the same 10,000 paths`);
}
if (beforeCheckout) {
  // The issue-style comparison: this build's CPU per stored click as a share of the other build's, pair by pair.
  const total = (r) => (r.server + r.postgres) / r.stored;
  const storage = (r) => (r.writer + r.postgres) / r.stored;
  const answering = (r) => ((r.server - r.writer) * 1e6) / r.stored;
  // Node's own HTTP cost per answer, the floor under answering: the mean of the bracketing bare rounds.
  const bareAnswer = ((results[0].server / results[0].requests + results.at(-1).server / results.at(-1).requests) / 2) * 1e6;
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
  };
  for (const kind of ["one hot link", "10,000 links"]) {
    const shares = [];
    const storageShares = [];
    for (let pair = 1; pair <= pairs; pair++) {
      const names = [`before (${beforeLabel})${pairLabel(pair)}, ${kind}`, `Shortly${pairLabel(pair)}, ${kind}`];
      const [other, current] = names.map((name) => results.find((r) => r.name === name));
      if (!other.stored || !current.stored) {
        console.log(`${kind}${pairLabel(pair)}: no clicks stored`);
        continue;
      }
      shares.push(total(current) / total(other));
      storageShares.push(storage(current) / storage(other));
      console.log(
        `${kind}${pairLabel(pair)}: CPU per stored click ${(shares.at(-1) * 100).toFixed(0)}% of ${beforeLabel}'s; ` +
          `storing it (writer thread and PostgreSQL) ${(storageShares.at(-1) * 100).toFixed(0)}%; ` +
          `answering it ${answering(current).toFixed(1)} µs against bare Node's ${bareAnswer.toFixed(1)} per answer`,
      );
    }
    if (pairs > 1 && shares.length > 0) {
      console.log(
        `${kind}: median of the pairs ${(median(shares) * 100).toFixed(0)}%; storing ${(median(storageShares) * 100).toFixed(0)}%`,
      );
    }
  }
}
await ours.end();
await db.stop();
