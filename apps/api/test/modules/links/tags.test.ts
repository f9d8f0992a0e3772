// Tags: 0–10 per link, compared case-insensitively, on create, bulk and PATCH;
// GET /api/urls?tag= filters and GET /api/tags counts, per account.
import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createLink, createUser, type TestUser } from "../../helpers/factories.js";

const app = await buildTestApp();
const db = testDb();
resetDatabaseBeforeEach(db);

const get = (user: TestUser, url: string) => app.inject({ url, headers: user.headers });
const patch = (user: TestUser, code: string, payload: object) =>
  app.inject({ method: "PATCH", url: `/api/urls/${code}`, headers: user.headers, payload });
const storedTags = async (code: string) => (await db.query("SELECT tags FROM links WHERE code = $1", [code])).rows[0]?.tags;

async function proUser() {
  const user = await createUser(app);
  await db.query("UPDATE users SET plan = 'pro' WHERE email = $1", [user.email]);
  return user;
}

describe("link tags", () => {
  it("stores tags on create, trimmed and without case-insensitive duplicates, and returns them on items", async () => {
    const user = await proUser();
    await createLink(app, user, {
      custom_code: "one",
      long_url: "https://example.com/1",
      tags: ["  Spring Sale ", "news", "NEWS", "ünïcode_1"],
    });
    expect(await storedTags("one")).toEqual(["Spring Sale", "news", "ünïcode_1"]);
    const item = (await get(user, "/api/urls/one")).json();
    expect(item.tags).toEqual(["Spring Sale", "news", "ünïcode_1"]);
    const listed = (await get(user, "/api/urls")).json();
    expect(listed.items[0].tags).toEqual(["Spring Sale", "news", "ünïcode_1"]);
    // A link created without tags has an empty list.
    await createLink(app, user, { custom_code: "two", long_url: "https://example.com/2" });
    expect((await get(user, "/api/urls/two")).json().tags).toEqual([]);
  });

  it("joins a new spelling to the account's existing tag", async () => {
    const user = await proUser();
    await createLink(app, user, { custom_code: "one", long_url: "https://example.com/1", tags: ["Sale"] });
    await createLink(app, user, { custom_code: "two", long_url: "https://example.com/2", tags: ["SALE", "new"] });
    expect(await storedTags("two")).toEqual(["Sale", "new"]);
    // Another account's spelling is its own.
    const other = await proUser();
    await createLink(app, other, { custom_code: "three", long_url: "https://example.com/3", tags: ["sale"] });
    expect(await storedTags("three")).toEqual(["sale"]);
  });

  it("refuses bad tags with the contract's 422 at the field, storing nothing", async () => {
    const user = await proUser();
    const cases: Array<[unknown, (string | number)[]]> = [
      [
        ["ok", "no/slash"],
        ["body", "tags", 1],
      ],
      [["x".repeat(33)], ["body", "tags", 0]],
      [["   "], ["body", "tags", 0]],
      [[42], ["body", "tags", 0]],
      ["news", ["body", "tags"]],
      [Array.from({ length: 11 }, (_, i) => `t${i}`), ["body", "tags"]],
      [["a\u0000b"], ["body", "tags", 0]],
    ];
    for (const [tags, loc] of cases) {
      const res = await app.inject({
        method: "POST",
        url: "/api/urls",
        headers: user.headers,
        payload: { long_url: "https://example.com/", tags },
      });
      expect(res.statusCode, JSON.stringify(tags)).toBe(422);
      expect(res.json().detail[0].loc, JSON.stringify(tags)).toEqual(loc);
    }
    // Eleven tags that are ten once duplicates are dropped are fine.
    const ten = [...Array.from({ length: 10 }, (_, i) => `t${i}`), "T0"];
    await createLink(app, user, { custom_code: "ten", long_url: "https://example.com/", tags: ten });
    expect(await storedTags("ten")).toHaveLength(10);
    expect((await db.query("SELECT count(*)::int AS n FROM links")).rows[0].n).toBe(1);
  });

  it("replaces tags on PATCH, [] removes them, and absent leaves them", async () => {
    const user = await proUser();
    await createLink(app, user, { custom_code: "one", long_url: "https://example.com/1", tags: ["a", "b"] });
    let res = await patch(user, "one", { is_active: false });
    expect(res.json().tags).toEqual(["a", "b"]);
    res = await patch(user, "one", { tags: ["c"] });
    expect(res.statusCode).toBe(200);
    expect(res.json().tags).toEqual(["c"]);
    res = await patch(user, "one", { tags: [] });
    expect(res.json().tags).toEqual([]);
    expect(await storedTags("one")).toEqual([]);
    res = await patch(user, "one", { tags: ["bad!"] });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail[0].loc).toEqual(["body", "tags", 0]);
  });

  it("takes tags per item in bulk", async () => {
    const user = await proUser();
    const res = await app.inject({
      method: "POST",
      url: "/api/urls/bulk",
      headers: user.headers,
      payload: {
        urls: [
          { long_url: "https://example.com/1", custom_code: "bulk1", tags: ["Import"] },
          { long_url: "https://example.com/2", tags: ["bad?"] },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].status).toBe(201);
    expect(res.json().results[1]).toMatchObject({ status: 422, detail: [{ loc: ["body", "urls", 1, "tags", 0] }] });
    expect(await storedTags("bulk1")).toEqual(["Import"]);
  });

  it("filters the list by tag case-insensitively, with total counting the filtered set", async () => {
    const user = await proUser();
    await createLink(app, user, { custom_code: "one", long_url: "https://example.com/1", tags: ["Sale", "news"] });
    await createLink(app, user, { custom_code: "two", long_url: "https://example.com/2", tags: ["sale"] });
    await createLink(app, user, { custom_code: "three", long_url: "https://example.com/3", tags: ["news"] });
    await createLink(app, user, { custom_code: "four", long_url: "https://example.com/4" });
    const other = await proUser();
    await createLink(app, other, { custom_code: "five", long_url: "https://example.com/5", tags: ["sale"] });

    const codes = async (query: string) => {
      const res = await get(user, `/api/urls?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return { codes: res.json().items.map((i: { short_code: string }) => i.short_code), total: res.json().total };
    };
    expect(await codes("tag=SALE")).toEqual({ codes: ["two", "one"], total: 2 });
    expect(await codes("tag=sale&limit=1")).toEqual({ codes: ["two"], total: 2 });
    expect(await codes("tag=news&q=example.com/3")).toEqual({ codes: ["three"], total: 1 });
    expect(await codes("tag=nothing")).toEqual({ codes: [], total: 0 });
    expect(await codes(`tag=${encodeURIComponent(" news ")}`)).toEqual({ codes: ["three", "one"], total: 2 });
    for (const bad of ["bad%2Ftag", "x".repeat(33), "%20"]) {
      const res = await get(user, `/api/urls?tag=${bad}`);
      expect(res.statusCode, bad).toBe(422);
      expect(res.json().detail[0].loc).toEqual(["query", "tag"]);
    }
  });

  it("finds a tag by the spelling the API lists, for letters lower() maps otherwise (İ, a final Σ)", async () => {
    const user = await proUser();
    await createLink(app, user, { custom_code: "izmir", long_url: "https://example.com/1", tags: ["İzmir", "ΟΔΟΣ"] });
    const tags = (await get(user, "/api/tags")).json().items.map((t: { name: string }) => t.name);
    expect(tags).toEqual(["İzmir", "ΟΔΟΣ"]);
    for (const spelling of [...tags, "οδος", "ΟΔΟς"]) {
      const res = await get(user, `/api/urls?tag=${encodeURIComponent(spelling)}`);
      expect(res.json().total, spelling).toBe(1);
    }
    // The keys as JavaScript lower-cases: "İ" becomes "i" and a combining dot above, a final "Σ" becomes "ς".
    const { rows } = await db.query("SELECT tag_keys FROM links WHERE code = 'izmir'");
    expect(rows[0].tag_keys).toEqual(["i\u0307zmir", "οδος"]);
    // PATCH rewrites the keys with the tags.
    await patch(user, "izmir", { tags: ["Ὀδυσσεύς"] });
    expect((await db.query("SELECT tag_keys FROM links WHERE code = 'izmir'")).rows[0].tag_keys).toEqual(["ὀδυσσεύς"]);
  });

  it("counts the account's tags under their most used spelling, most used first", async () => {
    const user = await proUser();
    await createLink(app, user, { custom_code: "one", long_url: "https://example.com/1", tags: ["news", "Sale"] });
    await createLink(app, user, { custom_code: "two", long_url: "https://example.com/2", tags: ["sale"] });
    await createLink(app, user, { custom_code: "three", long_url: "https://example.com/3", tags: ["Sale"] });
    // A spelling written behind the API's back still counts as the same tag.
    await db.query("UPDATE links SET tags = ARRAY['SALE'] WHERE code = 'two'");
    const other = await proUser();
    await createLink(app, other, { custom_code: "four", long_url: "https://example.com/4", tags: ["news", "other"] });

    const res = await get(user, "/api/tags");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { name: "Sale", count: 3 },
        { name: "news", count: 1 },
      ],
    });
    const empty = await get(await proUser(), "/api/tags");
    expect(empty.json()).toEqual({ items: [] });
    expect((await app.inject({ url: "/api/tags" })).statusCode).toBe(401);
  });
});
