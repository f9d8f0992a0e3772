// The spool's text: one JSON line per click, written on every visit and read
// back by the click writer (in memory, or from the files after a spill or a crash).
import type { NewClick } from "./click.js";

export interface SpooledClick extends NewClick {
  seq: number;
}

/** Spool segment files end so. */
export const SPOOL_SUFFIX = ".clicks";

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
      o: number;
      c: string;
      t: number;
      r: string | null;
      u: string | null;
      i: string | null;
    };
    // A line without every field was torn by a crash mid-write, like one that does not parse.
    if (typeof r.s !== "number" || typeof r.l !== "number" || typeof r.o !== "number" || typeof r.c !== "string" || typeof r.t !== "number")
      return null;
    return { seq: r.s, linkId: r.l, userId: r.o, code: r.c, clickedAt: new Date(r.t), referrer: r.r, userAgent: r.u, ip: r.i };
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
