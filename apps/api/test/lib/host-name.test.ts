import { describe, expect, it } from "vitest";
import { hostAndParents, normaliseHost } from "../../src/lib/host-name.js";

describe("normaliseHost", () => {
  it("gives one spelling for every way of writing a host", () => {
    for (const input of [
      "evil.example",
      "EVIL.Example",
      "evil.example.",
      "evil.example..",
      "https://evil.example/path?q=1",
      "HTTPS://user:pass@EVIL.example.:8443/x",
      "user@evil.example",
      "evil.example:8080",
      "  evil.example/login ",
    ]) {
      expect(normaliseHost(input), input).toBe("evil.example");
    }
  });

  it("writes international names as punycode, so look-alike spellings meet", () => {
    expect(normaliseHost("bücher.example")).toBe("xn--bcher-kva.example");
    expect(normaliseHost("https://BÜCHER.example/")).toBe("xn--bcher-kva.example");
    expect(normaliseHost("xn--bcher-kva.example")).toBe("xn--bcher-kva.example");
    // Full-width dots and letters fold to ASCII under IDNA mapping.
    expect(normaliseHost("ｅｖｉｌ．example")).toBe("evil.example");
  });

  it("refuses what has no host name", () => {
    for (const input of ["", " ", "...", "exa mple.com", "http://", "-", "-evil.example", "evil-.example"]) {
      expect(normaliseHost(input), input).toBeNull();
    }
  });
});

describe("hostAndParents", () => {
  it("lists the host and each parent domain", () => {
    expect(hostAndParents("a.b.evil.example")).toEqual(["a.b.evil.example", "b.evil.example", "evil.example", "example"]);
  });
});
