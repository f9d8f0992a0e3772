/** What the click writer thread is started with. */
export interface ClickWriterThreadData {
  databaseUrl: string;
  /** This process's spool; null keeps clicks in memory only (tests). */
  spool: { dir: string; spoolId: string } | null;
  flushIntervalMs: number;
  maxInMemory: number;
  maxBatchSize: number;
  /** Set when the thread replaces one that died: read the spool from its checkpoint up to here. */
  resume?: { lastSeq: number };
  /** How long clicks may wait while the redirects are saturated; 0: never. */
  maxDeferMs: number;
}

/** Main thread → writer. `lines` is exactly what the spool just wrote. */
export type ToWriter =
  | { type: "clicks"; lines: string; lastSeq: number }
  /** Whether the redirects' event loop is saturated. */
  | { type: "load"; busy: boolean }
  | { type: "flush"; id: number }
  | { type: "start"; id: number }
  | { type: "close"; id: number };

/** Writer → main thread. */
export type FromWriter =
  | { type: "committed"; seq: number }
  | { type: "live"; messages: Array<[userId: number, message: string]> }
  | { type: "log"; level: "info" | "warn" | "error"; obj: object; msg: string }
  | { type: "done"; id: number; ok: boolean; committedSeq: number; error?: string };
