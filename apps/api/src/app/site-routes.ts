import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import { redirectRoutes } from "../modules/redirect/routes.js";
import type { RedirectService } from "../modules/redirect/service.js";
import spaPlugin from "../plugins/spa.js";

/** What is not under /api, after every other route: the SPA's pages and the short links themselves. */
export async function registerSiteRoutes(app: App, config: AppConfig, redirects: RedirectService): Promise<void> {
  await app.register(spaPlugin, { distDir: config.webDistDir });
  await app.register(redirectRoutes, {
    redirects,
    passwordAttempts: { enabled: config.rateLimits.enabled, max: config.rateLimits.linkPasswordPerHour, windowMs: 3_600_000 },
  });
}
