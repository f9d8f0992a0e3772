import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb, TEST_PUBLIC_URL } from "../../helpers/build-test-app.js";
import { cookieValue } from "../../helpers/cookies.js";
import { createUser } from "../../helpers/factories.js";
import { startOidcServer } from "../../helpers/oidc-server.js";

const oidc = await startOidcServer();
const provider = {
  id: "oidc" as const,
  name: "Acme SSO",
  kind: "oidc" as const,
  issuer: oidc.issuer,
  clientId: "shortly",
  clientSecret: "test-client-secret",
};
const app = await buildTestApp({ socialProviders: [provider] });
const withoutProviders = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

/** initiate → the provider's authorize endpoint → the callback URL it sends the browser to. */
async function startFlow(target: FastifyInstance = app) {
  const initiate = await target.inject({ url: "/api/auth/social/oidc/initiate" });
  expect(initiate.statusCode).toBe(302);
  const authorizeUrl = new URL(initiate.headers.location as string);
  expect(authorizeUrl.origin).toBe(new URL(oidc.issuer).origin);
  expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorizeUrl.searchParams.get("nonce")).toBeTruthy();
  expect(authorizeUrl.searchParams.get("redirect_uri")).toBe(`${TEST_PUBLIC_URL}/api/auth/social/callback`);
  const authorize = await fetch(authorizeUrl, { redirect: "manual" });
  expect(authorize.status).toBe(302);
  const callback = new URL(authorize.headers.get("location")!);
  return { callback: `${callback.pathname}${callback.search}`, stateCookie: cookieValue(initiate, "social_state")! };
}

const finish = (callback: string, stateCookie?: string) =>
  app.inject({ url: callback, cookies: stateCookie ? { social_state: stateCookie } : {} });

async function accessTokenFrom(res: Awaited<ReturnType<typeof finish>>) {
  const refresh = await app.inject({
    method: "POST",
    url: "/api/auth/token/refresh",
    cookies: { refresh_token: cookieValue(res, "refresh_token")! },
  });
  expect(refresh.statusCode).toBe(200);
  return refresh.json().access_token as string;
}

describe("GET /api/auth/social/providers", () => {
  it("lists the configured providers", async () => {
    const res = await app.inject({ url: "/api/auth/social/providers" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: "oidc", name: "Acme SSO", initiate_url: "/api/auth/social/oidc/initiate" }]);
  });

  it("answers [] when none is configured", async () => {
    const res = await withoutProviders.inject({ url: "/api/auth/social/providers" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it("answers 404 JSON for an unknown provider", async () => {
    const res = await app.inject({ url: "/api/auth/social/myspace/initiate" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: "Not Found" });
  });
});

describe("the OpenID Connect flow against a real provider", () => {
  it("creates an account from a verified email, sets the refresh cookie and sends the browser to the SPA", async () => {
    oidc.state.identity = { sub: "acme-42", email: "New.Person@Example.com", email_verified: true };
    const { callback, stateCookie } = await startFlow();
    const res = await finish(callback, stateCookie);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/auth/callback");
    expect(res.headers.location).not.toMatch(/token|code/);
    const me = await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${await accessTokenFrom(res)}` } });
    expect(me.json()).toMatchObject({ email: "new.person@example.com", plan: "free" });
    const { rows } = await db.query("SELECT provider, subject, email FROM social_accounts");
    expect(rows).toEqual([{ provider: "oidc", subject: "acme-42", email: "new.person@example.com" }]);
  });

  it("signs the same identity into the same account next time", async () => {
    oidc.state.identity = { sub: "acme-7", email: "repeat@example.com", email_verified: true };
    const first = await startFlow();
    await finish(first.callback, first.stateCookie);
    const second = await startFlow();
    expect((await finish(second.callback, second.stateCookie)).statusCode).toBe(302);
    expect((await db.query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(1);
  });

  it("links to an existing account only through a verified email", async () => {
    const existing = await createUser(app, { email: "owner@example.com" });
    oidc.state.identity = { sub: "acme-unverified", email: "owner@example.com", email_verified: false };
    const unverified = await startFlow();
    const refused = await finish(unverified.callback, unverified.stateCookie);
    expect(refused.headers.location).toBe("/login?social_error=unverified_email");
    expect((await db.query("SELECT count(*)::int AS n FROM social_accounts")).rows[0].n).toBe(0);

    oidc.state.identity = { sub: "acme-verified", email: "owner@example.com", email_verified: true };
    const verified = await startFlow();
    const res = await finish(verified.callback, verified.stateCookie);
    const me = await app.inject({ url: "/api/me", headers: { authorization: `Bearer ${await accessTokenFrom(res)}` } });
    expect(me.json().id).toBe(existing.id);
  });

  it("rejects a callback whose state does not match the browser's", async () => {
    const victim = await startFlow();
    const attacker = await startFlow();
    // The attacker's code and state, completed in the victim's browser (login CSRF).
    const res = await finish(attacker.callback, victim.stateCookie);
    expect(res.headers.location).toBe("/login?social_error=state_mismatch");
    expect(cookieValue(res, "refresh_token")).toBeUndefined();
    const forged = await finish(victim.callback.replace(/state=[^&]+/, "state=forged"), victim.stateCookie);
    expect(forged.headers.location).toBe("/login?social_error=state_mismatch");
    expect(await finish(victim.callback)).toMatchObject({ statusCode: 302, headers: { location: "/login?social_error=state_mismatch" } });
  });

  it("rejects a replayed callback", async () => {
    const { callback, stateCookie } = await startFlow();
    expect((await finish(callback, stateCookie)).headers.location).toBe("/auth/callback");
    const replay = await finish(callback, stateCookie);
    expect(replay.headers.location).toBe("/login?social_error=expired");
    expect(cookieValue(replay, "refresh_token")).toBeUndefined();
  });

  it("reports a denied consent and an unreachable provider", async () => {
    const { stateCookie } = await startFlow();
    const denied = await finish(`/api/auth/social/callback?error=access_denied&state=${stateCookie}`, stateCookie);
    expect(denied.headers.location).toBe("/login?social_error=denied");
    const down = await buildTestApp({ socialProviders: [{ ...provider, issuer: "http://127.0.0.1:1/" }] });
    const initiate = await down.inject({ url: "/api/auth/social/oidc/initiate" });
    expect(initiate.statusCode).toBe(302);
    expect(initiate.headers.location).toBe("/login?social_error=unavailable");
  });
});
