import { createMemoryQueue } from "./click-memory-queue.js";
import type { WriterLog } from "./click-writer-types.js";
import { createSpoolReader } from "./spool-files.js";
import type { SpooledClick } from "./spool-format.js";

export interface ClickBacklogOptions {
  spool: { dir: string; spoolId: string } | null;
  maxInMemory: number;
  resume?: { lastSeq: number };
  log: WriterLog;
}

/**
 * What the click writer has yet to store, and where it is: in memory while
 * it fits, else only in the spool, read back from disk until the writer has
 * caught up. Positions are spool sequence numbers.
 */
export function createClickBacklog({ spool, maxInMemory, resume, log }: ClickBacklogOptions) {
  const memory = createMemoryQueue();
  const reader = spool && createSpoolReader(spool.dir, spool.spoolId);
  /** Clicks beyond the memory bound are only in the spool until the writer catches up. */
  let spilled = resume !== undefined && spool !== null;
  let committedSeq = 0;
  let lastSeq = resume?.lastSeq ?? 0;

  const caughtUp = () => committedSeq >= lastSeq;

  return {
    caughtUp,
    /** Takes spool lines up to `seq`; false when they were taken before. */
    add(lines: string, seq: number): boolean {
      if (seq <= lastSeq) return false;
      lastSeq = seq;
      if (spilled) return true;
      if (lastSeq - committedSeq <= maxInMemory) memory.push(lines);
      else if (spool) {
        spilled = true; // from here the writer reads the spool; memory would only duplicate it
        memory.clear();
      } else {
        // Without a spool there is nowhere else to keep them: the oldest go, loudly.
        memory.push(lines);
        const { dropped, firstSeq } = memory.keepNewest(maxInMemory);
        committedSeq = firstSeq - 1; // gone: no longer pending
        log.error({ maxInMemory, dropped }, "click queue full and no spool; dropped the oldest clicks");
      }
      return true;
    },
    /** The next batch of up to `limit` clicks; empty when everything is stored. */
    next(limit: number): SpooledClick[] {
      const batch = spilled && reader ? reader.readAfter(committedSeq, limit) : memory.next(limit, committedSeq);
      if (batch.length === 0 && spilled && caughtUp()) spilled = false;
      return batch;
    },
    /** `batch`, the last one `next` gave, is stored. */
    stored(batch: SpooledClick[]) {
      committedSeq = batch.at(-1)!.seq;
      if (!spilled) memory.drop(batch.length);
      else if (caughtUp()) spilled = false;
    },
    /** The database says everything up to `seq` is stored (after a write whose outcome is unknown). */
    storedUpTo(seq: number) {
      committedSeq = Math.max(committedSeq, seq);
      memory.keepAfter(committedSeq);
    },
    get committedSeq() {
      return committedSeq;
    },
    get spilled() {
      return spilled;
    },
    get pending() {
      return lastSeq - committedSeq;
    },
  };
}
