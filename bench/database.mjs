// A migrated database for the benchmarks: BENCH_DATABASE_URL as is, else a
// `shortly_bench` database on TEST_DATABASE_URL's server, else an embedded
// PostgreSQL. `serverUrl` (the server's `postgres` database) lets a benchmark
// make more databases beside it (bench:sustained's BENCH_BEFORE).
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The same server's `postgres` database: where databases are created and dropped. */
function maintenanceUrl(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return url.toString();
}

export async function benchDatabase() {
  const admin = await import(path.join(root, "apps/api/dist/db/database-admin.js"));
  if (process.env.BENCH_DATABASE_URL) {
    await admin.migrateDatabase(process.env.BENCH_DATABASE_URL);
    const serverUrl = maintenanceUrl(process.env.BENCH_DATABASE_URL);
    return { url: process.env.BENCH_DATABASE_URL, serverUrl, where: "BENCH_DATABASE_URL", stop: async () => {} };
  }
  let serverUrl;
  let stop = async () => {};
  let where;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = maintenanceUrl(process.env.TEST_DATABASE_URL);
    where = "the PostgreSQL of TEST_DATABASE_URL";
  } else {
    const { startEmbeddedPostgres } = await import(path.join(root, "apps/api/dist/db/embedded-postgres.js"));
    const embedded = await startEmbeddedPostgres({ dir: path.join(root, ".data", "bench-postgres") });
    serverUrl = embedded.serverUrl;
    stop = () => embedded.stop();
    where = "an embedded PostgreSQL";
  }
  const url = await freshDatabase(serverUrl, "shortly_bench", root);
  return { url, serverUrl, where, stop };
}

/**
 * An empty database `name` on `serverUrl`, migrated by the build in
 * `checkout` (its own migrations: another commit's build gets its own schema).
 */
export async function freshDatabase(serverUrl, name, checkout) {
  const admin = await import(path.join(checkout, "apps/api/dist/db/database-admin.js"));
  await admin.ensureDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await admin.dropAllTables(url.toString());
  await admin.migrateDatabase(url.toString());
  return url.toString();
}

/**
 * Drops database `name` and writes out the server's dirty pages, so what it
 * left to vacuum and checkpoint is not charged to the rounds that follow.
 */
export async function dropDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query("CHECKPOINT").catch((error) => {
      console.warn(`No CHECKPOINT (${error.message}): writes left by ${name} may be charged to the next rounds.`);
    });
  } finally {
    await client.end();
  }
}
