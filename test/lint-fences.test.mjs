// The architecture's import rules (eslint.config.js) must fire: each case
// lints a wrong-way import as if it were written in a real file of the repo.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problems(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the architecture's import fences", () => {
  it.each([
    [
      "a route importing a repository",
      "apps/api/src/modules/links/routes.ts",
      'import { createLinksRepository } from "./repository.js";\nvoid createLinksRepository;',
      /Routes call services/,
    ],
    [
      "a route importing the database client",
      "apps/api/src/modules/links/routes.ts",
      'import pg from "pg";\nvoid pg;',
      /Routes call services/,
    ],
    [
      "a repository importing Fastify",
      "apps/api/src/modules/links/repository.ts",
      'import Fastify from "fastify";\nvoid Fastify;',
      /know nothing of HTTP/,
    ],
    [
      "the click writer importing Fastify",
      "apps/api/src/modules/clicks/click-writer.ts",
      'import fp from "fastify-plugin";\nvoid fp;',
      /know neither Fastify nor the database/,
    ],
    [
      "a service importing Fastify",
      "apps/api/src/modules/links/service.ts",
      'import type { FastifyInstance } from "fastify";\nexport type X = FastifyInstance;',
      /Services and module logic know neither/,
    ],
    [
      "module logic importing the database client",
      "apps/api/src/modules/links/link-input.ts",
      'import pg from "pg";\nvoid pg;',
      /Services and module logic know neither/,
    ],
    [
      "a new route file importing a repository",
      "apps/api/src/modules/links/zz-fixture-routes.ts",
      'import { createLinksRepository } from "./repository.js";\nvoid createLinksRepository;',
      /Routes call services/,
    ],
    [
      "a new repository file importing Fastify",
      "apps/api/src/modules/links/zz-fixture-repository.ts",
      'import Fastify from "fastify";\nvoid Fastify;',
      /know nothing of HTTP/,
    ],
    [
      "a module reaching into another module's repository",
      "apps/api/src/modules/redirect/zz-fixture.ts",
      'import { createLinksRepository } from "../links/repository.js";\nvoid createLinksRepository;',
      /only through its service\.ts/,
    ],
    [
      "a module reaching into another module's errors",
      "apps/api/src/modules/analytics/zz-fixture.ts",
      'import { LinkGoneError } from "../links/errors.js";\nvoid LinkGoneError;',
      /only through its service\.ts/,
    ],
    [
      "a plugin importing a module",
      "apps/api/src/plugins/zz-fixture.ts",
      'import { createLinksService } from "../modules/links/service.js";\nvoid createLinksService;',
      /Plugins are infrastructure/,
    ],
    ["lib importing Fastify", "apps/api/src/lib/zz-fixture.ts", 'import Fastify from "fastify";\nvoid Fastify;', /framework-free leaf/],
    [
      "one web feature importing another",
      "apps/web/src/features/analytics/zz-fixture.ts",
      'import { linksKeys } from "../links/api/links-keys";\nvoid linksKeys;',
      /Web features do not import each other/,
    ],
    [
      "shared web code importing a feature",
      "apps/web/src/lib/zz-fixture.ts",
      'import { linksKeys } from "../features/links/api/links-keys";\nvoid linksKeys;',
      /Shared web code knows no feature/,
    ],
    [
      "the SPA importing the API",
      "apps/web/src/lib/zz-fixture.ts",
      'import { buildApp } from "../../../api/src/app.js";\nvoid buildApp;',
      /talks to the API over HTTP/,
    ],
    [
      "the contract importing Fastify",
      "packages/contract/src/zz-fixture.ts",
      'import Fastify from "fastify";\nvoid Fastify;',
      /imports zod only/,
    ],
  ])("refuses %s", async (_what, filePath, code, expected) => {
    expect((await problems(filePath, code)).join("\n")).toMatch(expected);
  });

  it("lets a module use another through its service.ts", async () => {
    const code = 'import type { LinksService } from "../links/service.js";\nexport type X = LinksService;';
    expect(await problems("apps/api/src/modules/analytics/zz-fixture.ts", code)).toEqual([]);
  });

  it("lints .mjs files too", async () => {
    expect((await problems("scripts/zz-fixture.mjs", "const unused = 1;")).join("\n")).toMatch(/no-unused-vars/);
  });
});
