// Whether an embedded PostgreSQL already runs on a data directory, as its postmaster.pid tells.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { EmbeddedPostgresError } from "./embedded-postgres-error.js";

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
export async function refuseIfRunning(databaseDir: string): Promise<void> {
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
