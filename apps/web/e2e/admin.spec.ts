import { expect, test, type APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { DESTINATION, PASSWORD, apiCreateLink, apiSignUp, expectAccessible, screenshot, signInPage } from "./support";

const ADMIN_EMAIL = "e2e-admin@example.com";

/** The operator's token: registered (on the first run) and made an admin with `pnpm admin grant`, as an operator does. */
async function adminToken(request: APIRequestContext): Promise<string> {
  await request.post("/api/auth/register", { data: { email: ADMIN_EMAIL, password: PASSWORD } });
  execFileSync(process.execPath, [path.resolve("../api/dist/cli/admin.js"), "grant", ADMIN_EMAIL], {
    // Behind nginx, the stack's database; alone, the server's embedded one, which the CLI finds through its DATA_DIR.
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      DATA_DIR: process.env.E2E_DATABASE_URL ? "" : (process.env.E2E_DATA_DIR ?? ""),
      REDIS_URL: "",
    },
  });
  const login = await request.post("/api/auth/login-json", { data: { username: ADMIN_EMAIL, password: PASSWORD } });
  expect(login.status()).toBe(200);
  return (await login.json()).access_token as string;
}

test("a non-admin visiting /admin sees the not-found page", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  await signInPage(page, token);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("a visitor reports a link, an admin blocks it from the reports, and the visitor page changes", async ({ page, request, browser }) => {
  const { token: ownerToken } = await apiSignUp(request);
  const link = await apiCreateLink(request, ownerToken, `${DESTINATION}/too-good-to-be-true`);

  // A visitor reports it, without an account.
  const visitor = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await visitor.goto(`/${link.short_code}`);
  await expect(visitor).toHaveURL(`${DESTINATION}/too-good-to-be-true`);
  await visitor.goto("/report");
  await visitor.getByLabel("Short link").fill(link.short_code);
  await visitor.getByLabel("What is wrong with it?").fill("It asks for my bank login on a fake page.");
  await expectAccessible(visitor);
  await screenshot(visitor, "report-form");
  await visitor.getByRole("button", { name: "Send report" }).click();
  await expect(visitor.getByRole("status")).toContainText(`Your report of /${link.short_code} was received`);

  // The admin sees it and blocks the link from the report.
  await signInPage(page, await adminToken(request));
  await page.goto("/admin?tab=reports");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
  await expect(page.getByText("It asks for my bank login on a fake page.")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "admin-reports-desktop");
  await page.getByRole("button", { name: `Block /${link.short_code}` }).click();
  // Once blocked, the report says so and offers no block button.
  await expect(page.getByRole("button", { name: `Block /${link.short_code}` })).toHaveCount(0);
  await expect(page.getByText(/· blocked$/)).toBeVisible();

  // The visitor's next visit gets the page for a disabled link.
  const res = await visitor.goto(`/${link.short_code}`);
  expect(res?.status()).toBe(410);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This link has been disabled");
  await screenshot(visitor, "visitor-blocked");

  // The console's other sections: the link is listed as blocked, and the action is in the audit log.
  await page.getByRole("button", { name: "Links" }).click();
  await page.getByLabel("Search links by code, destination or owner").fill(link.short_code);
  await expect(page.getByRole("row").filter({ hasText: `/${link.short_code}` })).toContainText("Blocked");
  await page.getByRole("button", { name: "Audit log" }).click();
  await expect(page.getByRole("row").filter({ hasText: link.short_code }).first()).toContainText("link.block");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Users" }).click();
  await expect(page.getByRole("table", { name: /Accounts/ })).toBeVisible();
  await screenshot(page, "admin-users-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "admin-users-phone");
});

test("an admin blocks a host, finds it by search among the others, and unblocks it", async ({ page, request }) => {
  const host = `phish-${Date.now().toString(36)}.example`;
  await signInPage(page, await adminToken(request));
  await page.goto("/admin?tab=hosts");
  await page.getByLabel("Host or URL").fill(`https://login.${host}/account`);
  await page.getByLabel("Reason").fill("credential phishing");
  await page.getByRole("button", { name: "Block host" }).click();
  await page.getByLabel("Search blocked hosts").fill(`LOGIN.${host}`);
  const row = page.getByRole("row").filter({ hasText: `login.${host}` });
  await expect(row).toContainText("credential phishing");
  await expect(page.getByRole("table", { name: /Blocked hosts \(1\)/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "admin-hosts-desktop");
  await page.getByRole("button", { name: `Unblock login.${host}` }).click();
  await expect(page.getByText("No blocked host matches.")).toBeVisible();
});
