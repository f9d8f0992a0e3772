import fp from "fastify-plugin";
import pg from "pg";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * A small node-postgres pool for the click writer only. Batches carry
     * thousands of array elements; Prisma's per-query processing of such
     * parameters cost ~10% of a busy server's CPU, plain pg a fraction.
     */
    pg: pg.Pool;
    /** node-postgres for streamed CSV exports, apart from the writer so a long export never delays clicks. */
    pgExport: pg.Pool;
  }
}

export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, allowExitOnIdle: true });
    pool.on("error", (err) => app.log.error({ err }, "click writer connection error"));
    app.decorate("pg", pool);
    const exportPool = new pg.Pool({ connectionString: databaseUrl, max: 3, allowExitOnIdle: true });
    exportPool.on("error", (err) => app.log.error({ err }, "export connection error"));
    app.decorate("pgExport", exportPool);
    app.addHook("onClose", async () => {
      await Promise.all([pool.end(), exportPool.end()]);
    });
  },
  { name: "pg-pool", fastify: "5.x" },
);
