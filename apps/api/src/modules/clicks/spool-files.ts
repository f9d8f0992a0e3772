// Reading spool files back: a live spool the writer catches up on, and the
// spools earlier runs left behind (a crash, or a shutdown without the database).
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync } from "node:fs";
import path from "node:path";
import { decodeLines, SPOOL_SUFFIX, type SpooledClick } from "./spool-format.js";

function readSegment(file: string): SpooledClick[] {
  try {
    return decodeLines(readFileSync(file, "utf8"), []);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return []; // released meanwhile: all stored
    throw error;
  }
}

const segmentsOf = (dir: string, spoolId: string) =>
  readdirSync(dir)
    .filter((file) => file.startsWith(`${spoolId}.`) && file.endsWith(SPOOL_SUFFIX))
    .sort()
    .map((file) => ({ file: path.join(dir, file), firstSeq: Number(file.slice(spoolId.length + 1, -SPOOL_SUFFIX.length)) }));

/**
 * Reads a live spool back from its files (the writer catching up after
 * spilling), sequentially: each segment's new bytes are read once, and a line
 * still being written at the end waits for the next read.
 */
export function createSpoolReader(dir: string, spoolId: string) {
  let current: { file: string; clicks: SpooledClick[]; bytesRead: number } | null = null;
  /**
   * Reused for every read, as large as the largest read (at most a segment): a fresh buffer of
   * megabytes per read is memory the kernel must zero first.
   */
  let scratch = Buffer.allocUnsafe(0);

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
        const length = size - segment.bytesRead;
        if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
        const read = readSync(fd, scratch, 0, length, segment.bytesRead);
        // Only the bytes just read: the rest of the buffer holds an earlier read's.
        const complete = scratch.subarray(0, read).lastIndexOf(0x0a) + 1;
        decodeLines(scratch.toString("utf8", 0, complete), segment.clicks);
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
    if (!file.endsWith(SPOOL_SUFFIX)) continue;
    const spoolId = file.slice(0, file.indexOf("."));
    if (spoolId === currentSpoolId) continue;
    bySpool.set(spoolId, [...(bySpool.get(spoolId) ?? []), path.join(dir, file)]);
  }
  return [...bySpool].map(([spoolId, files]) => ({
    spoolId,
    clicks: files.flatMap(readSegment).sort((a, b) => a.seq - b.seq),
  }));
}
