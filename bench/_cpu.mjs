import { readdirSync, readFileSync } from "node:fs";
import { load, startBare } from "./processes.mjs";
export const procCpu = (serverPid) => { const out = {}; const s = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number); out.idle = (s[3] + s[4]) / 100; for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) { try { const st = readFileSync(`/proc/${pid}/stat`, "utf8"); const name = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")")); const f = st.slice(st.lastIndexOf(")") + 2).split(" "); const t = (Number(f[11]) + Number(f[12])) / 100; const key = Number(pid) === serverPid ? "server" : name.startsWith("postgres") ? "postgres" : name === "node" ? "node-other" : "other"; out[key] = (out[key] ?? 0) + t; if (key === "server") for (const tid of readdirSync(`/proc/${pid}/task`)) { const s2 = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8"); const n2 = s2.slice(s2.indexOf("(") + 1, s2.lastIndexOf(")")); const f2 = s2.slice(s2.lastIndexOf(")") + 2).split(" "); const k2 = `  t:${n2}${tid === pid ? "(main)" : "/" + tid}`; out[k2] = (out[k2] ?? 0) + (Number(f2[11]) + Number(f2[12])) / 100; } } catch {} } return out; };
if (process.argv[2] === "bare") {
  const bare = await startBare();
  await load(`${bare.url}/x`, { seconds: 3 });
  const before = procCpu(bare.pid);
  const r = await load(`${bare.url}/hotlink`, { seconds: 10 });
  const after = procCpu(bare.pid);
  console.log(JSON.stringify(r), Object.keys(after).map((k) => `${k}: ${((after[k] - (before[k] ?? 0)) / 10).toFixed(2)}`).join(", "));
  bare.stop();
}
