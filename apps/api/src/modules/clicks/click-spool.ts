import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, rm, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { NewClick } from "./click.js";
import { encodeClick, SPOOL_SUFFIX } from "./spool-format.js";

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
    // The buffer always belongs to the last segment (a new one is opened only after writing it).
    const bytes = writeSync(fd, data);
    segments.at(-1)!.bytes += bytes;
    totalBytes += bytes;
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
    const file = path.join(dir, `${spoolId}.${String(seq + 1).padStart(12, "0")}${SPOOL_SUFFIX}`);
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
      // What is on disk, in bytes, and the unwritten buffer, in characters (its exact size is known once written).
      if (totalBytes + buffer.length >= maxBytes) throw new SpoolFullError(`click spool full (${maxBytes} bytes)`);
      let current = segments.at(-1);
      if (fd === null || !current || current.lastSeq - current.firstSeq + 1 >= segmentRecords) {
        openSegment();
        current = segments.at(-1)!;
      }
      buffer += encodeClick(seq + 1, click);
      seq++;
      current.lastSeq = seq;
      return seq;
    },
    sync,
    release(upTo) {
      // Keep the segment being written; drop older ones that are fully in the database.
      while (segments.length > 1 && segments[0]!.lastSeq <= upTo) {
        const done = segments.shift()!;
        totalBytes -= done.bytes;
        // In the background: unlinking a segment's megabytes on the event loop stalls redirects.
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
