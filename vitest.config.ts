import { defineConfig } from "vitest/config";

// One `vitest run` covers every package; each project has its own config.
export default defineConfig({
  test: {
    projects: ["packages/contract", "apps/api", "apps/web", "deploy"],
  },
});
