// Query and path forwarding and redirect types over real HTTP: the forwarded
// query stays on the fast path (a test that fails if it falls back), paths
// reach Fastify, and every refusal is the visitors' 404.
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { BROWSER, createLink, createUser, type TestUser } from "../../helpers/factories.js";
import { BROWSER_ACCEPT, listeningApp } from "../../helpers/listening-app.js";
import { rawRequest } from "../../helpers/raw-http.js";

const server = await listeningApp();
const db = testDb();
resetDatabaseBeforeEach(db);
beforeEach(() => server.app.linkCache.clear());

const visit = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${server.url}${path}`, { redirect: "manual", ...init, headers: { ...BROWSER, ...(init.headers ?? {}) } });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
};

async function owner(): Promise<TestUser> {
  const user = await createUser(server.app);
  await db.query("UPDATE users SET plan = 'pro' WHERE id = $1", [user.id]);
  return user;
}

describe("query forwarding", () => {
  it("adds the visitor's query to the destination by default, keeping the destination's values", async () => {
    const link = await createLink(server.app, await owner(), { long_url: "https://shop.example.com/sale?utm_source=owner&id=7" });
    expect(await visit(`/${link.short_code}?utm_source=news&utm_medium=email&id=8&empty=&a=1&a=2`)).toMatchObject({
      status: 302,
      location: "https://shop.example.com/sale?utm_source=owner&id=7&utm_medium=email&empty=&a=1&a=2",
    });
    const unicode = await visit(`/${link.short_code}?q=${encodeURIComponent("grüße ✓")}`);
    expect(unicode.location).toBe("https://shop.example.com/sale?utm_source=owner&id=7&q=gr%C3%BC%C3%9Fe%20%E2%9C%93");
  });

  it("refuses raw non-ASCII bytes in the request line with the contract's 400 (clients percent-encode them)", async () => {
    const link = await createLink(server.app, await owner(), { long_url: "https://example.com/" });
    const head = Buffer.concat([
      Buffer.from(`GET /${link.short_code}?q=`),
      Buffer.from("é", "utf8"),
      Buffer.from(`&x=1 HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER["user-agent"]}\r\nConnection: close\r\n\r\n`),
    ]);
    const res = await rawRequest(Number(new URL(server.url).port), head);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ detail: "Bad Request" });
  });

  it("never forwards a fragment a raw client sent", async () => {
    const link = await createLink(server.app, await owner(), { long_url: "https://example.com/?id=7" });
    const res = await rawRequest(
      Number(new URL(server.url).port),
      `GET /${link.short_code}?a=1#frag HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER["user-agent"]}\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("https://example.com/?id=7&a=1");
  });

  it("ignores the query when the link turns forwarding off", async () => {
    const link = await createLink(server.app, await owner(), { long_url: "https://example.com/plain", forward_query: false });
    expect(await visit(`/${link.short_code}?utm_source=news`)).toMatchObject({ status: 302, location: "https://example.com/plain" });
  });

  it("answers a forwarded query from the fast path, without Fastify, once the link is cached", async () => {
    const link = await createLink(server.app, await owner(), { long_url: "https://example.com/fast" });
    await visit(`/${link.short_code}`); // the miss that caches it
    const before = server.seen.byFastify;
    for (let i = 0; i < 5; i++) {
      expect((await visit(`/${link.short_code}?i=${i}&utm_source=x`)).location).toBe(`https://example.com/fast?i=${i}&utm_source=x`);
    }
    expect(server.seen.byFastify).toBe(before);
  });
});

describe("path forwarding", () => {
  it("is off by default: /{code}/more is the visitors' 404, and /{code}/ answers as /{code}", async () => {
    const link = await createLink(server.app, await owner(), { long_url: "https://example.com/base" });
    expect(await visit(`/${link.short_code}/more`)).toMatchObject({ status: 404, location: null });
    expect((await visit(`/${link.short_code}/more`, { headers: { accept: BROWSER_ACCEPT } })).body).toContain("There’s no link here");
    expect(await visit(`/${link.short_code}/`)).toMatchObject({ status: 302, location: "https://example.com/base" });
    expect(await visit(`/${link.short_code}/?ref=x`)).toMatchObject({ status: 302, location: "https://example.com/base?ref=x" });
  });

  it("joins the visitor's path to the destination's, with its query, when the link allows it", async () => {
    const user = await owner();
    const slash = await createLink(server.app, user, { long_url: "https://docs.example.com/v2/", forward_path: true });
    const bare = await createLink(server.app, user, { long_url: "https://docs.example.com", forward_path: true });
    expect(await visit(`/${slash.short_code}/guide/intro?lang=fr`)).toMatchObject({
      status: 302,
      location: "https://docs.example.com/v2/guide/intro?lang=fr",
    });
    expect((await visit(`/${bare.short_code}/docs/`)).location).toBe("https://docs.example.com/docs/");
    expect((await visit(`/${bare.short_code}/caf%C3%A9`)).location).toBe("https://docs.example.com/caf%C3%A9");
  });

  it("refuses dot segments, encoded slashes and anything that would leave the destination's host", async () => {
    const link = await createLink(server.app, await owner(), { long_url: "https://docs.example.com/v2", forward_path: true });
    // Sent raw: fetch would resolve the dots before sending.
    const port = Number(new URL(server.url).port);
    for (const path of ["/../admin", "/%2e%2e/admin", "/a/%2E/b", "/a/./b", "/a%2Fb", "/a%5Cb", "//evil.example", "/a//b"]) {
      const res = await rawRequest(
        port,
        `GET /${link.short_code}${path} HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER["user-agent"]}\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status, path).toBe(404);
      expect(res.headers.location, path).toBeUndefined();
    }
    const res = await visit(`/${link.short_code}/@evil.example`);
    expect(res.location).toBe("https://docs.example.com/v2/@evil.example");
  });
});

describe("redirect types", () => {
  it("answers each link's type with the same Location and headers", async () => {
    const user = await owner();
    for (const type of [302, 301, 307, 308] as const) {
      const link = await createLink(server.app, user, { long_url: `https://example.com/${type}`, redirect_type: type });
      for (const pass of ["miss", "cached"]) {
        const res = await fetch(`${server.url}/${link.short_code}?x=1`, { redirect: "manual", headers: BROWSER });
        expect(res.status, `${type} ${pass}`).toBe(type);
        expect(res.headers.get("location")).toBe(`https://example.com/${type}?x=1`);
        expect(res.headers.get("cache-control")).toBe("private, no-store");
      }
    }
    const bad = await server.app.inject({
      method: "POST",
      url: "/api/urls",
      headers: user.headers,
      payload: { long_url: "https://example.com/", redirect_type: 303 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail[0].loc).toEqual(["body", "redirect_type"]);
  });

  it("shows forwarding and the type on link items, and PATCH changes them at once", async () => {
    const user = await owner();
    const link = await createLink(server.app, user, { long_url: "https://example.com/p" });
    const item = await server.app.inject({ url: `/api/urls/${link.short_code}`, headers: user.headers });
    expect(item.json()).toMatchObject({ forward_query: true, forward_path: false, redirect_type: 302 });
    expect((await visit(`/${link.short_code}`)).status).toBe(302); // cached
    const patched = await server.app.inject({
      method: "PATCH",
      url: `/api/urls/${link.short_code}`,
      headers: user.headers,
      payload: { redirect_type: 308, forward_query: false, forward_path: true },
    });
    expect(patched.json()).toMatchObject({ forward_query: false, forward_path: true, redirect_type: 308 });
    expect(await visit(`/${link.short_code}/x?y=1`)).toMatchObject({ status: 308, location: "https://example.com/p/x" });
  });

  it("answers a password form with 302 whatever the type, so the POST is not repeated to the destination", async () => {
    const link = await createLink(server.app, await owner(), {
      long_url: "https://example.com/locked",
      password: "open sesame",
      redirect_type: 307,
    });
    const res = await fetch(`${server.url}/${link.short_code}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...BROWSER, "content-type": "application/x-www-form-urlencoded", accept: BROWSER_ACCEPT },
      body: "password=open+sesame",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.com/locked");
  });
});
