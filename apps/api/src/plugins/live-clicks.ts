import fp from "fastify-plugin";

export interface LiveClicksBus {
  /** "redis" when messages cross instances, "local" when they stay in this process. */
  readonly fanout: "redis" | "local";
  /** Sends a serialized message to every socket of the user, on any instance. */
  publish(userId: number, message: string): void;
  /** Listens for the user's messages; resolves (to the unsubscribe) once messages published from now on will arrive. */
  subscribe(userId: number, listener: (message: string) => void): Promise<() => void>;
}

declare module "fastify" {
  interface FastifyInstance {
    liveClicks: LiveClicksBus;
  }
}

const PREFIX = "shortly:clicks:";
const channelOf = (userId: number) => `${PREFIX}${userId}`;

/**
 * Live clicks fan out per user. With Redis, one channel per user: an instance
 * subscribes only while one of that user's dashboards is connected to it, so a
 * click costs one PUBLISH and reaches only the instances that care. Without
 * Redis, delivery stays in the process.
 */
export default fp(
  async (app) => {
    const listeners = new Map<number, { set: Set<(message: string) => void>; subscribed: Promise<unknown> }>();
    const deliver = (userId: number, message: string) => listeners.get(userId)?.set.forEach((listener) => listener(message));
    const redis = app.redis;
    const subscriber = redis?.duplicate() ?? null;

    if (subscriber) {
      subscriber.on("message", (channel: string, message: string) => deliver(Number(channel.slice(PREFIX.length)), message));
      subscriber.on("error", (err) => app.log.error({ err }, "live clicks subscriber error"));
      app.addHook("onClose", async () => {
        await subscriber.quit().catch(() => subscriber.disconnect());
      });
    }

    const bus: LiveClicksBus = {
      fanout: subscriber ? "redis" : "local",
      publish(userId, message) {
        if (!redis) return deliver(userId, message);
        redis.publish(channelOf(userId), message).catch((err: unknown) => app.log.error({ err }, "publishing live clicks failed"));
      },
      async subscribe(userId, listener) {
        let entry = listeners.get(userId);
        if (!entry) {
          const subscribed = subscriber
            ? subscriber.subscribe(channelOf(userId)).catch((err: unknown) => app.log.error({ err }, "subscribing to live clicks failed"))
            : Promise.resolve();
          entry = { set: new Set(), subscribed };
          listeners.set(userId, entry);
        }
        const current = entry;
        current.set.add(listener);
        await current.subscribed;
        return () => {
          current.set.delete(listener);
          if (current.set.size > 0 || listeners.get(userId) !== current) return;
          listeners.delete(userId);
          subscriber?.unsubscribe(channelOf(userId)).catch(() => {});
        };
      },
    };
    app.decorate("liveClicks", bus);
  },
  { name: "live-clicks", fastify: "5.x", dependencies: ["redis"] },
);
