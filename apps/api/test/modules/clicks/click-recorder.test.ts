import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createClickRecorder } from "../../../src/modules/clicks/click-recorder.js";
import { openSpool, SpoolFullError } from "../../../src/modules/clicks/click-spool.js";
import type { EnrichedClick, NewClick, SpoolPosition } from "../../../src/modules/clicks/repository.js";

const log = pino({ level: "silent" });
const click = (linkId: number): NewClick => ({ linkId, userId: 1, code: `c${linkId}`, clickedAt: new Date(), referrer: null, userAgent: null, ip: null });
/** Enrichment is tested against the database elsewhere; here it only has to carry the link through. */
const enrich = async (clicks: NewClick[]): Promise<EnrichedClick[]> =>
  clicks.map(({ ip: _ip, ...c }) => ({ ...c, referrerHost: null, browser: null, os: null, device: null, country: null, city: null, isBot: false, visitor: null }));
const tempDir = () => mkdtempSync(path.join(tmpdir(), "shortly-spool-"));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The repository's contract: a batch and its checkpoint commit together. */
function fakeRepo() {
  const stored: number[] = [];
  const checkpoints = new Map<string, number>();
  const faults = { failBeforeCommit: 0, failAfterCommit: 0 };
  return {
    stored,
    checkpoints,
    faults,
    async insertBatch(batch: EnrichedClick[], position: SpoolPosition | null) {
      if (faults.failBeforeCommit > 0) {
        faults.failBeforeCommit--;
        throw new Error("database unavailable");
      }
      stored.push(...batch.map((c) => c.linkId));
      if (position) checkpoints.set(position.spoolId, Math.max(checkpoints.get(position.spoolId) ?? 0, position.lastSeq));
      if (faults.failAfterCommit > 0) {
        faults.failAfterCommit--;
        throw new Error("connection lost after commit");
      }
    },
    async checkpoints_(ids: string[]) {
      return new Map(ids.filter((id) => checkpoints.has(id)).map((id) => [id, checkpoints.get(id)!]));
    },
    async forgetCheckpoints(ids: string[]) {
      ids.forEach((id) => checkpoints.delete(id));
    },
  };
}
const asRepo = (r: ReturnType<typeof fakeRepo>) => ({ insertBatch: r.insertBatch, checkpoints: r.checkpoints_, forgetCheckpoints: r.forgetCheckpoints });

describe("click recorder", () => {
  it("writes queued clicks in batches after a short delay", async () => {
    const repo = fakeRepo();
    const recorder = createClickRecorder({ enrich, repo: asRepo(repo), spool: null, log, flushIntervalMs: 5, maxBatchSize: 2 });
    for (let i = 1; i <= 5; i++) recorder.record(click(i));
    expect(repo.stored).toEqual([]);
    await wait(40);
    expect(repo.stored).toEqual([1, 2, 3, 4, 5]);
    expect(recorder.pending).toBe(0);
  });

  it("retries a failed batch until it is written exactly once, even when the failure came after the commit", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const recorder = createClickRecorder({ enrich, repo: asRepo(repo), spool: openSpool(dir), log, flushIntervalMs: 5 });
    repo.faults.failBeforeCommit = 1;
    repo.faults.failAfterCommit = 1;
    for (let i = 1; i <= 4; i++) recorder.record(click(i));
    await wait(200);
    recorder.record(click(5));
    await wait(100);
    expect(repo.stored).toEqual([1, 2, 3, 4, 5]);
    await recorder.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("never runs two writers at once, however many callers wait for a slow write", async () => {
    const repo = fakeRepo();
    let active = 0;
    let maxActive = 0;
    const slowRepo = {
      ...asRepo(repo),
      async insertBatch(batch: EnrichedClick[], position: SpoolPosition | null) {
        active++;
        maxActive = Math.max(maxActive, active);
        await wait(30);
        try {
          await repo.insertBatch(batch, position);
        } finally {
          active--;
        }
      },
    };
    const recorder = createClickRecorder({ enrich, repo: slowRepo, spool: null, log, flushIntervalMs: 5 });
    repo.faults.failBeforeCommit = 1; // the timer's write fails while others wait for it
    for (let i = 1; i <= 3; i++) recorder.record(click(i));
    await wait(10);
    await Promise.all([recorder.flush(), recorder.flush(), recorder.flush()].map((p) => p.catch(() => {})));
    await recorder.flush();
    expect(maxActive).toBe(1);
    expect(repo.stored).toEqual([1, 2, 3]);
  });

  it("keeps memory bounded while the database is down, then writes everything from the spool in order", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const recorder = createClickRecorder({ enrich, repo: asRepo(repo), spool: openSpool(dir, { segmentRecords: 4 }), log, flushIntervalMs: 5, maxInMemory: 3, maxBatchSize: 3 });
    repo.faults.failBeforeCommit = 1_000_000;
    for (let i = 1; i <= 20; i++) recorder.record(click(i));
    expect(recorder.pending).toBe(20);
    await wait(30);
    repo.faults.failBeforeCommit = 0;
    await recorder.flush();
    expect(repo.stored).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Back to memory once caught up.
    recorder.record(click(21));
    await recorder.flush();
    expect(repo.stored.at(-1)).toBe(21);
    // Fully written segments are removed as it goes; only the open one remains.
    expect(readdirSync(dir)).toHaveLength(1);
    await recorder.close();
  });

  it("replays a crashed run's spool, skipping what its checkpoint says is stored", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const crashed = openSpool(dir);
    for (let i = 1; i <= 5; i++) crashed.append(click(i));
    repo.checkpoints.set(crashed.spoolId, 2); // clicks 1 and 2 were written before the crash
    crashed.close(); // the process died here: no drain

    const next = createClickRecorder({ enrich, repo: asRepo(repo), spool: openSpool(dir), log });
    await next.start();
    expect(repo.stored).toEqual([3, 4, 5]);
    expect(repo.checkpoints.has(crashed.spoolId)).toBe(false);
    await next.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves unwritten clicks in the spool at shutdown for the next start", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const first = createClickRecorder({ enrich, repo: asRepo(repo), spool: openSpool(dir), log, flushIntervalMs: 10_000 });
    repo.faults.failBeforeCommit = 1_000;
    first.record(click(1));
    first.record(click(2));
    await first.close();
    expect(readdirSync(dir)).toHaveLength(1);
    repo.faults.failBeforeCommit = 0;
    const second = createClickRecorder({ enrich, repo: asRepo(repo), spool: openSpool(dir), log });
    await second.start();
    expect(repo.stored).toEqual([1, 2]);
    await second.close();
  });

  it("refuses clicks once the spool reaches its size limit", () => {
    const spool = openSpool(tempDir(), { maxBytes: 1024 });
    expect(() => {
      for (let i = 0; i < 100; i++) spool.append(click(i));
    }).toThrow(SpoolFullError);
  });
});
