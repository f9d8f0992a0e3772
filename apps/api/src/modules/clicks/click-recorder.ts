import type { FastifyBaseLogger } from "fastify";
import { readLeftoverSpools, removeSpoolFiles, type ClickSpool, type SpooledClick } from "./click-spool.js";
import type { ClickEnricher } from "./click-enricher.js";
import type { ClicksRepository, EnrichedClick, NewClick } from "./repository.js";

export interface ClickRecorderOptions {
  repo: Pick<ClicksRepository, "insertBatch" | "checkpoints" | "forgetCheckpoints">;
  /** Parses and geolocates a batch just before it is written. */
  enrich: ClickEnricher;
  /** Told about each batch once it is stored (the live view); not for clicks replayed from an earlier run. */
  onStored?: (clicks: EnrichedClick[]) => void;
  /** The on-disk log that makes answered clicks survive a crash; null keeps clicks in memory only. */
  spool: ClickSpool | null;
  log: FastifyBaseLogger;
  /** How long a click may wait before its batch is written. */
  flushIntervalMs?: number;
  maxBatchSize?: number;
  /** Clicks held in memory; beyond it they are read back from the spool (or, without one, dropped loudly). */
  maxInMemory?: number;
}

export interface ClickRecorder {
  /**
   * Spools and queues a click. Resolves once the click is on disk (the spool
   * is written once per event-loop turn for every click of that turn), so the
   * redirect is answered only after that. Throws SpoolFullError when the click
   * cannot be kept.
   */
  record(click: NewClick): Promise<void>;
  /** Writes everything queued so far (tests, shutdown). */
  flush(): Promise<void>;
  /** Replays spools left by an earlier run (after a crash), then keeps retrying until it can. */
  start(): Promise<void>;
  /** Stops the timer and drains the queue; what cannot be written stays in the spool. */
  close(): Promise<void>;
  readonly pending: number;
}

/**
 * Click ingestion off the visitor's path. Every click is first appended to
 * the spool (synchronously, before the 302), then written to PostgreSQL in
 * batches with the spool position in the same statement, so a batch is
 * stored exactly once even if it is retried or replayed after a crash.
 */
export function createClickRecorder({
  repo,
  enrich,
  onStored,
  spool,
  log,
  flushIntervalMs = 50,
  maxBatchSize = 2000,
  maxInMemory = 100_000,
}: ClickRecorderOptions): ClickRecorder {
  let memory: SpooledClick[] = [];
  /** Clicks beyond the memory bound are only in the spool until the writer catches up. */
  let spilled = false;
  let committedSeq = 0;
  let localSeq = 0;
  let resync = false;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let failures = 0;
  let closed = false;
  let spoolWrite: Promise<void> | null = null;
  const written = Promise.resolve();

  /** One write of the spool's buffer after this turn's I/O callbacks, shared by all their clicks. */
  const syncSoon = (): Promise<void> => {
    if (!spool) return written;
    spoolWrite ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        spoolWrite = null;
        try {
          spool.sync();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
    return spoolWrite;
  };

  const schedule = (delay: number) => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      flush().catch(() => {}); // logged below; the retry is scheduled
    }, delay);
    timer.unref();
  };

  const position = (batch: SpooledClick[]) => (spool ? { spoolId: spool.spoolId, lastSeq: batch.at(-1)!.seq } : null);

  /** After a failed write we cannot know whether it committed: ask the checkpoint. */
  async function resyncWithCheckpoint(): Promise<void> {
    if (!spool) return;
    const stored = (await repo.checkpoints([spool.spoolId])).get(spool.spoolId) ?? 0;
    committedSeq = Math.max(committedSeq, stored);
    memory = memory.filter((c) => c.seq > committedSeq);
  }

  async function writeOnce(): Promise<boolean> {
    if (resync) {
      await resyncWithCheckpoint();
      resync = false;
    }
    const batch = spilled && spool ? spool.readAfter(committedSeq, maxBatchSize) : memory.slice(0, maxBatchSize);
    if (batch.length === 0) {
      if (spilled && spool && committedSeq >= spool.lastSeq) spilled = false;
      return false;
    }
    let stored: EnrichedClick[];
    try {
      stored = await enrich(batch);
      await repo.insertBatch(stored, position(batch));
    } catch (error) {
      resync = true;
      throw error;
    }
    committedSeq = batch.at(-1)!.seq;
    if (!spilled) memory = memory.slice(batch.length);
    spool?.release(committedSeq);
    if (spilled && spool && committedSeq >= spool.lastSeq) spilled = false;
    try {
      onStored?.(stored);
    } catch (err) {
      log.error({ err }, "publishing stored clicks failed");
    }
    return true;
  }

  const flush = async (): Promise<void> => {
    // One writer at a time: several callers may be waiting for the same run, and
    // only the first to wake may start the next (two would write one batch twice).
    while (flushing) await flushing.catch(() => {});
    flushing = (async () => {
      while (await writeOnce());
    })()
      .then(() => {
        failures = 0;
      })
      .catch((err: unknown) => {
        failures++;
        const retryInMs = Math.min(flushIntervalMs * 2 ** failures, 5_000);
        log.error({ err, inMemory: memory.length, spilled, retryInMs }, "writing clicks failed; will retry");
        schedule(retryInMs);
        throw err;
      })
      .finally(() => {
        flushing = null;
      });
    return flushing;
  };

  async function replayLeftovers(): Promise<void> {
    if (!spool) return;
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

  return {
    record(click) {
      const seq = spool ? spool.append(click) : ++localSeq;
      const durable = syncSoon();
      if (!spilled) {
        if (memory.length < maxInMemory) memory.push({ ...click, seq });
        else if (spool) {
          spilled = true; // from here the writer reads the spool; memory would only duplicate it
          memory = [];
        } else {
          memory.shift();
          memory.push({ ...click, seq });
          log.error({ maxInMemory }, "click queue full and no spool; dropped the oldest click");
        }
      }
      schedule(flushIntervalMs);
      return durable;
    },
    flush,
    async start() {
      try {
        await replayLeftovers();
      } catch (err) {
        log.error({ err }, "replaying earlier clicks failed; will retry");
        const retry = setTimeout(() => void this.start(), 5_000);
        retry.unref();
      }
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await flush().then(() => true, () => false)) break;
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
      const everythingStored = !spool || committedSeq >= spool.lastSeq;
      if (!everythingStored) log.warn({ unwritten: spool!.lastSeq - committedSeq }, "clicks left in the spool for the next start");
      spool?.close({ discard: everythingStored });
    },
    get pending() {
      return spilled && spool ? spool.lastSeq - committedSeq : memory.length;
    },
  };
}
