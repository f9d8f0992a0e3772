import { expect, test } from "@playwright/test";
import { apiSignUp, expectAccessible, screenshot, signInPage } from "./support";

// A Shlink export (its web client's columns, tags joined with |) with one row the API refuses.
const SHLINK_EXPORT = [
  '"createdAt","domain","shortCode","shortUrl","longUrl","title","tags","visits"',
  '"2026-03-01T12:00:00+01:00","s.test","","https://s.test/a1","https://example.com/spring","","Spring|news",4',
  '"2026-03-02T12:00:00+01:00","s.test","","https://s.test/a2","https://example.com/docs","","news",0',
  '"2026-03-03T12:00:00+01:00","s.test","","https://s.test/a3","not a url","","",0',
].join("\n");

test("a CSV export is previewed, imported with a report per row, and the links filtered by tag", async ({ page, request }) => {
  const { token } = await apiSignUp(request);
  await signInPage(page, token);
  await page.goto("/links");

  await page.getByText("Import links from a CSV file").click();
  await page.getByLabel("CSV file").setInputFiles({ name: "short_urls.csv", mimeType: "text/csv", buffer: Buffer.from(SHLINK_EXPORT) });
  await expect(page.getByText("Read as a Shlink file")).toBeVisible();
  const preview = page.getByRole("table", { name: "Links to create" });
  await expect(preview.getByRole("row")).toHaveCount(4);
  await expect(preview).toContainText("Spring, news");
  await expectAccessible(page);
  await screenshot(page, "links-import-preview");

  await page.getByRole("button", { name: "Import 3 links" }).click();
  await expect(page.getByRole("status").filter({ hasText: "created" })).toHaveText("2 created, 1 skipped.");
  const report = page.getByRole("table", { name: "Import report" });
  await expect(report.getByRole("row").filter({ hasText: "not a url" })).toContainText("Skipped:");
  await expect(report.getByText(/^Created \//)).toHaveCount(2);
  await screenshot(page, "links-import-report");

  // The imported links are listed with their tags; a tag chip filters the list and the URL says so.
  const list = page.getByRole("table", { name: "Your links" });
  await expect(list.getByRole("row")).toHaveCount(3);
  await page
    .getByRole("group", { name: "Filter by tag" })
    .getByRole("button", { name: /^Spring/ })
    .click();
  await expect(page).toHaveURL(/[?&]tag=Spring/);
  await expect(list.getByRole("row")).toHaveCount(2);
  await expect(list).toContainText("https://example.com/spring");
  await expect(list).not.toContainText("https://example.com/docs");

  // The view survives a reload, and a search narrows it further.
  await page.reload();
  await expect(page.getByRole("button", { name: /^Spring/, pressed: true })).toBeVisible();
  await expect(list.getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: /^Spring/ }).click();
  await page.getByLabel("Search").fill("docs");
  await expect(page).toHaveURL(/[?&]q=docs/);
  await expect(list.getByRole("row")).toHaveCount(2);
  await expect(list).toContainText("https://example.com/docs");
  await expectAccessible(page);
  await screenshot(page, "links-filtered");

  await page.getByLabel("Search").fill("nothing-like-this");
  await expect(page.getByText("No links match")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(list.getByRole("row")).toHaveCount(3);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "links-filters-phone");
});
