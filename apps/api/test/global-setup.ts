// Gives the API tests a real, freshly migrated PostgreSQL: TEST_DATABASE_URL
// when set (its public schema is wiped), else an embedded server of our own.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { dropAllTables, ensureDatabase, migrateDatabase } from "../src/db/database-admin.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../src/db/embedded-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
let embedded: EmbeddedDatabase | null = null;

export async function setup(project: TestProject): Promise<void> {
  let databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dir: path.join(repoRoot, ".data", "test-postgres") });
    await ensureDatabase(embedded.serverUrl, "shortly_test");
    databaseUrl = embedded.databaseUrl("shortly_test");
  }
  await dropAllTables(databaseUrl);
  await migrateDatabase(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
