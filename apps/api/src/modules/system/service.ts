import type { ApiHealthResponse } from "@shortly/contract";
import type { SystemRepository } from "./repository.js";

export interface HealthProbes {
  /** null when this instance runs without Redis. */
  redisReady: () => boolean | null;
  clicks: () => { pending: number; oldestPendingSeconds: number; writerRunning: boolean };
}

export interface HealthThresholds {
  /** Clicks waiting to be stored beyond which the click pipeline counts as behind. */
  maxPendingClicks: number;
  /** Age of the oldest unstored click beyond which it counts as behind. */
  maxClickLagSeconds: number;
}

export interface SystemServiceDeps {
  repo: SystemRepository;
  version: string;
  probes: HealthProbes;
  thresholds: HealthThresholds;
  clock?: () => number;
}

export function createSystemService({ repo, version, probes, thresholds, clock = Date.now }: SystemServiceDeps) {
  const startedAt = clock();
  return {
    /** Readiness: what this instance can serve, part by part, with what an operator should look at. */
    async health(): Promise<ApiHealthResponse> {
      const pending = await repo.pendingMigrations(2000);
      const redis = probes.redisReady();
      const clicks = probes.clicks();
      const problems: string[] = [];
      if (pending === null) problems.push("database: not reachable");
      else if (pending.length > 0) problems.push(`schema: ${pending.length} migration(s) not applied (${pending.join(", ")})`);
      if (redis === false) problems.push("redis: not reachable; limits are counted per instance and live clicks stay on this instance");
      const oldest = Math.round(clicks.oldestPendingSeconds);
      const clicksBehind = clicks.pending > thresholds.maxPendingClicks || clicks.oldestPendingSeconds > thresholds.maxClickLagSeconds;
      if (clicksBehind) problems.push(`clicks: ${clicks.pending} waiting to be stored, the oldest for ${oldest} s`);
      if (!clicks.writerRunning) problems.push("clicks: the writer thread is being restarted");
      const unavailable = pending === null || pending.length > 0;
      return {
        status: unavailable ? "unavailable" : problems.length > 0 ? "degraded" : "ok",
        database: pending === null ? "unreachable" : "ok",
        schema: pending === null ? "unknown" : pending.length > 0 ? "behind" : "ok",
        pending_migrations: pending ?? [],
        redis: redis === null ? "not_configured" : redis ? "ok" : "unreachable",
        clicks: {
          status: clicksBehind ? "behind" : "ok",
          pending: clicks.pending,
          oldest_pending_seconds: oldest,
          writer: clicks.writerRunning ? "running" : "restarting",
        },
        problems,
        version,
        uptime_seconds: Math.round((clock() - startedAt) / 1000),
      };
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
