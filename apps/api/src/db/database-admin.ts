// Creating, resetting and migrating databases: used at start-up and by the test setup.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** Creates the database if it is missing (connecting through the server's maintenance DB). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Empties a database completely (for a test database only). */
export async function dropAllTables(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

const prismaRunner = fileURLToPath(new URL("../../scripts/prisma.mjs", import.meta.url));

/** Prisma prints its config and warnings first and its engine's trace last; between them is what went wrong. */
function prismaError(output: string): string {
  const at = output.indexOf("Error:");
  const error = at >= 0 ? output.slice(at) : output;
  const trace = error.search(/^\s*0: /m);
  return (trace >= 0 ? error.slice(0, trace) : error).trim();
}

/** Applies pending migrations with `prisma migrate deploy`, exactly as production does; `migrationsDir` (tests of a migration) takes another set. */
export function migrateDatabase(databaseUrl: string, migrationsDir?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaRunner, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, ...(migrationsDir ? { SHORTLY_MIGRATIONS_DIR: migrationsDir } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${prismaError(output)}`));
    });
  });
}
