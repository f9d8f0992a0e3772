// The shared counter's fallback, against a Redis stand-in whose answers the
// test controls, and a clock it moves: which calls reach Redis, and when.
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createSharedCounter } from "../../src/lib/window-counter.js";

/** Enough of ioredis for the counter: every command answers as `mode` says, and is counted. */
function redisStandIn() {
  const state = { commands: 0, mode: "fail" as "fail" | "ok" | "held", release: [] as Array<() => void> };
  const answer = <T>(value: T): Promise<T> => {
    state.commands++;
    if (state.mode === "fail") return Promise.reject(new Error("Command timed out"));
    if (state.mode === "held") return new Promise<T>((resolve) => state.release.push(() => resolve(value)));
    return Promise.resolve(value);
  };
  const redis = {
    status: "ready",
    multi() {
      const chain = {
        incr: () => chain,
        pexpire: () => chain,
        pttl: () => chain,
        exec: () =>
          answer([
            [null, 100],
            [null, 1],
            [null, 60_000],
          ]),
      };
      return chain;
    },
    set: () => answer("OK"),
    pttl: () => answer(0),
    del: () => answer(1),
  };
  return { redis: redis as unknown as Redis, state };
}

describe("the shared counter when Redis fails", () => {
  it("counts locally for five seconds after a failure, then lets one command at a time try Redis again", async () => {
    const { redis, state } = redisStandIn();
    let time = 1_000_000;
    const fallbacks: unknown[] = [];
    const counter = createSharedCounter(
      redis,
      (error) => fallbacks.push(error),
      () => time,
    );

    expect((await counter.hit("k", 60_000)).count).toBe(1); // failed on Redis, counted here
    expect(state.commands).toBe(1);
    expect(fallbacks).toHaveLength(1);
    for (let i = 2; i <= 4; i++) expect((await counter.hit("k", 60_000)).count).toBe(i);
    await counter.block("b", 1000);
    expect(await counter.blockedFor("b")).toBe(1000);
    expect(state.commands).toBe(1); // none of these asked Redis

    time += 5_000;
    state.mode = "held";
    const probe = counter.hit("k", 60_000);
    const meanwhile = await counter.hit("k", 60_000); // while the probe waits: local
    expect(meanwhile.count).toBe(5);
    expect(state.commands).toBe(2);
    state.release.forEach((release) => release());
    expect((await probe).count).toBe(100); // Redis answered: its count

    state.mode = "ok";
    expect((await counter.hit("k", 60_000)).count).toBe(100);
    expect(state.commands).toBe(3); // trusted again, straight to Redis
  });

  it("goes back to local counts when the probe fails too", async () => {
    const { redis, state } = redisStandIn();
    let time = 0;
    const counter = createSharedCounter(
      redis,
      () => {},
      () => time,
    );
    await counter.hit("k", 60_000);
    time += 5_000;
    await counter.hit("k", 60_000); // the probe, failing
    expect(state.commands).toBe(2);
    time += 4_999;
    expect((await counter.hit("k", 60_000)).count).toBe(3);
    expect(state.commands).toBe(2);
  });
});
