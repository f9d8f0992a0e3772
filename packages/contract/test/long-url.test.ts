import { describe, expect, it } from "vitest";
import { longUrlSchema, toValidationIssues } from "../src/index.js";

const typeOf = (value: unknown) => {
  const result = longUrlSchema.safeParse(value, { reportInput: true });
  return result.success ? "ok" : toValidationIssues(result.error.issues, "body")[0]?.type;
};

describe("long URL rules", () => {
  it("accepts http and https URLs with a host and normalises them", () => {
    expect(longUrlSchema.parse("  https://Example.com/a b?q=1#top ")).toBe("https://example.com/a%20b?q=1#top");
    expect(longUrlSchema.parse("http://localhost:3000")).toBe("http://localhost:3000/");
    expect(longUrlSchema.parse("https://例え.jp/パス")).toBe("https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9");
  });

  it.each([
    ["javascript:alert(1)", "value_error.url.scheme"],
    ["JAVASCRIPT:alert(1)", "value_error.url.scheme"],
    ["data:text/html,hi", "value_error.url.scheme"],
    ["file:///etc/passwd", "value_error.url.scheme"],
    ["mailto:a@b.co", "value_error.url.scheme"],
    ["//example.com", "value_error.url.scheme"],
    ["example.com", "value_error.url.scheme"],
    ["http://", "value_error.url"],
    ["https://exa mple.com", "value_error.url"],
    [`https://e.com/${"a".repeat(2048)}`, "value_error.any_str.max_length"],
    [undefined, "value_error.missing"],
    [42, "value_error.invalid_type"],
  ])("rejects %j as %s", (value, type) => {
    expect(typeOf(value)).toBe(type);
  });
});
