import type { ClickPartitionsRepository } from "./partitions-repository.js";

export interface ClickRetentionOptions {
  repo: ClickPartitionsRepository;
  /** Raw clicks older than this many days are dropped, a month at a time; null keeps them forever. */
  retentionDays: number | null;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Months of partitions kept ready ahead of the current one. */
  monthsAhead?: number;
  intervalMs?: number;
  clock?: () => Date;
}

/**
 * Keeps the raw clicks' partitions: the coming months' exist before their
 * clicks arrive, and whole months past retention are dropped. The daily
 * rollups (stats, analytics) are never touched. Every instance runs it; each
 * step is idempotent.
 */
export function createClickRetention({
  repo,
  retentionDays,
  log,
  monthsAhead = 2,
  intervalMs = 3_600_000,
  clock = () => new Date(),
}: ClickRetentionOptions) {
  async function runOnce(): Promise<{ dropped: string[]; strayDeleted: number }> {
    const now = clock();
    // A month that cannot be created now does not stop retention; its clicks wait in the default partition.
    for (const { month, error } of await repo.ensureMonths(now, monthsAhead + 1)) {
      log.warn({ err: error, month: month.toISOString().slice(0, 7) }, "could not create a click partition; will retry");
    }
    if (retentionDays === null) return { dropped: [], strayDeleted: 0 };
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const dropped: string[] = [];
    for (const month of await repo.months()) {
      // Only months wholly older than the cutoff: a partial month waits until it has all aged out.
      if (month.end.getTime() > cutoff.getTime()) continue;
      try {
        await repo.dropMonth(month.name);
        dropped.push(month.name);
      } catch (err) {
        log.warn({ err, partition: month.name }, "could not drop a click partition now; will retry");
      }
    }
    const strayDeleted = await repo.deleteStrayBefore(cutoff);
    if (dropped.length > 0 || strayDeleted > 0) log.info({ dropped, strayDeleted, retentionDays }, "dropped raw clicks past retention");
    return { dropped, strayDeleted };
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    runOnce,
    start() {
      const run = () => runOnce().catch((err: unknown) => log.error({ err }, "click partition upkeep failed; will retry"));
      void run();
      timer = setInterval(run, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

export type ClickRetention = ReturnType<typeof createClickRetention>;
