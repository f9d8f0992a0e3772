import { startShortly, startBare } from "/work/main/bench/processes.mjs";
import { benchDatabase } from "/work/main/bench/database.mjs";
import net from "node:net";
import pg from "pg";
const db = await benchDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const { rows } = await pool.query("INSERT INTO users (email, password_hash) VALUES ('bench@example.com', NULL) RETURNING id");
await pool.query("INSERT INTO links (code, long_url, user_id, updated_at) VALUES ('hotlink', 'https://example.com/hot', $1, now())", [rows[0].id]);
const s = await startShortly(db.url, "/tmp/spool-hdr");
const b = await startBare();
for (const u of [s.url, b.url]) {
  const port = new URL(u).port;
  const out = await new Promise((res) => { const c = net.connect(port, "127.0.0.1", () => c.write("GET /hotlink HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla/5.0\r\n\r\n")); let d = ""; c.on("data", (x) => { d += x; setTimeout(() => { c.destroy(); res(d); }, 100); }); });
  console.log(JSON.stringify(out));
}
await s.stop(); b.stop(); await pool.end(); await db.stop();
