import type { EnrichedClick } from "./click.js";

/** The raw click columns, in the order clickRows() writes them. */
export const COPY_CLICKS = `COPY clicks (link_id, clicked_at, referrer, referrer_host, user_agent, browser, os, device, country, city, is_bot, visitor) FROM STDIN`;

const SPECIAL = /[\\\n\r\t\0]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "" };

/**
 * A text value in COPY's text format: \N for null; backslash, newline,
 * carriage return and tab escaped; NUL, which PostgreSQL text cannot hold, dropped.
 */
function field(value: string | null): string {
  if (value === null) return "\\N";
  return SPECIAL.test(value) ? value.replace(/[\\\n\r\t\0]/g, (c) => ESCAPES[c]!) : value;
}

/** Everything of a row after the time: the same for a visitor's clicks of a batch, whichever link. */
const details = (c: EnrichedClick) =>
  `${field(c.referrer)}\t${field(c.referrerHost)}\t${field(c.userAgent)}\t${field(c.browser)}\t${field(c.os)}\t${field(c.device)}\t${field(c.country)}\t${field(c.city)}\t${c.isBot ? "t" : "f"}\t${c.visitor ?? "\\N"}\n`;

const sameDetails = (a: EnrichedClick, b: EnrichedClick) =>
  a.visitor === b.visitor &&
  a.userAgent === b.userAgent &&
  a.referrer === b.referrer &&
  a.referrerHost === b.referrerHost &&
  a.browser === b.browser &&
  a.os === b.os &&
  a.device === b.device &&
  a.country === b.country &&
  a.city === b.city &&
  a.isBot === b.isBot;

/** Rows per chunk: small enough that a chunk's text becomes bytes while it is young and cheap to flatten. */
const ROWS_PER_CHUNK = 500;

/**
 * A batch as COPY text, one line per click, in chunks of bytes to stream
 * to COPY. COPY is the cheapest way into PostgreSQL for rows in bulk: no
 * array literals to build here and parse there, no unnest, and the rows go
 * straight to the partition. Built for the writer thread's throughput: a
 * row's details are reused from the click before while they are the same,
 * the time's text up to the second while it is in the same second, and the
 * text is turned into bytes every ROWS_PER_CHUNK rows (one string for a
 * whole batch costs far more to flatten; docs/performance.md).
 */
export function clickRows(clicks: EnrichedClick[]): Buffer[] {
  const chunks: Buffer[] = [];
  let text = "";
  let previous: EnrichedClick | undefined;
  let detailsText = "";
  let second = Number.NaN;
  let secondText = "";
  for (let i = 0; i < clicks.length; i++) {
    const c = clicks[i]!;
    const time = c.clickedAt.getTime();
    const ms = ((time % 1000) + 1000) % 1000;
    if (time - ms !== second) {
      second = time - ms;
      secondText = new Date(second).toISOString().slice(0, -4); // up to the seconds' dot
    }
    if (!previous || !sameDetails(previous, c)) {
      detailsText = details(c);
      previous = c;
    }
    text += `${c.linkId}\t${secondText}${ms < 10 ? "00" : ms < 100 ? "0" : ""}${ms}Z\t${detailsText}`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      chunks.push(Buffer.from(text));
      text = "";
    }
  }
  if (text) chunks.push(Buffer.from(text));
  return chunks;
}
