import { describe, expect, it } from "vitest";
import { forwardedLocation, isSafeExtraPath } from "../../../src/modules/redirect/forwarding.js";

describe("forwardedLocation: the query", () => {
  it("adds the visitor's parameters after the destination's, in order and as encoded", () => {
    expect(forwardedLocation("https://example.com/page", "utm_source=news&b=2", "")).toBe("https://example.com/page?utm_source=news&b=2");
    expect(forwardedLocation("https://example.com/page?id=7", "a=1%20x&b=%E2%9C%93", "")).toBe(
      "https://example.com/page?id=7&a=1%20x&b=%E2%9C%93",
    );
  });

  it("keeps the destination's value where both name a parameter, also spelled differently", () => {
    expect(forwardedLocation("https://example.com/?utm_source=owner&x=1", "utm_source=visitor&y=2", "")).toBe(
      "https://example.com/?utm_source=owner&x=1&y=2",
    );
    expect(forwardedLocation("https://example.com/?utm%5Fsource=owner", "utm_source=visitor", "")).toBe(
      "https://example.com/?utm%5Fsource=owner",
    );
  });

  it("keeps repeated parameters, empty values and bare names", () => {
    expect(forwardedLocation("https://example.com/", "a=1&a=2&empty=&flag", "")).toBe("https://example.com/?a=1&a=2&empty=&flag");
    expect(forwardedLocation("https://example.com/?a=0", "a=1&a=2", "")).toBe("https://example.com/?a=0");
    expect(forwardedLocation("https://example.com/", "&&", "")).toBe("https://example.com/");
  });

  it("puts the parameters before the destination's fragment", () => {
    expect(forwardedLocation("https://example.com/doc#part-2", "ref=x", "")).toBe("https://example.com/doc?ref=x#part-2");
  });

  it("percent-encodes raw bytes so the Location header stays ASCII", () => {
    // é as UTF-8 bytes, as a raw request URL carries them (latin1 characters).
    const raw = Buffer.from("q=é ü", "utf8").toString("latin1");
    expect(forwardedLocation("https://example.com/", raw, "")).toBe("https://example.com/?q=%C3%A9%20%C3%BC");
  });
});

describe("forwardedLocation: the path", () => {
  it("joins the visitor's path to the destination's, with or without a trailing slash on either", () => {
    expect(forwardedLocation("https://docs.example.com", null, "/intro")).toBe("https://docs.example.com/intro");
    expect(forwardedLocation("https://docs.example.com/", null, "/intro")).toBe("https://docs.example.com/intro");
    expect(forwardedLocation("https://docs.example.com/v2", null, "/guide/intro")).toBe("https://docs.example.com/v2/guide/intro");
    expect(forwardedLocation("https://docs.example.com/v2/", null, "/guide/")).toBe("https://docs.example.com/v2/guide/");
    expect(forwardedLocation("https://docs.example.com/v2?lang=en#top", "ref=x", "/guide")).toBe(
      "https://docs.example.com/v2/guide?lang=en&ref=x#top",
    );
  });

  it("refuses dot segments, encoded slashes, backslashes and empty segments", () => {
    for (const path of ["/..", "/../admin", "/a/./b", "/%2e%2e/x", "/.%2E/x", "/a%2Fb", "/a%5cb", "/a\\b", "//evil.example", "/a//b"]) {
      expect(isSafeExtraPath(path), path).toBe(false);
      expect(forwardedLocation("https://example.com/base", null, path), path).toBeNull();
    }
  });

  it("never leaves the destination's host", () => {
    expect(forwardedLocation("https://example.com", null, "/@evil.example")).toBe("https://example.com/@evil.example");
    expect(forwardedLocation("https://example.com", null, "/:80@evil.example")).toBe("https://example.com/:80@evil.example");
    expect(forwardedLocation("https://example.com", null, "/.evil.example")).toBe("https://example.com/.evil.example");
    // A destination without a path, and a visitor path that would read as a port or host if joined naively.
    expect(forwardedLocation("https://example.com:8443", null, "/x")).toBe("https://example.com:8443/x");
  });
});
