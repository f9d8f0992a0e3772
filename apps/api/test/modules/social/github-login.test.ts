import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { cookieValue } from "../../helpers/cookies.js";
import { startFakeGithub } from "../../helpers/fake-github.js";

const github = await startFakeGithub();
const app = await buildTestApp({
  socialProviders: [
    {
      id: "github",
      name: "GitHub",
      kind: "github",
      clientId: "gh-client",
      clientSecret: "gh-secret",
      webUrl: github.webUrl,
      apiUrl: github.apiUrl,
    },
  ],
});
const db = testDb();
resetDatabaseBeforeEach(db);

async function signInWithGithub() {
  const initiate = await app.inject({ url: "/api/auth/social/github/initiate" });
  expect(initiate.statusCode).toBe(302);
  const authorize = new URL(initiate.headers.location as string);
  expect(authorize.pathname).toBe("/login/oauth/authorize");
  expect(authorize.searchParams.get("scope")).toBe("read:user user:email");
  const back = await fetch(authorize, { redirect: "manual" });
  const callback = new URL(back.headers.get("location")!);
  return app.inject({ url: callback.pathname + callback.search, cookies: { social_state: cookieValue(initiate, "social_state")! } });
}

describe("GitHub sign-in (OAuth 2 + REST API)", () => {
  it("signs in with the primary verified email", async () => {
    github.state.account = {
      id: 4242,
      emails: [
        { email: "old@example.com", primary: false, verified: false },
        { email: "Octo@Example.com", primary: true, verified: true },
      ],
    };
    const res = await signInWithGithub();
    expect(res.headers.location).toBe("/auth/callback");
    const { rows } = await db.query("SELECT s.provider, s.subject, u.email FROM social_accounts s JOIN users u ON u.id = s.user_id");
    expect(rows).toEqual([{ provider: "github", subject: "4242", email: "octo@example.com" }]);
  });

  it("refuses an account without a verified email", async () => {
    github.state.account = { id: 77, emails: [{ email: "unverified@example.com", primary: true, verified: false }] };
    const res = await signInWithGithub();
    expect(res.headers.location).toBe("/login?social_error=unverified_email");
    expect((await db.query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(0);
  });
});
