import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import { createClickRecorder, type ClickRecorder } from "../modules/clicks/click-recorder.js";
import { createClickRetention } from "../modules/clicks/click-retention.js";
import { openSpool } from "../modules/clicks/click-spool.js";
import { createClickPartitionsRepository } from "../modules/clicks/partitions-repository.js";

declare module "fastify" {
  interface FastifyInstance {
    clickRecorder: ClickRecorder;
  }
}

/** The click recorder (spool and writer thread) and raw-click retention, started and stopped with the app. */
export function createClickPipeline(app: App, config: AppConfig): ClickRecorder {
  const { spoolDir } = config.clicks;
  const clickRecorder = createClickRecorder({
    spool: spoolDir ? openSpool(spoolDir, { maxBytes: config.clicks.spoolMaxBytes }) : null,
    databaseUrl: config.databaseUrl,
    log: app.log,
    flushIntervalMs: config.clicks.flushIntervalMs,
    maxInMemory: config.clicks.maxInMemory,
    maxBatchSize: config.clicks.maxBatchSize,
    maxDeferMs: config.clicks.maxDeferMs,
    publishLive: app.liveClicks.publish,
  });
  app.decorate("clickRecorder", clickRecorder);
  const clickRetention = createClickRetention({
    repo: createClickPartitionsRepository(app.pgExport),
    retentionDays: config.clicks.retentionDays,
    log: app.log,
  });
  app.addHook("onReady", async () => clickRetention.start());
  app.addHook("onClose", async () => clickRetention.stop());
  // Clicks an earlier run left in its spool (a crash) are replayed in the background.
  app.addHook("onReady", async () => void clickRecorder.start());
  // After the fast path's hook (fastify-instance.ts): no click arrives while the writer drains.
  app.addHook("preClose", () => clickRecorder.close());
  return clickRecorder;
}
