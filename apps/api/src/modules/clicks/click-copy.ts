import type { EnrichedClick } from "./click.js";

/**
 * The raw click columns, in the order clickRows() writes them, in COPY's
 * binary format: PostgreSQL stores each value as sent instead of parsing
 * text (docs/performance.md).
 */
export const COPY_CLICKS = `COPY clicks (link_id, clicked_at, referrer, referrer_host, user_agent, browser, os, device, country, city, is_bot, visitor) FROM STDIN (FORMAT binary)`;

const COLUMNS = 12;
/** The signature, no flags, no header extension. */
const HEADER = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
/** A field count of -1 ends the data. */
const TRAILER = Buffer.from([0xff, 0xff]);
/** PostgreSQL's timestamps count microseconds from its own epoch, the start of the year 2000 in UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 2 ** 32;
/** A row's own part: the field count, link_id and clicked_at, each value after its length. */
const ROW_HEAD_BYTES = 2 + 4 + 4 + 4 + 8;
/** Bytes per chunk, more than a row's widest details (the columns' widths in UTF-8). */
const CHUNK_BYTES = 64 * 1024;

/**
 * Room a row's details may need: eight text lengths and their UTF-8 (a
 * UTF-16 code unit is at most three bytes), is_bot's length and byte,
 * the visitor key's length and eight bytes.
 */
const maxDetailsBytes = (c: EnrichedClick) =>
  8 * 4 +
  3 *
    ((c.referrer?.length ?? 0) +
      (c.referrerHost?.length ?? 0) +
      (c.userAgent?.length ?? 0) +
      (c.browser?.length ?? 0) +
      (c.os?.length ?? 0) +
      (c.device?.length ?? 0) +
      (c.country?.length ?? 0) +
      (c.city?.length ?? 0)) +
  5 +
  12;

/** A text field at `at`: its length, then its UTF-8 (without NUL, which PostgreSQL text cannot hold). */
function writeText(out: Buffer, at: number, value: string | null): number {
  if (value === null) return out.writeInt32BE(-1, at);
  const bytes = out.write(value.includes("\0") ? value.replaceAll("\0", "") : value, at + 4);
  out.writeInt32BE(bytes, at);
  return at + 4 + bytes;
}

/** Everything of a row after the time, written at `at` (room for maxDetailsBytes): the same for a visitor's clicks of a batch, whichever link. */
function writeDetails(out: Buffer, at: number, c: EnrichedClick): number {
  at = writeText(out, at, c.referrer);
  at = writeText(out, at, c.referrerHost);
  at = writeText(out, at, c.userAgent);
  at = writeText(out, at, c.browser);
  at = writeText(out, at, c.os);
  at = writeText(out, at, c.device);
  at = writeText(out, at, c.country);
  at = writeText(out, at, c.city);
  at = out.writeInt32BE(1, at);
  at = out.writeUInt8(c.isBot ? 1 : 0, at);
  if (c.visitor === null) return out.writeInt32BE(-1, at);
  return out.writeBigInt64BE(BigInt(c.visitor), out.writeInt32BE(8, at));
}

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

/**
 * The clicks grouped by link, in ascending link id, each link's in the
 * batch's order. The raw table's index leads with the link: rows in that
 * order go into the index next to each other, on pages just touched,
 * instead of each at a random place. A batch already so (one link's) is
 * returned as is.
 */
function inLinkOrder(clicks: EnrichedClick[]): EnrichedClick[] {
  let grouped = true;
  for (let i = 1; i < clicks.length && grouped; i++) grouped = clicks[i - 1]!.linkId <= clicks[i]!.linkId;
  if (grouped) return clicks;
  const byLink = new Map<number, EnrichedClick[]>();
  for (const c of clicks) {
    const group = byLink.get(c.linkId);
    if (group) group.push(c);
    else byLink.set(c.linkId, [c]);
  }
  const ordered: EnrichedClick[] = [];
  for (const linkId of [...byLink.keys()].sort((a, b) => a - b)) for (const c of byLink.get(linkId)!) ordered.push(c);
  return ordered;
}

/**
 * A batch as COPY binary data, one row per click, in chunks of bytes to
 * stream to COPY. COPY is the cheapest way into PostgreSQL for rows in
 * bulk: no array literals to build here and parse there, no unnest, and the
 * rows go straight to the partition. A row's details are encoded once for a
 * run of clicks that share them and copied after that. Empty for no clicks.
 */
export function clickRows(clicks: EnrichedClick[]): Buffer[] {
  if (clicks.length === 0) return [];
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = HEADER.copy(chunk, 0);
  let previous: EnrichedClick | undefined;
  // Where the previous row's details are (in this chunk or the one before), to copy them.
  let detailsFrom = chunk;
  let detailsStart = 0;
  let detailsEnd = 0;
  for (const c of inLinkOrder(clicks)) {
    const same = previous !== undefined && sameDetails(previous, c);
    const room = ROW_HEAD_BYTES + (same ? detailsEnd - detailsStart : maxDetailsBytes(c));
    if (at + room > chunk.length) {
      chunks.push(chunk.subarray(0, at));
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, room + TRAILER.length));
      at = 0;
    }
    at = chunk.writeInt16BE(COLUMNS, at);
    at = chunk.writeInt32BE(4, at);
    at = chunk.writeInt32BE(c.linkId, at);
    // Microseconds fit a double exactly for millennia around now: written as two 32-bit halves.
    const micros = (c.clickedAt.getTime() - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_TO_32);
    at = chunk.writeInt32BE(8, at);
    at = chunk.writeInt32BE(high, at);
    at = chunk.writeUInt32BE(micros - high * TWO_TO_32, at);
    if (same) {
      at += detailsFrom.copy(chunk, at, detailsStart, detailsEnd);
    } else {
      detailsFrom = chunk;
      detailsStart = at;
      at = writeDetails(chunk, at, c);
      detailsEnd = at;
      previous = c;
    }
  }
  if (at + TRAILER.length > chunk.length) {
    chunks.push(chunk.subarray(0, at));
    chunk = Buffer.allocUnsafe(TRAILER.length);
    at = 0;
  }
  at += TRAILER.copy(chunk, at);
  chunks.push(chunk.subarray(0, at));
  return chunks;
}
