import { defineConfig } from "vitest/config";

// One `vitest run` covers every package; each project has its own config.
export default defineConfig({
  test: {
    projects: [
      "packages/contract",
      "apps/api",
      "apps/web",
      "deploy",
      // Checks on the repository itself (the lint fences).
      { test: { name: "repo", include: ["test/**/*.test.mjs"], testTimeout: 60_000 } },
    ],
  },
});
