// The fast path answers a visit only once its click is on disk. Visits of a
// turn share one spool promise and are answered together; a HEAD (nothing to
// spool) must not answer the GETs waiting beside it. A stand-in redirect
// service hands out promises the test settles, over a real HTTP server.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createFastRedirect } from "../../../src/modules/redirect/fast-route.js";
import type { RedirectService } from "../../../src/modules/redirect/service.js";
import type { Visit } from "../../../src/modules/redirect/visit.js";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

let spool = deferred();
let received = 0;
const service = {
  redirectFromCache(visit: Visit) {
    if (visit.code !== "known") return null;
    received++;
    return { location: "https://example.com/", status: 302, spooled: visit.countsAsClick ? spool.promise : Promise.resolve() };
  },
} as unknown as RedirectService;
const handler = createFastRedirect(service, []);
const server = createServer((req, res) =>
  handler(req, res, (_req, fallback) => {
    fallback.writeHead(503, { "content-length": "0" });
    fallback.end();
  }),
);
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  spool = deferred();
  received = 0;
});

/** Starts a visit and reports its status once answered; resolves when the server has taken it. */
async function start(method: "GET" | "HEAD") {
  const before = received;
  const answer = { status: 0 };
  const done = fetch(`${base}/known`, { method, redirect: "manual" }).then((res) => {
    answer.status = res.status;
  });
  while (received === before) await new Promise((resolve) => setTimeout(resolve, 5));
  return { answer, done };
}

/** Waits for visits' answers, at most a second: a visit left waiting shows as status 0. */
const answered = (...visits: { done: Promise<void> }[]) =>
  Promise.race([Promise.all(visits.map((v) => v.done)), new Promise((resolve) => setTimeout(resolve, 1000))]);

describe("the fast path's wait for the spool", () => {
  it("answers GETs only once their clicks are spooled, however many HEADs are answered meanwhile", async () => {
    const first = await start("GET");
    const head = await start("HEAD");
    await answered(head);
    expect(head.answer.status).toBe(302);
    const second = await start("GET");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([first.answer.status, second.answer.status]).toEqual([0, 0]);

    spool.resolve();
    await answered(first, second);
    expect([first.answer.status, second.answer.status]).toEqual([302, 302]);
  });

  it("leaves visits whose spool write failed to Fastify's path, and answers the next turn's", async () => {
    const visits = [await start("GET"), await start("GET")];
    spool.reject(new Error("disk full"));
    await answered(...visits);
    expect(visits.map((v) => v.answer.status)).toEqual([503, 503]);

    spool = deferred();
    const next = await start("GET");
    spool.resolve();
    await answered(next);
    expect(next.answer.status).toBe(302);
  });
});
