import { describe, expect, it } from "vitest";
import { tagSchema, tagsSchema } from "../src/index.js";

describe("tags", () => {
  it("take letters of any script with their combining marks, in NFC", () => {
    for (const tag of ["हिंदी", "ภาษาไทย", "café", "naïve 2", "x_y-z"]) expect(tagSchema.parse(tag), tag).toBe(tag.normalize("NFC"));
    // "á" typed as a + U+0301 is stored as the one precomposed letter, and is the same tag as "á".
    expect(tagSchema.parse("ca\u0301fe")).toBe("cáfe");
    expect(tagsSchema.parse(["Cáfe", "ca\u0301fe"])).toEqual(["Cáfe"]);
  });

  it("refuse a mark with no letter before it, and symbols", () => {
    for (const tag of ["\u0301a", "a/b", "a.b", "😀", "#x"]) expect(tagSchema.safeParse(tag).success, tag).toBe(false);
  });
});
