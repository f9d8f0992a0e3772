#!/usr/bin/env node
// pnpm bench:analytics: one account with 1,000,000 clicks over 90 days on 200
// links, with realistic spreads of countries, cities, browsers, referrers and
// visitors; times every analytics endpoint (p50/p95/p99) and streams the
// account's CSV export while watching the server's memory.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabase } from "./database.mjs";
import { startShortly } from "./processes.mjs";
import { printTimingHeader, signUp, timeRequests } from "./requests.mjs";

const CLICKS = Number(process.env.BENCH_CLICKS ?? 1_000_000);
const LINKS = 200;
const DAYS = 90;
const SAMPLES = 100;

const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const server = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "shortly-bench-spool-")));

const { email, token } = await signUp(server.url, "analytics");
const userId = (await pool.query("SELECT id FROM users WHERE email = $1", [email])).rows[0].id;

console.log(`Seeding ${LINKS} links and ${CLICKS.toLocaleString()} clicks over ${DAYS} days (database: ${db.where})…`);
let started = Date.now();
await pool.query(
  `INSERT INTO links (code, long_url, user_id, created_at, updated_at)
   SELECT 'an' || lpad(i::text, 5, '0'), 'https://example.com/' || i, $1, now() - (i || ' minutes')::interval, now()
   FROM generate_series(1, ${LINKS}) AS i`,
  [userId],
);
// Raw clicks as the writer stores them: skewed link popularity; 1,000 cities
// (skewed, each in one of 40 countries); a handful of browsers, OSes and
// devices; 50 referrers; ~8% bots; about a third as many visitors as clicks each day.
await pool.query(
  `INSERT INTO clicks (link_id, clicked_at, referrer, referrer_host, user_agent, browser, os, device, country, city, is_bot, visitor)
   SELECT l.id, t.at,
          CASE WHEN r.n % 3 = 0 THEN NULL ELSE 'https://ref' || (r.n % 50) || '.example.com/p' END,
          CASE WHEN r.n % 3 = 0 THEN NULL ELSE 'ref' || (r.n % 50) || '.example.com' END,
          'Mozilla/5.0 bench',
          (ARRAY['Chrome','Safari','Firefox','Edge','Mobile Safari','Samsung Internet','Opera','Chrome WebView'])[1 + r.n % 8],
          (ARRAY['Windows','iOS','Android','macOS','Linux','Chrome OS'])[1 + (r.n / 8) % 6],
          (ARRAY['desktop','mobile','tablet','desktop'])[1 + (r.n / 48) % 4],
          chr(65 + (g.city % 40) / 26) || chr(65 + (g.city % 40) % 26),
          CASE WHEN r.n % 11 = 0 THEN NULL ELSE 'City ' || g.city END,
          r.n % 13 = 0,
          hashint8((r.n % ${Math.ceil(CLICKS / 3 / DAYS)}) + (extract(epoch FROM t.at)::bigint / 86400) * 1000003)
   FROM generate_series(1, ${CLICKS}) AS s(i)
   CROSS JOIN LATERAL (SELECT (hashint4(s.i) & 2147483647) AS n) r
   CROSS JOIN LATERAL (SELECT now() - ((r.n % (${DAYS} * 86400)) || ' seconds')::interval AS at) t
   CROSS JOIN LATERAL (SELECT floor(power((r.n % 100003) / 100003.0, 2) * 1000)::int AS city) g
   JOIN links l ON l.user_id = $1 AND l.code = 'an' || lpad((1 + floor(power((r.n % 10007) / 10007.0, 3) * ${LINKS}))::int::text, 5, '0')`,
  [userId],
);
// The rollups the click writer keeps, built in bulk from those rows (unknown values get no row).
const dimensions = `CROSS JOIN LATERAL (VALUES
      ('referrer', coalesce(referrer_host, '')), ('country', coalesce(country, '')),
      ('city', CASE WHEN city IS NULL THEN '' ELSE country || E'\\t' || city END),
      ('browser', coalesce(browser, '')), ('os', coalesce(os, '')), ('device', coalesce(device, ''))) AS d(dimension, value)`;
await pool.query(`
  INSERT INTO link_daily_clicks (link_id, day, clicks, bot_clicks, visitors)
  SELECT link_id, (clicked_at AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE is_bot), count(DISTINCT visitor) FILTER (WHERE NOT is_bot)
  FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.user_id = ${userId} GROUP BY 1, 2`);
await pool.query(`
  INSERT INTO account_daily_clicks (user_id, day, clicks, bot_clicks, visitors)
  SELECT ${userId}, (clicked_at AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE is_bot), count(DISTINCT visitor) FILTER (WHERE NOT is_bot)
  FROM clicks c JOIN links l ON l.id = c.link_id WHERE l.user_id = ${userId} GROUP BY 2`);
await pool.query(`
  INSERT INTO link_daily_dimensions (link_id, day, dimension, value, clicks)
  SELECT link_id, (clicked_at AT TIME ZONE 'UTC')::date, dimension, value, count(*)
  FROM clicks c JOIN links l ON l.id = c.link_id ${dimensions} WHERE l.user_id = ${userId} AND NOT is_bot AND value <> '' GROUP BY 1, 2, 3, 4`);
await pool.query(`
  INSERT INTO account_daily_dimensions (user_id, day, dimension, value, clicks)
  SELECT ${userId}, (clicked_at AT TIME ZONE 'UTC')::date, dimension, value, count(*)
  FROM clicks c JOIN links l ON l.id = c.link_id ${dimensions} WHERE l.user_id = ${userId} AND NOT is_bot AND value <> '' GROUP BY 2, 3, 4`);
await pool.query("ANALYZE");
const count = async (table) => Number((await pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count).toLocaleString();
console.log(
  `seeded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${await count("clicks")} clicks, ${await count("link_daily_dimensions")} link and ${await count("account_daily_dimensions")} account rollup rows\n`,
);

const headers = { authorization: `Bearer ${token}` };
const busiest = (
  await pool.query("SELECT code FROM links l JOIN link_daily_clicks d ON d.link_id = l.id GROUP BY code ORDER BY sum(clicks) DESC LIMIT 1")
).rows[0].code;

printTimingHeader();
for (const range of ["7d", "30d", "90d"])
  await timeRequests(`GET /api/analytics/dashboard?range=${range}`, `${server.url}/api/analytics/dashboard?range=${range}`, token, {
    warmup: 10,
    samples: SAMPLES,
  });
await timeRequests(`GET /api/urls/{busiest}/analytics?range=90d`, `${server.url}/api/urls/${busiest}/analytics?range=90d`, token, {
  warmup: 10,
  samples: SAMPLES,
});
await timeRequests(`GET /api/urls/{busiest}/analytics?range=7d`, `${server.url}/api/urls/${busiest}/analytics?range=7d`, token, {
  warmup: 10,
  samples: SAMPLES,
});

// The whole account as CSV: the server's peak memory must not follow the row count.
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))[1]) / 1024;
const before = rss();
let peak = before;
const watch = setInterval(() => (peak = Math.max(peak, rss())), 50);
started = performance.now();
const res = await fetch(`${server.url}/api/analytics/clicks.csv`, { headers });
let bytes = 0;
let lines = 0;
for await (const chunk of res.body) {
  bytes += chunk.length;
  for (const byte of chunk) if (byte === 10) lines++;
}
clearInterval(watch);
console.log(
  `\nGET /api/analytics/clicks.csv: ${(lines - 1).toLocaleString()} rows, ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `server RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at peak`,
);

await server.stop();
await pool.end();
await db.stop();
