import type { Env } from "./config-env.js";

export { ConfigError, ENV_VARIABLES, FILE_SECRETS, parseEnv, type Env, type SecretReader } from "./config-env.js";

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
    maxDeferMs: number;
    /** Raw clicks older than this many days are dropped; null keeps them forever. */
    retentionDays: number | null;
  };
  /** The live-clicks WebSocket: ping interval, and how long a new socket may take to authenticate. */
  live: { heartbeatMs: number; authTimeoutMs: number };
  health: { maxPendingClicks: number; maxClickLagSeconds: number };
}

export interface RateLimitConfig {
  enabled: boolean;
  loginPerIpPerMinute: number;
  loginPerAccountPerMinute: number;
  registerPerIpPerHour: number;
  refreshPerIpPerMinute: number;
  /** Link creation, per IP and per account. */
  linksPerMinute: number;
  /** Requests per minute for each API key. */
  apiKeyPerMinute: number;
  linkPasswordPerHour: number;
  reportsPerHour: number;
  loginFailuresBeforeDelay: number;
  loginMaxDelaySeconds: number;
}

export type SocialProviderConfig =
  | { id: "google" | "oidc"; name: string; kind: "oidc"; issuer: string; clientId: string; clientSecret: string }
  | { id: "github"; name: string; kind: "github"; clientId: string; clientSecret: string; webUrl: string; apiUrl: string };

export function rateLimitConfig(env: Env): RateLimitConfig {
  return {
    enabled: env.RATE_LIMITS === "on",
    loginPerIpPerMinute: env.RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE,
    loginPerAccountPerMinute: env.RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE,
    registerPerIpPerHour: env.RATE_LIMIT_REGISTER_PER_IP_PER_HOUR,
    refreshPerIpPerMinute: env.RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE,
    linksPerMinute: env.RATE_LIMIT_LINKS_PER_MINUTE,
    apiKeyPerMinute: env.RATE_LIMIT_API_KEY_PER_MINUTE,
    linkPasswordPerHour: env.RATE_LIMIT_LINK_PASSWORD_PER_HOUR,
    reportsPerHour: env.RATE_LIMIT_REPORTS_PER_HOUR,
    loginFailuresBeforeDelay: env.LOGIN_FAILURES_BEFORE_DELAY,
    loginMaxDelaySeconds: env.LOGIN_MAX_DELAY_SECONDS,
  };
}

/** A provider is enabled when its client id and secret (and, for OIDC, issuer) are all set. */
export function socialProviders(env: Env): SocialProviderConfig[] {
  const providers: SocialProviderConfig[] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push({
      id: "google",
      name: "Google",
      kind: "oidc",
      issuer: "https://accounts.google.com",
      clientId: env.GOOGLE_CLIENT_ID,
      clientSecret: env.GOOGLE_CLIENT_SECRET,
    });
  }
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push({
      id: "github",
      name: "GitHub",
      kind: "github",
      clientId: env.GITHUB_CLIENT_ID,
      clientSecret: env.GITHUB_CLIENT_SECRET,
      webUrl: env.GITHUB_URL.replace(/\/+$/, ""),
      apiUrl: env.GITHUB_API_URL.replace(/\/+$/, ""),
    });
  }
  if (env.OIDC_ISSUER_URL && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_PROVIDER_NAME,
      kind: "oidc",
      issuer: env.OIDC_ISSUER_URL,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
    });
  }
  return providers;
}
