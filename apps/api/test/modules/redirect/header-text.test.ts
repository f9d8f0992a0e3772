// Referrers and user agents sent as UTF-8 bytes are stored as the text the
// visitor's browser meant, on the fast path and the Fastify route alike;
// bytes that are not UTF-8 are kept as received.
import { describe, expect, it } from "vitest";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser } from "../../helpers/factories.js";
import { listeningApp } from "../../helpers/listening-app.js";
import { rawRequest } from "../../helpers/raw-http.js";

const server = await listeningApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const visit = (code: string, referer: Buffer, userAgent: Buffer) =>
  rawRequest(
    Number(new URL(server.url).port),
    Buffer.concat([
      Buffer.from(`GET /${code} HTTP/1.1\r\nHost: localhost\r\nReferer: `),
      referer,
      Buffer.from("\r\nUser-Agent: "),
      userAgent,
      Buffer.from("\r\nConnection: close\r\n\r\n"),
    ]),
  );

describe("a click's referrer and user agent", () => {
  it("are stored as UTF-8 text when the bytes are UTF-8, and as received otherwise", async () => {
    const link = await createLink(server.app, await createUser(server.app), { long_url: "https://example.com/" });
    const referer = Buffer.from("https://café.example/menü?q=é", "utf8");
    const agent = Buffer.from("Mozilla/5.0 (X11; Linux x86_64) Navigateur/1.0 “quoted” 日本", "utf8");
    // The first visit fills the cache through Fastify; the others are answered by the fast path.
    const byFastify = server.seen.byFastify;
    for (let i = 0; i < 2; i++) expect((await visit(link.short_code, referer, agent)).status).toBe(302);
    expect((await visit(link.short_code, Buffer.from([0x68, 0x74, 0x74, 0x70, 0x3a, 0x2f, 0x2f, 0x78, 0x2f, 0xe9]), agent)).status).toBe(
      302,
    );
    expect(server.seen.byFastify - byFastify).toBe(1);
    await server.app.clickRecorder.flush();
    const { rows } = await db.query("SELECT referrer, referrer_host, user_agent FROM clicks ORDER BY clicked_at, ctid");
    const expected = {
      referrer: "https://café.example/menü?q=é",
      referrer_host: "xn--caf-dma.example",
      user_agent: agent.toString("utf8"),
    };
    expect(rows).toEqual([expected, expected, { referrer: "http://x/é", referrer_host: "x", user_agent: agent.toString("utf8") }]);
  });
});
