import { describe, expect, it } from "vitest";
import type { EnrichedClick } from "../../../src/modules/clicks/click.js";
import { enrichedClick } from "../../helpers/factories.js";
import { clickRows } from "../../../src/modules/clicks/click-copy.js";

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
    expect(clickRows([])).toBe("");
  });
});
