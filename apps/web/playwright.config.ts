import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2eApiEnv, OIDC_PORT } from "./e2e/api-env.mjs";

// The e2e suite drives Debian's Chromium (Playwright's own download is not
// available here) against the production build, started as a user starts it.
const port = Number(process.env.E2E_PORT ?? 8788);
const destinationPort = Number(process.env.E2E_DESTINATION_PORT ?? 8789);
const external = process.env.E2E_BASE_URL; // e.g. the nginx front, started by its own harness
const baseURL = external ?? `http://localhost:${port}`;
// Made once, by the runner: its workers load this file again and inherit the variable, so operator
// tools in the specs (pnpm admin) reach the server's embedded database through the same DATA_DIR.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "shortly-e2e-"));
chmodSync(dataDir, 0o755); // PostgreSQL runs as its own OS user when we are root
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/artifacts",
  fullyParallel: false,
  workers: 1, // the specs share one database
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node e2e/oidc-server.mjs",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
    },
    {
      command: `node e2e/destination-server.mjs ${destinationPort}`,
      url: `http://127.0.0.1:${destinationPort}/health`,
      reuseExistingServer: false,
    },
    ...(external
      ? []
      : [
          {
            // The built server with its embedded PostgreSQL in a fresh data folder.
            command: "node ../api/dist/server.js",
            url: `http://localhost:${port}/api/health`,
            timeout: 120_000,
            reuseExistingServer: false,
            env: {
              PORT: String(port),
              HOST: "127.0.0.1",
              DATA_DIR: dataDir,
              LOG_LEVEL: "warn",
              PUBLIC_URL: `http://localhost:${port}`,
              ...e2eApiEnv,
            },
          },
        ]),
  ],
});

export const destinationOrigin = `http://127.0.0.1:${destinationPort}`;
