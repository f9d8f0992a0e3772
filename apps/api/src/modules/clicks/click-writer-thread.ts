// Entry point of the click writer thread: parsing user agents, geolocating,
// hashing visitors and writing batches happen here, so the redirect's event
// loop only appends to the spool and answers.
import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { lowerThreadPriority } from "../../lib/thread-priority.js";
import { createLiveService } from "../live/service.js";
import { createClickEnricher } from "./click-enricher.js";
import type { ClickWriterThreadData, FromWriter, ToWriter } from "./click-writer-protocol.js";
import { createClickWriter } from "./click-writer.js";
import type { WriterLog } from "./click-writer-types.js";
import { createClickWriterRepository } from "./writer-repository.js";

// When the CPU is contended, the scheduler serves the redirects' thread first; this thread still
// gets its share, and it catches up whenever the redirects leave CPU idle.
lowerThreadPriority(10);

const port = parentPort!;
const config = workerData as ClickWriterThreadData;
const post = (message: FromWriter) => port.postMessage(message);

/** Errors cross the thread boundary as plain fields; the main thread's logger prints them. */
const plain = (obj: object) => {
  const { err, ...rest } = obj as { err?: unknown };
  return err instanceof Error ? { ...rest, err: { type: err.name, message: err.message, stack: err.stack } } : obj;
};
const log: WriterLog = {
  info: (obj, msg) => post({ type: "log", level: "info", obj: plain(obj), msg }),
  warn: (obj, msg) => post({ type: "log", level: "warn", obj: plain(obj), msg }),
  error: (obj, msg) => post({ type: "log", level: "error", obj: plain(obj), msg }),
};

// Named, so an operator can tell its sessions apart in pg_stat_activity.
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2, application_name: "shortly-click-writer" });
pool.on("error", (err) => log.error({ err }, "click writer connection error"));
const repo = createClickWriterRepository(pool);

let liveMessages: Array<[number, string]> = [];
const live = createLiveService({ publish: (userId, message) => liveMessages.push([userId, message]) });

const writer = createClickWriter({
  repo,
  enrich: createClickEnricher(repo),
  spool: config.spool,
  log,
  flushIntervalMs: config.flushIntervalMs,
  maxInMemory: config.maxInMemory,
  maxBatchSize: config.maxBatchSize,
  resume: config.resume,
  maxDeferMs: config.maxDeferMs,
  onCommitted: (seq) => post({ type: "committed", seq }),
  onStored: (clicks) => {
    live.clicksStored(clicks);
    if (liveMessages.length === 0) return;
    post({ type: "live", messages: liveMessages });
    liveMessages = [];
  },
});

const reply = (id: number, run: () => Promise<unknown>) =>
  run().then(
    () => post({ type: "done", id, ok: true, committedSeq: -1 }),
    (error: unknown) => post({ type: "done", id, ok: false, committedSeq: -1, error: String(error) }),
  );

port.on("message", (message: ToWriter) => {
  switch (message.type) {
    case "clicks":
      writer.add(message.lines, message.lastSeq);
      break;
    case "load":
      writer.setBusy(message.busy);
      break;
    case "flush":
      void reply(message.id, () => writer.flush());
      break;
    case "start":
      void reply(message.id, () => writer.start());
      break;
    case "close":
      void writer.close().then(async (committedSeq) => {
        await pool.end().catch(() => {});
        post({ type: "done", id: message.id, ok: true, committedSeq });
      });
      break;
  }
});
