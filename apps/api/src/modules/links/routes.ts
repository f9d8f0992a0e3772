import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { bulkRoutes } from "./bulk-routes.js";
import { listRoutes } from "./list-routes.js";
import type { LinksService } from "./service.js";
import { shortCodeRoutes } from "./short-code-routes.js";
import { shortenRoutes } from "./shorten-routes.js";

export const linksRoutes: FastifyPluginAsyncZod<{ links: LinksService; createPerMinute: number }> = async (
  app,
  { links, createPerMinute },
) => {
  app.addHook("onRequest", app.authenticate);
  // Called, not registered: the routes join this plugin, behind its hook, in this order (the OpenAPI document's).
  await shortenRoutes(app, { links, createPerMinute });
  await bulkRoutes(app, { links, createPerMinute });
  await listRoutes(app, { links });
  await shortCodeRoutes(app, { links });
};
