import { describe, expect, it } from "vitest";
import { withUtm } from "../utm";

describe("withUtm", () => {
  it("adds the filled-in parameters after the destination's own, encoded", () => {
    expect(withUtm("https://example.com/page?id=7#top", { source: "news letter", medium: "email", campaign: "spring&sale" })).toBe(
      "https://example.com/page?id=7&utm_source=news+letter&utm_medium=email&utm_campaign=spring%26sale#top",
    );
  });

  it("replaces a utm parameter the destination already has, and leaves out empty fields", () => {
    expect(withUtm("https://example.com/?utm_source=old&x=1", { source: "new", term: "  ", content: "" })).toBe(
      "https://example.com/?utm_source=new&x=1",
    );
  });

  it("gives null for what is not a URL", () => {
    expect(withUtm("not a url", { source: "x" })).toBeNull();
  });
});
