import { describe, expect, it } from "vitest";
import type { EnrichedClick } from "../../../src/modules/clicks/click.js";
import { enrichedClick } from "../../helpers/factories.js";
import { clickRows as clickChunks } from "../../../src/modules/clicks/click-copy.js";

type Field = Buffer | null;

/** Reads COPY's binary format back (PostgreSQL's documented layout), checking its framing as it goes. */
function readCopy(data: Buffer): Field[][] {
  expect(data.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
  expect(data.readInt32BE(11)).toBe(0); // flags
  expect(data.readInt32BE(15)).toBe(0); // header extension length
  const rows: Field[][] = [];
  let at = 19;
  for (;;) {
    const count = data.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    expect(count).toBe(12);
    const row: Field[] = [];
    for (let i = 0; i < count; i++) {
      const length = data.readInt32BE(at);
      at += 4;
      if (length === -1) row.push(null);
      else {
        row.push(data.subarray(at, at + length));
        at += length;
      }
    }
    rows.push(row);
  }
  expect(at).toBe(data.length); // nothing after the trailer
  return rows;
}

const rowsOf = (clicks: EnrichedClick[]) => readCopy(Buffer.concat(clickChunks(clicks)));
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
/** A row as values: the text columns as strings, the time as the instant it encodes. */
const values = (row: Field[]) => ({
  linkId: row[0]!.readInt32BE(0),
  clickedAt: new Date(Number(row[1]!.readBigInt64BE(0) / 1000n) + POSTGRES_EPOCH_MS).toISOString(),
  micros: row[1]!.readBigInt64BE(0),
  texts: row.slice(2, 10).map((f) => (f === null ? null : f.toString("utf8"))),
  isBot: row[10]!.length === 1 ? row[10]![0] === 1 : "bad",
  visitor: row[11] === null ? null : row[11]!.readBigInt64BE(0).toString(),
});

const click = (extra: Partial<EnrichedClick> = {}) =>
  enrichedClick({ linkId: 7, clickedAt: new Date("2026-12-02T10:11:12.345Z"), ...extra });

describe("clicks as COPY binary data", () => {
  it("writes one row of twelve fields per click, null as length -1", () => {
    const rows = rowsOf([click(), click({ isBot: true, visitor: "-42", country: "DE" })]).map(values);
    expect(rows).toEqual([
      {
        linkId: 7,
        clickedAt: "2026-12-02T10:11:12.345Z",
        micros: 849_521_472_345_000n,
        texts: [null, null, null, null, null, null, null, null],
        isBot: false,
        visitor: null,
      },
      {
        linkId: 7,
        clickedAt: "2026-12-02T10:11:12.345Z",
        micros: 849_521_472_345_000n,
        texts: [null, null, null, null, null, null, "DE", null],
        isBot: true,
        visitor: "-42",
      },
    ]);
  });

  it("keeps every character as sent, in UTF-8, and drops NUL, which PostgreSQL text cannot hold", () => {
    const odd = "a\tb\nc\rd\\e\0f ünï \\N \u{1F600}";
    const [row] = rowsOf([click({ userAgent: odd, referrer: "" })]).map(values);
    expect(row!.texts[2]).toBe("a\tb\nc\rd\\ef ünï \\N \u{1F600}");
    expect(row!.texts[0]).toBe(""); // empty, not null
  });

  it("writes the visitor key's whole signed 64-bit range", () => {
    const keys = ["9223372036854775807", "-9223372036854775808", "0", "-1"];
    expect(rowsOf(keys.map((visitor) => click({ visitor }))).map((r) => values(r).visitor)).toEqual(keys);
  });

  it("writes nothing for no clicks", () => {
    expect(clickChunks([])).toEqual([]);
  });

  it("cuts a large batch into chunks, none lost or repeated, the header first and the trailer last", () => {
    const clicks = Array.from({ length: 5000 }, (_, i) => click({ linkId: i + 1, userAgent: `agent ${i % 3}` }));
    const chunks = clickChunks(clicks);
    expect(chunks.length).toBeGreaterThan(1);
    expect(rowsOf(clicks).map((r) => values(r).linkId)).toEqual(clicks.map((c) => c.linkId));
  });

  it("writes a batch grouped by link, in ascending link id, each link's clicks in the batch's order", () => {
    const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s));
    // Link 10's second click is timed before its first (a clock can step back): the batch's order stays.
    const batch = [
      click({ linkId: 30, clickedAt: at(1), browser: "a" }),
      click({ linkId: 10, clickedAt: at(4), browser: "b" }),
      click({ linkId: 30, clickedAt: at(3), browser: "c" }),
      click({ linkId: 20, clickedAt: at(4), browser: "d" }),
      click({ linkId: 10, clickedAt: at(2), browser: "e" }),
      click({ linkId: 30, clickedAt: at(5), browser: "f" }),
    ];
    const rows = rowsOf(batch).map(values);
    expect(rows.map((r) => [r.linkId, r.texts[3]])).toEqual([
      [10, "b"],
      [10, "e"],
      [20, "d"],
      [30, "a"],
      [30, "c"],
      [30, "f"],
    ]);
    expect(rows.map((r) => r.clickedAt)).toEqual([4, 2, 4, 1, 3, 5].map((s) => at(s).toISOString()));
  });

  it("fits a row of the widest values its columns take", () => {
    const wide = click({ referrer: "€".repeat(2048), userAgent: "€".repeat(1024), referrerHost: "h".repeat(255), city: "€".repeat(128) });
    const rows = rowsOf([wide, click(), wide]).map(values);
    expect(rows.map((r) => r.texts[0]?.length ?? null)).toEqual([2048, null, 2048]);
  });

  it("writes every click's own time to the microsecond's millisecond, before and after PostgreSQL's epoch", () => {
    const times = [
      "2026-12-02T10:11:12.000Z",
      "2026-12-02T10:11:12.005Z",
      "2026-12-02T10:11:12.999Z",
      "2000-01-01T00:00:00.000Z",
      "1999-12-31T23:59:59.999Z",
      "1969-12-31T23:59:59.999Z",
      "2262-04-11T23:47:16.854Z",
    ];
    const rows = rowsOf(times.map((t) => click({ clickedAt: new Date(t) }))).map(values);
    expect(rows.map((r) => r.clickedAt)).toEqual(times);
    expect(rows.map((r) => r.micros)).toEqual(times.map((t) => BigInt(Date.parse(t) - POSTGRES_EPOCH_MS) * 1000n));
  });

  it("writes each click's own details when a run of equal ones is broken", () => {
    const rows = rowsOf([
      click({ linkId: 1, browser: "Chrome", visitor: "1" }),
      click({ linkId: 2, browser: "Chrome", visitor: "1" }),
      click({ linkId: 3, browser: "Firefox", visitor: "1" }),
      click({ linkId: 4, browser: "Firefox", visitor: "2" }),
      click({ linkId: 5, browser: "Firefox", visitor: "2", isBot: true }),
      click({ linkId: 6, browser: "Chrome", visitor: "1" }),
    ]).map(values);
    expect(rows.map((r) => [r.linkId, r.texts[3], r.isBot, r.visitor])).toEqual([
      [1, "Chrome", false, "1"],
      [2, "Chrome", false, "1"],
      [3, "Firefox", false, "1"],
      [4, "Firefox", false, "2"],
      [5, "Firefox", true, "2"],
      [6, "Chrome", false, "1"],
    ]);
  });

  it("writes a click's own value of every detail column when its neighbour differs only there", () => {
    const base = click({ referrer: "https://r.example/", referrerHost: "r.example", userAgent: "UA", browser: "Chrome", os: "Linux" });
    const variants: Array<Partial<EnrichedClick>> = [
      { referrer: "https://s.example/" },
      { referrerHost: "s.example" },
      { userAgent: "UA2" },
      { browser: "Firefox" },
      { os: "Windows" },
      { device: "mobile" },
      { country: "DE" },
      { city: "Berlin" },
      { isBot: true },
      { visitor: "9" },
    ];
    for (const variant of variants) {
      const [first, second] = rowsOf([base, { ...base, ...variant }]).map(values);
      expect(second, JSON.stringify(variant)).not.toEqual(first);
      expect(rowsOf([{ ...base, ...variant }]).map(values)[0], JSON.stringify(variant)).toEqual(second);
    }
  });
});
