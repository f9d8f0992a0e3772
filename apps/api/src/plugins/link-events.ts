import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** Announces that a link was created, edited or deleted, here and on every other instance. */
    linkEvents: {
      publish(code: string): void;
      subscribe(listener: (code: string) => void): void;
    };
  }
}

const CHANNEL = "shortly:link-changed";

/** Link-change events: in process always, and through Redis pub/sub when REDIS_URL is set. */
export default fp(
  async (app) => {
    const listeners: Array<(code: string) => void> = [];
    const deliver = (code: string) => listeners.forEach((listener) => listener(code));
    const subscriber = app.redis?.duplicate() ?? null;
    if (subscriber) {
      await subscriber.subscribe(CHANNEL);
      subscriber.on("message", (_channel: string, code: string) => deliver(code));
      app.addHook("onClose", async () => {
        await subscriber.quit().catch(() => subscriber.disconnect());
      });
    }
    app.decorate("linkEvents", {
      publish(code: string) {
        deliver(code); // this instance at once, whatever Redis does
        app.redis?.publish(CHANNEL, code).catch((err: unknown) => app.log.error({ err }, "publishing a link change failed"));
      },
      subscribe(listener: (code: string) => void) {
        listeners.push(listener);
      },
    });
  },
  { name: "link-events", fastify: "5.x", dependencies: ["redis"] },
);
