import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser, type TestUser } from "../../helpers/factories.js";

const app = await buildTestApp();
/** A second instance on the same database, for writers racing each other. */
const second = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const GB_IP = "81.2.69.142";
const US_IP = "8.8.8.8";

const visit = (code: string, ip: string, userAgent: string, referer?: string) =>
  app.inject({ url: `/${code}`, remoteAddress: ip, headers: { "user-agent": userAgent, ...(referer ? { referer } : {}) } });
const get = (url: string, user: TestUser) => app.inject({ url, headers: user.headers });
const today = () => new Date().toISOString().slice(0, 10);

async function linkId(code: string): Promise<number> {
  return (await db.query("SELECT id FROM links WHERE code = $1", [code])).rows[0].id;
}

/** Clicks at chosen instants, through the same writer as real visits. */
async function recordAt(user: TestUser, code: string, times: string[], ip = GB_IP, userAgent = CHROME_WINDOWS) {
  const id = await linkId(code);
  for (const at of times)
    app.clickRecorder.record({ linkId: id, userId: user.id, code, clickedAt: new Date(at), referrer: null, userAgent, ip });
  await app.clickRecorder.flush();
}

/**
 * Link A: three visits by one GB Chrome visitor from Google, one by a US
 * Firefox phone. Link B: the same GB visitor once (direct), and two Googlebot visits.
 */
async function seedKnownClicks(user: TestUser) {
  const a = await createLink(app, user, { long_url: "https://example.com/a" });
  const b = await createLink(app, user, { long_url: "https://example.com/b" });
  for (let i = 0; i < 3; i++)
    expect((await visit(a.short_code, GB_IP, CHROME_WINDOWS, "https://www.google.com/search?q=x")).statusCode).toBe(302);
  await visit(a.short_code, US_IP, FIREFOX_ANDROID);
  await visit(b.short_code, GB_IP, CHROME_WINDOWS);
  await visit(b.short_code, "66.249.66.1", GOOGLEBOT);
  await visit(b.short_code, "66.249.66.1", GOOGLEBOT);
  await app.clickRecorder.flush();
  return { a: a.short_code, b: b.short_code };
}

describe("GET /api/analytics/dashboard", () => {
  it("counts every dimension of the account's clicks exactly, with bots apart", async () => {
    const user = await createUser(app);
    const { a, b } = await seedKnownClicks(user);

    const res = await get("/api/analytics/dashboard?range=7d", user);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      to: today(),
      total_clicks: 5,
      // The GB visitor of both links counts once: two people.
      unique_visitors: 2,
      bot_clicks: 2,
      top_links: [
        { code: a, long_url: "https://example.com/a", clicks: 4 },
        { code: b, long_url: "https://example.com/b", clicks: 1 },
      ],
      referrers: [
        { value: "google.com", clicks: 3 },
        { value: null, clicks: 2 },
      ],
      countries: [
        { value: "GB", clicks: 4 },
        { value: "US", clicks: 1 },
      ],
      cities: [{ country: "GB", city: "Newmarket", clicks: 4 }],
      browsers: [
        { value: "Chrome", clicks: 4 },
        { value: "Firefox", clicks: 1 },
      ],
      os: [
        { value: "Windows", clicks: 4 },
        { value: "Android", clicks: 1 },
      ],
      devices: [
        { value: "desktop", clicks: 4 },
        { value: "mobile", clicks: 1 },
      ],
    });
    // Seven zero-filled days ending today.
    expect(body.by_date).toHaveLength(7);
    expect(body.by_date.at(-1)).toEqual({ date: today(), clicks: 5, visitors: 2, bot_clicks: 2 });
    expect(
      body.by_date
        .slice(0, 6)
        .every((d: { clicks: number; visitors: number; bot_clicks: number }) => d.clicks + d.visitors + d.bot_clicks === 0),
    ).toBe(true);
  });

  it("derives unknown values instead of storing them", async () => {
    const user = await createUser(app);
    const { a } = await seedKnownClicks(user);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM link_daily_dimensions WHERE value = ''");
    expect(rows[0].n).toBe(0);
    const res = await get(`/api/urls/${a}/analytics?range=7d`, user);
    expect(res.statusCode).toBe(200);
    expect(res.json().referrers).toEqual([
      { value: "google.com", clicks: 3 },
      { value: null, clicks: 1 },
    ]);
  });

  it("keeps a deleted link's clicks in the account's history, but not in top links", async () => {
    const user = await createUser(app);
    const { a, b } = await seedKnownClicks(user);
    expect((await app.inject({ method: "DELETE", url: `/api/urls/${a}`, headers: user.headers })).statusCode).toBe(204);
    const res = await get("/api/analytics/dashboard?range=7d", user);
    expect(res.json()).toMatchObject({
      total_clicks: 5,
      unique_visitors: 2,
      bot_clicks: 2,
      countries: [
        { value: "GB", clicks: 4 },
        { value: "US", clicks: 1 },
      ],
    });
    expect(res.json().top_links.map((l: { code: string }) => l.code)).toEqual([b]);
  });

  it("counts a request without a user agent as a bot: browsers always send one", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    expect((await app.inject({ url: `/${link.short_code}`, remoteAddress: GB_IP })).statusCode).toBe(302);
    await app.clickRecorder.flush();
    expect((await get("/api/analytics/dashboard", user)).json()).toMatchObject({
      total_clicks: 0,
      unique_visitors: 0,
      bot_clicks: 1,
      countries: [],
    });
  });

  it("shows only the caller's links", async () => {
    const owner = await createUser(app);
    await seedKnownClicks(owner);
    const other = await createUser(app);
    const res = await get("/api/analytics/dashboard", other);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total_clicks: 0, unique_visitors: 0, bot_clicks: 0, top_links: [], referrers: [], countries: [] });
    expect(res.json().by_date).toHaveLength(30);
  });

  it("puts clicks on UTC days and zero-fills a from–to range", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    // 23:30 at UTC-5 on the 10th is 04:30 UTC on the 11th.
    await recordAt(user, link.short_code, ["2026-01-10T23:59:59Z", "2026-01-11T00:00:00Z", "2026-01-10T23:30:00-05:00"]);

    const res = await get("/api/analytics/dashboard?from=2026-01-09&to=2026-01-12", user);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ from: "2026-01-09", to: "2026-01-12", total_clicks: 3 });
    expect(res.json().by_date).toEqual([
      { date: "2026-01-09", clicks: 0, visitors: 0, bot_clicks: 0 },
      { date: "2026-01-10", clicks: 1, visitors: 1, bot_clicks: 0 },
      { date: "2026-01-11", clicks: 2, visitors: 1, bot_clicks: 0 },
      { date: "2026-01-12", clicks: 0, visitors: 0, bot_clicks: 0 },
    ]);
    // Clicks outside the range are left out.
    const narrow = await get("/api/analytics/dashboard?from=2026-01-11&to=2026-01-11", user);
    expect(narrow.json()).toMatchObject({ total_clicks: 2, unique_visitors: 1 });
  });

  it("counts a visitor once per day: the key changes with the day's salt", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await recordAt(user, link.short_code, ["2026-03-01T08:00:00Z", "2026-03-01T20:00:00Z", "2026-03-02T08:00:00Z"]);
    const res = await get(`/api/analytics/dashboard?from=2026-03-01&to=2026-03-02`, user);
    expect(res.json()).toMatchObject({ total_clicks: 3, unique_visitors: 2 });
    const keys = (await db.query("SELECT DISTINCT visitor FROM clicks")).rows;
    expect(keys).toHaveLength(2);
  });

  it("answers 422 in the contract's shape for a bad range", async () => {
    const user = await createUser(app);
    const cases: Array<[string, string]> = [
      ["range=1y", "range"],
      ["from=2026-01-01", "to"],
      ["to=2026-01-01", "from"],
      ["from=2026-02-01&to=2026-01-01", "to"],
      ["from=2020-01-01&to=2026-01-01", "to"],
      ["range=7d&from=2026-01-01&to=2026-01-02", "range"],
      ["from=2026-13-01&to=2026-13-02", "from"],
      ["from=0000-01-01&to=0000-01-05", "from"],
      ["from=1969-12-31&to=1970-01-02", "from"],
      ["from=9999-12-31&to=9999-12-31", "from"],
    ];
    const link = await createLink(app, user);
    for (const [query, field] of cases) {
      for (const path of [
        "/api/analytics/dashboard",
        `/api/urls/${link.short_code}/analytics`,
        `/api/urls/${link.short_code}/clicks.csv`,
      ]) {
        const res = await get(`${path}?${query}`, user);
        expect(res.statusCode, `${path}?${query}`).toBe(422);
        expect(res.headers["content-type"], `${path}?${query}`).toMatch(/^application\/json/);
        expect(res.json().detail[0].loc, `${path}?${query}`).toEqual(["query", field]);
      }
    }
    // A day that does not exist is one error, not also a comparison with the other day.
    const feb30 = await get("/api/analytics/dashboard?from=2026-02-30&to=2026-03-01", user);
    expect(feb30.json().detail).toEqual([expect.objectContaining({ loc: ["query", "from"], msg: "invalid date, expected YYYY-MM-DD" })]);
    // The last days a range may name answer, zero-filled.
    const last = await get("/api/analytics/dashboard?from=9999-12-29&to=9999-12-30", user);
    expect(last.statusCode).toBe(200);
    expect(last.json()).toMatchObject({ from: "9999-12-29", to: "9999-12-30" });
  });

  it("answers 401 without a token", async () => {
    const res = await app.inject({ url: "/api/analytics/dashboard" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: "Could not validate credentials" });
  });
});

describe("GET /api/urls/:short_code/analytics", () => {
  it("gives one link's breakdowns", async () => {
    const user = await createUser(app);
    const { a, b } = await seedKnownClicks(user);
    const res = await get(`/api/urls/${a}/analytics?range=30d`, user);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total_clicks: 4,
      unique_visitors: 2,
      bot_clicks: 0,
      countries: [
        { value: "GB", clicks: 3 },
        { value: "US", clicks: 1 },
      ],
    });
    expect(res.json()).not.toHaveProperty("top_links");
    expect((await get(`/api/urls/${b}/analytics`, user)).json()).toMatchObject({ total_clicks: 1, unique_visitors: 1, bot_clicks: 2 });
  });

  it("keeps answering for a used-up link while /stats says 410", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user, { max_clicks: 1 });
    expect((await visit(link.short_code, US_IP, FIREFOX_ANDROID)).statusCode).toBe(302);
    expect((await visit(link.short_code, US_IP, FIREFOX_ANDROID)).statusCode).toBe(410);
    await app.clickRecorder.flush();
    expect((await get(`/api/urls/${link.short_code}/stats`, user)).statusCode).toBe(410);
    const res = await get(`/api/urls/${link.short_code}/analytics`, user);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total_clicks: 1, devices: [{ value: "mobile", clicks: 1 }] });
  });

  it("answers 404 for someone else's link and an unknown one", async () => {
    const owner = await createUser(app);
    const link = await createLink(app, owner);
    const other = await createUser(app);
    for (const code of [link.short_code, "Nope1234"]) {
      const res = await get(`/api/urls/${code}/analytics`, other);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ detail: "Short URL not found" });
    }
  });

  it("counts a visitor once even when two instances write their clicks at the same moment", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    const id = await linkId(link.short_code);
    const click = {
      linkId: id,
      userId: user.id,
      code: link.short_code,
      clickedAt: new Date(),
      referrer: null,
      userAgent: CHROME_WINDOWS,
      ip: GB_IP,
    };
    for (let round = 0; round < 5; round++) {
      app.clickRecorder.record({ ...click });
      second.clickRecorder.record({ ...click });
      await Promise.all([app.clickRecorder.flush(), second.clickRecorder.flush()]);
    }
    const res = await get(`/api/urls/${link.short_code}/analytics?range=7d`, user);
    expect(res.json()).toMatchObject({ total_clicks: 10, unique_visitors: 1 });
    expect((await get("/api/analytics/dashboard?range=7d", user)).json()).toMatchObject({ total_clicks: 10, unique_visitors: 1 });
  });
});

describe("CSV exports", () => {
  const parseCsv = (text: string) =>
    text
      .trim()
      .split("\n")
      .map((line) => line.split(","));

  it("streams one link's clicks with a header row", async () => {
    const user = await createUser(app);
    const { a } = await seedKnownClicks(user);
    const res = await get(`/api/urls/${a}/clicks.csv`, user);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="shortly-${a}-clicks.csv"`);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([
      "clicked_at",
      "code",
      "referrer",
      "referrer_host",
      "country",
      "city",
      "browser",
      "os",
      "device",
      "is_bot",
      "user_agent",
    ]);
    expect(rows).toHaveLength(5);
    // Time order; visits in the same millisecond may come in either order, so compare sorted.
    const times = rows.slice(1).map((r) => r[0]!);
    expect(times).toEqual([...times].sort());
    expect(
      rows
        .slice(1)
        .map((r) => [r[1], r[3], r[4], r[6], r[9]].join(" "))
        .sort(),
    ).toEqual([
      `${a}  US Firefox false`,
      `${a} google.com GB Chrome false`,
      `${a} google.com GB Chrome false`,
      `${a} google.com GB Chrome false`,
    ]);
  });

  it("exports every link of the account, bots included and marked", async () => {
    const user = await createUser(app);
    const { b } = await seedKnownClicks(user);
    await seedKnownClicks(await createUser(app)); // someone else's clicks stay out
    const rows = parseCsv((await get("/api/analytics/clicks.csv", user)).body).slice(1);
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r[9] === "true").map((r) => r[1])).toEqual([b, b]);
  });

  it("escapes cells a spreadsheet would run as formulas", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await visit(link.short_code, GB_IP, '=HYPERLINK("http://evil.example")');
    await app.clickRecorder.flush();
    const body = (await get(`/api/urls/${link.short_code}/clicks.csv`, user)).body;
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it("limits an export to a range when one is given", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    await recordAt(user, link.short_code, ["2026-01-10T12:00:00Z", "2026-01-11T23:59:59Z", "2026-01-12T00:00:00Z"]);
    const rows = parseCsv((await get(`/api/urls/${link.short_code}/clicks.csv?from=2026-01-10&to=2026-01-11`, user)).body).slice(1);
    expect(rows.map((r) => r[0])).toEqual(["2026-01-10T12:00:00.000Z", "2026-01-11T23:59:59.000Z"]);
  });

  it("answers 404 and 401 like the rest of the API", async () => {
    const owner = await createUser(app);
    const link = await createLink(app, owner);
    expect((await get(`/api/urls/${link.short_code}/clicks.csv`, await createUser(app))).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/analytics/clicks.csv" })).statusCode).toBe(401);
  });

  it("answers a failed export in the contract's JSON, not as a CSV file", async () => {
    const user = await createUser(app);
    const link = await createLink(app, user);
    // The export's query cannot run: the column it reads is gone for the moment.
    await db.query("ALTER TABLE clicks RENAME COLUMN city TO city_away");
    try {
      const res = await get(`/api/urls/${link.short_code}/clicks.csv`, user);
      expect(res.statusCode).toBe(500);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["content-disposition"]).toBeUndefined();
      expect(res.json()).toEqual({ detail: "Internal Server Error" });
    } finally {
      await db.query("ALTER TABLE clicks RENAME COLUMN city_away TO city");
    }
  });
});
