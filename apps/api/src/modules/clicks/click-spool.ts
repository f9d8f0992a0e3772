import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rm, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { NewClick } from "./click.js";

export interface SpooledClick extends NewClick {
  seq: number;
}

/** The spool is at its size limit: the visit cannot be recorded safely, so it must not be answered. */
export class SpoolFullError extends Error {}

export interface ClickSpool {
  /** Identifies this process's spool; checkpoints are kept per spool. */
  readonly spoolId: string;
  /** The folder, where spools of earlier runs may also wait to be replayed. */
  readonly dir: string;
  readonly lastSeq: number;
  /** Adds a click to the write buffer and returns its sequence number. */
  append(click: NewClick): number;
  /**
   * Writes the buffer to the file with one system call and returns what it
   * wrote (the click writer's input); a click is safe from a crash once this returns.
   */
  sync(): string;
  /** Everything up to `seq` is in the database: drop segments that hold nothing newer. */
  release(seq: number): void;
  /** Closes the file. With `discard` (everything is in the database) the files go; otherwise they stay for the next start. */
  close(options?: { discard?: boolean }): void;
}

interface Segment {
  file: string;
  firstSeq: number;
  lastSeq: number;
  bytes: number;
}

const SUFFIX = ".clicks";

/**
 * One JSON line per click, with short keys, written by hand: the spool is
 * written on every visit. Numbers and codes ([A-Za-z0-9_-]) need no
 * escaping; the visitor's strings go through JSON.stringify.
 */
const text = (value: string | null) => (value === null ? "null" : JSON.stringify(value));
export const encodeClick = (seq: number, c: NewClick) =>
  `{"s":${seq},"l":${c.linkId},"o":${c.userId},"c":"${c.code}","t":${c.clickedAt.getTime()},"r":${text(c.referrer)},"u":${text(c.userAgent)},"i":${text(c.ip)}}\n`;

function decodeClick(line: string): SpooledClick | null {
  try {
    const r = JSON.parse(line) as {
      s: number;
      l: number;
      o?: number;
      c?: string;
      t: number;
      r: string | null;
      u: string | null;
      i: string | null;
    };
    // Spools written before owner and code were spooled lack them; they only feed the live view.
    return { seq: r.s, linkId: r.l, userId: r.o ?? 0, code: r.c ?? "", clickedAt: new Date(r.t), referrer: r.r, userAgent: r.u, ip: r.i };
  } catch {
    return null; // a line torn by a crash mid-write: that visit was never answered
  }
}

/** Appends the clicks of spool text to `out`; a line torn by a crash mid-write is skipped (that visit was never answered). */
export function decodeLines(text: string, out: SpooledClick[]): SpooledClick[] {
  for (const line of text.split("\n")) {
    const click = line ? decodeClick(line) : null;
    if (click) out.push(click);
  }
  return out;
}

function readSegment(file: string): SpooledClick[] {
  try {
    return decodeLines(readFileSync(file, "utf8"), []);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return []; // released meanwhile: all stored
    throw error;
  }
}

/**
 * An append-only log of this process's clicks, in segments of
 * `segmentRecords` clicks. Clicks are buffered and written together (group
 * commit: one write per event-loop turn, not one per visit); once sync
 * returns they are in the page cache, so they survive the process being
 * killed (not a power cut: there is no fsync).
 */
export function openSpool(dir: string, { segmentRecords = 20_000, maxBytes = 1024 ** 3 } = {}): ClickSpool {
  mkdirSync(dir, { recursive: true });
  const spoolId = `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const segments: Segment[] = [];
  let fd: number | null = null;
  let seq = 0;
  let totalBytes = 0;
  let buffer = "";

  /** Text on disk that sync() has not returned yet (written early when a segment was closed). */
  let unreturned = "";
  const writeBuffer = () => {
    if (!buffer || fd === null) return;
    // Taken first: if the write fails, these visits fail with it (the redirect answers 503 or records
    // them again); writing them later as well would count them twice.
    const data = buffer;
    buffer = "";
    writeSync(fd, data);
    unreturned += data;
  };
  const sync = () => {
    writeBuffer();
    const data = unreturned;
    unreturned = "";
    return data;
  };

  const openSegment = () => {
    writeBuffer();
    if (fd !== null) closeSync(fd);
    const file = path.join(dir, `${spoolId}.${String(seq + 1).padStart(12, "0")}${SUFFIX}`);
    fd = openSync(file, "a");
    segments.push({ file, firstSeq: seq + 1, lastSeq: seq, bytes: 0 });
  };

  return {
    spoolId,
    dir,
    get lastSeq() {
      return seq;
    },
    append(click) {
      if (totalBytes >= maxBytes) throw new SpoolFullError(`click spool full (${maxBytes} bytes)`);
      let current = segments.at(-1);
      if (fd === null || !current || current.lastSeq - current.firstSeq + 1 >= segmentRecords) {
        openSegment();
        current = segments.at(-1)!;
      }
      const line = encodeClick(seq + 1, click);
      buffer += line;
      seq++;
      current.lastSeq = seq;
      current.bytes += Buffer.byteLength(line);
      totalBytes += Buffer.byteLength(line);
      return seq;
    },
    sync,
    release(upTo) {
      // Keep the segment being written; drop older ones that are fully in the database.
      while (segments.length > 1 && segments[0]!.lastSeq <= upTo) {
        const done = segments.shift()!;
        totalBytes -= done.bytes;
        // In the background: unlinking a segment's megabytes took the event loop up to 12 ms.
        // Nothing reads it any more; one a crash leaves behind is skipped at the next start
        // (its clicks are at or below the checkpoint) and removed then.
        rm(done.file, { force: true }, () => {});
      }
    },
    close({ discard = false } = {}) {
      sync();
      if (fd !== null) closeSync(fd);
      fd = null;
      if (discard) for (const segment of segments.splice(0)) rmSync(segment.file, { force: true });
    },
  };
}

/** Encodes clicks like a spool but keeps nothing: for an instance without a spool folder (tests). */
export function memorySpool(): Pick<ClickSpool, "append" | "sync" | "lastSeq"> {
  let seq = 0;
  let buffer = "";
  return {
    get lastSeq() {
      return seq;
    },
    append(click) {
      buffer += encodeClick(++seq, click);
      return seq;
    },
    sync() {
      const data = buffer;
      buffer = "";
      return data;
    },
  };
}

const segmentsOf = (dir: string, spoolId: string) =>
  readdirSync(dir)
    .filter((file) => file.startsWith(`${spoolId}.`) && file.endsWith(SUFFIX))
    .sort()
    .map((file) => ({ file: path.join(dir, file), firstSeq: Number(file.slice(spoolId.length + 1, -SUFFIX.length)) }));

/**
 * Reads a live spool back from its files (the writer catching up after
 * spilling), sequentially: each segment's new bytes are read once, and a line
 * still being written at the end waits for the next read.
 */
export function createSpoolReader(dir: string, spoolId: string) {
  let current: { file: string; clicks: SpooledClick[]; bytesRead: number } | null = null;

  function load(file: string): SpooledClick[] {
    if (current?.file !== file) current = { file, clicks: [], bytesRead: 0 };
    const segment = current;
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return []; // released meanwhile: all stored
      throw error;
    }
    try {
      const size = fstatSync(fd).size;
      if (size > segment.bytesRead) {
        const bytes = Buffer.alloc(size - segment.bytesRead);
        const read = readSync(fd, bytes, 0, bytes.length, segment.bytesRead);
        const complete = bytes.lastIndexOf(0x0a, read - 1) + 1;
        decodeLines(bytes.toString("utf8", 0, complete), segment.clicks);
        segment.bytesRead += complete;
      }
    } finally {
      closeSync(fd);
    }
    return segment.clicks;
  }

  return {
    /** Up to `limit` clicks after `after`, oldest first. */
    readAfter(after: number, limit: number): SpooledClick[] {
      const segments = segmentsOf(dir, spoolId);
      const out: SpooledClick[] = [];
      for (let i = 0; i < segments.length && out.length < limit; i++) {
        const next = segments[i + 1];
        if (next && next.firstSeq - 1 <= after) continue;
        const clicks = load(segments[i]!.file);
        let from = 0;
        while (from < clicks.length && clicks[from]!.seq <= after) from++;
        for (let j = from; j < clicks.length && out.length < limit; j++) out.push(clicks[j]!);
      }
      return out;
    },
  };
}

/** Finishes a spool whose clicks are all in the database: removes its files. */
export function removeSpoolFiles(dir: string, spoolId: string): void {
  for (const { file } of segmentsOf(dir, spoolId)) rmSync(file, { force: true });
}

/** Spools left by earlier runs of this instance (a crash, or a shutdown without the database), oldest click first. */
export function readLeftoverSpools(dir: string, currentSpoolId: string): Array<{ spoolId: string; clicks: SpooledClick[] }> {
  mkdirSync(dir, { recursive: true });
  const bySpool = new Map<string, string[]>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(SUFFIX)) continue;
    const spoolId = file.slice(0, file.indexOf("."));
    if (spoolId === currentSpoolId) continue;
    bySpool.set(spoolId, [...(bySpool.get(spoolId) ?? []), path.join(dir, file)]);
  }
  return [...bySpool].map(([spoolId, files]) => ({
    spoolId,
    clicks: files.flatMap(readSegment).sort((a, b) => a.seq - b.seq),
  }));
}
