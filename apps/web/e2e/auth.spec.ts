import { expect, test } from "@playwright/test";
import { apiCreateLink, apiSignUp, PASSWORD, signInPage, uniqueEmail } from "./support";

test("a wrong password shows a clear message", async ({ page, request }) => {
  const { email } = await apiSignUp(request);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-my-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password don't match an account. Check them and try again.");
  await expect(page).toHaveURL(/\/login/);
});

test("registering an email twice explains what happened", async ({ page, request }) => {
  const { email } = await apiSignUp(request);
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert")).toContainText("An account with this email already exists.");
  await expect(page.getByRole("link", { name: "Log in instead" })).toBeVisible();
});

test("an expired or invalid token sends the user to login, then back", async ({ page, request }) => {
  const { email, token } = await apiSignUp(request);
  const link = await apiCreateLink(request, token);
  await signInPage(page, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxfQ.invalid");
  await page.goto(`/links/${link.short_code}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByText("Your session has ended.")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("auth_token"))).toBeNull();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(new RegExp(`/links/${link.short_code}$`));
});

test("login works with the keyboard alone", async ({ page, request }) => {
  const { email } = await apiSignUp(request, uniqueEmail("keyboard"));
  await page.goto("/login");
  await expect(page.getByLabel("Email")).toBeVisible();
  // Tab through the header (skip link, brand, nav) to the form: a handful of stops at most.
  for (let stops = 0; stops < 8; stops++) {
    await page.keyboard.press("Tab");
    if (await page.getByLabel("Email").evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

test("the fourth link on the free plan shows the plan-limit message", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  for (let i = 0; i < 3; i++) await apiCreateLink(request, token);
  await signInPage(page, token);
  await page.goto("/links");
  await expect(page.getByText("3 of 3 links")).toBeVisible();
  await page.getByLabel("Long URL").fill("https://example.org/fourth");
  await page.getByRole("button", { name: "Shorten" }).click();
  await expect(page.getByRole("alert")).toHaveText("Free plan limit: You can only create up to 3 URLs");
});
