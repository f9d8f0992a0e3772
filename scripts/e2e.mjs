#!/usr/bin/env node
// Runs the browser suite when a Chromium is available. Without one it says so
// loudly and exits 0 on a developer's machine, but fails in CI (.ci/run installs it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const chromium = candidates.find((p) => p && existsSync(p));

if (!chromium) {
  const banner = "#".repeat(72);
  console.error(`\n${banner}\n#  END-TO-END TESTS SKIPPED: no Chromium found.\n#  Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.\n${banner}\n`);
  process.exit(process.env.CI ? 1 : 0);
}

const result = spawnSync("pnpm", ["--filter", "@shortly/web", "run", "e2e"], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
