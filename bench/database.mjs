// A migrated database for the benchmarks: BENCH_DATABASE_URL as is, else a
// `shortly_bench` database on TEST_DATABASE_URL's server, else an embedded PostgreSQL.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function benchDatabase() {
  const admin = await import(path.join(root, "apps/api/dist/db/database-admin.js"));
  if (process.env.BENCH_DATABASE_URL) {
    await admin.migrateDatabase(process.env.BENCH_DATABASE_URL);
    return { url: process.env.BENCH_DATABASE_URL, where: "BENCH_DATABASE_URL", stop: async () => {} };
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
  await admin.ensureDatabase(serverUrl, "shortly_bench");
  const url = new URL(serverUrl);
  url.pathname = "/shortly_bench";
  await admin.dropAllTables(url.toString());
  await admin.migrateDatabase(url.toString());
  return { url: url.toString(), where, stop };
}
