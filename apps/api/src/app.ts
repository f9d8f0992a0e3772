import fastifyWebsocket from "@fastify/websocket";
import type { FastifyInstance } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import { createFastify, type FastPathSlot } from "./fastify-instance.js";
import type { AppConfig } from "./config.js";
import { createAuthService } from "./modules/auth/service.js";
import { createPasswordHasher } from "./lib/password-hasher.js";
import { authRoutes } from "./modules/auth/routes.js";
import { createAnalyticsRepository } from "./modules/analytics/repository.js";
import { analyticsRoutes } from "./modules/analytics/routes.js";
import { createAnalyticsService } from "./modules/analytics/service.js";
import { createClickRecorder, type ClickRecorder } from "./modules/clicks/click-recorder.js";
import { createClickRetention } from "./modules/clicks/click-retention.js";
import { createClickPartitionsRepository } from "./modules/clicks/partitions-repository.js";
import { openSpool } from "./modules/clicks/click-spool.js";
import { createClicksRepository } from "./modules/clicks/repository.js";
import { createLinkCache, type LinkCache } from "./modules/redirect/link-cache.js";
import { createClicksService } from "./modules/clicks/service.js";
import { liveRoutes } from "./modules/live/routes.js";
import { createLinksRepository } from "./modules/links/repository.js";
import { linksRoutes } from "./modules/links/routes.js";
import { createLinksService } from "./modules/links/service.js";
import { createRedirectRepository } from "./modules/redirect/repository.js";
import { createFastRedirect } from "./modules/redirect/fast-route.js";
import { redirectRoutes } from "./modules/redirect/routes.js";
import { createRedirectService } from "./modules/redirect/service.js";
import { shippedMigrations } from "./db/migration-status.js";
import { createSystemRepository } from "./modules/system/repository.js";
import { systemRoutes } from "./modules/system/routes.js";
import { createSystemService } from "./modules/system/service.js";
import { createUsersRepository } from "./modules/users/repository.js";
import { usersRoutes } from "./modules/users/routes.js";
import { createUsersService } from "./modules/users/service.js";
import { createAbuseRepository } from "./modules/abuse/repository.js";
import { createReportsService } from "./modules/abuse/reports.js";
import { abuseRoutes } from "./modules/abuse/routes.js";
import { createAbuseService } from "./modules/abuse/service.js";
import { createAdminRepository } from "./modules/admin/repository.js";
import { adminRoutes } from "./modules/admin/routes.js";
import { createAdminService } from "./modules/admin/service.js";
import { createLoginThrottle } from "./modules/auth/login-throttle.js";
import { createSessionsRepository } from "./modules/sessions/repository.js";
import { createSessionsService } from "./modules/sessions/service.js";
import { createProviderClient } from "./modules/social/provider-client.js";
import { createSocialRepository } from "./modules/social/repository.js";
import { socialRoutes } from "./modules/social/routes.js";
import { createSocialService } from "./modules/social/service.js";
import authPlugin from "./plugins/auth.js";
import { createApiKeysRepository } from "./modules/api-keys/repository.js";
import { apiKeysRoutes } from "./modules/api-keys/routes.js";
import { createApiKeysService, looksLikeApiKey } from "./modules/api-keys/service.js";
import rateLimitPlugin from "./plugins/rate-limit.js";
import routeTablePlugin from "./plugins/route-table.js";
import redisPlugin from "./plugins/redis.js";
import corsPlugin from "./plugins/cors.js";
import openApiPlugin from "./plugins/openapi.js";
import errorHandlerPlugin from "./plugins/error-handler.js";
import securityHeadersPlugin from "./plugins/security-headers.js";
import websocketHandshakePlugin from "./plugins/websocket-handshake.js";
import linkEventsPlugin, { EVERY_LINK } from "./plugins/link-events.js";
import liveClicksPlugin from "./plugins/live-clicks.js";
import jsonParserPlugin from "./plugins/json-parser.js";
import pgPoolPlugin from "./plugins/pg-pool.js";
import prismaPlugin from "./plugins/prisma.js";
import spaPlugin from "./plugins/spa.js";
import { zodValidatorCompiler } from "./plugins/validation.js";

declare module "fastify" {
  interface FastifyInstance {
    clickRecorder: ClickRecorder;
    linkCache: LinkCache;
  }
}

/** Builds the whole app (used by server.ts and by every test); never listens. */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  // Plain redirects are answered before Fastify (modules/redirect/fast-route.ts), once the app is composed.
  const fastPath: FastPathSlot = { handler: null };
  const app = createFastify(config, fastPath);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(routeTablePlugin);
  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(jsonParserPlugin);
  await app.register(prismaPlugin, { databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize });
  await app.register(pgPoolPlugin, { databaseUrl: config.databaseUrl, redirectPoolSize: config.dbPoolSize });
  await app.register(redisPlugin, { url: config.redisUrl });
  await app.register(rateLimitPlugin, { enabled: config.rateLimits.enabled });
  const apiKeys = createApiKeysService({
    repo: createApiKeysRepository(app.prisma),
    counters: app.counters,
    requestsPerMinute: config.rateLimits.apiKeyPerMinute,
    rateLimitsEnabled: config.rateLimits.enabled,
  });
  const users = createUsersService(createUsersRepository(app.prisma), { planLimits: config.planLimits });
  await app.register(authPlugin, {
    secret: config.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    apiKeys: { matches: looksLikeApiKey, authenticate: apiKeys.authenticate },
    isActiveUser: users.isActive,
  });
  await app.register(linkEventsPlugin);
  await app.register(liveClicksPlugin);
  // Client messages are tiny (auth, ping); anything larger is refused by the ws server.
  await app.register(fastifyWebsocket, { options: { maxPayload: 8 * 1024 } });
  await app.register(websocketHandshakePlugin);
  await app.register(corsPlugin, { origins: config.corsOrigins });
  // Before any route: it documents routes as they are registered.
  await app.register(openApiPlugin, { version: config.version, publicUrl: config.publicUrl });

  // Composition root: repositories → services, handed to the route plugins.
  const clicksRepo = createClicksRepository(app.prisma);
  const { spoolDir } = config.clicks;
  const clickRecorder = createClickRecorder({
    spool: spoolDir ? openSpool(spoolDir, { maxBytes: config.clicks.spoolMaxBytes }) : null,
    databaseUrl: config.databaseUrl,
    log: app.log,
    flushIntervalMs: config.clicks.flushIntervalMs,
    maxInMemory: config.clicks.maxInMemory,
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
  // After the fast path's hook above: no click arrives while the writer drains.
  app.addHook("preClose", () => clickRecorder.close());
  const linkCache = createLinkCache(config.linkCache);
  app.decorate("linkCache", linkCache);
  app.linkEvents.subscribe((code) => (code === EVERY_LINK ? linkCache.clear() : linkCache.invalidate(code)));
  app.linkEvents.onMissedEvents(() => linkCache.clear());

  const clicks = createClicksService(clicksRepo, clickRecorder);
  const sessions = createSessionsService(createSessionsRepository(app.prisma), {
    ttlDays: config.refreshTokenTtlDays,
    secret: config.jwtSecret,
  });
  const hasher = await createPasswordHasher(config.bcryptRounds);
  const auth = createAuthService({
    users,
    sessions,
    hasher,
    throttle: createLoginThrottle({
      counters: app.counters,
      enabled: config.rateLimits.enabled,
      failuresBeforeDelay: config.rateLimits.loginFailuresBeforeDelay,
      maxDelaySeconds: config.rateLimits.loginMaxDelaySeconds,
    }),
    signAccessToken: app.signAccessToken,
  });
  const social = createSocialService({
    providers: config.socialProviders.map((provider) => ({ config: provider, client: createProviderClient(provider) })),
    repo: createSocialRepository(app.prisma),
    users,
    auth,
    redirectUri: `${config.publicUrl}/api/auth/social/callback`,
  });
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
  const redirects = createRedirectService({
    repo: createRedirectRepository(app.pgRedirect),
    clicks,
    cache: linkCache,
    verifyPassword: hasher.verify,
  });
  fastPath.handler = createFastRedirect(redirects, config.trustProxy);

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
  await app.register(authRoutes, { auth, users, limits: config.rateLimits, refreshTtlSeconds: sessions.ttlSeconds });
  await app.register(socialRoutes, { social, refreshTtlSeconds: sessions.ttlSeconds });
  await app.register(usersRoutes, { users });
  await app.register(apiKeysRoutes, { apiKeys });
  await app.register(linksRoutes, { links, createPerMinute: config.rateLimits.linksPerMinute });
  await app.register(analyticsRoutes, {
    analytics: createAnalyticsService({ repo: createAnalyticsRepository(app.prisma, app.pgExport), links }),
  });
  await app.register(liveRoutes, {
    bus: app.liveClicks,
    isActiveUser: (userId) => users.isActive(userId),
    ...config.live,
  });
  await app.register(abuseRoutes, {
    reports: createReportsService({ repo: abuseRepo, linkIdOf: links.idOf }),
    perHour: config.rateLimits.reportsPerHour,
  });
  await app.register(adminRoutes, {
    admin: createAdminService({
      repo: createAdminRepository(app.prisma),
      sessions,
      apiKeys,
      abuse,
      onLinkChanged: (code) => app.linkEvents.publish(code),
      onEveryLinkChanged: () => app.linkEvents.publish(EVERY_LINK),
    }),
  });
  // ADMIN_EMAILS: made admins at every start (an email without an account yet is said, and applied next start).
  app.addHook("onReady", async () => {
    const missing = await users.grantAdmin(config.adminEmails);
    if (missing.length > 0) app.log.warn({ emails: missing }, "ADMIN_EMAILS names emails without an account");
  });
  await app.register(spaPlugin, { distDir: config.webDistDir });
  await app.register(redirectRoutes, {
    redirects,
    passwordAttempts: { enabled: config.rateLimits.enabled, max: config.rateLimits.linkPasswordPerHour, windowMs: 3_600_000 },
  });
  return app;
}
