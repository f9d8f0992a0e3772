import type { App } from "../app.js";
import { createAdminRepository } from "../modules/admin/repository.js";
import { createAdminService } from "../modules/admin/service.js";
import { createAnalyticsRepository } from "../modules/analytics/repository.js";
import { createAnalyticsService } from "../modules/analytics/service.js";
import { EVERY_LINK } from "../plugins/link-events.js";
import type { AccountServices } from "./account-services.js";
import type { LinkServices } from "./link-services.js";
import type { SignInServices } from "./sign-in-services.js";

export interface AnalyticsAdminDeps {
  links: LinkServices["links"];
  abuse: LinkServices["abuse"];
  sessions: SignInServices["sessions"];
  apiKeys: AccountServices["apiKeys"];
}

/** What owners and administrators read and act on across links: analytics (and its CSV exports) and the admin tools. */
export function createAnalyticsAdminServices(app: App, { links, abuse, sessions, apiKeys }: AnalyticsAdminDeps) {
  const analytics = createAnalyticsService({ repo: createAnalyticsRepository(app.prisma, app.pgExport), links });
  const admin = createAdminService({
    repo: createAdminRepository(app.prisma),
    sessions,
    apiKeys,
    abuse,
    onLinkChanged: (code) => app.linkEvents.publish(code),
    onEveryLinkChanged: () => app.linkEvents.publish(EVERY_LINK),
  });
  return { analytics, admin };
}

export type AnalyticsAdminServices = ReturnType<typeof createAnalyticsAdminServices>;
