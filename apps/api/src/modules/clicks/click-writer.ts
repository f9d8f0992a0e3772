import { replayLeftoverSpools } from "./replay-leftover-spools.js";
import { createSpoolReader } from "./spool-files.js";
import { createMemoryQueue } from "./click-memory-queue.js";
import type { ClickEnricher } from "./click-enricher.js";
import type { EnrichedClick } from "./click.js";
import type { ClickWriterRepository } from "./writer-repository.js";

/** The few log calls the writer makes; pino's signature, so any pino logger fits. */
export interface WriterLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const DRAIN_BATCH_SIZE = 5_000;

export interface ClickWriterOptions {
  repo: Pick<ClickWriterRepository, "insertBatch" | "checkpoints" | "forgetCheckpoints">;
  /** Parses and geolocates a batch just before it is written. */
  enrich: ClickEnricher;
  /** Told about each batch once it is stored (the live view); not for clicks replayed from an earlier run. */
  onStored?: (clicks: EnrichedClick[]) => void;
  /** Told how far into the spool everything is stored, so the spool can drop what it no longer needs. */
  onCommitted?: (seq: number) => void;
  /** This process's spool, to read back after spilling and to checkpoint; null: clicks live in memory only. */
  spool: { dir: string; spoolId: string } | null;
  log: WriterLog;
  /** How long a click may wait before its batch is written. */
  flushIntervalMs?: number;
  /**
   * The most clicks one transaction stores. Batches are whatever waits, up
   * to this: under light load a few clicks every flush interval; behind (a
   * burst, or after deferring to the redirects) large ones, whose rollup rows
   * each count many clicks, so catching up costs less per click.
   */
  maxBatchSize?: number;
  /** Clicks held in memory; beyond it they are read back from the spool (or, without one, dropped loudly). */
  maxInMemory?: number;
  /** A restarted writer (memory held nothing): read the spool from its checkpoint up to `lastSeq`. */
  resume?: { lastSeq: number };
  /**
   * While the redirects keep their event loop saturated, clicks may wait this
   * long before the writer takes CPU from them; 0 writes at once regardless.
   */
  maxDeferMs?: number;
  /** How long close() may spend writing what is left; the rest waits in the spool for the next start. */
  drainBudgetMs?: number;
  now?: () => number;
}

export interface ClickWriter {
  /** Spool lines (clicks already on disk, in sequence order) up to `lastSeq`; parsed only when written. */
  add(lines: string, lastSeq: number): void;
  /** Whether the redirects' event loop is saturated (then writing waits, up to maxDeferMs). */
  setBusy(busy: boolean): void;
  /** Writes everything added so far. */
  flush(): Promise<void>;
  /** Replays spools left by an earlier run (after a crash), then keeps retrying until it can. */
  start(): Promise<void>;
  /** Stops the timer and drains; resolves to how far into the spool everything is stored. */
  close(): Promise<number>;
  readonly pending: number;
}

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
  maxBatchSize = 50_000,
  maxInMemory = 100_000,
  resume,
  maxDeferMs = 0,
  drainBudgetMs = 20_000,
  now = Date.now,
}: ClickWriterOptions): ClickWriter {
  const memory = createMemoryQueue();
  let busy = false;
  /** When the oldest unwritten click arrived (at least); null when everything is written. */
  let waitingSince: number | null = resume ? now() : null;
  const reader = spool && createSpoolReader(spool.dir, spool.spoolId);
  /** Clicks beyond the memory bound are only in the spool until the writer catches up. */
  let spilled = resume !== undefined && spool !== null;
  let committedSeq = 0;
  let lastSeq = resume?.lastSeq ?? 0;
  let resync = spilled;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let failures = 0;
  let closed = false;

  const caughtUp = () => committedSeq >= lastSeq;

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
    const stored = (await repo.checkpoints([spool.spoolId])).get(spool.spoolId) ?? 0;
    committedSeq = Math.max(committedSeq, stored);
    memory.keepAfter(committedSeq);
  }

  /** Stores the next batch of up to `limit` clicks; false when there was none. */
  async function writeOnce(limit = maxBatchSize): Promise<boolean> {
    if (resync) {
      await resyncWithCheckpoint();
      resync = false;
    }
    const batch = spilled && reader ? reader.readAfter(committedSeq, limit) : memory.next(limit, committedSeq);
    if (batch.length === 0) {
      if (spilled && caughtUp()) spilled = false;
      return false;
    }
    let stored: EnrichedClick[];
    try {
      stored = await enrich(batch);
      await repo.insertBatch(stored, spool ? { spoolId: spool.spoolId, lastSeq: batch.at(-1)!.seq } : null);
    } catch (error) {
      resync = true;
      throw error;
    }
    committedSeq = batch.at(-1)!.seq;
    if (!spilled) memory.drop(batch.length);
    else if (caughtUp()) spilled = false;
    if (caughtUp()) waitingSince = null;
    onCommitted?.(committedSeq);
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
      if (yielding && !caughtUp()) schedule(flushIntervalMs);
    })()
      .then(() => {
        failures = 0;
      })
      .catch((err: unknown) => {
        failures++;
        const retryInMs = Math.min(flushIntervalMs * 2 ** failures, 5_000);
        log.error({ err, unwritten: lastSeq - committedSeq, spilled, retryInMs }, "writing clicks failed; will retry");
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
      if (seq <= lastSeq) return;
      lastSeq = seq;
      waitingSince ??= now();
      if (!spilled) {
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
      }
      schedule(flushIntervalMs);
    },
    setBusy(value) {
      busy = value;
    },
    flush: () => flush(),
    async start() {
      try {
        if (spool) await replayLeftoverSpools({ spool, repo, enrich, log, maxBatchSize });
        if (spilled) schedule(0);
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
        for (let failed = 0; !caughtUp() && now() < deadline;) {
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
      return committedSeq;
    },
    get pending() {
      return lastSeq - committedSeq;
    },
  };
}
