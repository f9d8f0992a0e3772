import path from "node:path";
import type { AppConfig, Env } from "./config.js";
import { rateLimitConfig } from "./config-rate-limits.js";
import { socialProviders } from "./config-social.js";
import { loadOrCreateDevSecret } from "./lib/dev-secret.js";

export interface StartFacts {
  /** The API package's version. */
  version: string;
  /** The database the server runs on: DATABASE_URL's, or the embedded one's. */
  databaseUrl: string;
  /** DATA_DIR, resolved. */
  dataDir: string;
  /** The API package's folder, next to which the built SPA sits. */
  apiRoot: string;
}

/** The configuration the server runs on: the environment with paths resolved and defaults derived. */
export function appConfigFrom(env: Env, { version, databaseUrl, dataDir, apiRoot }: StartFacts): AppConfig {
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    version,
    databaseUrl,
    dbPoolSize: env.DB_POOL_SIZE,
    jwtSecret: env.JWT_SECRET ?? loadOrCreateDevSecret(dataDir),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    redisUrl: env.REDIS_URL ?? null,
    rateLimits: rateLimitConfig(env),
    socialProviders: socialProviders(env),
    bcryptRounds: env.BCRYPT_ROUNDS,
    planLimits: { free: env.PLAN_FREE_MAX_LINKS, pro: env.PLAN_PRO_MAX_LINKS ?? null },
    adminEmails: env.ADMIN_EMAILS.map((email) => email.toLowerCase()),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(apiRoot, "../web/dist")),
    linkCache: {
      maxEntries: env.LINK_CACHE_SIZE,
      ttlMs: env.LINK_CACHE_TTL_MS,
      negativeMaxEntries: env.NEGATIVE_CACHE_SIZE,
      negativeTtlMs: env.NEGATIVE_CACHE_TTL_MS,
    },
    clicks: {
      spoolDir: path.resolve(env.SPOOL_DIR ?? path.join(dataDir, "spool")),
      spoolMaxBytes: env.SPOOL_MAX_BYTES,
      flushIntervalMs: env.CLICK_FLUSH_INTERVAL_MS,
      maxInMemory: env.CLICK_MEMORY_QUEUE,
      maxBatchSize: env.CLICK_MAX_BATCH,
      maxDeferMs: env.CLICK_MAX_DEFER_MS,
      retentionDays: env.CLICK_RETENTION_DAYS ?? null,
    },
    live: { heartbeatMs: env.LIVE_HEARTBEAT_MS, authTimeoutMs: env.LIVE_AUTH_TIMEOUT_MS, maxSocketsPerIp: env.LIVE_MAX_SOCKETS_PER_IP },
    health: { maxPendingClicks: env.HEALTH_MAX_PENDING_CLICKS, maxClickLagSeconds: env.HEALTH_MAX_CLICK_LAG_SECONDS },
  };
}
