// The embedded PostgreSQL that `pnpm start` uses when no DATABASE_URL is set.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "../../src/db/embedded-postgres.js";

describe("the embedded PostgreSQL", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "shortly-embedded-"));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own OS user when the tests run as root
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second server on the same files with a message that says why, and keeps the first one running", async () => {
    const first = await startEmbeddedPostgres({ dir: path.join(dir, "pg") });
    try {
      const second = startEmbeddedPostgres({ dir: path.join(dir, "pg") });
      await expect(second).rejects.toBeInstanceOf(EmbeddedPostgresError);
      await expect(second).rejects.toThrow(/is already running \(pid \d+\): another Shortly uses this DATA_DIR/);
      const client = new pg.Client({ connectionString: first.serverUrl });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await first.stop();
    }
    // Stopped, the files are free again.
    const again = await startEmbeddedPostgres({ dir: path.join(dir, "pg") });
    await again.stop();
  }, 60_000);
});
