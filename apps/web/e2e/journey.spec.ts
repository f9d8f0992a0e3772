import { expect, test } from "@playwright/test";
import { DESTINATION, PASSWORD, screenshot, uniqueEmail } from "./support";

test("register → shorten → copy → visit → see the click on the stats page", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const email = uniqueEmail("journey");

  await page.goto("/");
  await expect(page).toHaveTitle(/Shortly/);
  await page.getByLabel("Long URL to shorten").fill(`${DESTINATION}/spring-sale`);
  await page.getByRole("button", { name: "Shorten it" }).click();

  await expect(page).toHaveURL(/\/register\?url=/);
  await expect(page).toHaveTitle("Create account · Shortly");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  // A new account lands on the link manager with the URL carried through sign-up.
  await expect(page).toHaveURL(/\/links\?url=/);
  await expect(page.getByLabel("Long URL")).toHaveValue(`${DESTINATION}/spring-sale`);
  await expect(page.getByText("0 of 3 links")).toBeVisible();
  await page.getByRole("button", { name: "Shorten" }).click();

  const shortLink = page.getByTestId("new-short-url");
  await expect(shortLink).toBeVisible();
  const shortUrl = (await shortLink.textContent())!;
  expect(shortUrl).toMatch(new RegExp(`^${baseURL}/[0-9A-Za-z]{7}$`));
  await expect(page.getByRole("img", { name: `QR code for ${shortUrl}` })).toBeVisible();
  await expect(page.getByText("1 of 3 links")).toBeVisible();
  await expect(page.getByLabel("Long URL")).toHaveValue("");
  await screenshot(page, "links-new-link-desktop");

  await page
    .getByRole("button", { name: `Copy ${shortUrl}` })
    .first()
    .click();
  await expect(page.getByText("Copied!").first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortUrl);

  // A visitor follows the short link and lands on the destination.
  const visitor = await context.newPage();
  await visitor.goto(shortUrl);
  await expect(visitor).toHaveURL(`${DESTINATION}/spring-sale`);
  await expect(visitor.getByRole("heading", { name: "Destination reached" })).toBeVisible();
  await visitor.close();

  await page.getByRole("link", { name: "View stats" }).click();
  const code = shortUrl.split("/").pop()!;
  await expect(page).toHaveTitle(`Stats for /${code} · Shortly`);
  await expect(page.getByTestId("total-clicks")).toContainText("1", { timeout: 10_000 });
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("headline-clicks")).toHaveText("1");
  const today = new Date().toISOString().slice(0, 10);
  await page.getByText("Redirects per day").click();
  await expect(page.getByRole("row", { name: new RegExp(`${today}\\s+1`) })).toBeVisible();
});
