import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../helpers/build-test-app.js";

const app = await buildTestApp({ corsOrigins: ["http://localhost:3000"] });
const sameOriginOnly = await buildTestApp();

const preflight = (target: typeof app, origin: string) =>
  target.inject({
    method: "OPTIONS",
    url: "/api/urls",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-client-version",
    },
  });

describe("CORS", () => {
  it("allows a configured origin with credentials and the X-Client-Version header", async () => {
    const res = await preflight(app, "http://localhost:3000");
    expect(res.statusCode).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    expect(res.headers["access-control-allow-credentials"]).toBe("true");
    expect(String(res.headers["access-control-allow-headers"]).toLowerCase()).toContain("x-client-version");
  });

  it.each(["GET", "POST", "PATCH", "DELETE"])("answers the preflight of a %s", async (method) => {
    const res = await app.inject({
      method: "OPTIONS",
      url: "/api/urls/abc1234",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": method,
        "access-control-request-headers": "authorization,x-client-version",
      },
    });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers["access-control-allow-methods"])).toContain(method);
  });

  it("lets the refresh cookie travel on credentialed requests from an allowed origin", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/token/refresh", headers: { origin: "http://localhost:3000" } });
    expect(res.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    expect(res.headers["access-control-allow-credentials"]).toBe("true");
  });

  it("gives no CORS headers to other origins", async () => {
    const res = await preflight(app, "https://evil.example");
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    const simple = await app.inject({ url: "/health", headers: { origin: "https://evil.example" } });
    expect(simple.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows no cross-origin access when CORS_ORIGINS is empty", async () => {
    const res = await preflight(sameOriginOnly, "http://localhost:3000");
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
