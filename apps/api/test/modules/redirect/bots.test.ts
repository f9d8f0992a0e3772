// Link previews and other bots never use up a link's max_clicks: while the
// link is live they get its 302 (recorded as bot clicks), and only people's
// visits are claimed. Over real HTTP, on two instances sharing Redis.
import { describe, expect, it } from "vitest";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser } from "../../helpers/factories.js";
import { listeningApp } from "../../helpers/listening-app.js";
import { reachableRedisUrl } from "../../helpers/redis.js";

const redisUrl = await reachableRedisUrl();
const first = await listeningApp({ redisUrl });
const second = await listeningApp({ redisUrl });
const db = testDb();
resetDatabaseBeforeEach(db);

const BOTS = [
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "Twitterbot/1.0",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "WhatsApp/2.23.20.0",
  "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
  "TelegramBot (like TwitterBot)",
  "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
];

const visit = (base: string, code: string, userAgent: string) =>
  fetch(`${base}/${code}`, { redirect: "manual", headers: { "user-agent": userAgent } }).then(async (res) => {
    await res.arrayBuffer();
    return res.status;
  });

describe("bots and a link's click limit", () => {
  it("a preview bot, then a person → 302, then a person → 410 (and the bot too, once the link is spent)", async () => {
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/once", max_clicks: 1 });
    for (const bot of BOTS) expect(await visit(first.url, link.short_code, bot), bot).toBe(302);
    expect(await visit(second.url, link.short_code, BROWSER["user-agent"])).toBe(302);
    expect(await visit(first.url, link.short_code, BROWSER["user-agent"])).toBe(410);
    expect(await visit(second.url, link.short_code, BOTS[0]!)).toBe(410);

    await first.app.clickRecorder.flush();
    await second.app.clickRecorder.flush();
    const { rows } = await db.query("SELECT count(*)::int AS all, count(*) FILTER (WHERE is_bot)::int AS bots FROM clicks");
    expect(rows[0]).toEqual({ all: BOTS.length + 1, bots: BOTS.length });
    const item = (await first.app.inject({ url: `/api/urls/${link.short_code}`, headers: user.headers })).json();
    expect(item).toMatchObject({ clicks_used: 1, max_clicks: 1, total_clicks: BOTS.length + 1, state: "limit_reached" });
  });

  it("20 people and 20 bots at once on max_clicks: 1, over two instances → exactly one person's 302", async () => {
    const user = await createUser(first.app);
    const link = await createLink(first.app, user, { long_url: "https://example.com/race", max_clicks: 1 });
    const visits = Array.from({ length: 40 }, (_, i) => {
      const human = i % 2 === 0;
      const on = i % 4 < 2 ? first : second;
      return visit(on.url, link.short_code, human ? BROWSER["user-agent"] : BOTS[i % BOTS.length]!).then((status) => ({ human, status }));
    });
    const results = await Promise.all(visits);
    const people = results.filter((r) => r.human).map((r) => r.status);
    expect(people.filter((s) => s === 302)).toHaveLength(1);
    expect(people.filter((s) => s === 410)).toHaveLength(19);
    expect(results.filter((r) => !r.human).every((r) => r.status === 302 || r.status === 410)).toBe(true);
    expect((await db.query("SELECT clicks_used FROM links WHERE code = $1", [link.short_code])).rows[0].clicks_used).toBe(1);
  });
});
