// The spool's text: one JSON line per click, written on every visit and read
// back by the click writer (in memory, or from the files after a spill or a crash).
import type { NewClick } from "./click.js";

export interface SpooledClick extends NewClick {
  seq: number;
}

/** Spool segment files end so. */
export const SPOOL_SUFFIX = ".clicks";

/** What JSON.stringify would escape: quotes, backslashes, control characters; surrogates (a lone one is escaped). */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A JSON string literal (or null) that remembers the last value it wrote:
 * a visitor's user agent, address and referrer repeat from click to click,
 * and JSON.stringify is a call into the runtime on every visit.
 */
function jsonText() {
  let lastValue: string | null = null;
  let lastText = "null";
  return (value: string | null): string => {
    if (value !== lastValue) {
      lastValue = value;
      lastText = value === null ? "null" : NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    }
    return lastText;
  };
}
const referrerText = jsonText();
const userAgentText = jsonText();
const ipText = jsonText();
/** The clicks of one millisecond share its digits. */
let lastTime = Number.NaN;
let lastTimeText = "";

/**
 * One JSON line per click, with short keys, written by hand: the spool is
 * written on every visit. Numbers and codes ([A-Za-z0-9_-]) need no
 * escaping; the visitor's strings only where JSON needs it.
 */
export function encodeClick(seq: number, c: NewClick): string {
  const time = c.clickedAt.getTime();
  if (time !== lastTime) {
    lastTime = time;
    lastTimeText = String(time);
  }
  return `{"s":${seq},"l":${c.linkId},"o":${c.userId},"c":"${c.code}","t":${lastTimeText},"r":${referrerText(c.referrer)},"u":${userAgentText(c.userAgent)},"i":${ipText(c.ip)}}\n`;
}

/** Any line JSON can read: one with escapes, or one a crash cut short (which does not parse). */
function parseClick(line: string): SpooledClick | null {
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

/** readClick's cursor: the line being read and the position in it. */
let line = "";
let at = 0;

const literal = (s: string) => {
  if (!line.startsWith(s, at)) return false;
  at += s.length;
  return true;
};
const int = () => {
  const from = at;
  let n = 0;
  for (let c = line.charCodeAt(at); c >= 48 && c <= 57; c = line.charCodeAt(++at)) n = n * 10 + (c - 48);
  return at === from || at - from > 15 ? Number.NaN : n;
};
/** A string (null for JSON null, undefined when there is none here). */
const string = (previous: string | null | undefined): string | null | undefined => {
  if (literal("null")) return null;
  if (line.charCodeAt(at) !== 34) return undefined;
  // The line holds no backslash, so no escaped quote: the first quote ends the string. The previous
  // click's value (read here too, so quote-free) followed by a quote is this value, found without a scan.
  if (typeof previous === "string" && line.charCodeAt(at + 1 + previous.length) === 34 && line.startsWith(previous, at + 1)) {
    at += previous.length + 2;
    return previous;
  }
  const end = line.indexOf('"', at + 1);
  if (end === -1) return undefined;
  const value = line.slice(at + 1, end);
  at = end + 1;
  return value;
};

/**
 * Reads the lines encodeClick writes, field by field, without JSON.parse:
 * the writer thread decodes every click, and most lines hold no escape. A
 * string equal to the previous click's is that string, not a copy (a hot
 * link's visitors repeat), so the writer's memos hash it once. Anything
 * unexpected (an escape, a torn line) is left to JSON.parse (undefined).
 */
function readClick(text: string, previous: SpooledClick | undefined): SpooledClick | undefined {
  if (text.includes("\\")) return undefined;
  line = text;
  at = 0;
  const seq = literal('{"s":') ? int() : Number.NaN;
  const linkId = literal(',"l":') ? int() : Number.NaN;
  const userId = literal(',"o":') ? int() : Number.NaN;
  const code = literal(',"c":') ? string(previous?.code) : undefined;
  const time = literal(',"t":') ? int() : Number.NaN;
  const referrer = literal(',"r":') ? string(previous?.referrer) : undefined;
  const userAgent = literal(',"u":') ? string(previous?.userAgent) : undefined;
  const ip = literal(',"i":') ? string(previous?.ip) : undefined;
  const complete = literal("}") && at === line.length;
  line = "";
  if (!complete || Number.isNaN(seq + linkId + userId + time) || typeof code !== "string") return undefined;
  if (referrer === undefined || userAgent === undefined || ip === undefined) return undefined;
  return { seq, linkId, userId, code, clickedAt: new Date(time), referrer, userAgent, ip };
}

/** Appends the clicks of spool text to `out`; a line torn by a crash mid-write is skipped (that visit was never answered). */
export function decodeLines(text: string, out: SpooledClick[]): SpooledClick[] {
  let previous: SpooledClick | undefined;
  for (let from = 0; from < text.length;) {
    let end = text.indexOf("\n", from);
    if (end === -1) end = text.length;
    const one = text.slice(from, end);
    from = end + 1;
    if (!one) continue;
    const fast = readClick(one, previous);
    // Only a click read here is compared against: its strings hold no quote (JSON.parse's may).
    previous = fast;
    const click = fast ?? parseClick(one);
    if (click) out.push(click);
  }
  return out;
}
