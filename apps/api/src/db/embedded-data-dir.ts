// An embedded cluster's files before its server starts: the folder, the
// password kept beside it, and whether the server may use them.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { EmbeddedPostgresError } from "./embedded-postgres-error.js";
import { closedFolderForPostgresUser, embeddedBinariesDir } from "./postgres-user-access.js";
import { refuseIfRunning } from "./postmaster-pid.js";

/** Readies `databaseDir` for a server to start on; returns the cluster's password. */
export async function prepareDataDir(databaseDir: string): Promise<string> {
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
  return password;
}

async function loadOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
