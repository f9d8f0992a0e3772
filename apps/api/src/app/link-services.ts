import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import type { PasswordHasher } from "../lib/password-hasher.js";
import { createReportsService } from "../modules/abuse/reports.js";
import { createAbuseRepository } from "../modules/abuse/repository.js";
import { createAbuseService } from "../modules/abuse/service.js";
import type { ClickRecorder } from "../modules/clicks/click-recorder.js";
import { createClicksRepository } from "../modules/clicks/repository.js";
import { createClicksService } from "../modules/clicks/service.js";
import { createLinksRepository } from "../modules/links/repository.js";
import { createLinksService } from "../modules/links/service.js";
import type { LinkCache } from "../modules/redirect/link-cache.js";
import { createRedirectRepository } from "../modules/redirect/repository.js";
import { createRedirectService } from "../modules/redirect/service.js";
import { EVERY_LINK } from "../plugins/link-events.js";
import type { AccountServices } from "./account-services.js";

export interface LinkServicesDeps {
  users: AccountServices["users"];
  hasher: PasswordHasher;
  clickRecorder: ClickRecorder;
  linkCache: LinkCache;
}

/** Links and their visits: clicks, abuse, the owners' links, visitors' reports and the redirect; link changes announced as link events. */
export function createLinkServices(app: App, config: AppConfig, { users, hasher, clickRecorder, linkCache }: LinkServicesDeps) {
  const clicks = createClicksService(createClicksRepository(app.prisma), clickRecorder);
  const abuseRepo = createAbuseRepository(app.prisma);
  const abuse = createAbuseService({ repo: abuseRepo, onLinksChanged: () => app.linkEvents.publish(EVERY_LINK) });
  const links = createLinksService({
    repo: createLinksRepository(app.prisma),
    users,
    clicks,
    hasher,
    ownHostnames: [new URL(config.publicUrl).hostname],
    onLinkChanged: (code) => app.linkEvents.publish(code),
  });
  const reports = createReportsService({ repo: abuseRepo, linkIdOf: links.idOf });
  const redirects = createRedirectService({
    repo: createRedirectRepository(app.pgRedirect),
    clicks,
    cache: linkCache,
    verifyPassword: hasher.verify,
  });
  return { abuse, links, reports, redirects };
}

export type LinkServices = ReturnType<typeof createLinkServices>;
