import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { EnrichedClick, NewClick, SpoolPosition } from "../../../src/modules/clicks/click.js";
import { openSpool, SpoolFullError, type ClickSpool } from "../../../src/modules/clicks/click-spool.js";
import { memorySpool } from "../../../src/modules/clicks/memory-spool.js";
import { createClickWriter } from "../../../src/modules/clicks/click-writer.js";
import type { ClickWriter, ClickWriterOptions } from "../../../src/modules/clicks/click-writer-types.js";
import { enrichedClick } from "../../helpers/factories.js";

const log = pino({ level: "silent" });
const click = (linkId: number): NewClick => ({
  linkId,
  userId: 1,
  code: `c${linkId}`,
  clickedAt: new Date(),
  referrer: null,
  userAgent: null,
  ip: null,
});
/** Enrichment is tested against the database elsewhere; here it only has to carry the link through. */
const enrich = async (clicks: NewClick[]): Promise<EnrichedClick[]> => clicks.map(({ ip: _ip, ...c }) => enrichedClick(c));
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
const asRepo = (r: ReturnType<typeof fakeRepo>) => ({
  insertBatch: r.insertBatch,
  checkpoints: r.checkpoints_,
  forgetCheckpoints: r.forgetCheckpoints,
});

/**
 * The writer as the thread runs it: clicks go through a spool (on disk, or
 * memory only) and the writer gets what the spool wrote.
 */
function writerOn(spool: ClickSpool | null, options: Omit<ClickWriterOptions, "spool" | "log" | "enrich">) {
  const buffer = spool ?? memorySpool();
  const writer = createClickWriter({
    enrich,
    log,
    spool: spool && { dir: spool.dir, spoolId: spool.spoolId },
    onCommitted: (seq) => spool?.release(seq),
    ...options,
  });
  return {
    writer,
    record(...clicks: NewClick[]) {
      clicks.forEach((c) => buffer.append(c));
      writer.add(buffer.sync(), buffer.lastSeq);
    },
    /** Shuts down as the recorder does: the spool's files go only when everything is stored. */
    async close(w: ClickWriter = writer) {
      const committed = await w.close();
      spool?.close({ discard: committed >= buffer.lastSeq });
    },
  };
}

describe("click writer", () => {
  it("writes queued clicks in batches after a short delay", async () => {
    const repo = fakeRepo();
    const { writer, record } = writerOn(null, { repo: asRepo(repo), flushIntervalMs: 5, maxBatchSize: 2 });
    for (let i = 1; i <= 5; i++) record(click(i));
    expect(repo.stored).toEqual([]);
    expect(writer.pending).toBe(5);
    await wait(40);
    expect(repo.stored).toEqual([1, 2, 3, 4, 5]);
    expect(writer.pending).toBe(0);
  });

  it("retries a failed batch until it is written exactly once, even when the failure came after the commit", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const { record, close } = writerOn(openSpool(dir), { repo: asRepo(repo), flushIntervalMs: 5 });
    repo.faults.failBeforeCommit = 1;
    repo.faults.failAfterCommit = 1;
    for (let i = 1; i <= 4; i++) record(click(i));
    await wait(200);
    record(click(5));
    await wait(100);
    expect(repo.stored).toEqual([1, 2, 3, 4, 5]);
    await close();
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
    const { writer, record } = writerOn(null, { repo: slowRepo, flushIntervalMs: 5 });
    repo.faults.failBeforeCommit = 1; // the timer's write fails while others wait for it
    for (let i = 1; i <= 3; i++) record(click(i));
    await wait(10);
    await Promise.all([writer.flush(), writer.flush(), writer.flush()].map((p) => p.catch(() => {})));
    await writer.flush();
    expect(maxActive).toBe(1);
    expect(repo.stored).toEqual([1, 2, 3]);
  });

  it("keeps memory bounded while the database is down, then writes everything from the spool in order", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const { writer, record, close } = writerOn(openSpool(dir, { segmentRecords: 4 }), {
      repo: asRepo(repo),
      flushIntervalMs: 5,
      maxInMemory: 3,
      maxBatchSize: 3,
    });
    repo.faults.failBeforeCommit = 1_000_000;
    for (let i = 1; i <= 20; i++) record(click(i));
    expect(writer.pending).toBe(20);
    await wait(30);
    repo.faults.failBeforeCommit = 0;
    await writer.flush();
    expect(repo.stored).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Back to memory once caught up.
    record(click(21));
    await writer.flush();
    expect(repo.stored.at(-1)).toBe(21);
    // Fully written segments are removed as it goes (in the background); only the open one remains.
    await expect.poll(() => readdirSync(dir), { timeout: 2000, interval: 10 }).toHaveLength(1);
    await close();
  });

  it("replays a crashed run's spool, skipping what its checkpoint says is stored", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const crashed = openSpool(dir);
    for (let i = 1; i <= 5; i++) crashed.append(click(i));
    repo.checkpoints.set(crashed.spoolId, 2); // clicks 1 and 2 were written before the crash
    crashed.close(); // the process died here: no drain

    const next = writerOn(openSpool(dir), { repo: asRepo(repo) });
    await next.writer.start();
    expect(repo.stored).toEqual([3, 4, 5]);
    expect(repo.checkpoints.has(crashed.spoolId)).toBe(false);
    await next.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves unwritten clicks in the spool at shutdown for the next start", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const first = writerOn(openSpool(dir), { repo: asRepo(repo), flushIntervalMs: 10_000 });
    repo.faults.failBeforeCommit = 1_000;
    first.record(click(1), click(2));
    await first.close();
    expect(readdirSync(dir)).toHaveLength(1);
    repo.faults.failBeforeCommit = 0;
    const second = writerOn(openSpool(dir), { repo: asRepo(repo) });
    await second.writer.start();
    expect(repo.stored).toEqual([1, 2]);
    await second.close();
  });

  it("keeps to its drain budget at shutdown even while a run is catching up on a backlog", async () => {
    const repo = fakeRepo();
    const dir = tempDir();
    const slowRepo = {
      ...asRepo(repo),
      async insertBatch(batch: EnrichedClick[], position: SpoolPosition | null) {
        await wait(20);
        await repo.insertBatch(batch, position);
      },
    };
    const first = writerOn(openSpool(dir), { repo: slowRepo, flushIntervalMs: 1, maxBatchSize: 10, drainBudgetMs: 100 });
    for (let i = 1; i <= 1000; i++) first.record(click(i)); // 100 batches: 2 s of writing
    await wait(30); // the timer's run is under way
    const started = Date.now();
    await first.close();
    expect(Date.now() - started).toBeLessThan(400); // the budget and the batch in flight, not the whole backlog
    const storedAtShutdown = repo.stored.length;
    expect(storedAtShutdown).toBeGreaterThan(0);
    expect(storedAtShutdown).toBeLessThan(1000);
    expect(readdirSync(dir)).toHaveLength(1); // the rest waits in the spool

    const second = writerOn(openSpool(dir), { repo: asRepo(repo) });
    await second.writer.start();
    expect(repo.stored).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    await second.close();
  });

  it("resumes from the spool's checkpoint when it replaces a writer that died", async () => {
    const repo = fakeRepo();
    const spool = openSpool(tempDir());
    const first = writerOn(spool, { repo: asRepo(repo), flushIntervalMs: 5 });
    first.record(click(1), click(2));
    await first.writer.flush();
    // Spooled, but the thread died before it got them.
    spool.append(click(3));
    spool.append(click(4));
    spool.sync();
    await first.writer.close();
    const replacement = createClickWriter({
      enrich,
      log,
      repo: asRepo(repo),
      spool: { dir: spool.dir, spoolId: spool.spoolId },
      resume: { lastSeq: spool.lastSeq },
    });
    expect(replacement.pending).toBe(4);
    await replacement.flush();
    expect(repo.stored).toEqual([1, 2, 3, 4]);
    expect(replacement.pending).toBe(0);
    await first.close(replacement);
  });

  it("lets clicks wait while the redirects are saturated, but no longer than maxDeferMs", async () => {
    const repo = fakeRepo();
    let clock = 1_000_000;
    const { writer, record } = writerOn(openSpool(tempDir()), {
      repo: asRepo(repo),
      flushIntervalMs: 5,
      maxDeferMs: 10_000,
      now: () => clock,
    });
    writer.setBusy(true);
    record(click(1), click(2));
    await wait(40);
    expect(repo.stored).toEqual([]); // deferred: still only on disk
    clock += 10_000;
    await wait(40);
    expect(repo.stored).toEqual([1, 2]); // waited long enough: written despite the load
    record(click(3));
    await wait(40);
    expect(repo.stored).toEqual([1, 2]);
    writer.setBusy(false);
    await wait(40);
    expect(repo.stored).toEqual([1, 2, 3]); // the redirects calmed down
    writer.setBusy(true);
    record(click(4));
    await writer.flush(); // an explicit flush (shutdown, tests) never waits
    expect(repo.stored).toEqual([1, 2, 3, 4]);
    await writer.close();
  });

  it("gets every click across the spool's segment boundaries", async () => {
    const repo = fakeRepo();
    const { writer, record, close } = writerOn(openSpool(tempDir(), { segmentRecords: 3 }), { repo: asRepo(repo) });
    record(...Array.from({ length: 10 }, (_, i) => click(i + 1))); // three segments closed within one write
    record(click(11));
    await writer.flush();
    expect(repo.stored).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    await close();
  });

  it("reads a segment back in steps of any size, longer then shorter, without losing or repeating a click", async () => {
    const repo = fakeRepo();
    const { writer, record, close } = writerOn(openSpool(tempDir(), { segmentRecords: 1000 }), {
      repo: asRepo(repo),
      maxInMemory: 1, // every step below spills, so each is read from the segment file
      flushIntervalMs: 10_000,
    });
    let linkId = 0;
    for (const [count, agentLength] of [
      [5, 900],
      [2, 10],
      [3, 300],
      [2, 0],
      [2, 50],
      [4, 1000], // longer than any read before: the buffer grows
    ] as const) {
      record(...Array.from({ length: count }, () => ({ ...click(++linkId), userAgent: "a".repeat(agentLength) })));
      await writer.flush();
      expect(repo.stored).toEqual(Array.from({ length: linkId }, (_, i) => i + 1));
    }
    await close();
  });

  it("stores nothing twice when reading the spool back runs ahead of the text handed over", async () => {
    const repo = fakeRepo();
    const spool = openSpool(tempDir());
    const { writer, record, close } = writerOn(spool, { repo: asRepo(repo), maxInMemory: 2, flushIntervalMs: 10_000 });
    record(click(1), click(2), click(3)); // more than memory holds: the writer reads the spool
    spool.append(click(4));
    const late = spool.sync(); // on disk, not yet handed to the writer
    await writer.flush();
    expect(repo.stored).toEqual([1, 2, 3, 4]);
    writer.add(late, spool.lastSeq);
    record(click(5));
    await writer.flush();
    expect(repo.stored).toEqual([1, 2, 3, 4, 5]);
    await close();
  });

  it("refuses clicks once the spool reaches its size limit", () => {
    const spool = openSpool(tempDir(), { maxBytes: 1024 });
    expect(() => {
      for (let i = 0; i < 100; i++) spool.append(click(i));
    }).toThrow(SpoolFullError);
  });
});
