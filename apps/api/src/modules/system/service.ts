import type { ApiHealthResponse } from "@shortly/contract";
import type { SystemRepository } from "./repository.js";

export function createSystemService(repo: SystemRepository, version: string, clock: () => number = Date.now) {
  const startedAt = clock();
  return {
    /** Readiness: the process and its database both answer. */
    async health(): Promise<ApiHealthResponse> {
      const up = await repo.databaseReachable(2000);
      return {
        status: up ? "ok" : "unavailable",
        database: up ? "ok" : "unreachable",
        version,
        uptime_seconds: Math.round((clock() - startedAt) / 1000),
      };
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
