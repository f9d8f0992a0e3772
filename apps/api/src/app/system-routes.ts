import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import { shippedMigrations } from "../db/migration-status.js";
import type { ClickRecorder } from "../modules/clicks/click-recorder.js";
import { createSystemRepository } from "../modules/system/repository.js";
import { systemRoutes } from "../modules/system/routes.js";
import { createSystemService } from "../modules/system/service.js";

/** Health (the database, Redis and the click pipeline against their thresholds) and the SPA's public settings. */
export async function registerSystemRoutes(app: App, config: AppConfig, clickRecorder: ClickRecorder): Promise<void> {
  await app.register(systemRoutes, {
    system: createSystemService({
      repo: createSystemRepository(app.pgHealth, shippedMigrations()),
      version: config.version,
      probes: {
        redisReady: () => (app.redis ? app.redis.status === "ready" : null),
        clicks: () => clickRecorder,
      },
      thresholds: config.health,
    }),
    appConfig: {
      version: config.version,
      short_url_base: config.publicUrl,
      free_plan_limit: config.planLimits.free,
      features: { registration: true, social_login: config.socialProviders.length > 0, realtime: true },
    },
  });
}
