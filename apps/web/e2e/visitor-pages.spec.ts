import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DESTINATION, apiSignUp, expectAccessible, screenshot, signInPage } from "./support";

async function createLink(request: APIRequestContext, token: string, data: Record<string, unknown>) {
  const res = await request.post("/api/urls", { data, headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { short_code: string };
}

/** The page at desktop and phone widths. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a visitor of an expired, used-up or unknown link sees a page saying so", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  const { short_code } = await createLink(request, token, {
    long_url: `${DESTINATION}/expired-offer`,
    expires_at: new Date(Date.now() + 1500).toISOString(),
  });
  await page.waitForTimeout(1700);
  const res = await page.goto(`/${short_code}`);
  expect(res?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired");
  await expect(page.getByRole("link", { name: "Go to the Shortly home page" })).toHaveAttribute("href", "/");
  expect(await page.content()).not.toContain("expired-offer");
  await expectAccessible(page);
  await screenshots(page, "visitor-expired");

  const once = await createLink(request, token, { long_url: `${DESTINATION}/once`, max_clicks: 1 });
  await page.goto(`/${once.short_code}`);
  await expect(page).toHaveURL(`${DESTINATION}/once`);
  const spent = await page.goto(`/${once.short_code}`);
  expect(spent?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has reached its click limit");
  await screenshots(page, "visitor-limit-reached");

  const missing = await page.goto("/NoSuchLinkHere");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("There’s no link here");
  await expectAccessible(page);
  await screenshots(page, "visitor-not-found");
});

test("a visitor unlocks a protected link with its password and lands on the destination", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  const { short_code } = await createLink(request, token, { long_url: `${DESTINATION}/members`, password: "open sesame" });

  const res = await page.goto(`/${short_code}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is protected");
  expect(await page.content()).not.toContain("/members");
  await expectAccessible(page);
  await screenshots(page, "visitor-password");

  await page.getByLabel("Password").fill("not it");
  await page.getByRole("button", { name: "Open the link" }).click();
  await expect(page.getByRole("alert")).toHaveText("That password is not right. Try again.");
  await expectAccessible(page);
  await screenshots(page, "visitor-password-wrong");

  await page.getByLabel("Password").fill("open sesame");
  await page.getByRole("button", { name: "Open the link" }).click();
  await expect(page).toHaveURL(`${DESTINATION}/members`);
  await expect(page.getByRole("heading", { name: "Destination reached" })).toBeVisible();
});

test("the owner removes a link's password and downloads its QR code", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  const { short_code } = await createLink(request, token, { long_url: `${DESTINATION}/qr`, password: "open sesame", max_clicks: 5 });
  await signInPage(page, token);
  await page.goto(`/links/${short_code}`);
  await expect(page.getByText("Clicks used: 0 of 5")).toBeVisible();
  await expect(page.getByText("Visitors must type a password to open this link.")).toBeVisible();
  await screenshot(page, "link-password-and-qr");

  await page.getByLabel("QR code size").selectOption("256");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /as PNG$/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${new URL(page.url()).host.replace(":", "-")}-${short_code}.png`);
  const png = readFileSync(await download.path());
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(256); // the image's width, from its IHDR chunk

  await page.getByRole("button", { name: "Remove password" }).click();
  await expect(page.getByText("Anyone with the link can open it.")).toBeVisible();
  const visit = await request.get(`/${short_code}`, { maxRedirects: 0 });
  expect(visit.status()).toBe(302);
});
