// Files small enough to read in one sitting: the API's source files stay
// under 250 lines, and half of them under 40. Generated code does not count.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../apps/api/src", import.meta.url));

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const lines = (file) => readFileSync(file, "utf8").split("\n").length - 1;

describe("the API's source files", () => {
  const sizes = sourceFiles(src).map((file) => ({ file: path.relative(src, file), lines: lines(file) }));

  it("are found", () => {
    expect(sizes.length).toBeGreaterThan(50);
  });

  it("are none over 250 lines", () => {
    expect(sizes.filter((s) => s.lines > 250)).toEqual([]);
  });

  it("have a median of at most 40 lines", () => {
    const sorted = sizes.map((s) => s.lines).sort((a, b) => a - b);
    expect(sorted[Math.floor((sorted.length - 1) / 2)]).toBeLessThanOrEqual(40);
  });
});
