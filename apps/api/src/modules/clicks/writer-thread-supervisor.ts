import type { Worker } from "node:worker_threads";
import { startWorker } from "../../lib/worker-entry.js";
import type { ClickWriterThreadData, FromWriter, ToWriter } from "./click-writer-protocol.js";
import type { WriterLog } from "./click-writer-types.js";

export type Done = Extract<FromWriter, { type: "done" }>;

export interface WriterThreadOptions {
  workerData: Omit<ClickWriterThreadData, "resume">;
  log: WriterLog;
  /** Every message but the answers to requests, which settle those. */
  onMessage: (message: Exclude<FromWriter, Done>) => void;
  /** The spool's last click, for a replacement thread to read up to. */
  lastSpooled: () => number;
  /** Clicks not stored yet, for the log when a thread dies. */
  unstored: () => number;
  /** Called with each replacement thread, to tell it what the old one knew. */
  onReplaced: () => void;
}

/**
 * Runs the click writer thread and replaces it when it dies: the clicks
 * meanwhile are on disk, and the new thread reads them from there. A thread
 * that dies soon after it started is replaced after a growing pause, not in a
 * tight loop.
 */
export function superviseWriterThread({ workerData, log, onMessage, lastSpooled, unstored, onReplaced }: WriterThreadOptions) {
  const waiting = new Map<number, (done: Done) => void>();
  let nextId = 0;
  let restartDelayMs = 0;
  let alive = true;
  let stopped = false;

  const spawn = (resume?: { lastSeq: number }): Worker => {
    const startedAt = Date.now();
    alive = true;
    const thread = startWorker(import.meta.url, "click-writer-thread", { workerData: { ...workerData, resume }, name: "click-writer" });
    thread.on("message", (message: FromWriter) => {
      if (message.type !== "done") return onMessage(message);
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
    thread.on("error", (err) => log.error({ err }, "click writer thread failed"));
    thread.on("exit", (code) => {
      for (const [id, settle] of waiting) settle({ type: "done", id, ok: false, committedSeq: -1, error: "click writer thread exited" });
      waiting.clear();
      alive = false;
      if (stopped) return;
      restartDelayMs = Date.now() - startedAt < 5_000 ? Math.min(Math.max(restartDelayMs * 2, 1_000), 30_000) : 0;
      log.error({ code, unstored: unstored(), restartInMs: restartDelayMs }, "click writer thread exited; starting another from the spool");
      setTimeout(() => {
        if (stopped) return;
        worker = spawn(workerData.spool ? { lastSeq: lastSpooled() } : undefined);
        onReplaced();
      }, restartDelayMs).unref();
    });
    return thread;
  };
  let worker = spawn();

  const send = (message: ToWriter) => worker.postMessage(message);

  return {
    send,
    /** Asks the thread to flush, start or close, and resolves with its answer (not ok if it died meanwhile). */
    request: (type: "flush" | "start" | "close"): Promise<Done> =>
      new Promise((resolve) => {
        const id = ++nextId;
        if (!alive) return resolve({ type: "done", id, ok: false, committedSeq: -1, error: "no click writer thread (restarting)" });
        waiting.set(id, resolve);
        send({ type, id });
      }),
    /** At shutdown: a thread that exits from now on is not replaced. */
    stopReplacing() {
      stopped = true;
    },
    get alive() {
      return alive;
    },
    get thread() {
      return worker;
    },
  };
}

export type WriterThreadSupervisor = ReturnType<typeof superviseWriterThread>;
