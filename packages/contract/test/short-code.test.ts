import { describe, expect, it } from "vitest";
import { customCodeSchema, isReservedCode, isValidShortCodeFormat, RESERVED_PATHS, SPA_ROUTES } from "../src/index.js";

describe("short code format", () => {
  it.each(["abc", "ABC123x", "my-link_2", "x".repeat(32)])("accepts %s", (code) => {
    expect(isValidShortCodeFormat(code)).toBe(true);
  });

  it.each(["", "ab", "x".repeat(33), "a b", "a/b", "a.b", "ä12", "abc%20"])("rejects %j", (code) => {
    expect(isValidShortCodeFormat(code)).toBe(false);
  });
});

describe("reserved paths", () => {
  it("reserves every SPA route's first segment, so no code can shadow a page", () => {
    for (const route of SPA_ROUTES) {
      const first = route.split("/")[1];
      if (first) expect(RESERVED_PATHS).toContain(first);
    }
  });

  it("reserves the API, health and asset prefixes, case-insensitively", () => {
    for (const code of ["api", "API", "Health", "assets", "ws"]) expect(isReservedCode(code)).toBe(true);
    expect(isReservedCode("launch")).toBe(false);
  });

  it("custom codes must be well-formed and not reserved", () => {
    expect(customCodeSchema.safeParse("launch-2026").success).toBe(true);
    expect(customCodeSchema.safeParse("Dashboard").success).toBe(false);
    expect(customCodeSchema.safeParse("no").success).toBe(false);
  });
});
