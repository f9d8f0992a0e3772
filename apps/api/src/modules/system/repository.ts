import type pg from "pg";
import { pendingMigrations } from "../../db/migration-status.js";

/** Health reads go through a pool of their own (plugins/pg-pool.ts). */
export function createSystemRepository(pool: pg.Pool, shippedMigrations: string[]) {
  return {
    /** The migrations this build expects and the database lacks; null when the database does not answer in time. */
    async pendingMigrations(timeoutMs: number): Promise<string[] | null> {
      const read = pendingMigrations(pool, shippedMigrations).catch(() => null);
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref());
      return Promise.race([read, timeout]);
    },
  };
}

export type SystemRepository = ReturnType<typeof createSystemRepository>;
