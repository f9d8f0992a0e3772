import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { EnrichedClick } from "../../src/modules/clicks/click.js";

export interface TestUser {
  id: number;
  email: string;
  password: string;
  token: string;
  headers: { authorization: string };
}

/** Registers and logs in a user through the API, as the SPA would. */
export async function createUser(app: FastifyInstance, overrides: { email?: string; password?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? `user-${randomUUID()}@example.com`;
  const password = overrides.password ?? "correct horse battery";
  const registered = await app.inject({ method: "POST", url: "/api/auth/register", payload: { email, password } });
  expect(registered.statusCode).toBe(201);
  const login = await app.inject({ method: "POST", url: "/api/auth/login-json", payload: { username: email, password } });
  expect(login.statusCode).toBe(200);
  const token = login.json<{ access_token: string }>().access_token;
  return { id: registered.json<{ id: number }>().id, email, password, token, headers: { authorization: `Bearer ${token}` } };
}

export async function createLink(
  app: FastifyInstance,
  user: TestUser,
  body: Record<string, unknown> = {},
): Promise<{ short_code: string; long_url: string }> {
  const res = await app.inject({
    method: "POST",
    url: "/api/urls",
    headers: user.headers,
    payload: { long_url: `https://example.com/${randomUUID()}`, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A person's browser: bots (and test clients, which isbot counts as bots) never use up a link's max_clicks. */
export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
export const BROWSER = { "user-agent": BROWSER_UA };

/** A click as the click writer stores it: nothing known about the visit but what `fields` say. */
export const enrichedClick = (fields: Partial<EnrichedClick> = {}): EnrichedClick => ({
  linkId: 1,
  userId: 1,
  code: "x",
  clickedAt: new Date(),
  referrer: null,
  referrerHost: null,
  userAgent: null,
  browser: null,
  os: null,
  device: null,
  country: null,
  city: null,
  isBot: false,
  visitor: null,
  ...fields,
});
