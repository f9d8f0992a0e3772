// pnpm admin on the embedded database, as an operator runs it: on a fresh
// DATA_DIR (it starts and migrates its own PostgreSQL), and beside a running
// one (it connects to that instead of starting a second).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/db/embedded-postgres.js";

const cliJs = fileURLToPath(new URL("../../dist/cli/admin.js", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "shortly-admin-cli-"));
chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as "postgres", which must enter it

function admin(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliJs, ...args], {
      env: { ...process.env, NODE_ENV: "development", DATABASE_URL: "", REDIS_URL: "", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

let embedded: EmbeddedDatabase | null = null;
afterAll(async () => {
  await embedded?.stop();
});

describe("pnpm admin", () => {
  it("explains its usage, and on a fresh embedded database says when no account has the email", async () => {
    expect(await admin()).toMatchObject({ code: 2, output: expect.stringContaining("pnpm admin grant <email>") as string });
    const missing = await admin("grant", "nobody@example.com");
    expect(missing).toMatchObject({ code: 2, output: expect.stringContaining("No account has the email nobody@example.com") as string });
  }, 120_000);

  it("grants and revokes the admin role, audited, and imports a host blocklist, beside a running embedded database", async () => {
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres") });
    const db = new pg.Client({ connectionString: embedded.databaseUrl("shortly") });
    await db.connect();
    try {
      await db.query("INSERT INTO users (email, password_hash) VALUES ('ops@example.com', 'x')");
      const role = async () => (await db.query("SELECT role FROM users WHERE email = 'ops@example.com'")).rows[0].role;

      expect(await admin("grant", "OPS@example.com")).toMatchObject({
        code: 0,
        output: expect.stringContaining("is now an admin") as string,
      });
      expect(await role()).toBe("admin");
      // A role the account has already: said, and not audited.
      expect(await admin("grant", "ops@example.com")).toMatchObject({
        code: 0,
        output: expect.stringContaining("is already an admin; nothing changed") as string,
      });
      expect((await admin("revoke", "ops@example.com")).code).toBe(0);
      expect(await role()).toBe("user");
      expect((await admin("revoke", "ops@example.com")).output).toContain("is not an admin; nothing changed");
      const audit = await db.query("SELECT actor_email, action, target FROM audit_log WHERE action LIKE 'user.%' ORDER BY id");
      expect(audit.rows).toEqual([
        { actor_email: "cli", action: "user.role.admin", target: "ops@example.com" },
        { actor_email: "cli", action: "user.role.user", target: "ops@example.com" },
      ]);

      const list = path.join(dataDir, "phishing.txt");
      writeFileSync(
        list,
        "# a public list\n0.0.0.0 evil.example\nPhish.Example.  # trailing dot\n\nnot a host!\nhttps://malware.example/x\n0.0.0.0 0.0.0.0\n",
      );
      const imported = await admin("blocklist", "import", list);
      expect(imported.code).toBe(0);
      expect(imported.output).toContain("Blocked 3 new hosts (0 already blocked; 0 existing links stopped)");
      expect(imported.output).toContain("Skipped line 5: not a host!");
      const hosts = await db.query("SELECT host FROM blocked_hosts ORDER BY host");
      expect(hosts.rows.map((r: { host: string }) => r.host)).toEqual(["evil.example", "malware.example", "phish.example"]);
      // Importing the same list again blocks and audits nothing new.
      const again = await admin("blocklist", "import", list);
      expect(again.output).toContain("Blocked 0 new hosts (3 already blocked; 0 existing links stopped)");
      const blocks = await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'host.block'");
      expect(blocks.rows[0].n).toBe(3);
    } finally {
      await db.end();
    }
  }, 120_000);
});
