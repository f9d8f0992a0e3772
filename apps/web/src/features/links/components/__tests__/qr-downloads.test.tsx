import { describe, expect, it } from "vitest";
import { qrFileName } from "../qr-downloads";

describe("qrFileName", () => {
  it("names the file after the short URL, safe on every file system", () => {
    expect(qrFileName("https://sho.rt/abc_12-X")).toBe("sho.rt-abc_12-X");
    expect(qrFileName("http://localhost:8080/launch")).toBe("localhost-8080-launch");
  });
});
