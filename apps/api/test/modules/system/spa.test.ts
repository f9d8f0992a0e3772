import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../helpers/build-test-app.js";

const dist = mkdtempSync(path.join(tmpdir(), "shortly-web-"));
mkdirSync(path.join(dist, "assets"));
writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Shortly</title>");
writeFileSync(path.join(dist, "assets", "app-3f2a1b.js"), "console.log('app')");
writeFileSync(path.join(dist, "favicon.svg"), "<svg/>");
const app = await buildTestApp({ webDistDir: dist });

describe("the built SPA on the API's origin", () => {
  it.each(["/", "/login", "/register", "/dashboard", "/account", "/links/abc1234"])("serves the app shell at %s", async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.body).toContain("<title>Shortly</title>");
  });

  it("serves hashed assets as immutable", async () => {
    const res = await app.inject({ url: "/assets/app-3f2a1b.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers a missing asset with a JSON 404, not the shell a browser would run as a script", async () => {
    const res = await app.inject({ url: "/assets/app-0ld0ld.js" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ detail: "Not Found" });
  });

  it("never lets a cache keep the shell, asked for by its own name either", async () => {
    for (const url of ["/", "/index.html"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.headers["content-security-policy"], url).toBeDefined();
    }
  });

  it("leaves the web app's pages out of the OpenAPI document", async () => {
    const paths = Object.keys((await app.inject({ url: "/api/openapi.json" })).json().paths as Record<string, unknown>);
    expect(paths).toContain("/{code}");
    for (const page of ["/", "/login", "/links/{code}", "/admin"]) expect(paths, page).not.toContain(page);
  });

  it("serves root files that are not short codes", async () => {
    const res = await app.inject({ url: "/favicon.svg" });
    expect(res.statusCode).toBe(200);
  });

  it("answers unknown page paths with the shell and 404 (the SPA shows its not-found page)", async () => {
    const res = await app.inject({ url: "/x/unknown/page" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("text/html");
    // A first segment shaped like a short code is a short link's forwarded path: the visitors' 404.
    const link = await app.inject({ url: "/some/unknown/page", headers: { accept: "text/html" } });
    expect(link.statusCode).toBe(404);
    expect(link.body).toContain("There’s no link here");
  });

  it("keeps JSON 404s for the API", async () => {
    const res = await app.inject({ url: "/api/unknown/thing" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: "Not Found" });
  });
});
