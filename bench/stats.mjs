#!/usr/bin/env node
// pnpm bench:stats: a link with 10,000,000 clicks and an account with 10,000
// links, tags on half of them; times GET /api/urls/{code}/stats and
// GET /api/urls plain, filtered by tag and state, and searched (p50/p95/p99).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase } from "./database.mjs";
import { startShortly } from "./processes.mjs";
import { printTimingHeader, signUp, timeRequests } from "./requests.mjs";

const CLICKS = Number(process.env.BENCH_CLICKS ?? 10_000_000);
const LINKS = 10_000;
const SAMPLES = 300;

const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const server = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")));

const { email, token } = await signUp(server.url, "stats");
const { rows } = await pool.query("SELECT id FROM users WHERE email = $1", [email]);
const userId = rows[0].id;

console.log(`Seeding ${LINKS} links and ${CLICKS.toLocaleString()} clicks on one of them (database: ${db.where})…`);
const started = Date.now();
await pool.query(
  `INSERT INTO links (code, long_url, user_id, created_at, updated_at, tags, tag_keys, is_active)
   SELECT 'st' || lpad(i::text, 6, '0'), 'https://example.com/articles/' || i || '?ref=bench', $1, now() - (i || ' minutes')::interval, now(),
          CASE WHEN i % 2 = 0 THEN ARRAY['Campaign ' || (i % 20), 'news'] ELSE ARRAY[]::text[] END,
          CASE WHEN i % 2 = 0 THEN ARRAY['campaign ' || (i % 20), 'news'] ELSE ARRAY[]::text[] END, i % 10 <> 0
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

printTimingHeader();
await timeRequests(`GET /api/urls/{code}/stats (${CLICKS.toLocaleString()} clicks)`, `${server.url}/api/urls/st000001/stats`, token, {
  warmup: 20,
  samples: SAMPLES,
});
const lists = [
  [`GET /api/urls?limit=100 (account with ${LINKS.toLocaleString()} links)`, "limit=100"],
  ["GET /api/urls?limit=100&offset=9900", "limit=100&offset=9900"],
  ["GET /api/urls?tag=campaign 4 (500 links)", "tag=campaign%204"],
  ["GET /api/urls?tag=news&state=active (4,000 links)", "tag=news&state=active"],
  ["GET /api/urls?q=articles/123 (search, 11 links)", "q=articles%2F123"],
  ["GET /api/urls?q=bench&sort=-clicks (search, all, by clicks)", "q=bench&sort=-clicks"],
  ["GET /api/tags", null],
];
for (const [label, query] of lists) {
  const url = query === null ? `${server.url}/api/tags` : `${server.url}/api/urls?${query}`;
  await timeRequests(label, url, token, { warmup: 20, samples: SAMPLES });
}

await server.stop();
await pool.end();
await db.stop();
