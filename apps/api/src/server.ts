// Entry point: the only file that reads process.env, listens or exits.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.js";
import { ConfigError, parseEnv, rateLimitConfig, socialProviders, type AppConfig } from "./config.js";
import { ensureDatabase } from "./db/database-admin.js";
import { migrateOnStart } from "./db/migrations.js";
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDatabase } from "./db/embedded-postgres.js";
import { loadOrCreateDevSecret } from "./lib/dev-secret.js";

const apiRoot = fileURLToPath(new URL("..", import.meta.url));
const version = (JSON.parse(readFileSync(path.join(apiRoot, "package.json"), "utf8")) as { version: string }).version;

async function main(): Promise<void> {
  const env = parseEnv(process.env, (file) => readFileSync(file, "utf8"));
  const dataDir = path.resolve(env.DATA_DIR);

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    console.log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${path.join(dataDir, "postgres")})`);
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), log: console.log });
    await ensureDatabase(embedded.serverUrl, "shortly");
    databaseUrl = embedded.databaseUrl("shortly");
  }
  // Every start brings the schema up to this build, before anything listens.
  await migrateOnStart(databaseUrl, console.log).catch((error: unknown) => {
    throw new StartupError(
      `The database schema could not be brought up to date (${databaseUrl.replace(/\/\/[^@]*@/, "//")}): ${error instanceof Error ? error.message : String(error)}`,
    );
  });

  const config: AppConfig = {
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
      maxDeferMs: env.CLICK_MAX_DEFER_MS,
      retentionDays: env.CLICK_RETENTION_DAYS ?? null,
    },
    live: { heartbeatMs: env.LIVE_HEARTBEAT_MS, authTimeoutMs: env.LIVE_AUTH_TIMEOUT_MS },
    health: { maxPendingClicks: env.HEALTH_MAX_PENDING_CLICKS, maxClickLagSeconds: env.HEALTH_MAX_CLICK_LAG_SECONDS },
  };

  const app = await buildApp(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    // Past the click writer's 20 s drain (what it leaves waits in the spool), inside the usual 30 s grace.
    const forced = setTimeout(() => process.exit(1), 28_000);
    forced.unref();
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ host: env.HOST, port: env.PORT });
  console.log(`\n  Shortly is running: open ${config.publicUrl}\n`);
}

/** A start-up step failed in a way the message explains; no stack needed. */
class StartupError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof StartupError) console.error(error.message);
  else console.error("Failed to start:", error);
  process.exit(1);
});
