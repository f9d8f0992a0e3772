// The click pipeline's thresholds, decided by the service from the recorder's figures.
import { describe, expect, it } from "vitest";
import { createSystemService } from "../../../src/modules/system/service.js";

const healthWith = (clicks: { pending: number; oldestPendingSeconds: number; writerRunning: boolean }) =>
  createSystemService({
    repo: { pendingMigrations: async () => [] },
    version: "1",
    probes: { redisReady: () => true, clicks: () => clicks },
    thresholds: { maxPendingClicks: 1000, maxClickLagSeconds: 60 },
  }).health();

describe("click pipeline health", () => {
  it("is ok below both thresholds", async () => {
    const health = await healthWith({ pending: 999, oldestPendingSeconds: 59, writerRunning: true });
    expect(health).toMatchObject({
      status: "ok",
      clicks: { status: "ok", pending: 999, oldest_pending_seconds: 59, writer: "running" },
      problems: [],
    });
  });

  it("is degraded with figures when too many clicks wait", async () => {
    const health = await healthWith({ pending: 1001, oldestPendingSeconds: 3, writerRunning: true });
    expect(health).toMatchObject({ status: "degraded", redis: "ok", clicks: { status: "behind" } });
    expect(health.problems).toEqual(["clicks: 1001 waiting to be stored, the oldest for 3 s"]);
  });

  it("is degraded when the oldest click waits too long, or the writer is being replaced", async () => {
    expect((await healthWith({ pending: 5, oldestPendingSeconds: 61, writerRunning: true })).clicks.status).toBe("behind");
    const restarting = await healthWith({ pending: 0, oldestPendingSeconds: 0, writerRunning: false });
    expect(restarting).toMatchObject({ status: "degraded", clicks: { status: "ok", writer: "restarting" } });
    expect(restarting.problems).toEqual(["clicks: the writer thread is being restarted"]);
  });
});
