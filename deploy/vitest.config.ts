import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "deploy",
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
