// GET /api/urls filters, searches and sorts in the database; total counts the
// filtered set, and a state filter agrees with each item's own state.
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser, type TestUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const list = (user: TestUser, query: string) => app.inject({ url: `/api/urls?${query}`, headers: user.headers });
const codes = async (user: TestUser, query: string) => {
  const res = await list(user, query);
  expect(res.statusCode, res.body).toBe(200);
  return {
    codes: res.json().items.map((i: { short_code: string }) => i.short_code) as string[],
    total: res.json().total as number,
    items: res.json().items,
  };
};

async function seed() {
  const user = await createUser(app);
  await db.query("UPDATE users SET plan = 'pro'");
  await createLink(app, user, { custom_code: "alpha", long_url: "https://example.com/100%25-off" });
  await createLink(app, user, { custom_code: "beta_1", long_url: "https://example.com/a_b" });
  await createLink(app, user, { custom_code: "gamma", long_url: "https://bücher.example/straße" });
  await createLink(app, user, { custom_code: "off", long_url: "https://example.org/x" });
  await createLink(app, user, { custom_code: "spent", long_url: "https://example.org/y", max_clicks: 1 });
  await app.inject({ method: "PATCH", url: "/api/urls/off", headers: user.headers, payload: { is_active: false } });
  await db.query("UPDATE links SET expires_at = now() - interval '1 hour' WHERE code = 'gamma'");
  await db.query("UPDATE links SET clicks_used = 1 WHERE code = 'spent'");
  // Clicks for sorting: alpha 5, beta_1 2, the rest none.
  await db.query(
    "INSERT INTO link_daily_clicks (link_id, day, clicks) SELECT id, current_date, CASE code WHEN 'alpha' THEN 5 ELSE 2 END FROM links WHERE code IN ('alpha', 'beta_1')",
  );
  const stranger = await createUser(app);
  await createLink(app, stranger, { custom_code: "alpha2", long_url: "https://example.com/alpha" });
  return user;
}

describe("GET /api/urls search, filters and sort", () => {
  it("matches code and destination case-insensitively, with % and _ matching themselves, and unicode", async () => {
    const user = await seed();
    expect(await codes(user, "q=ALPHA")).toMatchObject({ codes: ["alpha"], total: 1 });
    // % matches itself: alpha's "100%25-off" and gamma's stored "stra%C3%9Fe", nothing else.
    expect((await codes(user, "q=%25")).codes.sort()).toEqual(["alpha", "gamma"]);
    expect((await codes(user, "q=_")).codes.sort()).toEqual(["beta_1"]); // only the literal underscore (code and URL)
    expect((await codes(user, `q=${encodeURIComponent("STRASSE")}`)).codes).toEqual([]);
    // Unicode finds the normalised spellings stored: the punycode host and the percent-encoded path.
    expect((await codes(user, `q=${encodeURIComponent("bücher")}`)).codes).toEqual(["gamma"]);
    expect((await codes(user, `q=${encodeURIComponent("straße")}`)).codes).toEqual(["gamma"]);
    for (const typed of ["https://bücher.example/straße", "bücher.example/straße", "HTTPS://Bücher.Example/straße"])
      expect((await codes(user, `q=${encodeURIComponent(typed)}`)).codes, typed).toEqual(["gamma"]);
    expect((await codes(user, "q=example.org")).codes.sort()).toEqual(["off", "spent"]);
  });

  it("filters by state, as each item's own state says, with total counting the filtered set", async () => {
    const user = await seed();
    for (const [state, expected] of [
      ["active", ["alpha", "beta_1"]],
      ["disabled", ["off"]],
      ["expired", ["gamma"]],
      ["limit_reached", ["spent"]],
    ] as const) {
      const result = await codes(user, `state=${state}&limit=1`);
      expect(result.total, state).toBe(expected.length);
      const all = await codes(user, `state=${state}`);
      expect(all.codes.sort(), state).toEqual([...expected].sort());
      for (const item of all.items) expect(item.state).toBe(state);
    }
  });

  it("sorts by creation or by clicks, both ways", async () => {
    const user = await seed();
    expect((await codes(user, "")).codes).toEqual(["spent", "off", "gamma", "beta_1", "alpha"]);
    expect((await codes(user, "sort=created_at")).codes).toEqual(["alpha", "beta_1", "gamma", "off", "spent"]);
    expect((await codes(user, "sort=-clicks")).codes.slice(0, 2)).toEqual(["alpha", "beta_1"]);
    expect((await codes(user, "sort=clicks")).codes.slice(-2)).toEqual(["beta_1", "alpha"]);
    expect((await codes(user, "sort=-clicks&q=a&limit=1&offset=1")).codes).toEqual(["beta_1"]);
  });

  it("refuses bad values with the contract's 422 at the query field", async () => {
    const user = await createUser(app);
    for (const [query, field] of [
      ["state=gone", "state"],
      ["sort=clicks_desc", "sort"],
      [`q=${"x".repeat(201)}`, "q"],
    ]) {
      const res = await list(user, query!);
      expect(res.statusCode, query).toBe(422);
      expect(res.json().detail[0].loc).toEqual(["query", field]);
    }
  });
});
