// docs/configuration.md and .env.example must name exactly the variables the server reads.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "../src/config.js";

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../../${file}`, import.meta.url)), "utf8");

describe("the configuration docs", () => {
  it("docs/configuration.md has one row for every variable the server reads, and none it does not", () => {
    const serverSection = read("docs/configuration.md").split(/^## /m)[0]!;
    const documented = [...serverSection.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it(".env.example names every variable the server reads", () => {
    const example = read(".env.example");
    const named = new Set([...example.matchAll(/^#?\s*([A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect(ENV_VARIABLES.filter((name) => !named.has(name))).toEqual([]);
  });
});
