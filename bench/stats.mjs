#!/usr/bin/env node
// pnpm bench:stats: a link with 10,000,000 clicks and an account with 1,000
// links; times GET /api/urls/{code}/stats and GET /api/urls (p50/p95/p99).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase } from "./database.mjs";
import { startShortly } from "./processes.mjs";

const CLICKS = Number(process.env.BENCH_CLICKS ?? 10_000_000);
const LINKS = 1000;
const SAMPLES = 300;

const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const server = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")));

const email = `stats-${Date.now()}@example.com`;
const json = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
await fetch(`${server.url}/api/auth/register`, json({ email, password: "benchmark-password" }));
const { access_token: token } = await (await fetch(`${server.url}/api/auth/login-json`, json({ username: email, password: "benchmark-password" }))).json();
const { rows } = await pool.query("SELECT id FROM users WHERE email = $1", [email]);
const userId = rows[0].id;

console.log(`Seeding ${LINKS} links and ${CLICKS.toLocaleString()} clicks on one of them (database: ${db.where})…`);
let started = Date.now();
await pool.query(
  `INSERT INTO links (code, long_url, user_id, created_at, updated_at)
   SELECT 'st' || lpad(i::text, 6, '0'), 'https://example.com/' || i, $1, now() - (i || ' minutes')::interval, now()
   FROM generate_series(1, ${LINKS}) AS i`,
  [userId],
);
const hot = (await pool.query("SELECT id FROM links WHERE code = 'st000001'")).rows[0].id;
// Clicks spread over the last year, as the click writer would have stored them (rows + daily counters).
await pool.query(
  `INSERT INTO clicks (link_id, clicked_at, referrer, referrer_host, user_agent, visitor)
   SELECT $1, now() - ((i % 31536000) || ' seconds')::interval, 'https://news.example.net/', 'news.example.net', 'Bench/1.0', i % 250
   FROM generate_series(1, ${CLICKS}) AS i`,
  [hot],
);
await pool.query(
  `INSERT INTO link_daily_clicks (link_id, day, clicks)
   SELECT link_id, (clicked_at AT TIME ZONE 'UTC')::date, count(*) FROM clicks GROUP BY 1, 2`,
);
await pool.query("ANALYZE");
console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);

async function time(name, url) {
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const samples = [];
  let status = 0;
  for (let i = 0; i < SAMPLES; i++) {
    started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    samples.push(performance.now() - started);
    status = res.status;
  }
  samples.sort((a, b) => a - b);
  const pct = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))].toFixed(2);
  console.log(`${name.padEnd(52)} ${String(status).padStart(4)} ${pct(50).padStart(8)} ${pct(95).padStart(8)} ${pct(99).padStart(8)}`);
}

console.log(`${"request (sequential, loopback)".padEnd(52)} ${"HTTP".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
await time(`GET /api/urls/{code}/stats (${CLICKS.toLocaleString()} clicks)`, `${server.url}/api/urls/st000001/stats`);
await time(`GET /api/urls?limit=100 (account with ${LINKS} links)`, `${server.url}/api/urls?limit=100`);
await time(`GET /api/urls?limit=100&offset=900`, `${server.url}/api/urls?limit=100&offset=900`);

await server.stop();
await pool.end();
await db.stop();
