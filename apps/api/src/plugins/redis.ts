import { Redis } from "ioredis";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** Shared state between API instances; null when REDIS_URL is not set. */
    redis: Redis | null;
  }
}

export default fp<{ url: string | null }>(
  async (app, { url }) => {
    if (!url) {
      app.decorate("redis", null);
      return;
    }
    // A Redis that stops answering fails commands within a second, so limits fall back instead of hanging requests.
    const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false, commandTimeout: 1000 });
    // ioredis reconnects by itself; while it cannot, limits count per instance (see lib/window-counter.ts).
    redis.on("error", (err) => app.log.warn({ err }, "redis error"));
    app.decorate("redis", redis);
    app.addHook("onClose", async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  },
  { name: "redis", fastify: "5.x" },
);
