// Starts the production topology on loopback ports: PostgreSQL (the test
// server or an embedded one), N API instances from the built server, and the
// real nginx binary with the repo's nginx.conf in front. Used by the deploy
// tests and by the browser suite in CI.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderNginxConfig } from "./nginx-template.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const apiServer = path.join(root, "apps/api/dist/server.js");
const webRoot = path.join(root, "apps/web/dist");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/** A fresh, migrated database: on TEST_DATABASE_URL's server, else an embedded PostgreSQL. */
async function startDatabase(name) {
  const admin = await import(path.join(root, "apps/api/dist/db/database-admin.js"));
  let serverUrl;
  let stop = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = "/postgres";
    serverUrl = url.toString();
  } else {
    const { startEmbeddedPostgres } = await import(path.join(root, "apps/api/dist/db/embedded-postgres.js"));
    const embedded = await startEmbeddedPostgres({ dir: path.join(root, ".data", "deploy-postgres") });
    serverUrl = embedded.serverUrl;
    stop = () => embedded.stop();
  }
  await admin.ensureDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await admin.dropAllTables(databaseUrl);
  await admin.migrateDatabase(databaseUrl);
  return { databaseUrl, stop };
}

function startProcess(command, args, env, label) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.on("exit", (code, signal) => {
    if (code && code !== 0) process.stderr.write(`[${label}] exited with ${code ?? signal}\n${output}\n`);
  });
  return { child, output: () => output };
}

function stopProcess(proc, signal = "SIGTERM") {
  return new Promise((resolve) => {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return resolve();
    proc.child.once("exit", () => resolve());
    proc.child.kill(signal);
  });
}

/**
 * @param {{ apiInstances?: number, databaseName?: string, host?: string, env?: Record<string, string> }} options
 *   host: the name users (and PUBLIC_URL) use for nginx, which listens on 127.0.0.1.
 *   env: extra settings for every API instance.
 */
export async function startStack({ apiInstances = 1, databaseName = "shortly_deploy", host = "127.0.0.1", env: extraEnv = {} } = {}) {
  const db = await startDatabase(databaseName);
  const nginxPort = await freePort();
  const baseUrl = `http://${host}:${nginxPort}`;
  const jwtSecret = randomBytes(32).toString("base64url");
  const apiPorts = [];
  for (let i = 0; i < apiInstances; i++) apiPorts.push(await freePort());

  const apis = [];
  // Each instance keeps its own click spool (shared spools would replay each other's live clicks).
  const spoolDirs = apiPorts.map(() => mkdtempSync(path.join(tmpdir(), "shortly-spool-")));
  const startApi = async (i) => {
    const env = {
      NODE_ENV: "production",
      PORT: String(apiPorts[i]),
      HOST: "127.0.0.1",
      DATABASE_URL: db.databaseUrl,
      JWT_SECRET: jwtSecret,
      PUBLIC_URL: baseUrl,
      // nginx connects from 127.0.0.1; visitors may come from elsewhere on loopback.
      TRUST_PROXY: "127.0.0.1",
      LOG_LEVEL: "warn",
      WEB_DIST_DIR: path.join(tmpdir(), "no-web-build"), // nginx serves the SPA
      SPOOL_DIR: spoolDirs[i],
      ...extraEnv,
    };
    apis[i] = startProcess(process.execPath, [apiServer], env, `api-${i}`);
    await waitFor(`http://127.0.0.1:${apiPorts[i]}/health`);
  };
  for (let i = 0; i < apiInstances; i++) await startApi(i);

  const dir = mkdtempSync(path.join(tmpdir(), "shortly-nginx-"));
  chmodSync(dir, 0o755);
  const config = renderNginxConfig(readFileSync(path.join(root, "nginx.conf"), "utf8"), {
    LISTEN_PORT: `127.0.0.1:${nginxPort}`,
    WEB_ROOT: webRoot,
    API_UPSTREAM_SERVERS: apiPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n    "),
  });
  const configFile = path.join(dir, "nginx.conf");
  writeFileSync(configFile, config);
  const nginxBin = process.env.NGINX_PATH ?? "nginx";
  const nginx = startProcess(
    nginxBin,
    ["-c", configFile, "-p", dir, "-e", "stderr", "-g", `daemon off; pid ${dir}/nginx.pid;`],
    {},
    "nginx",
  );
  await waitFor(`${baseUrl}/health`, 15_000).catch((error) => {
    throw new Error(`${error.message}\n${nginx.output()}`);
  });

  return {
    baseUrl,
    databaseUrl: db.databaseUrl,
    apiPorts,
    configFile,
    startApi,
    stopApi: (i, signal) => stopProcess(apis[i], signal),
    async stop() {
      await stopProcess(nginx, "SIGQUIT");
      await Promise.all(apis.map((api) => stopProcess(api)));
      await db.stop();
    },
  };
}
