import { describe, expect, it } from "vitest";
import type { EnrichedClick } from "../../../src/modules/clicks/click.js";
import { enrichedClick } from "../../helpers/factories.js";
import { clickRows as clickChunks } from "../../../src/modules/clicks/click-copy.js";

const clickRows = (clicks: EnrichedClick[]) => Buffer.concat(clickChunks(clicks)).toString();

const click = (extra: Partial<EnrichedClick> = {}) =>
  enrichedClick({ linkId: 7, clickedAt: new Date("2026-12-02T10:11:12.345Z"), ...extra });

describe("clicks as COPY text", () => {
  it("writes one tab-separated line per click, \\N for every null", () => {
    expect(clickRows([click(), click({ isBot: true, visitor: "-42", country: "DE" })])).toBe(
      "7\t2026-12-02T10:11:12.345Z\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\tf\t\\N\n" +
        "7\t2026-12-02T10:11:12.345Z\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\tDE\t\\N\tt\t-42\n",
    );
  });

  it("escapes what would end a field or a row, keeps the rest as sent, and drops NUL", () => {
    const [line] = clickRows([click({ userAgent: "a\tb\nc\rd\\e\0f ünï \\N" })]).split("\n");
    expect(line!.split("\t")[4]).toBe("a\\tb\\nc\\rd\\\\ef ünï \\\\N");
  });

  it("writes nothing for no clicks", () => {
    expect(clickChunks([])).toEqual([]);
  });

  it("cuts a large batch into chunks of whole rows, none lost or repeated", () => {
    const clicks = Array.from({ length: 1234 }, (_, i) => click({ linkId: i + 1 }));
    const chunks = clickChunks(clicks);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.at(-1)).toBe(0x0a);
    const ids = Buffer.concat(chunks)
      .toString()
      .trimEnd()
      .split("\n")
      .map((row) => Number(row.split("\t")[0]));
    expect(ids).toEqual(clicks.map((c) => c.linkId));
  });

  it("writes every click's own time to the millisecond, within a second and across seconds", () => {
    const times = [
      "2026-12-02T10:11:12.000Z",
      "2026-12-02T10:11:12.005Z",
      "2026-12-02T10:11:12.050Z",
      "2026-12-02T10:11:12.999Z",
      "2026-12-02T10:11:13.001Z",
      "2026-12-02T10:11:12.500Z",
      "1969-12-31T23:59:59.999Z",
    ];
    const rows = clickRows(times.map((t) => click({ clickedAt: new Date(t) })))
      .trimEnd()
      .split("\n");
    expect(rows.map((row) => row.split("\t")[1])).toEqual(times);
  });

  it("writes each click's own details when a run of equal ones is broken", () => {
    const rows = clickRows([
      click({ linkId: 1, browser: "Chrome", visitor: "1" }),
      click({ linkId: 2, browser: "Chrome", visitor: "1" }),
      click({ linkId: 3, browser: "Firefox", visitor: "1" }),
      click({ linkId: 4, browser: "Firefox", visitor: "2" }),
      click({ linkId: 5, browser: "Firefox", visitor: "2", isBot: true }),
      click({ linkId: 6, browser: "Chrome", visitor: "1" }),
    ])
      .trimEnd()
      .split("\n")
      .map((row) => row.split("\t"));
    expect(rows.map((r) => [r[0], r[5], r[10], r[11]])).toEqual([
      ["1", "Chrome", "f", "1"],
      ["2", "Chrome", "f", "1"],
      ["3", "Firefox", "f", "1"],
      ["4", "Firefox", "f", "2"],
      ["5", "Firefox", "t", "2"],
      ["6", "Chrome", "f", "1"],
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
      const [first, second] = clickRows([base, { ...base, ...variant }])
        .trimEnd()
        .split("\n");
      expect(second, JSON.stringify(variant)).not.toBe(first);
      expect(clickRows([{ ...base, ...variant }]).trimEnd(), JSON.stringify(variant)).toBe(second);
    }
  });
});
