import { readFileSync } from "node:fs";
import { devices, expect, test } from "@playwright/test";
import { apiCreateLink, apiSignUp, DESTINATION, expectAccessible, screenshot, signInPage } from "./support";

test("a visit in another browser appears live on the dashboard, without a reload", async ({ page, browser, request }) => {
  const { token } = await apiSignUp(request);
  const link = await apiCreateLink(request, token, `${DESTINATION}/live-demo`);
  await signInPage(page, token);
  await page.goto("/dashboard?range=7d");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await expect(page.getByTestId("headline-clicks")).toHaveText("0");

  // Someone else, in their own browser context, follows the short link.
  // (A context made here does not get the project's options: give it a desktop browser's user agent, or it reads as headless, a bot.)
  const visitorContext = await browser.newContext({
    userAgent: devices["Desktop Chrome"].userAgent,
    extraHTTPHeaders: { referer: "https://news.example.org/story" },
  });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/${link.short_code}`);
  await expect(visitor).toHaveURL(`${DESTINATION}/live-demo`);
  await visitorContext.close();

  const feed = page.getByTestId("live-feed");
  await expect(feed).toContainText(`/${link.short_code}`, { timeout: 10_000 });
  await expect(feed).toContainText("from news.example.org");
  await expect(page.getByTestId("headline-clicks")).toHaveText("1");
  await expect(page.getByRole("region", { name: "Top links" })).toContainText(`/${link.short_code}`);
  // The reconciling refetch brings visitors and breakdowns in line.
  await expect(page.getByTestId("headline-visitors")).toHaveText("1", { timeout: 10_000 });
  await expect(page.getByRole("region", { name: "Referrers" })).toContainText("news.example.org");
  await expectAccessible(page);
  await screenshot(page, "analytics-dashboard-desktop");
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await screenshot(page, "analytics-dashboard-phone");
});

test("the range picker reloads the numbers for the chosen range", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  await signInPage(page, token);
  await page.goto("/dashboard");
  await expect(page.getByText(/to .* \(UTC\)/)).toBeVisible();
  const sevenDays = page.getByRole("radio", { name: "7 days" });
  await sevenDays.click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(sevenDays).toBeChecked();
  const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
  await expect(page.getByText(new RegExp(`^${from} to`))).toBeVisible();
  await expect(page.getByText("No clicks in this range yet")).toBeVisible();
});

test("a link's page shows its breakdowns and exports its clicks as CSV", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  const link = await apiCreateLink(request, token);
  const headers = { referer: "https://social.example.com/p/1", "user-agent": "curl/8.5.0" };
  expect((await request.get(`/${link.short_code}`, { maxRedirects: 0, headers })).status()).toBe(302);
  await signInPage(page, token);
  await page.goto(`/links/${link.short_code}`);
  await expect(page.getByRole("heading", { name: "Analytics" })).toBeVisible();
  // A command-line client is counted as a bot, apart from human clicks.
  await expect(page.getByTestId("headline-bots")).toHaveText("1", { timeout: 10_000 });
  await expect(page.getByTestId("headline-clicks")).toHaveText("0");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`shortly-${link.short_code}-clicks.csv`);
  const lines = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(lines[0]).toBe("clicked_at,code,referrer,referrer_host,country,city,browser,os,device,is_bot,user_agent");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${link.short_code},https://social.example.com/p/1,social.example.com,`);
  await expectAccessible(page);
  await screenshot(page, "analytics-link-desktop");
});
