import pino from "pino";
import { describe, expect, it } from "vitest";
import { createClickRecorder } from "../../../src/modules/clicks/click-recorder.js";
import type { NewClick } from "../../../src/modules/clicks/repository.js";

const log = pino({ level: "silent" });
const click = (linkId: number): NewClick => ({ linkId, clickedAt: new Date(), referrer: null, userAgent: null, ip: null });

describe("click recorder", () => {
  it("writes queued clicks in batches after a short delay", async () => {
    const written: NewClick[][] = [];
    const recorder = createClickRecorder({ write: async (b) => void written.push(b), log, flushIntervalMs: 5, maxBatchSize: 2 });
    for (let i = 1; i <= 5; i++) recorder.record(click(i));
    expect(written).toEqual([]);
    await new Promise((r) => setTimeout(r, 30));
    expect(written.map((b) => b.map((c) => c.linkId))).toEqual([[1, 2], [3, 4], [5]]);
    expect(recorder.pending).toBe(0);
  });

  it("keeps a failed batch and retries it until it is written exactly once", async () => {
    const written: number[] = [];
    let failuresLeft = 2;
    const recorder = createClickRecorder({
      write: async (batch) => {
        if (failuresLeft-- > 0) throw new Error("database unavailable");
        written.push(...batch.map((c) => c.linkId));
      },
      log,
      flushIntervalMs: 5,
    });
    recorder.record(click(1));
    recorder.record(click(2));
    await new Promise((r) => setTimeout(r, 150));
    expect(written).toEqual([1, 2]);
    expect(recorder.pending).toBe(0);
  });

  it("drains everything on close", async () => {
    const written: number[] = [];
    const recorder = createClickRecorder({ write: async (b) => void written.push(...b.map((c) => c.linkId)), log, flushIntervalMs: 10_000 });
    for (let i = 0; i < 3; i++) recorder.record(click(i));
    await recorder.close();
    expect(written).toEqual([0, 1, 2]);
  });
});
