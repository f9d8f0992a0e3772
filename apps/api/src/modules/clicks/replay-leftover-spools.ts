import type { ClickEnricher } from "./click-enricher.js";
import type { WriterLog } from "./click-writer-types.js";
import { readLeftoverSpools, removeSpoolFiles } from "./spool-files.js";
import type { ClickWriterRepository } from "./writer-repository.js";

export interface ReplayOptions {
  /** This run's spool: its folder holds the earlier runs' spools too. */
  spool: { dir: string; spoolId: string };
  repo: Pick<ClickWriterRepository, "insertBatch" | "checkpoints" | "forgetCheckpoints">;
  enrich: ClickEnricher;
  log: WriterLog;
  maxBatchSize: number;
}

/**
 * Stores what earlier runs of this instance spooled and did not store (a
 * crash, or a shutdown without the database): only clicks past each spool's
 * checkpoint, so none is stored twice; then its files and checkpoint go.
 */
export async function replayLeftoverSpools({ spool, repo, enrich, log, maxBatchSize }: ReplayOptions): Promise<void> {
  for (const { spoolId, clicks } of readLeftoverSpools(spool.dir, spool.spoolId)) {
    const done = (await repo.checkpoints([spoolId])).get(spoolId) ?? 0;
    const todo = clicks.filter((c) => c.seq > done);
    for (let i = 0; i < todo.length; i += maxBatchSize) {
      const batch = todo.slice(i, i + maxBatchSize);
      await repo.insertBatch(await enrich(batch), { spoolId, lastSeq: batch.at(-1)!.seq });
    }
    removeSpoolFiles(spool.dir, spoolId);
    await repo.forgetCheckpoints([spoolId]);
    if (todo.length) log.info({ spoolId, replayed: todo.length }, "replayed clicks from an earlier run");
  }
}
