import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeEach, inject } from "vitest";
import { buildApp } from "../../src/app.js";
import { parseEnv, rateLimitConfig, type AppConfig } from "../../src/config.js";

export const TEST_PUBLIC_URL = "http://sho.rt";

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    nodeEnv: "test",
    logLevel: "silent",
    version: "0.0.0-test",
    databaseUrl: inject("databaseUrl"),
    dbPoolSize: 10,
    jwtSecret: "test-secret-that-is-at-least-32-characters-long",
    accessTokenTtlSeconds: 900,
    refreshTokenTtlDays: 30,
    redisUrl: null,
    // Off by default so tests can sign up many users from one address; the rate-limit tests turn them on.
    rateLimits: { ...rateLimitConfig(parseEnv({}, () => "")), enabled: false },
    socialProviders: [],
    bcryptRounds: 4,
    planLimits: { free: 3, pro: null },
    adminEmails: [],
    publicUrl: TEST_PUBLIC_URL,
    corsOrigins: [],
    trustProxy: [],
    bodyLimitBytes: 64 * 1024,
    webDistDir: null,
    linkCache: { maxEntries: 10_000, ttlMs: 30_000, negativeMaxEntries: 10_000, negativeTtlMs: 5_000 },
    clicks: {
      spoolDir: null,
      spoolMaxBytes: 1024 ** 3,
      flushIntervalMs: 50,
      maxInMemory: 100_000,
      maxBatchSize: 200_000,
      maxDeferMs: 30_000,
      retentionDays: null,
    },
    live: { heartbeatMs: 25_000, authTimeoutMs: 10_000, maxSocketsPerIp: 50 },
    health: { maxPendingClicks: 500_000, maxClickLagSeconds: 90 },
    ...overrides,
  };
}

const openApps = new Set<FastifyInstance>();

/** A fully built app on the test database, closed after the file's tests. */
export async function buildTestApp(overrides: Partial<AppConfig> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(overrides));
  openApps.add(app);
  afterAll(async () => {
    openApps.delete(app);
    await app.close();
  });
  return app;
}

/** Direct SQL for arranging and checking stored state. */
export function testDb(): pg.Pool {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  afterAll(() => pool.end());
  return pool;
}

/**
 * Every test starts from empty tables. Clicks still queued by the previous
 * test are written first, so none lands on a new link that reuses an id.
 */
export function resetDatabaseBeforeEach(pool: pg.Pool): void {
  beforeEach(async () => {
    await Promise.all([...openApps].map((app) => app.clickRecorder.flush().catch(() => {})));
    // Visitor keys counted so far go too (ids restart); the day's salts stay, as every app has them cached.
    await pool.query(
      "TRUNCATE clicks, links, users, link_visitor_days, account_visitor_days, audit_log, blocked_hosts RESTART IDENTITY CASCADE",
    );
  });
}
