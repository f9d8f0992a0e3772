// The operators' blocklist import (pnpm admin blocklist import) at the
// repository: a list is stored whole or not at all, each link names the most
// specific new host covering it, and unblocking one of two covering hosts
// leaves the link blocked by the other.
import { describe, expect, it } from "vitest";
import { createAbuseRepository } from "../../../src/modules/abuse/repository.js";
import { auditEntry } from "../../../src/modules/admin/audit-log.js";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser } from "../../helpers/factories.js";
import { whileInsertsRefused } from "../../helpers/refused-inserts.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);
const repo = createAbuseRepository(app.prisma);
const CLI = { id: null, email: "cli" };
const audit = (host: string, links: number) => auditEntry(CLI, "host.block", host, `imported (${links} links stopped)`);

async function linksTo(...urls: string[]) {
  const user = await createUser(app);
  await db.query("UPDATE users SET plan = 'pro' WHERE id = $1", [user.id]);
  const codes: string[] = [];
  for (const long_url of urls) codes.push((await createLink(app, user, { long_url })).short_code);
  return codes;
}
const blockOf = async (code: string) =>
  (await db.query("SELECT blocked_at IS NOT NULL AS blocked, blocked_host, blocked_reason FROM links WHERE code = $1", [code])).rows[0];

describe("blocklist import", () => {
  it("blocks the new hosts and the links they cover, naming the most specific, with an audit row per new host", async () => {
    const [deep, plain, other] = await linksTo("https://a.login.evil.example/x", "https://evil.example/", "https://fine.example/");
    await db.query("INSERT INTO blocked_hosts (host, reason) VALUES ('old.example', 'earlier')");
    const result = await repo.blockHosts(["evil.example", "login.evil.example", "old.example"], "imported", audit);
    expect(result).toEqual({ added: 2, links: 2 });
    expect(await blockOf(deep!)).toEqual({ blocked: true, blocked_host: "login.evil.example", blocked_reason: "imported" });
    expect(await blockOf(plain!)).toEqual({ blocked: true, blocked_host: "evil.example", blocked_reason: "imported" });
    expect((await blockOf(other!)).blocked).toBe(false);
    const rows = (await db.query("SELECT target, reason FROM audit_log ORDER BY target")).rows;
    expect(rows).toEqual([
      { target: "evil.example", reason: "imported (1 links stopped)" },
      { target: "login.evil.example", reason: "imported (1 links stopped)" },
    ]);
    expect((await db.query("SELECT reason FROM blocked_hosts WHERE host = 'old.example'")).rows[0].reason).toBe("earlier");
  });

  it("stores nothing when any part fails", async () => {
    const [link] = await linksTo("https://evil.example/");
    await expect(
      whileInsertsRefused(db, "audit_log", "TRUE", () => repo.blockHosts(["evil.example", "more.example"], "imported", audit)),
    ).rejects.toThrow(/refused by a test/);
    expect((await db.query("SELECT count(*)::int AS n FROM blocked_hosts")).rows[0].n).toBe(0);
    expect((await blockOf(link!)).blocked).toBe(false);
  });

  it("keeps a link blocked when the host that stopped it is unblocked but a parent is still blocked", async () => {
    const [link] = await linksTo("https://login.evil.example/");
    await repo.blockHosts(["login.evil.example"], "phishing page", audit);
    await repo.blockHost("evil.example", "whole domain", audit);
    expect(await blockOf(link!)).toMatchObject({ blocked: true, blocked_host: "login.evil.example" });
    expect(await repo.unblockHost("login.evil.example", audit)).toBe(true);
    expect(await blockOf(link!)).toEqual({ blocked: true, blocked_host: "evil.example", blocked_reason: "whole domain" });
    expect(await repo.unblockHost("evil.example", audit)).toBe(true);
    expect(await blockOf(link!)).toEqual({ blocked: false, blocked_host: null, blocked_reason: null });
  });
});
