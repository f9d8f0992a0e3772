#!/usr/bin/env node
// pnpm bench (second part): sustained redirect throughput, longer than the
// click writer may defer (CLICK_MAX_DEFER_MS, 30 s by default), so storage
// is paid for inside the measurement. Rows: a bare Node http 302 (the
// ceiling), bare Fastify, and the production server with default settings
// for one hot link and for 10,000 links. For ours, CPU per stored click:
// the server process (event loop and click writer thread) and PostgreSQL,
// from the start of the round until every click of it is stored, divided by
// the clicks stored.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase } from "./database.mjs";
import { startBare, startShortly } from "./processes.mjs";
import { wrk } from "./wrk.mjs";

const SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 75);
const SPREAD = 10_000;
const TICKS = 100; // USER_HZ on Linux

/** CPU seconds a process has used, its reaped children included (PostgreSQL's exited backends count for the postmaster). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return 0; // exited meanwhile
  }
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
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
await pool.query("TRUNCATE clicks, links, users RESTART IDENTITY CASCADE");
const { rows } = await pool.query("INSERT INTO users (email, password_hash) VALUES ('bench@example.com', NULL) RETURNING id");
await pool.query(
  `INSERT INTO links (code, long_url, user_id, updated_at)
   SELECT 'sp' || lpad(i::text, 6, '0'), 'https://example.com/' || i, $1, now() FROM generate_series(1, ${SPREAD}) AS i`,
  [rows[0].id],
);
await pool.query("INSERT INTO links (code, long_url, user_id, updated_at) VALUES ('hotlink', 'https://example.com/hot', $1, now())", [
  rows[0].id,
]);
const codes = Array.from({ length: SPREAD }, (_, i) => `/sp${String(i + 1).padStart(6, "0")}`);
const countClicks = async () => (await pool.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n;
async function settle() {
  for (let previous = -1, now = await countClicks(); previous !== now;) {
    await new Promise((r) => setTimeout(r, 2000));
    [previous, now] = [now, await countClicks()];
  }
}

console.log(`Sustained rounds of ${SECONDS} s, 64 connections (database: ${db.where})\n`);
const results = [];
for (const script of ["bare-node-server.mjs", "bare-server.mjs"]) {
  const server = await startBare(script);
  const r = await wrk(server.url, { paths: ["/abc1234"], seconds: SECONDS });
  results.push({ name: script === "bare-server.mjs" ? "bare Fastify 302" : "bare Node http 302", rps: r.rps });
  server.stop();
}
const shortly = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")));
for (let i = 0; i < codes.length; i += 200) {
  await Promise.all(codes.slice(i, i + 200).map((p) => fetch(`${shortly.url}${p}`, { redirect: "manual" }).then((r) => r.arrayBuffer())));
}
for (const [name, paths] of [
  ["Shortly, one hot link", ["/hotlink"]],
  ["Shortly, 10,000 links", codes],
]) {
  await settle();
  const clicksBefore = await countClicks();
  const [serverBefore, pgBefore] = [cpuSeconds(shortly.pid), postgresCpu()];
  const r = await wrk(shortly.url, { paths, seconds: SECONDS });
  await settle();
  const stored = (await countClicks()) - clicksBefore;
  const server = cpuSeconds(shortly.pid) - serverBefore;
  const postgres = postgresCpu() - pgBefore;
  results.push({ name, rps: r.rps, requests: r.requests, stored, server, postgres });
}
await shortly.stop();

const ceiling = results[0].rps;
console.log(
  `${"server".padEnd(26)} ${"req/s".padStart(8)} ${"× Node".padStart(7)} ${"stored".padStart(9)} ${"µs CPU/click: server".padStart(21)} ${"PostgreSQL".padStart(11)} ${"total".padStart(7)}`,
);
for (const r of results) {
  const perClick = (s) => (r.stored ? ((s * 1e6) / r.stored).toFixed(0) : "");
  console.log(
    `${r.name.padEnd(26)} ${r.rps.toFixed(0).padStart(8)} ${(r.rps / ceiling).toFixed(2).padStart(7)} ${String(r.stored === undefined ? "" : `${r.stored}/${r.requests}`).padStart(9)} ${perClick(r.server ?? 0).padStart(21)} ${perClick(r.postgres ?? 0).padStart(11)} ${perClick((r.server ?? 0) + (r.postgres ?? 0)).padStart(7)}`,
  );
}
await pool.end();
await db.stop();
