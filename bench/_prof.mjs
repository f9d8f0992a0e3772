import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { execSync } from "node:child_process";
import { benchDatabase } from "./database.mjs";
import { load, startShortly } from "./processes.mjs";
import { procCpu } from "./_cpu.mjs";
const MODE = process.argv[2] ?? "hot";
const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const { rows } = await pool.query("INSERT INTO users (email, password_hash) VALUES ('bench@example.com', NULL) RETURNING id");
await pool.query(`INSERT INTO links (code, long_url, user_id, updated_at) SELECT 'sp' || lpad(i::text, 6, '0'), 'https://example.com/' || i, $1, now() FROM generate_series(1, 10000) AS i`, [rows[0].id]);
await pool.query("INSERT INTO links (code, long_url, user_id, updated_at) VALUES ('hotlink', 'https://example.com/hot', $1, now())", [rows[0].id]);
const codes = Array.from({ length: 10000 }, (_, i) => `sp${String(i + 1).padStart(6, "0")}`);
const dir = mkdtempSync(path.join(tmpdir(), "prof-"));
const shortly = await startShortly(db.url, mkdtempSync(path.join(tmpdir(), "spool-")), JSON.parse(process.env.EXTRA_ENV ?? "{}"), process.env.PROF ? ["--cpu-prof", "--cpu-prof-dir", dir] : []);
for (let i = 0; i < codes.length; i += 200) await Promise.all(codes.slice(i, i + 200).map((code) => fetch(`${shortly.url}/${code}`, { redirect: "manual" }).then((r) => r.arrayBuffer())));
await load(`${shortly.url}/hotlink`, { seconds: 3, mode: MODE, codes });
const cpu = () => procCpu(shortly.pid);
const before = cpu();
const r = await load(`${shortly.url}/hotlink`, { seconds: 10, mode: MODE, codes });
const after = cpu(); const top = Object.keys(after).map((k) => `${k}: ${((after[k] - (before[k] ?? 0)) / 10).toFixed(2)} cores`).join(", ");
console.log(MODE, JSON.stringify(r));
// wait until stored
const served = r.redirects;
await new Promise((res) => setTimeout(res, 3000));
await shortly.stop();
await pool.end(); await db.stop();
console.log(top);
if (process.env.PROF) {
  const file = readdirSync(dir).find((f) => f.split(".")[4] === "0");
  const prof = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  const self = new Map(); const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const dt = new Map(); let ts = prof.startTime; const lo = prof.endTime - 13.3e6, hi = prof.endTime - 3.5e6; prof.samples.forEach((s, i) => { ts += prof.timeDeltas[i] ?? 0; if (ts >= lo && ts <= hi) dt.set(s, (dt.get(s) ?? 0) + (prof.timeDeltas[i] ?? 0)); });
  let total = 0; const byFile = new Map();
  for (const [id, t] of dt) { const n = byId.get(id); const cf = n.callFrame; const key = `${cf.functionName || "(anon)"} ${cf.url.replace(/.*node_modules\//, "").replace(/.*\/apps\//, "")}:${cf.lineNumber}`; if (cf.functionName === "(idle)") continue; self.set(key, (self.get(key) ?? 0) + t); total += t; const f = cf.url.replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*/, "$1").replace(/.*\/apps\//, "").replace(/^node:.*/, "node-internal") || cf.functionName; byFile.set(f, (byFile.get(f) ?? 0) + t); }
  for (const [k, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log("FILE", (t / total * 100).toFixed(1).padStart(5), k);
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((t / total * 100).toFixed(1).padStart(5), k);
}
