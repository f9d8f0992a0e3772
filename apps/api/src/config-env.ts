// The environment as the server reads it: every variable, its type and
// default (the rate-limit and social login ones in config-rate-limits.ts and
// config-social.ts; config-parse.ts reads it, with the checks that stop a start).
import { z } from "zod";
import { rateLimitVariables } from "./config-rate-limits.js";
import { socialVariables } from "./config-social.js";

const csv = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default(".data"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  ...rateLimitVariables,
  ...socialVariables,
  BCRYPT_ROUNDS: z.coerce.number().int().min(4).max(15).default(12),
  PLAN_FREE_MAX_LINKS: z.coerce.number().int().min(0).default(3),
  /** Unset: pro accounts have no link limit. */
  PLAN_PRO_MAX_LINKS: z.coerce.number().int().min(0).optional(),
  /** Accounts made admins at every start (comma-separated emails). */
  ADMIN_EMAILS: csv,
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  CORS_ORIGINS: csv,
  TRUST_PROXY: csv,
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
  WEB_DIST_DIR: z.string().optional(),
  LINK_CACHE_SIZE: z.coerce.number().int().min(0).default(100_000),
  LINK_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  NEGATIVE_CACHE_SIZE: z.coerce.number().int().min(0).default(100_000),
  NEGATIVE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5_000),
  SPOOL_DIR: z.string().optional(),
  SPOOL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 ** 3),
  CLICK_FLUSH_INTERVAL_MS: z.coerce.number().int().min(1).max(10_000).default(50),
  CLICK_MEMORY_QUEUE: z.coerce.number().int().min(1).default(100_000),
  CLICK_MAX_BATCH: z.coerce.number().int().min(100).max(1_000_000).default(200_000),
  /** Redirects first: while they saturate the event loop, clicks wait on disk up to this long (0: never). */
  CLICK_MAX_DEFER_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** Below the 60 s idle timeouts of nginx and most load balancers. */
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(10).default(25_000),
  LIVE_AUTH_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  LIVE_MAX_SOCKETS_PER_IP: z.coerce.number().int().min(1).default(50),
  /** Raw clicks older than this are dropped a month at a time; unset keeps them forever. Rollups always stay. */
  CLICK_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  /** /api/health reports the click pipeline as behind past either figure (the writer may defer by design for CLICK_MAX_DEFER_MS). */
  HEALTH_MAX_PENDING_CLICKS: z.coerce.number().int().min(1).default(500_000),
  HEALTH_MAX_CLICK_LAG_SECONDS: z.coerce.number().int().min(1).default(90),
});

export type Env = z.infer<typeof envSchema>;

/** Secrets that may come from the file named by `NAME_FILE` (docker secrets). */
export const FILE_SECRETS = ["JWT_SECRET", "DATABASE_URL", "GOOGLE_CLIENT_SECRET", "GITHUB_CLIENT_SECRET", "OIDC_CLIENT_SECRET"] as const;

/** Every variable the server reads: docs/configuration.md and .env.example must list each (a test checks). */
export const ENV_VARIABLES: readonly string[] = [...Object.keys(envSchema.shape), ...FILE_SECRETS.map((name) => `${name}_FILE`)];
