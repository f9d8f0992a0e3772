import type { ClickEnricher } from "./click-enricher.js";
import type { EnrichedClick } from "./click.js";
import type { ClickWriterRepository } from "./writer-repository.js";

/** The few log calls the writer makes; pino's signature, so any pino logger fits. */
export interface WriterLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

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
