#!/usr/bin/env node
// Builds the workspace, skipping each step whose inputs are unchanged since
// its last build (a hash of their contents, kept beside the outputs), so that
// restarting a built checkout starts the server at once. `--force` rebuilds all.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const force = process.argv.includes("--force");
const shared = ["package.json", "pnpm-lock.yaml", "tsconfig.base.json"];

/** Each step: what it reads, the file that records the inputs it was built from, and how. */
const steps = [
  {
    name: "contract",
    inputs: ["packages/contract/src", "packages/contract/package.json", "packages/contract/tsconfig.build.json"],
    stamp: "packages/contract/dist/.build-inputs",
    run: ["pnpm", ["--filter", "@shortly/contract", "run", "build"]],
  },
  {
    name: "api",
    inputs: [
      "apps/api/src",
      "apps/api/package.json",
      "apps/api/tsconfig.build.json",
      "apps/api/prisma.config.ts",
      "prisma/schema.prisma",
      "packages/contract/dist/.build-inputs",
    ],
    stamp: "apps/api/dist/.build-inputs",
    run: ["pnpm", ["--filter", "@shortly/api", "run", "build"]],
    ignore: ["apps/api/src/generated"],
  },
  {
    name: "web",
    inputs: [
      "apps/web/src",
      "apps/web/public",
      "apps/web/index.html",
      "apps/web/package.json",
      "apps/web/tsconfig.json",
      "apps/web/vite.config.ts",
      "packages/contract/dist/.build-inputs",
    ],
    stamp: "apps/web/dist/.build-inputs",
    run: ["pnpm", ["--filter", "@shortly/web", "run", "build"]],
  },
];

function* files(entry, ignore) {
  const full = path.join(root, entry);
  if (!existsSync(full) || ignore.some((prefix) => entry === prefix)) return;
  if (!statSync(full).isDirectory()) return yield entry;
  for (const child of readdirSync(full).sort()) {
    if (child === "__tests__" || child === "node_modules") continue;
    yield* files(path.join(entry, child), ignore);
  }
}

function inputsHash(step) {
  const hash = createHash("sha256");
  for (const entry of [...shared, ...step.inputs]) {
    for (const file of files(entry, step.ignore ?? []))
      hash
        .update(file)
        .update("\0")
        .update(readFileSync(path.join(root, file)))
        .update("\0");
  }
  return hash.digest("hex");
}

for (const step of steps) {
  const stamp = path.join(root, step.stamp);
  const wanted = inputsHash(step);
  if (!force && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) {
    console.log(`build: ${step.name} is up to date`);
    continue;
  }
  const [command, args] = step.run;
  rmSync(stamp, { force: true }); // a failed build must not leave the old stamp beside broken output
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, wanted);
}
