import fp from "fastify-plugin";

/** Published instead of a code when any link may have changed: listeners drop everything they cached. */
export const EVERY_LINK = "*";

declare module "fastify" {
  interface FastifyInstance {
    /** Announces that a link was created, edited or deleted, here and on every other instance. */
    linkEvents: {
      /** A link changed (its code), or EVERY_LINK: many may have (an account disabled, a host blocked). */
      publish(code: string): void;
      subscribe(listener: (code: string) => void): void;
      /** Called when changes from other instances may have been missed (Redis was unreachable): forget them all. */
      onMissedEvents(listener: () => void): void;
    };
  }
}

export const LINK_EVENTS_CHANNEL = "shortly:link-changed";

/** Link-change events: in process always, and through Redis pub/sub when REDIS_URL is set. */
export default fp(
  async (app) => {
    const listeners: Array<(code: string) => void> = [];
    const missedListeners: Array<() => void> = [];
    const deliver = (code: string) => listeners.forEach((listener) => listener(code));
    const subscriber = app.redis?.duplicate() ?? null;
    if (subscriber) {
      // Not awaited: the API starts and serves without Redis; ioredis subscribes again on every reconnect.
      subscriber
        .subscribe(LINK_EVENTS_CHANNEL)
        .catch((err: unknown) => app.log.warn({ err }, "subscribing to link changes failed; retrying as Redis reconnects"));
      subscriber.on("message", (_channel: string, code: string) => deliver(code));
      subscriber.on("error", (err) => app.log.warn({ err }, "link changes subscriber error"));
      // Changes announced while this instance was not subscribed (Redis down, at start or later) were lost.
      subscriber.on("ready", () => missedListeners.forEach((listener) => listener()));
      app.addHook("onClose", async () => {
        await subscriber.quit().catch(() => subscriber.disconnect());
      });
    }
    app.decorate("linkEvents", {
      publish(code: string) {
        deliver(code); // this instance at once, whatever Redis does
        app.redis?.publish(LINK_EVENTS_CHANNEL, code).catch((err: unknown) => app.log.error({ err }, "publishing a link change failed"));
      },
      subscribe(listener: (code: string) => void) {
        listeners.push(listener);
      },
      onMissedEvents(listener: () => void) {
        missedListeners.push(listener);
      },
    });
  },
  { name: "link-events", fastify: "5.x", dependencies: ["redis"] },
);
