import type pg from "pg";
import { createClickBatchRepository } from "./click-batch-repository.js";
import { createSpoolCheckpointsRepository } from "./spool-checkpoints-repository.js";
import { createVisitorSaltsRepository } from "./visitor-salts-repository.js";

/**
 * The click writer's data access, on its own small node-postgres pool in the
 * writer thread: COPY and batches of array parameters, which plain pg does
 * for a fraction of what Prisma costs.
 */
export function createClickWriterRepository(pool: pg.Pool) {
  return {
    ...createClickBatchRepository(pool),
    ...createVisitorSaltsRepository(pool),
    ...createSpoolCheckpointsRepository(pool),
  };
}

export type ClickWriterRepository = ReturnType<typeof createClickWriterRepository>;
