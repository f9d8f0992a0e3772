// Lint rules, including the dependency direction from STYLE.md:
// contract ← api, contract ← web; in the API routes → service → repository → prisma.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const restrict = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/generated/**", ".data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Scripts, benchmarks and deploy helpers run under plain Node.
  { files: ["**/*.mjs", "**/*.cjs"], languageOptions: { globals: globals.node } },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  restrict(["packages/contract/src/**"], [
    { group: ["../**", "fastify*", "@fastify/*", "@prisma/*", "react*", "@shortly/*", "node:*"], message: "The contract imports zod only." },
  ]),
  restrict(["apps/web/src/**"], [
    { group: ["**/apps/api/**", "@shortly/api", "@prisma/*", "fastify", "**/generated/prisma/**"], message: "The SPA talks to the API over HTTP through @shortly/contract." },
  ]),
  restrict(["apps/api/src/lib/**"], [
    { group: ["../modules/*", "../plugins/*", "../app.js", "../db/*", "fastify"], message: "lib is a framework-free leaf." },
  ]),
  restrict(["apps/api/src/modules/**/routes.ts"], [
    { group: ["./repository.js", "../*/repository.js", "**/db/*", "**/generated/prisma/**"], message: "Routes call services; data access lives in repositories." },
  ]),
  restrict(["apps/api/src/modules/**/service.ts"], [
    { group: ["fastify", "**/db/*", "**/generated/prisma/**", "../*/repository.js"], message: "Services know neither Fastify nor Prisma; other modules only through their service." },
  ]),
);
