import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** Every route registered, as method and URL pattern: tests walk them all, so none is forgotten. */
    registeredRoutes: Array<{ method: string; url: string }>;
  }
}

export default fp(
  async (app) => {
    const registered: Array<{ method: string; url: string }> = [];
    app.decorate("registeredRoutes", registered);
    app.addHook("onRoute", (route) => {
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) registered.push({ method, url: route.url });
    });
  },
  { name: "route-table", fastify: "5.x" },
);
