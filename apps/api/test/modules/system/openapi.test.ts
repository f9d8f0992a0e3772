// The OpenAPI document is generated from the routes as registered: it must be
// a valid OpenAPI 3.1 document, hold every route, and say truly which ones
// need a credential.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../helpers/build-test-app.js";

const app = await buildTestApp();
await app.ready();

interface Operation {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const res = await app.inject({ url: "/api/openapi.json" });
const doc = res.json() as Document;
/** Fastify's `/api/urls/:short_code` is OpenAPI's `/api/urls/{short_code}`. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, "{$1}");
/** Serving the documentation itself is not part of the API it documents. */
const isDocumentation = (url: string) => url === "/api/openapi.json" || url.startsWith("/api/docs");

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(res.statusCode).toBe(200);
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every route Fastify registered, with the contract's error body", () => {
    const missing: string[] = [];
    for (const { method, url } of app.registeredRoutes) {
      // A catch-all (the redirect's forwarded paths) has no one path to document; /{code} documents the redirect.
      if (method === "HEAD" || isDocumentation(url) || url.endsWith("/*")) continue;
      const operation = doc.paths[toOpenApiPath(url)]?.[method.toLowerCase()];
      if (!operation) {
        missing.push(`${method} ${url}`);
        continue;
      }
      for (const range of ["4XX", "5XX"]) {
        const body = operation.responses[range]?.content?.["application/json"]?.schema as
          { properties?: Record<string, unknown> } | undefined;
        if (!body?.properties?.detail) missing.push(`${method} ${url}: no ${range} error body`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("documents a successful answer for every operation, the redirect's and the CSV's included", () => {
    const withoutSuccess = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !Object.keys(operation.responses).some((status) => /^[123]\d\d$/.test(status)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withoutSuccess).toEqual([]);
    expect(Object.keys(doc.paths["/{code}"]!.get!.responses)).toEqual(expect.arrayContaining(["301", "302", "307", "308", "200"]));
    expect(doc.paths["/api/urls/{short_code}/clicks.csv"]!.get!.responses["200"]!.content).toHaveProperty("text/csv");
  });

  it("gives request and response schemas from the contract", () => {
    const create = doc.paths["/api/urls"]!.post!;
    expect(JSON.stringify(create)).toContain("long_url");
    expect(create.responses["201"]?.content?.["application/json"]).toBeDefined();
    const keys = doc.paths["/api/keys"]!.post!;
    expect(keys.responses["201"]?.content?.["application/json"]?.schema).toMatchObject({ properties: { key: { type: "string" } } });
  });

  it("names the credential of exactly the routes that refuse a request without one", async () => {
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === "head" || path.includes("/ws")) continue;
        const url = path.replace(/\{[^}]+\}/g, "abc1234");
        const answer = await app.inject({
          method: method.toUpperCase() as "GET",
          url,
          payload: method === "get" || method === "delete" ? undefined : {},
        });
        const refusesAnonymous = answer.statusCode === 401;
        const documented = (operation.security ?? []).length > 0;
        if (refusesAnonymous !== documented)
          wrong.push(
            `${method.toUpperCase()} ${path}: ${answer.statusCode} without a credential, security ${JSON.stringify(operation.security ?? [])}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("GET /api/docs", () => {
  it("serves the interactive reference from this origin, with no CDN", async () => {
    const page = await app.inject({ url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\/[^"]*\.(js|css)/i);
    const scripts = [...page.body.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const asset = await app.inject({ url: new URL(script, "http://x/api/docs/").pathname });
      expect(asset.statusCode, script).toBe(200);
    }
  });
});
