// The configuration the app runs on; config-from-env.ts makes it from the environment.
import type { Env } from "./config-env.js";
import type { RateLimitConfig } from "./config-rate-limits.js";
import type { SocialProviderConfig } from "./config-social.js";

export { ENV_VARIABLES, FILE_SECRETS, type Env } from "./config-env.js";
export { ConfigError, parseEnv, type SecretReader } from "./config-parse.js";
export { rateLimitConfig, type RateLimitConfig } from "./config-rate-limits.js";
export { socialProviders, type SocialProviderConfig } from "./config-social.js";

export interface PlanLimits {
  free: number;
  pro: number | null;
}

/** Everything the app needs, with the database and secret already resolved. */
export interface AppConfig {
  nodeEnv: Env["NODE_ENV"];
  logLevel: Env["LOG_LEVEL"];
  version: string;
  databaseUrl: string;
  dbPoolSize: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Shared state between API instances (rate-limit counters); null keeps it in memory. */
  redisUrl: string | null;
  rateLimits: RateLimitConfig;
  socialProviders: SocialProviderConfig[];
  bcryptRounds: number;
  /** Links each plan may hold; null: no limit. */
  planLimits: PlanLimits;
  /** Emails whose accounts are made admins at start. */
  adminEmails: string[];
  /** Base of short links, e.g. https://sho.rt (no trailing slash). */
  publicUrl: string;
  corsOrigins: string[];
  /** Addresses or CIDRs whose X-Forwarded-* headers are believed. */
  trustProxy: string[];
  bodyLimitBytes: number;
  /** Built SPA to serve; null serves none. */
  webDistDir: string | null;
  linkCache: { maxEntries: number; ttlMs: number; negativeMaxEntries: number; negativeTtlMs: number };
  clicks: {
    /** This instance's own folder for the click spool; null keeps clicks in memory only (tests). */
    spoolDir: string | null;
    spoolMaxBytes: number;
    flushIntervalMs: number;
    maxInMemory: number;
    /** The most clicks one transaction stores (when the writer is behind). */
    maxBatchSize: number;
    maxDeferMs: number;
    /** Raw clicks older than this many days are dropped; null keeps them forever. */
    retentionDays: number | null;
  };
  /** The live-clicks WebSocket: ping interval, and how long a new socket may take to authenticate. */
  live: { heartbeatMs: number; authTimeoutMs: number; maxSocketsPerIp: number };
  health: { maxPendingClicks: number; maxClickLagSeconds: number };
}
