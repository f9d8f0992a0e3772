import type { Worker } from "node:worker_threads";
import { watchEventLoopLoad } from "./event-loop-load.js";
import { createPendingAge } from "./pending-age.js";
import type { NewClick } from "./click.js";
import type { ClickSpool } from "./click-spool.js";
import { memorySpool } from "./memory-spool.js";
import { createClickHandoff } from "./click-handoff.js";
import type { WriterLog } from "./click-writer-types.js";
import { superviseWriterThread } from "./writer-thread-supervisor.js";

export interface ClickRecorderOptions {
  /** The on-disk log that makes answered clicks survive a crash; null keeps clicks in memory only (tests). */
  spool: ClickSpool | null;
  databaseUrl: string;
  log: WriterLog;
  /** How long a click may wait before its batch is written. */
  flushIntervalMs: number;
  /** Clicks the writer holds in memory; beyond it they are read back from the spool. */
  maxInMemory: number;
  /** The most clicks one transaction stores. */
  maxBatchSize: number;
  /** How long clicks may wait to be written while redirects saturate the event loop; 0: never. */
  maxDeferMs: number;
  /** Where the live view's messages for each stored batch go. */
  publishLive: (userId: number, message: string) => void;
}

export interface ClickRecorder {
  /**
   * Spools a click. Resolves once it is on disk (the spool is written once per
   * event-loop turn for every click of that turn), so the redirect is
   * answered only after that. Throws SpoolFullError when it cannot be kept.
   */
  record(click: NewClick): Promise<void>;
  /** Writes everything recorded so far to the database (tests, shutdown). */
  flush(): Promise<void>;
  /** Replays spools left by an earlier run (after a crash), then keeps retrying until it can. */
  start(): Promise<void>;
  /** Drains the writer; what cannot be written stays in the spool for the next start. */
  close(): Promise<void>;
  /** Clicks recorded but not yet stored. */
  readonly pending: number;
  /** How long the oldest click not yet stored has waited, to about a second (0 when none waits). */
  readonly oldestPendingSeconds: number;
  /** False while a writer thread that died is being replaced. */
  readonly writerRunning: boolean;
  /** The thread storing them now (health checks; tests end it to prove it is replaced). */
  readonly writerThread: Worker;
}

/**
 * The redirect's side of click ingestion. On the event loop a click costs an
 * append to the spool's buffer; once per turn the buffer is written to disk
 * and the same text is handed to the click writer thread, which enriches and
 * stores batches and reports back how far it got. A writer thread that dies
 * is replaced, and the new one resumes from the spool.
 */
export function createClickRecorder({
  spool,
  databaseUrl,
  log,
  flushIntervalMs,
  maxInMemory,
  maxBatchSize,
  maxDeferMs,
  publishLive,
}: ClickRecorderOptions): ClickRecorder {
  const buffer = spool ?? memorySpool();
  let committedSeq = 0;
  const pendingAge = createPendingAge();

  const writer = superviseWriterThread({
    workerData: {
      databaseUrl,
      spool: spool && { dir: spool.dir, spoolId: spool.spoolId },
      flushIntervalMs,
      maxInMemory,
      maxBatchSize,
      maxDeferMs,
    },
    log,
    onMessage(message) {
      switch (message.type) {
        case "committed":
          committedSeq = Math.max(committedSeq, message.seq);
          spool?.release(message.seq);
          pendingAge.committed(committedSeq);
          break;
        case "live":
          for (const [userId, text] of message.messages) publishLive(userId, text);
          break;
        case "log":
          log[message.level](message.obj, message.msg);
          break;
      }
    },
    lastSpooled: () => buffer.lastSeq,
    unstored: () => buffer.lastSeq - committedSeq,
    onReplaced: () => {
      if (load.busy) writer.send({ type: "load", busy: true });
    },
  });

  // The writer yields to redirects: it is told when this event loop is saturated.
  const load = watchEventLoopLoad((busy) => writer.send({ type: "load", busy }));
  const handoff = createClickHandoff(
    buffer,
    (lines, lastSeq) => writer.send({ type: "clicks", lines, lastSeq }),
    (lastSeq) => pendingAge.recorded(lastSeq),
  );

  return {
    record(click) {
      buffer.append(click);
      return handoff.spoolSoon();
    },
    async flush() {
      handoff.handOverNow();
      const done = await writer.request("flush");
      if (!done.ok) throw new Error(done.error ?? "writing clicks failed");
    },
    async start() {
      await writer.request("start");
    },
    async close() {
      load.stop();
      handoff.handOverNow();
      writer.stopReplacing();
      const done = await writer.request("close");
      committedSeq = Math.max(committedSeq, done.committedSeq);
      await writer.thread.terminate();
      const everythingStored = committedSeq >= buffer.lastSeq;
      if (!everythingStored) log.warn({ unwritten: buffer.lastSeq - committedSeq }, "clicks left in the spool for the next start");
      spool?.close({ discard: everythingStored });
    },
    get pending() {
      return buffer.lastSeq - committedSeq;
    },
    get oldestPendingSeconds() {
      return pendingAge.oldestSeconds(committedSeq);
    },
    get writerRunning() {
      return writer.alive;
    },
    get writerThread() {
      return writer.thread;
    },
  };
}
