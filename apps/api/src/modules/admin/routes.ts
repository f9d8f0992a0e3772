import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { blockedHostRoutes } from "./blocked-host-routes.js";
import { AdminRequiredError } from "./errors.js";
import { adminLinkRoutes } from "./link-routes.js";
import { oversightRoutes } from "./oversight-routes.js";
import type { Actor, AdminService } from "./service.js";
import { adminUserRoutes } from "./user-routes.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set on /api/admin/* once the caller is known to be an admin. */
    admin: Actor | null;
  }
}

export const adminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  app.decorateRequest("admin", null);
  app.addHook("onRequest", app.authenticate);
  // An admin's own access token only: an API key never reaches the operators' side.
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (request.credential !== "access_token") throw new AdminRequiredError();
    request.admin = await admin.actorOrThrow(request.userId);
  });

  await app.register(adminUserRoutes, { admin });
  await app.register(adminLinkRoutes, { admin });
  await app.register(blockedHostRoutes, { admin });
  await app.register(oversightRoutes, { admin });
};
