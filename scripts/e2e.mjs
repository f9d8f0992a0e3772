#!/usr/bin/env node
// Runs the browser suite in a real Chromium through the production topology:
// nginx.conf in front of two API instances sharing Redis, as users reach it.
// On a developer's machine a missing Chromium, nginx or Redis (or E2E_DIRECT=1)
// gives a smaller run, said loudly; under CI=true each of them fails the run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";

/** True when a Redis answers PING at the URL (the API instances then share limits through it). */
function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

const inCi = /^(1|true)$/i.test(process.env.CI ?? "");
const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const chromium = candidates.find((p) => p && existsSync(p));

if (!chromium) {
  const banner = "#".repeat(72);
  console.error(
    `\n${banner}\n#  END-TO-END TESTS SKIPPED: no Chromium found.\n#  Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.\n${banner}\n`,
  );
  process.exit(inCi ? 1 : 0);
}

/** A developer may run a smaller suite; CI never runs one silently. */
function downgrade(what) {
  if (inCi) {
    console.error(`\nCI=true: refusing to run the browser suite ${what}. CI runs it in the production topology.\n`);
    process.exit(1);
  }
  console.log(`Browser suite ${what} (not in CI, so allowed)`);
}

const hasNginx = spawnSync(process.env.NGINX_PATH ?? "nginx", ["-v"], { stdio: "ignore" }).status === 0;
if (!hasNginx) downgrade("without nginx (none found: apt-get install nginx-light)");
if (process.env.E2E_DIRECT === "1") downgrade("against the API directly (E2E_DIRECT=1)");
const env = { ...process.env, CHROMIUM_PATH: chromium };
let stack = null;
if (hasNginx && process.env.E2E_DIRECT !== "1") {
  const { startStack } = await import("../deploy/stack.mjs");
  const { e2eApiEnv } = await import("../apps/web/e2e/api-env.mjs");
  // Several instances need Redis to share rate limits, as in production; without it, one instance.
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const shared = await redisAnswers(redisUrl);
  if (!shared) downgrade(`with one API instance (no Redis answers at ${redisUrl})`);
  const apiInstances = shared ? 2 : 1;
  stack = await startStack({
    databaseName: "shortly_e2e",
    host: "localhost",
    apiInstances,
    env: { ...e2eApiEnv, ...(shared ? { REDIS_URL: redisUrl } : {}) },
  });
  env.E2E_BASE_URL = stack.baseUrl;
  // For operator tools the suite runs as an operator would (pnpm admin grant).
  env.E2E_DATABASE_URL = stack.databaseUrl;
  console.log(`Browser suite through nginx at ${stack.baseUrl} (${apiInstances} API instance(s)${shared ? ", sharing Redis" : ""})`);
}

// Arguments go to Playwright (`node scripts/e2e.mjs links-import` runs one spec).
const result = spawnSync("pnpm", ["--filter", "@shortly/web", "run", "e2e", ...process.argv.slice(2)], { stdio: "inherit", env });
await stack?.stop();
process.exit(result.status ?? 1);
