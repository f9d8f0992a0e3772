import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { freePort } from "../../src/db/embedded-postgres.js";

const serverJs = fileURLToPath(new URL("../../dist/server.js", import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** Every server still running: killed after the file's tests, so a test that timed out leaves none behind. */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
});

function spawnServer(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [serverJs], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      JWT_SECRET: randomBytes(32).toString("hex"),
      LOG_LEVEL: "warn",
      RATE_LIMITS: "off",
      WEB_DIST_DIR: "/nonexistent",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Starts the server and waits for it to exit by itself: for starts that must be refused. */
export async function runServerToExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string; listened: boolean }> {
  const port = await freePort();
  const child = spawnServer(port, env);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output, listened: output.includes("Shortly is running") };
}

/** The built production server in its own process, as operators run it. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawnServer(port, env);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child, exited, output: () => output };
}

export interface LoadResult {
  redirects: number;
  other: number;
  failed: number;
}

/** Visits `url` from `concurrency` loops until `stop()` says so; counts only answered 302s as redirects. */
export function startLoad(
  url: string,
  concurrency = 16,
): { stop: () => Promise<LoadResult>; markCrash: () => void; readonly unansweredAtCrash: number } {
  const result: LoadResult = { redirects: 0, other: 0, failed: 0 };
  let running = true;
  let crashAt = Infinity;
  let unansweredAtCrash = 0;
  const worker = async () => {
    while (running) {
      const startedAt = performance.now();
      try {
        const res = await fetch(url, { redirect: "manual" }).catch((error: unknown) => {
          if (startedAt < crashAt && crashAt !== Infinity) unansweredAtCrash++;
          throw error;
        });
        await res.arrayBuffer();
        if (res.status === 302) result.redirects++;
        else result.other++;
      } catch {
        result.failed++;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      return result;
    },
    /** Call just before killing the server: requests sent before it that then get no answer are counted. */
    markCrash() {
      crashAt = performance.now();
    },
    /** Requests under way at the crash that never got an answer: the only visits that may be counted without a 302. */
    get unansweredAtCrash() {
      return unansweredAtCrash;
    },
  };
}
