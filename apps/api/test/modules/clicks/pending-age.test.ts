import { describe, expect, it } from "vitest";
import { createPendingAge } from "../../../src/modules/clicks/pending-age.js";

describe("the age of the oldest unstored click", () => {
  it("is how long ago the oldest click past the commit was recorded, to about a second", () => {
    let now = 0;
    const age = createPendingAge(() => now);
    expect(age.oldestSeconds(0)).toBe(0);
    age.recorded(10); // clicks 1..10 at 0 s
    now = 400;
    age.recorded(20); // 11..20 still in that first second
    now = 1500;
    age.recorded(30); // 21..30 at 1.5 s
    now = 5000;
    expect(age.oldestSeconds(0)).toBe(5);
    age.committed(20); // the first second's clicks are stored
    expect(age.oldestSeconds(20)).toBe(3.5);
    age.committed(30);
    expect(age.oldestSeconds(30)).toBe(0);
  });
});
