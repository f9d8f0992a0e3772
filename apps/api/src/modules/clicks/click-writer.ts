import { replayLeftoverSpools } from "./replay-leftover-spools.js";
import { createClickBacklog } from "./click-backlog.js";
import type { EnrichedClick } from "./click.js";
import type { ClickWriter, ClickWriterOptions } from "./click-writer-types.js";

const DRAIN_BATCH_SIZE = 5_000;

/**
 * Stores spooled clicks in PostgreSQL in batches, with the spool position in
 * the same transaction, so a batch is stored exactly once even if it is retried
 * or replayed after a crash. Runs in the click writer thread.
 */
export function createClickWriter({
  repo,
  enrich,
  onStored,
  onCommitted,
  spool,
  log,
  flushIntervalMs = 50,
  maxBatchSize = 200_000,
  maxInMemory = 100_000,
  resume,
  maxDeferMs = 0,
  drainBudgetMs = 20_000,
  now = Date.now,
}: ClickWriterOptions): ClickWriter {
  const backlog = createClickBacklog({ spool, maxInMemory, resume, log });
  let busy = false;
  /** When the oldest unwritten click arrived (at least); null when everything is written. */
  let waitingSince: number | null = resume ? now() : null;
  let resync = backlog.spilled;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let failures = 0;
  let closed = false;

  /** Redirects first: while they saturate their event loop, clicks wait (on disk) up to maxDeferMs. */
  const deferring = () => busy && maxDeferMs > 0 && waitingSince !== null && now() - waitingSince < maxDeferMs;

  const schedule = (delay: number) => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      if (deferring()) return schedule(flushIntervalMs);
      flush({ yielding: true }).catch(() => {}); // logged below; the retry is scheduled
    }, delay);
  };

  /** After a failed write we cannot know whether it committed: ask the checkpoint. */
  async function resyncWithCheckpoint(): Promise<void> {
    if (!spool) return;
    backlog.storedUpTo((await repo.checkpoints([spool.spoolId])).get(spool.spoolId) ?? 0);
  }

  /** Stores the next batch of up to `limit` clicks; false when there was none. */
  async function writeOnce(limit = maxBatchSize): Promise<boolean> {
    if (resync) {
      await resyncWithCheckpoint();
      resync = false;
    }
    const batch = backlog.next(limit);
    if (batch.length === 0) return false;
    let stored: EnrichedClick[];
    try {
      stored = await enrich(batch);
      await repo.insertBatch(stored, spool ? { spoolId: spool.spoolId, lastSeq: batch.at(-1)!.seq } : null);
    } catch (error) {
      resync = true;
      throw error;
    }
    backlog.stored(batch);
    if (backlog.caughtUp()) waitingSince = null;
    onCommitted?.(backlog.committedSeq);
    try {
      onStored?.(stored);
    } catch (err) {
      log.error({ err }, "publishing stored clicks failed");
    }
    return true;
  }

  /** Writes until caught up; a timer's run (`yielding`) stops early when the redirects get busy. */
  const flush = async ({ yielding = false } = {}): Promise<void> => {
    // One writer at a time: several callers may be waiting for the same run, and
    // only the first to wake may start the next (two would write one batch twice).
    while (flushing) await flushing.catch(() => {});
    flushing = (async () => {
      // close() ends a run at its next batch: the drain at shutdown has its own time budget.
      while (!closed && !(yielding && deferring()) && (await writeOnce()));
      if (yielding && !backlog.caughtUp()) schedule(flushIntervalMs);
    })()
      .then(() => {
        failures = 0;
      })
      .catch((err: unknown) => {
        failures++;
        const retryInMs = Math.min(flushIntervalMs * 2 ** failures, 5_000);
        log.error({ err, unwritten: backlog.pending, spilled: backlog.spilled, retryInMs }, "writing clicks failed; will retry");
        schedule(retryInMs);
        throw err;
      })
      .finally(() => {
        flushing = null;
      });
    return flushing;
  };

  return {
    add(lines, seq) {
      if (!backlog.add(lines, seq)) return;
      waitingSince ??= now();
      schedule(flushIntervalMs);
    },
    setBusy(value) {
      busy = value;
    },
    flush: () => flush(),
    async start() {
      try {
        if (spool) await replayLeftoverSpools({ spool, repo, enrich, log, maxBatchSize });
        if (backlog.spilled) schedule(0);
      } catch (err) {
        log.error({ err }, "replaying earlier clicks failed; will retry");
        setTimeout(() => void this.start(), 5_000);
      }
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const deadline = now() + drainBudgetMs;
      while (flushing) await flushing.catch(() => {});
      // Drain within the budget; what is left (only after a long burst) stays in the spool for the next start.
      flushing = (async () => {
        for (let failed = 0; !backlog.caughtUp() && now() < deadline;) {
          try {
            // Smaller batches: the deadline is checked between them, and the process must exit by its own.
            if (!(await writeOnce(Math.min(maxBatchSize, DRAIN_BATCH_SIZE)))) break;
            failed = 0;
          } catch (err) {
            log.error({ err }, "writing clicks at shutdown failed");
            if (++failed === 3) break;
            await new Promise((r) => setTimeout(r, 200 * 2 ** failed));
          }
        }
      })().finally(() => {
        flushing = null;
      });
      await flushing;
      return backlog.committedSeq;
    },
    get pending() {
      return backlog.pending;
    },
  };
}
