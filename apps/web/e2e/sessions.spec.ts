import { expect, test, type Page } from "@playwright/test";
import { apiSignUp, PASSWORD, screenshot } from "./support";

async function uiLogin(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("a session outlives its access token through the refresh cookie", async ({ page, request }) => {
  const { email } = await apiSignUp(request);
  await uiLogin(page, email);
  // Stand-in for 15 minutes passing: the stored access token no longer validates.
  await page.evaluate(() => localStorage.setItem("auth_token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxfQ.expired"));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  // Data behind the expired token loads after one refresh, and the live socket reconnects with the new token.
  await expect(page.getByTestId("headline-clicks")).toHaveText("0");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  expect(page.url()).toMatch(/\/dashboard$/);
  const token = await page.evaluate(() => localStorage.getItem("auth_token"));
  expect(token).not.toContain("expired");
});

test("logging out in one tab ends the session in the other", async ({ context, request }) => {
  const { email } = await apiSignUp(request);
  const first = await context.newPage();
  await uiLogin(first, email);
  const second = await context.newPage();
  await second.goto("/dashboard");
  await expect(second.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  await first.goto("/account");
  await first.getByRole("button", { name: "Log out" }).click();
  await expect(first).toHaveURL(/\/login$/);
  await expect(second).toHaveURL(/\/login/);
  // The refresh cookie is gone too: reopening the dashboard asks for a login.
  await second.goto("/dashboard");
  await expect(second).toHaveURL(/\/login/);
});

test("repeated wrong passwords slow down, and the page says how long to wait", async ({ page, request }) => {
  const { email } = await apiSignUp(request);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("definitely-wrong");
  for (let i = 0; i < 8; i++) {
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("button", { name: "Log in" })).toBeEnabled(); // the answer is in
    if ((await page.getByRole("alert").textContent())?.includes("Please wait")) break;
  }
  await expect(page.getByRole("alert")).toContainText(/Too many attempts\. Please wait \d+ seconds? and try again\./);
});

test.describe("social login against a local OpenID Connect provider", () => {
  test("signs in with the provider and lands on the dashboard", async ({ page }) => {
    await page.goto("/login");
    await screenshot(page, "login-with-sso-desktop");
    await page.getByRole("link", { name: "Continue with Acme SSO" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/account");
    await expect(page.getByText("sso.user@acme.example")).toBeVisible();
  });

  test("a forged state is refused", async ({ page }) => {
    await page.goto("/api/auth/social/callback?code=stolen-code&state=forged-state");
    await expect(page).toHaveURL(/\/login\?social_error=state_mismatch/);
    await expect(page.getByRole("alert")).toHaveText("That sign-in link was not started in this browser. Please try again.");
  });

  test("a replayed callback is refused", async ({ page, context }) => {
    let callbackUrl = "";
    page.on("request", (req) => {
      if (req.url().includes("/api/auth/social/callback")) callbackUrl = req.url();
    });
    await page.goto("/login");
    await page.getByRole("link", { name: "Continue with Acme SSO" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    expect(callbackUrl).toContain("code=");
    const replay = await context.newPage();
    await replay.goto(callbackUrl);
    await expect(replay).toHaveURL(/\/login\?social_error=/);
    await expect(replay.getByRole("alert")).toBeVisible();
  });
});
