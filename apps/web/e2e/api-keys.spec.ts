import { expect, test } from "@playwright/test";
import { apiSignUp, expectAccessible, screenshot, signInPage } from "./support";

test("an API key is created on /account, shown once, works from a script, and stops working when revoked", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  await signInPage(page, token);
  await page.goto("/account");
  await page.getByLabel("Key name").fill("e2e script");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^shortly_[0-9A-Za-z]{40}$/);
  await expect(page.getByText("It is shown this once")).toBeVisible();
  const key = (await shown.textContent())!.trim();
  await expect(page.getByRole("cell", { name: "e2e script", exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "account-api-keys-desktop");

  // A script with the key, through nginx like any client: it shortens and lists.
  const created = await page.evaluate(async (k) => {
    const res = await fetch("/api/urls", {
      method: "POST",
      headers: { authorization: `Bearer ${k}`, "content-type": "application/json" },
      body: JSON.stringify({ long_url: "https://example.com/from-a-script" }),
    });
    return { status: res.status, body: await res.json() };
  }, key);
  expect(created.status).toBe(201);
  expect(created.body.long_url).toBe("https://example.com/from-a-script");

  // The list shows its last use once reloaded; the key itself is never shown again.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);

  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByRole("dialog")).toContainText("stop working at once");
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No API keys yet.")).toBeVisible();
  const refused = await page.evaluate(async (k) => (await fetch("/api/me", { headers: { authorization: `Bearer ${k}` } })).status, key);
  expect(refused).toBe(401);

  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "account-api-keys-phone");
});
