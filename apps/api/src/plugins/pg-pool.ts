import fp from "fastify-plugin";
import pg from "pg";

declare module "fastify" {
  interface FastifyInstance {
    /** node-postgres for streamed CSV exports (server-side cursors), apart from Prisma's pool so a long export holds none of its connections. */
    pgExport: pg.Pool;
    /**
     * node-postgres for the redirect's queries (cache misses, the cache's
     * background refresh, click limits): Prisma's query compiler and row mapping
     * cost the event loop enough per row to stall redirects during a refresh
     * (docs/adr/0001-node-postgres-on-the-redirect-path.md).
     */
    pgRedirect: pg.Pool;
    /** One connection of its own for /api/health: a saturated redirect pool must not read as a database that is down. */
    pgHealth: pg.Pool;
  }
}

// The click writer has its own pool, in its thread (modules/clicks/click-writer-thread.ts).
export default fp<{ databaseUrl: string; redirectPoolSize: number }>(
  async (app, { databaseUrl, redirectPoolSize }) => {
    const exportPool = new pg.Pool({ connectionString: databaseUrl, max: 3, allowExitOnIdle: true });
    exportPool.on("error", (err) => app.log.error({ err }, "export connection error"));
    app.decorate("pgExport", exportPool);
    const redirectPool = new pg.Pool({
      connectionString: databaseUrl,
      max: redirectPoolSize,
      allowExitOnIdle: true,
      application_name: "shortly-redirect",
    });
    redirectPool.on("error", (err) => app.log.error({ err }, "redirect lookup connection error"));
    app.decorate("pgRedirect", redirectPool);
    const healthPool = new pg.Pool({ connectionString: databaseUrl, max: 1, allowExitOnIdle: true, application_name: "shortly-health" });
    healthPool.on("error", (err) => app.log.warn({ err }, "health check connection error"));
    app.decorate("pgHealth", healthPool);
    app.addHook("onClose", async () => {
      await Promise.all([exportPool.end(), redirectPool.end(), healthPool.end()]);
    });
  },
  { name: "pg-pool", fastify: "5.x" },
);
