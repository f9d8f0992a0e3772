import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const DESTINATION = `http://127.0.0.1:${process.env.E2E_DESTINATION_PORT ?? 8789}`;
export const PASSWORD = "correct horse battery";

export const uniqueEmail = (tag = "user") => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

/** Registers and logs in through the API; returns the token. */
export async function apiSignUp(request: APIRequestContext, email = uniqueEmail()): Promise<{ email: string; token: string }> {
  const reg = await request.post("/api/auth/register", { data: { email, password: PASSWORD } });
  expect(reg.status()).toBe(201);
  const login = await request.post("/api/auth/login-json", { data: { username: email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  return { email, token: (await login.json()).access_token };
}

export async function apiCreateLink(request: APIRequestContext, token: string, longUrl = `${DESTINATION}/${randomUUID()}`) {
  const res = await request.post("/api/urls", { data: { long_url: longUrl }, headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { short_code: string; long_url: string };
}

/** Puts a token where the SPA keeps it, before any page script runs. */
export async function signInPage(page: Page, token: string): Promise<void> {
  await page.addInitScript((t) => window.localStorage.setItem("auth_token", t), token);
}

/** Zero serious or critical axe violations on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

const shotsDir = path.resolve("test-results/screenshots");

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}
