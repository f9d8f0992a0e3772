import { expect, test, type Page } from "@playwright/test";
import { apiCreateLink, apiSignUp, expectAccessible, screenshot, signInPage } from "./support";

const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 360, height: 740 },
];

async function check(page: Page, path: string, heading: RegExp | string, name: string) {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await screenshot(page, `${name}-${viewport.name}`);
  }
}

test("public pages are accessible at desktop and phone widths", async ({ page }) => {
  await check(page, "/", /Short links you can trust/, "landing");
  await check(page, "/login", "Log in", "login");
  await check(page, "/register", "Create your free account", "register");
  await check(page, "/no/such/page", "This page does not exist", "not-found");
});

test("signed-in pages are accessible at desktop and phone widths", async ({ page, request }) => {
  test.setTimeout(60_000); // five pages, two widths, an axe scan each
  const { token } = await apiSignUp(request);
  const link = await apiCreateLink(request, token);
  await apiCreateLink(
    request,
    token,
    "https://example.com/a/really/long/path/that/needs/truncating/in/the/table?utm_source=newsletter&utm_medium=email",
  );
  await request.get(`/${link.short_code}`, { maxRedirects: 0 });
  await signInPage(page, token);
  await check(page, "/dashboard", "Dashboard", "dashboard");
  await check(page, "/links", "Your links", "links");
  await check(page, `/links/${link.short_code}`, /Stats for/, "stats");
  await check(page, "/account", "Account", "account");
  await check(page, "/links/Missing1", "We couldn't find that link", "stats-not-found");
});

test("deleting a link asks first, then removes it", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  const link = await apiCreateLink(request, token);
  await signInPage(page, token);
  await page.goto("/links");
  await page.getByRole("button", { name: `Delete /${link.short_code}` }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this link?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "links-delete-dialog");
  await dialog.getByRole("button", { name: "Delete link" }).click();
  await expect(page.getByText("No links yet")).toBeVisible();
  expect((await request.get(`/${link.short_code}`, { maxRedirects: 0 })).status()).toBe(404);
});

test("disabling a link stops its redirect and explains its stats page", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  const link = await apiCreateLink(request, token);
  await signInPage(page, token);
  await page.goto("/links");
  await page.getByRole("button", { name: `Disable /${link.short_code}` }).click();
  await expect(page.getByRole("table").getByText("Disabled", { exact: true })).toBeVisible();
  expect((await request.get(`/${link.short_code}`, { maxRedirects: 0 })).status()).toBe(404);
  await page.goto(`/links/${link.short_code}`);
  await expect(page.getByText("This link is disabled.")).toBeVisible();
});

test("logging out clears the session", async ({ page, request }) => {
  const { email, token } = await apiSignUp(request);
  await signInPage(page, token);
  await page.goto("/account");
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await page.evaluate(() => localStorage.getItem("auth_token"))).toBeNull();
});
