#!/usr/bin/env node
// pnpm bench:storage: what one stored click costs PostgreSQL, in CPU and on
// disk, through the click writer's own batch transaction (raw rows by COPY,
// daily rollups and dimensions in one statement, 1,000 clicks a batch unless
// BENCH_STORAGE_BATCH_SIZE says otherwise), for one hot
// link and for clicks spread over 10,000 links; and the bytes a rollup row
// takes. The figures docs/capacity.md builds on.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { benchDatabase } from "./database.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { createClickWriterRepository } = await import(path.join(root, "apps/api/dist/modules/clicks/writer-repository.js"));
const BATCH = Number(process.env.BENCH_STORAGE_BATCH_SIZE ?? 1000);
const BATCHES = Number(process.env.BENCH_STORAGE_BATCHES ?? 100);
const LINKS = 10_000;

const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
const { rows } = await pool.query("INSERT INTO users (email) VALUES ('storage@example.com') RETURNING id");
const userId = rows[0].id;
await pool.query(
  `INSERT INTO links (code, long_url, user_id, updated_at)
   SELECT 'st' || lpad(i::text, 6, '0'), 'https://example.com/' || i, $1, now() FROM generate_series(1, ${LINKS}) AS i`,
  [userId],
);
const linkIds = (await pool.query("SELECT id FROM links ORDER BY id")).rows.map((r) => r.id);
const repo = createClickWriterRepository(pool);

/** CPU seconds of the one backend serving this pool (Linux /proc; its pid from PostgreSQL). */
const backendPid = (await pool.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
function backendCpuSeconds() {
  const stat = readFileSync(`/proc/${backendPid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

const BROWSERS = ["Chrome", "Safari", "Firefox", "Edge"];
const COUNTRIES = ["DE", "US", "FR", "GB", "BR", "IN", null];
function click(linkId, i) {
  return {
    linkId,
    userId,
    code: "x",
    clickedAt: new Date(),
    referrer: i % 3 ? `https://news.example.org/story/${i % 500}` : null,
    referrerHost: i % 3 ? "news.example.org" : null,
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    browser: BROWSERS[i % BROWSERS.length],
    os: i % 2 ? "Windows" : "Android",
    device: i % 2 ? "desktop" : "mobile",
    country: COUNTRIES[i % COUNTRIES.length],
    city: i % 4 ? "Berlin" : null,
    isBot: i % 20 === 0,
    visitor: String(BigInt(i) * 2654435761n),
  };
}

async function measure(label, pickLink) {
  await pool.query(
    "TRUNCATE clicks, link_daily_clicks, link_daily_dimensions, account_daily_clicks, account_daily_dimensions, link_visitor_days, account_visitor_days",
  );
  const cpuBefore = backendCpuSeconds();
  const started = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    await repo.insertBatch(
      Array.from({ length: BATCH }, (_, i) => click(pickLink(b * BATCH + i), b * BATCH + i)),
      null,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = backendCpuSeconds() - cpuBefore;
  const stored = (await pool.query("SELECT count(*)::int AS n FROM clicks")).rows[0].n;
  await pool.query("VACUUM ANALYZE clicks");
  const size = async (table) =>
    (
      await pool.query(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS b, coalesce(sum(c.reltuples), 0)::bigint AS r FROM pg_class c WHERE c.relname = $1 OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass)",
        [table],
      )
    ).rows[0];
  const raw = await size("clicks");
  const rollupTables = [
    "link_daily_clicks",
    "link_daily_dimensions",
    "account_daily_clicks",
    "account_daily_dimensions",
    "link_visitor_days",
    "account_visitor_days",
  ];
  let rollupBytes = 0;
  let rollupRows = 0;
  for (const table of rollupTables) {
    const { n } = (await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0];
    rollupRows += n;
    rollupBytes += Number((await pool.query("SELECT pg_total_relation_size($1::regclass) AS b", [table])).rows[0].b);
  }
  console.log(
    `${label}: ${stored} clicks stored in ${seconds.toFixed(1)} s; PostgreSQL CPU ${((cpu / stored) * 1e6).toFixed(1)} µs per click; ` +
      `raw clicks ${(Number(raw.b) / stored).toFixed(0)} bytes per click (table and index); ` +
      `${rollupRows} rollup rows, ${(rollupBytes / Math.max(rollupRows, 1)).toFixed(0)} bytes each`,
  );
}

console.log(`Click storage, ${BATCHES} batches of ${BATCH} through the writer's statement; database: ${db.where}\n`);
await measure("one hot link", () => linkIds[0]);
await measure(`spread over ${LINKS} links`, (i) => linkIds[i % LINKS]);
await pool.end();
await db.stop();
