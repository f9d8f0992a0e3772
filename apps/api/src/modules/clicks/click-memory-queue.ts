import { decodeLines, type SpooledClick } from "./spool-format.js";

/**
 * The click writer's clicks in memory: spool text as it was handed over,
 * parsed only as far as the next batch needs, then the parsed clicks until
 * they are stored.
 */
export function createMemoryQueue() {
  let chunks: string[] = [];
  let parsed: SpooledClick[] = [];
  const parseAll = () => {
    for (const chunk of chunks.splice(0)) decodeLines(chunk, parsed);
  };
  return {
    push(lines: string) {
      chunks.push(lines);
    },
    /**
     * The next batch: up to `max` clicks after `storedSeq`. A chunk can repeat
     * clicks already stored: reading a spilled spool back may run ahead of
     * the chunks that announce the same lines.
     */
    next(max: number, storedSeq: number): SpooledClick[] {
      while (parsed.length < max && chunks.length > 0) {
        for (const click of decodeLines(chunks.shift()!, [])) if (click.seq > storedSeq) parsed.push(click);
      }
      return parsed.slice(0, max);
    },
    /** The first `count` clicks of the last batch are stored. */
    drop(count: number) {
      parsed = parsed.slice(count);
    },
    /** Forgets everything up to `storedSeq` (after asking the database how far it got). */
    keepAfter(storedSeq: number) {
      parseAll();
      parsed = parsed.filter((c) => c.seq > storedSeq);
    },
    /** Keeps the newest `max` clicks: how many older ones went, and the first kept one's sequence number. */
    keepNewest(max: number): { dropped: number; firstSeq: number } {
      parseAll();
      const dropped = parsed.length - max;
      parsed = parsed.slice(dropped);
      return { dropped, firstSeq: parsed[0]!.seq };
    },
    clear() {
      chunks = [];
      parsed = [];
    },
  };
}
