import type { FastifyBaseLogger } from "fastify";
import type { NewClick } from "./repository.js";

export interface ClickRecorderOptions {
  write: (clicks: NewClick[]) => Promise<unknown>;
  log: FastifyBaseLogger;
  /** How long a click may wait before its batch is written. */
  flushIntervalMs?: number;
  maxBatchSize?: number;
  /** Clicks held while the database refuses writes; beyond this the oldest are dropped, loudly. */
  maxPending?: number;
}

export interface ClickRecorder {
  /** Queues a click; never blocks or throws on the visitor's path. */
  record(click: NewClick): void;
  /** Writes everything queued so far (tests, shutdown). */
  flush(): Promise<void>;
  /** Stops the timer and drains the queue, retrying a few times. */
  close(): Promise<void>;
  readonly pending: number;
}

/**
 * Clicks are written after the redirect has been answered, in multi-row
 * batches. A failed batch stays queued and is retried with backoff.
 */
export function createClickRecorder({
  write,
  log,
  flushIntervalMs = 50,
  maxBatchSize = 1000,
  maxPending = 100_000,
}: ClickRecorderOptions): ClickRecorder {
  let queue: NewClick[] = [];
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let failures = 0;
  let closed = false;

  const schedule = (delay: number) => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      flush().catch(() => {}); // already logged; the retry is scheduled
    }, delay);
    timer.unref();
  };

  const writeAll = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatchSize);
      await write(batch);
      queue = queue.slice(batch.length);
    }
  };

  const flush = async (): Promise<void> => {
    if (flushing) await flushing.catch(() => {});
    if (queue.length === 0) return;
    flushing = writeAll()
      .then(() => {
        failures = 0;
      })
      .catch((err: unknown) => {
        failures++;
        const retryInMs = Math.min(flushIntervalMs * 2 ** failures, 10_000);
        log.error({ err, pending: queue.length, retryInMs }, "writing clicks failed; will retry");
        schedule(retryInMs);
        throw err;
      })
      .finally(() => {
        flushing = null;
      });
    return flushing;
  };

  return {
    record(click) {
      queue.push(click);
      if (queue.length > maxPending) {
        const dropped = queue.length - maxPending;
        queue = queue.slice(dropped);
        log.error({ dropped, maxPending }, "click queue full; dropped the oldest clicks");
      }
      schedule(flushIntervalMs);
    },
    flush,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (let attempt = 0; attempt < 5 && queue.length > 0; attempt++) {
        await flush().catch(() => new Promise((r) => setTimeout(r, 200 * 2 ** attempt)));
      }
      if (queue.length > 0) log.error({ lost: queue.length }, "shutting down with unwritten clicks");
    },
    get pending() {
      return queue.length;
    },
  };
}
