import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..");

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Waits for an answer from `url` (any status), up to `seconds`. */
async function waitForHttp(url, seconds = 30) {
  for (let i = 0; i < seconds * 20; i++) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`no answer from ${url}`);
}

/**
 * A ceiling server: bare Fastify (bare-server.mjs) or bare Node http
 * (bare-node-server.mjs). `launcher`: a command Node runs under (valgrind).
 */
export async function startBare(script = "bare-server.mjs", args = [], launcher = []) {
  const port = await freePort();
  const [command, ...rest] = [...launcher, process.execPath, path.join(here, script), String(port), ...args];
  const child = spawn(command, rest, { stdio: "inherit" });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/abc1234`, launcher.length ? 300 : 30);
  return { url, pid: child.pid, stop: () => child.kill("SIGTERM") };
}

/**
 * The production server, exactly as `pnpm start` runs it, on the benchmark
 * database: this checkout's build, or the one in `checkout` (another commit's).
 * `launcher`: a command Node runs under (valgrind).
 */
export async function startShortly(databaseUrl, spoolDir, extraEnv = {}, nodeArgs = [], checkout = root, launcher = []) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [command, ...args] = [...launcher, process.execPath, ...nodeArgs, path.join(checkout, "apps/api/dist/server.js")];
  const child = spawn(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString("hex"),
      RATE_LIMITS: "off",
      LOG_LEVEL: "warn",
      SPOOL_DIR: spoolDir,
      WEB_DIST_DIR: "/nonexistent",
      ...extraEnv,
    },
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await waitForHttp(`${url}/health`, launcher.length ? 300 : 30);
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** One autocannon run in a separate process. */
export function load(url, { mode = "hot", seconds = 10, connections = 64, rate = 0, amount = 0, codes = [] } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(here, "load.mjs"), url, mode, String(seconds), String(connections), String(rate), String(amount), codes.join(",")],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
  });
}

/**
 * A process that only burns CPU at the lowest priority the machine offers
 * (Linux SCHED_IDLE through chrt, else nice 19): what any background work
 * beside the redirects, however deprioritised, does to their latency. It
 * ends by itself after `seconds`, should the benchmark die before stop().
 */
export function startIdleSpinner(seconds) {
  const burn = [process.execPath, "-e", `for (const end = Date.now() + ${Math.ceil(seconds * 1000)}; Date.now() < end; );`];
  let child = spawn("chrt", ["--idle", "0", ...burn], { stdio: "ignore" });
  child.once("error", () => {
    child = spawn("nice", ["-n", "19", ...burn], { stdio: "ignore" });
  });
  return { stop: () => child.kill("SIGKILL") };
}
