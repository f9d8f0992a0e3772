// A migrated database for the benchmarks: BENCH_DATABASE_URL as is, else a
// `shortly_bench` database on TEST_DATABASE_URL's server, else an embedded PostgreSQL.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function benchDatabase() {
  const admin = await import(path.join(root, "apps/api/dist/db/database-admin.js"));
  if (process.env.BENCH_DATABASE_URL) {
    await admin.migrateDatabase(process.env.BENCH_DATABASE_URL);
    const serverUrl = new URL(process.env.BENCH_DATABASE_URL);
    serverUrl.pathname = "/postgres";
    return { url: process.env.BENCH_DATABASE_URL, serverUrl: serverUrl.toString(), where: "BENCH_DATABASE_URL", stop: async () => {} };
  }
  let serverUrl;
  let stop = async () => {};
  let where;
  if (process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = "/postgres";
    serverUrl = url.toString();
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
