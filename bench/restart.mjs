#!/usr/bin/env node
// pnpm bench:restart: how long a restart of an already-built checkout keeps
// the product down, from `pnpm start` to the first 200 on /health, with the
// embedded PostgreSQL (its data kept between runs, as on a developer's
// machine). The target: within 5 s. Run it after `pnpm build`.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./processes.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RESTARTS ?? 5);
const dataDir = mkdtempSync(path.join(tmpdir(), "shortly-bench-restart-"));
chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as its own user, who must enter it

async function startOnce(port) {
  const started = performance.now();
  const child = spawn("pnpm", ["start"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", DATABASE_URL: "" },
    stdio: "ignore",
    detached: true, // its own process group: pnpm and the server stop together
  });
  const deadline = started + 60_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() > deadline) throw new Error("no /health within 60 s");
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  process.kill(-child.pid, "SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  return seconds;
}

try {
  const port = await freePort();
  const first = await startOnce(port); // creates the cluster and applies migrations
  const restarts = [];
  for (let i = 0; i < RUNS; i++) restarts.push(await startOnce(port));
  restarts.sort((a, b) => a - b);
  const median = restarts[Math.floor(restarts.length / 2)];
  console.log(`first start (new cluster, migrations): ${first.toFixed(2)} s`);
  console.log(`restart, ${RUNS} runs: median ${median.toFixed(2)} s, worst ${restarts.at(-1).toFixed(2)} s (target: within 5 s)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
