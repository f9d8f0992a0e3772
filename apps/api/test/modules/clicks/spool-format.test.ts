import { describe, expect, it } from "vitest";
import type { NewClick } from "../../../src/modules/clicks/click.js";
import { decodeLines, encodeClick } from "../../../src/modules/clicks/spool-format.js";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const visit = (extra: Partial<NewClick> = {}): NewClick => ({
  linkId: 12,
  userId: 3,
  code: "hot-link_1",
  clickedAt: new Date("2026-12-02T10:11:12.345Z"),
  referrer: null,
  userAgent: CHROME,
  ip: "203.0.113.9",
  ...extra,
});

const roundTrip = (clicks: NewClick[]) => decodeLines(clicks.map((c, i) => encodeClick(i + 1, c)).join(""), []);

describe("the spool's lines", () => {
  it("read back as the clicks written, runs of equal values and every null included", () => {
    const clicks = [
      visit(),
      visit({ clickedAt: new Date("2026-12-02T10:11:12.346Z") }),
      visit({ referrer: "https://news.example/a?b=1&c=%20", userAgent: null, ip: null }),
      visit({ linkId: 2_147_483_647, userId: 1, code: "x" }),
      visit(),
    ];
    expect(roundTrip(clicks)).toEqual(clicks.map((c, i) => ({ ...c, seq: i + 1 })));
  });

  it("read back what a visitor sent as it was: quotes, backslashes, control characters and unicode", () => {
    const odd = [
      visit({ userAgent: 'say "hi" \\ back', referrer: "line\nbreak\ttab\u0000nul" }),
      visit({ userAgent: "ünïcødé 漢字 😀 \u2028", ip: "2001:db8::1" }),
      visit({ userAgent: "}", referrer: '","u":"forged' }),
      visit({ userAgent: "" }),
    ];
    expect(roundTrip(odd)).toEqual(odd.map((c, i) => ({ ...c, seq: i + 1 })));
  });

  it("write a value that needs escaping after, between and before plain ones", () => {
    // The encoder remembers the last value of each field: an escaped one must not leak into the next click.
    const mixed = [
      visit({ userAgent: "plain" }),
      visit({ userAgent: 'quo"te', referrer: "back\\slash", ip: "ctl\u0001" }),
      visit({ userAgent: 'quo"te', referrer: "back\\slash", ip: "ctl\u0001" }),
      visit({ userAgent: "lone \ud800 surrogate", referrer: null, ip: null }),
      visit({ userAgent: "plain", referrer: "latin1 \u00ff\u007f", ip: "203.0.113.9" }),
      visit({ userAgent: null }),
      visit({ userAgent: "plain" }),
    ];
    const lines = mixed.map((c, i) => encodeClick(i + 1, c));
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(JSON.parse(lines[3]!).u).toBe("lone \ud800 surrogate");
    expect(decodeLines(lines.join(""), [])).toEqual(mixed.map((c, i) => ({ ...c, seq: i + 1 })));
  });

  it("read a value whole when it starts or ends like the click before's, and never take a forged one for it", () => {
    const near = [
      visit({ userAgent: "Agent", referrer: "https://r.example/" }),
      visit({ userAgent: "Agent/2", referrer: "https://r.example" }), // the one before, then more; less
      visit({ userAgent: "", referrer: "https://r.example" }),
      visit({ userAgent: "Agent", referrer: "" }),
      // A referrer read by JSON.parse holding what would cross into the next field, then a line that has it.
      visit({ referrer: 'https://a.example/","u":"Agent', userAgent: "Agent" }),
      visit({ referrer: "https://a.example/", userAgent: "Agent" }),
    ];
    expect(roundTrip(near)).toEqual(near.map((c, i) => ({ ...c, seq: i + 1 })));
  });

  it("skips a line a crash cut short, wherever it was cut, and keeps the lines around it", () => {
    for (const c of [visit(), visit({ userAgent: 'a "quoted" } agent', referrer: "https://r.example/" })]) {
      const line = encodeClick(2, c);
      for (let cut = 1; cut < line.length - 1; cut++) {
        const text = encodeClick(1, visit()) + line.slice(0, cut) + "\n" + encodeClick(3, visit());
        expect(
          decodeLines(text, []).map((d) => d.seq),
          `cut at ${cut}: ${line.slice(0, cut)}`,
        ).toEqual([1, 3]);
      }
    }
  });

  it("reads a line of another form JSON allows, and skips one without every field", () => {
    const text =
      '{"i":null,"u":null,"r":null,"t":1.7964e12,"c":"abc","o":1,"l":2,"s":7}\n' +
      '{"s":8,"l":2,"o":1,"c":"abc","r":null,"u":null,"i":null}\n' +
      '{"s":9,"l":2,"o":1,"c":"abc","t":1796400000000,"r":null,"u":null,"i":null} \n';
    expect(decodeLines(text, [])).toEqual([
      { seq: 7, linkId: 2, userId: 1, code: "abc", clickedAt: new Date(1.7964e12), referrer: null, userAgent: null, ip: null },
      { seq: 9, linkId: 2, userId: 1, code: "abc", clickedAt: new Date(1796400000000), referrer: null, userAgent: null, ip: null },
    ]);
  });
});
