// Lint rules, and the architecture as rules (STYLE.md's dependency direction):
// contract ← api, contract ← web; in the API routes → service → repository;
// one API module reaches another only through its service.ts; web features
// do not import each other. test/lint-fences.test.mjs proves each rule fires.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const folders = (dir) =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

const restrict = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

const FASTIFY = ["fastify", "fastify-*", "@fastify/*"];
const DATABASE_CLIENTS = ["pg", "@prisma/*", "ioredis", "**/db/*", "**/generated/prisma/**"];

/** Each folder of `parent` may import another only through the files in `except`. */
const onlyThrough = (parent, names, except, message) =>
  names.flatMap((target) =>
    names
      .filter((other) => other !== target)
      .map((other) => ({ target: `${parent}/${target}`, from: `${parent}/${other}`, except, message })),
  );

const MODULE_ROUTES = [
  "apps/api/src/modules/**/routes.ts",
  "apps/api/src/modules/**/*-routes.ts",
  "apps/api/src/modules/redirect/fast-route.ts",
  // A visit's outcome written as a Fastify reply.
  "apps/api/src/modules/redirect/visit-replies.ts",
];
const MODULE_DATA_ACCESS = [
  "apps/api/src/modules/**/repository.ts",
  "apps/api/src/modules/**/*-repository.ts",
  // The writer thread's entry opens its own database pool.
  "apps/api/src/modules/clicks/click-writer-thread.ts",
];

const apiModules = folders("./apps/api/src/modules");
const webFeatures = folders("./apps/web/src/features");

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/generated/**", ".data/**", "**/test-results/**", "**/playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Scripts, benchmarks and deploy helpers run under plain Node.
  { files: ["**/*.mjs", "**/*.cjs", "eslint.config.js"], languageOptions: { globals: globals.node } },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["apps/web/src/**/*.{ts,tsx}"], ...reactHooks.configs.flat["recommended-latest"] },

  // Imports by kind of file: what each layer may not use at all.
  restrict(
    ["packages/contract/src/**"],
    [{ group: ["../**", ...FASTIFY, "@prisma/*", "react*", "@shortly/*", "node:*"], message: "The contract imports zod only." }],
  ),
  restrict(
    ["apps/web/src/**"],
    [
      {
        group: ["**/apps/api/**", "@shortly/api", "@prisma/*", "fastify", "**/generated/prisma/**"],
        message: "The SPA talks to the API over HTTP through @shortly/contract.",
      },
    ],
  ),
  restrict(
    ["apps/api/src/lib/**"],
    [{ group: ["../modules/*", "../plugins/*", "../app.js", "../db/*", ...FASTIFY], message: "lib is a framework-free leaf." }],
  ),
  // Every file of an API module is one of three kinds, told by its name:
  // routes (HTTP in and out), repositories (data access) and the rest, the
  // module's logic, which knows neither.
  restrict(MODULE_ROUTES, [
    {
      group: ["./repository.js", "./*-repository.js", "../*/repository.js", ...DATABASE_CLIENTS],
      message: "Routes call services; data access lives in repositories.",
    },
  ]),
  restrict(MODULE_DATA_ACCESS, [{ group: FASTIFY, message: "Repositories and the click writer know nothing of HTTP." }]),
  {
    ...restrict(
      ["apps/api/src/modules/**/*.ts"],
      [
        {
          group: [...FASTIFY, ...DATABASE_CLIENTS, "../*/repository.js"],
          message:
            "Services and module logic know neither Fastify nor the database; they reach data through the repository they are given.",
        },
      ],
    ),
    ignores: [...MODULE_ROUTES, ...MODULE_DATA_ACCESS],
  },

  // Boundaries between folders, by resolved path.
  {
    files: ["apps/**/*.{ts,tsx}", "packages/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createTypeScriptImportResolver({ project: ["apps/*/tsconfig.json", "packages/*/tsconfig.json"], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./apps/web", from: "./apps/api", message: "The SPA talks to the API over HTTP through @shortly/contract." },
            { target: "./apps/api", from: "./apps/web", message: "The API knows nothing of the SPA's code." },
            { target: "./packages/contract", from: "./apps", message: "The contract imports zod only." },
            ...onlyThrough("./apps/api/src/modules", apiModules, ["./service.ts"], "A module reaches another only through its service.ts."),
            {
              target: "./apps/api/src/plugins",
              from: "./apps/api/src/modules",
              message: "Plugins are infrastructure: they know no module.",
            },
            ...onlyThrough("./apps/web/src/features", webFeatures, [], "Web features do not import each other: compose them in src/app."),
            {
              target: ["./apps/web/src/components", "./apps/web/src/lib"],
              from: ["./apps/web/src/features", "./apps/web/src/app"],
              message: "Shared web code knows no feature.",
            },
          ],
        },
      ],
    },
  },
);
