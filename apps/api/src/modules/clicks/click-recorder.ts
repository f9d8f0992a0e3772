import type { Worker } from "node:worker_threads";
import { startWorker } from "../../lib/worker-entry.js";
import { watchEventLoopLoad } from "./event-loop-load.js";
import { createPendingAge } from "./pending-age.js";
import type { NewClick } from "./click.js";
import { memorySpool, type ClickSpool } from "./click-spool.js";
import type { ClickWriterThreadData, FromWriter, ToWriter } from "./click-writer-protocol.js";
import type { WriterLog } from "./click-writer.js";

export interface ClickRecorderOptions {
  /** The on-disk log that makes answered clicks survive a crash; null keeps clicks in memory only (tests). */
  spool: ClickSpool | null;
  databaseUrl: string;
  log: WriterLog;
  /** How long a click may wait before its batch is written. */
  flushIntervalMs: number;
  /** Clicks the writer holds in memory; beyond it they are read back from the spool. */
  maxInMemory: number;
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

type Done = Extract<FromWriter, { type: "done" }>;

const HANDOFF_MS = 10;

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
  maxDeferMs,
  publishLive,
}: ClickRecorderOptions): ClickRecorder {
  const buffer = spool ?? memorySpool();
  let committedSeq = 0;
  let closing = false;
  let nextId = 0;
  const waiting = new Map<number, (done: Done) => void>();
  let pendingSpoolWrite: Promise<void> | null = null;

  const pendingAge = createPendingAge();

  const onMessage = (message: FromWriter) => {
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
      case "done":
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
        break;
    }
  };

  /** A thread that dies soon after it started is replaced after a growing pause, not in a tight loop. */
  let restartDelayMs = 0;
  let alive = true;
  const spawn = (resume?: { lastSeq: number }): Worker => {
    const startedAt = Date.now();
    alive = true;
    const workerData: ClickWriterThreadData = {
      databaseUrl,
      spool: spool && { dir: spool.dir, spoolId: spool.spoolId },
      flushIntervalMs,
      maxInMemory,
      maxDeferMs,
      resume,
    };
    const thread = startWorker(import.meta.url, "click-writer-thread", { workerData, name: "click-writer" });
    thread.on("message", onMessage);
    thread.on("error", (err) => log.error({ err }, "click writer thread failed"));
    thread.on("exit", (code) => {
      for (const [id, settle] of waiting) settle({ type: "done", id, ok: false, committedSeq: -1, error: "click writer thread exited" });
      waiting.clear();
      alive = false;
      if (closing) return;
      restartDelayMs = Date.now() - startedAt < 5_000 ? Math.min(Math.max(restartDelayMs * 2, 1_000), 30_000) : 0;
      log.error(
        { code, unstored: buffer.lastSeq - committedSeq, restartInMs: restartDelayMs },
        "click writer thread exited; starting another from the spool",
      );
      // The clicks meanwhile are on disk; the new thread reads them from there.
      setTimeout(() => {
        if (closing) return;
        worker = spawn(spool ? { lastSeq: buffer.lastSeq } : undefined);
        if (load.busy) send({ type: "load", busy: true });
      }, restartDelayMs).unref();
    });
    return thread;
  };
  let worker = spawn();

  const send = (message: ToWriter) => worker.postMessage(message);

  // The writer yields to redirects: it is told when this event loop is saturated.
  const load = watchEventLoopLoad((busy) => send({ type: "load", busy }));
  const request = (type: "flush" | "start" | "close"): Promise<Done> =>
    new Promise((resolve) => {
      const id = ++nextId;
      if (!alive) return resolve({ type: "done", id, ok: false, committedSeq: -1, error: "no click writer thread (restarting)" });
      waiting.set(id, resolve);
      send({ type, id });
    });

  /**
   * Spool text not yet handed to the writer: posting a message costs the
   * event loop more than the clicks of a busy turn, so the writer gets it
   * every HANDOFF_MS (it writes every 50 ms anyway), or at once when asked.
   */
  let unposted = "";
  let unpostedLastSeq = 0;
  let handoff: NodeJS.Timeout | null = null;
  const postNow = () => {
    if (handoff) clearTimeout(handoff);
    handoff = null;
    if (!unposted) return;
    send({ type: "clicks", lines: unposted, lastSeq: unpostedLastSeq });
    unposted = "";
  };
  /** Writes this turn's clicks to the spool (durable from here) and queues the same text for the writer. */
  const writeSpoolNow = () => {
    const lines = buffer.sync();
    if (!lines) return;
    unposted += lines;
    unpostedLastSeq = buffer.lastSeq; // the buffer was written whole: its last click is the text's last line
    pendingAge.recorded(buffer.lastSeq);
    if (!handoff) {
      handoff = setTimeout(postNow, HANDOFF_MS);
      handoff.unref();
    }
  };
  const writeSpoolSoon = (): Promise<void> =>
    (pendingSpoolWrite ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        pendingSpoolWrite = null;
        try {
          writeSpoolNow();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    }));

  return {
    record(click) {
      buffer.append(click);
      return writeSpoolSoon();
    },
    async flush() {
      writeSpoolNow();
      postNow();
      const done = await request("flush");
      if (!done.ok) throw new Error(done.error ?? "writing clicks failed");
    },
    async start() {
      await request("start");
    },
    async close() {
      load.stop();
      writeSpoolNow();
      postNow();
      closing = true;
      const done = await request("close");
      committedSeq = Math.max(committedSeq, done.committedSeq);
      await worker.terminate();
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
      return alive;
    },
    get writerThread() {
      return worker;
    },
  };
}
