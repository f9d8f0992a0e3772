import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import { adminRoutes } from "../modules/admin/routes.js";
import { abuseRoutes } from "../modules/abuse/routes.js";
import { analyticsRoutes } from "../modules/analytics/routes.js";
import { apiKeysRoutes } from "../modules/api-keys/routes.js";
import { authRoutes } from "../modules/auth/routes.js";
import { linksRoutes } from "../modules/links/routes.js";
import { liveRoutes } from "../modules/live/routes.js";
import { socialRoutes } from "../modules/social/routes.js";
import { usersRoutes } from "../modules/users/routes.js";
import type { AccountServices } from "./account-services.js";
import type { AnalyticsAdminServices } from "./analytics-admin-services.js";
import type { LinkServices } from "./link-services.js";
import type { SignInServices } from "./sign-in-services.js";

/** The modules' routes under /api, each handed the services it calls. */
export async function registerApiRoutes(
  app: App,
  config: AppConfig,
  services: AccountServices & SignInServices & LinkServices & AnalyticsAdminServices,
): Promise<void> {
  const { apiKeys, users, sessions, auth, social, links, reports, analytics, admin } = services;
  await app.register(authRoutes, { auth, users, limits: config.rateLimits, refreshTtlSeconds: sessions.ttlSeconds });
  await app.register(socialRoutes, { social, refreshTtlSeconds: sessions.ttlSeconds });
  await app.register(usersRoutes, { users });
  await app.register(apiKeysRoutes, { apiKeys });
  await app.register(linksRoutes, { links, createPerMinute: config.rateLimits.linksPerMinute });
  await app.register(analyticsRoutes, { analytics });
  await app.register(liveRoutes, {
    bus: app.liveClicks,
    isActiveUser: (userId) => users.isActive(userId),
    ...config.live,
  });
  await app.register(abuseRoutes, { reports, perHour: config.rateLimits.reportsPerHour });
  await app.register(adminRoutes, { admin });
}
