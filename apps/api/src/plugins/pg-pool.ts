import fp from "fastify-plugin";
import pg from "pg";

declare module "fastify" {
  interface FastifyInstance {
    /** node-postgres for streamed CSV exports (server-side cursors), apart from Prisma's pool so a long export holds none of its connections. */
    pgExport: pg.Pool;
  }
}

// The click writer has its own pool, in its thread (modules/clicks/click-writer-thread.ts).
export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const exportPool = new pg.Pool({ connectionString: databaseUrl, max: 3, allowExitOnIdle: true });
    exportPool.on("error", (err) => app.log.error({ err }, "export connection error"));
    app.decorate("pgExport", exportPool);
    app.addHook("onClose", async () => {
      await exportPool.end();
    });
  },
  { name: "pg-pool", fastify: "5.x" },
);
