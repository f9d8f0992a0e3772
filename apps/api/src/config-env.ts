// The environment as the server reads it: every variable, its type and
// default, and the checks that stop a start with a readable message.
import { z } from "zod";

/** Reads `NAME` or, for docker secrets, the file named by `NAME_FILE`. */
export type SecretReader = (path: string) => string;

const csv = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

const envSchema = z.object({
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
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_LINKS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Requests per minute for each API key, on top of the per-route limits. */
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_LINK_PASSWORD_PER_HOUR: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  LOGIN_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  /** GitHub Enterprise: the web and API base URLs. */
  GITHUB_URL: z.url().default("https://github.com"),
  GITHUB_API_URL: z.url().default("https://api.github.com"),
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_PROVIDER_NAME: z.string().default("Single sign-on"),
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
  /** Redirects first: while they saturate the event loop, clicks wait on disk up to this long (0: never). */
  CLICK_MAX_DEFER_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** Below the 60 s idle timeouts of nginx and most load balancers. */
  LIVE_HEARTBEAT_MS: z.coerce.number().int().min(10).default(25_000),
  LIVE_AUTH_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
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

export class ConfigError extends Error {}

/** Variables an earlier version read, and their names now. */
const RENAMED: Array<[string, string]> = [["FREE_PLAN_LINK_LIMIT", "PLAN_FREE_MAX_LINKS"]];

/** Parses the environment once; throws a readable list of every bad variable. */
export function parseEnv(env: NodeJS.ProcessEnv, readSecret: SecretReader): Env {
  const withSecrets = { ...env };
  for (const name of FILE_SECRETS) {
    const file = env[`${name}_FILE`];
    if (!withSecrets[name] && file) withSecrets[name] = readSecret(file).trim();
  }
  for (const [key, value] of Object.entries(withSecrets)) {
    if (value === "") delete withSecrets[key];
  }
  // A renamed variable must not be ignored silently: the server would run on the default.
  for (const [old, now] of RENAMED) {
    if (withSecrets[old] !== undefined) throw new ConfigError(`${old} is now called ${now}: rename it in your environment.`);
  }
  const parsed = envSchema.safeParse(withSecrets);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const result = parsed.data;
  if (result.NODE_ENV === "production") {
    const missing = [];
    if (!result.JWT_SECRET) missing.push("JWT_SECRET (or JWT_SECRET_FILE), at least 32 random characters");
    if (!result.DATABASE_URL) missing.push("DATABASE_URL (the embedded database is for development only)");
    if (!result.PUBLIC_URL) missing.push("PUBLIC_URL (the public base URL of short links)");
    if (result.BCRYPT_ROUNDS < 12) missing.push("BCRYPT_ROUNDS of 12 or more");
    if (missing.length > 0) {
      throw new ConfigError(`NODE_ENV=production requires:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
    }
  }
  return result;
}
