#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6 checks for a native query-engine
// library even when the client uses the TypeScript engine and the schema
// engine is WebAssembly; pointing it at any existing file stops the download
// attempt (nothing loads it). See README "Database and Prisma".
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const self = fileURLToPath(import.meta.url);
const preload = fileURLToPath(new URL("./unref-engine-timers.cjs", import.meta.url));

const result = spawnSync(process.execPath, ["--require", preload, cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  env: {
    PRISMA_QUERY_ENGINE_LIBRARY: self,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...process.env,
  },
});
process.exit(result.status ?? 1);
