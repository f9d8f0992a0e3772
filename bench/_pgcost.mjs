import pg from "pg";
import { readFileSync } from "node:fs";
const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:5432/shortly_bench", max: 1 });
const src = readFileSync("apps/api/dist/modules/clicks/repository.js", "utf8");
const m = src.match(/const INSERT_BATCH = `([\s\S]*?)`;/); const INSERT = m[1];
const { rows: links } = await pool.query("SELECT id FROM links ORDER BY id LIMIT 10001");
const N = 2000;
function batch(spread) {
  const cols = [[], [], [], [], [], [], [], [], [], [], [], []];
  for (let i = 0; i < N; i++) {
    const l = spread ? links[Math.floor(Math.random() * links.length)].id : links.at(-1).id;
    const v = [l, new Date().toISOString(), null, null, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "Windows", "desktop", null, null, false, String(BigInt(Math.floor(Math.random() * 1e15)))];
    v.forEach((x, j) => cols[j].push(x));
  }
  return cols;
}
const RAW = `INSERT INTO clicks (link_id, clicked_at, referrer, referrer_host, user_agent, browser, os, device, country, city, is_bot, visitor)
SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bool[], $12::int8[])`;
async function time(name, sql, spread, params = (b) => [...b, "x", 1, true]) {
  let t = 0; const R = 8;
  for (let r = 0; r < R; r++) { const b = batch(spread); const s = process.hrtime.bigint(); await pool.query(sql, params(b)); t += Number(process.hrtime.bigint() - s) / 1e6; }
  console.log(name.padEnd(40), (t / R / N * 1000).toFixed(1), "µs/click");
}
await pool.query("CHECKPOINT");
for (const spread of [false, true]) {
  await time(`full ${spread ? "spread" : "hot"}`, INSERT, spread);
  await time(`raw only ${spread ? "spread" : "hot"}`, RAW, spread, (b) => b);
}
await pool.query("ALTER TABLE clicks DROP CONSTRAINT clicks_link_id_fkey");
await time(`raw no fk`, RAW, true, (b) => b);
await pool.query("DROP INDEX clicks_link_id_clicked_at_idx");
await time(`raw no fk no idx`, RAW, true, (b) => b);
await pool.end();
