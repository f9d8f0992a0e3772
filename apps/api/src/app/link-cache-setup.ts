import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import { createLinkCache, type LinkCache } from "../modules/redirect/link-cache.js";
import { EVERY_LINK } from "../plugins/link-events.js";

declare module "fastify" {
  interface FastifyInstance {
    linkCache: LinkCache;
  }
}

/** The redirect's link cache, told of every link change (here or on another instance) by the link events. */
export function createAppLinkCache(app: App, config: AppConfig): LinkCache {
  const linkCache = createLinkCache(config.linkCache);
  app.decorate("linkCache", linkCache);
  app.linkEvents.subscribe((code) => (code === EVERY_LINK ? linkCache.clear() : linkCache.invalidate(code)));
  app.linkEvents.onMissedEvents(() => linkCache.clear());
  return linkCache;
}
