import { describe, expect, it } from "vitest";
import { zeroFillDays } from "../zero-fill";

describe("zeroFillDays", () => {
  it("fills every UTC day from creation to today with zeros where nothing was clicked", () => {
    const days = zeroFillDays({ "2026-01-11": 3 }, new Date("2026-01-10T22:00:00Z"), new Date("2026-01-13T01:00:00Z"));
    expect(days).toEqual([
      { day: "2026-01-10", clicks: 0 },
      { day: "2026-01-11", clicks: 3 },
      { day: "2026-01-12", clicks: 0 },
      { day: "2026-01-13", clicks: 0 },
    ]);
  });

  it("keeps only the latest maxDays", () => {
    const days = zeroFillDays({}, new Date("2025-01-01T00:00:00Z"), new Date("2026-01-10T00:00:00Z"), 7);
    expect(days).toHaveLength(7);
    expect(days.at(-1)!.day).toBe("2026-01-10");
  });
});
