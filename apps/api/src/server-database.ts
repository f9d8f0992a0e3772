import path from "node:path";
import { ensureDatabase } from "./db/database-admin.js";
import { migrateOnStart } from "./db/migrations.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./db/embedded-postgres.js";

/** A start-up step failed in a way the message explains; no stack needed. */
export class StartupError extends Error {}

/**
 * The database the server runs on, its schema brought up to this build: the
 * one at `configuredUrl`, or without one the embedded PostgreSQL (`embedded`,
 * stopped by the caller at shutdown).
 */
export async function startDatabase(
  configuredUrl: string | undefined,
  dataDir: string,
): Promise<{ databaseUrl: string; embedded: EmbeddedDatabase | null }> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = configuredUrl;
  if (!databaseUrl) {
    console.log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${path.join(dataDir, "postgres")})`);
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), log: console.log });
    await ensureDatabase(embedded.serverUrl, "shortly");
    databaseUrl = embedded.databaseUrl("shortly");
  }
  // Every start brings the schema up to this build, before anything listens.
  await migrateOnStart(databaseUrl, console.log).catch((error: unknown) => {
    throw new StartupError(
      `The database schema could not be brought up to date (${databaseUrl.replace(/\/\/[^@]*@/, "//")}): ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return { databaseUrl, embedded };
}
