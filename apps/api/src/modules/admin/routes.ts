import {
  adminLinkSchema,
  adminUserParamsSchema,
  adminUserSchema,
  blockedHostParamsSchema,
  blockedHostSchema,
  createBlockedHostRequestSchema,
  errorBodySchema,
  listAdminLinksQuerySchema,
  listAdminLinksResponseSchema,
  listAdminUsersQuerySchema,
  listAdminUsersResponseSchema,
  listAuditResponseSchema,
  listBlockedHostsResponseSchema,
  listLinkReportsResponseSchema,
  pageQuerySchema,
  shortCodeParamsSchema,
  updateAdminLinkRequestSchema,
  updateAdminUserRequestSchema,
} from "@shortly/contract";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AdminRequiredError } from "./errors.js";
import type { Actor, AdminService } from "./service.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set on /api/admin/* once the caller is known to be an admin. */
    admin: Actor | null;
  }
}

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export const adminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  app.decorateRequest("admin", null);
  app.addHook("onRequest", app.authenticate);
  // An admin's own access token only: an API key never reaches the operators' side.
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (request.credential !== "access_token") throw new AdminRequiredError();
    request.admin = await admin.actorOrThrow(request.userId);
  });
  const actor = (request: FastifyRequest) => request.admin!;

  // GET /api/admin/users – every account, searchable
  app.get(
    "/api/admin/users",
    { schema: { querystring: listAdminUsersQuerySchema, response: { 200: listAdminUsersResponseSchema, ...errors } } },
    async (request) => admin.listUsers(request.query),
  );

  // PATCH /api/admin/users/:id – plan, enable or disable, with a reason
  app.patch(
    "/api/admin/users/:id",
    { schema: { params: adminUserParamsSchema, body: updateAdminUserRequestSchema, response: { 200: adminUserSchema, ...errors } } },
    async (request) => admin.updateUser(actor(request), request.params.id, request.body),
  );

  // GET /api/admin/links – every account's links, searchable by code, destination, host and owner
  app.get(
    "/api/admin/links",
    { schema: { querystring: listAdminLinksQuerySchema, response: { 200: listAdminLinksResponseSchema, ...errors } } },
    async (request) => admin.listLinks(request.query),
  );

  // PATCH /api/admin/links/:short_code – block or unblock a link
  app.patch(
    "/api/admin/links/:short_code",
    { schema: { params: shortCodeParamsSchema, body: updateAdminLinkRequestSchema, response: { 200: adminLinkSchema, ...errors } } },
    async (request) => admin.updateLink(actor(request), request.params.short_code, request.body),
  );

  // GET /api/admin/blocked-hosts – destinations no link may point to
  app.get("/api/admin/blocked-hosts", { schema: { response: { 200: listBlockedHostsResponseSchema, ...errors } } }, async () => ({
    items: await admin.listBlockedHosts(),
  }));

  // POST /api/admin/blocked-hosts – block a host and its subdomains, stopping existing links to them
  app.post(
    "/api/admin/blocked-hosts",
    { schema: { body: createBlockedHostRequestSchema, response: { 201: blockedHostSchema, ...errors } } },
    async (request, reply) => reply.code(201).send((await admin.blockHost(actor(request), request.body.host, request.body.reason)).blocked),
  );

  // DELETE /api/admin/blocked-hosts/:host – unblock it (and the links its block stopped)
  app.delete(
    "/api/admin/blocked-hosts/:host",
    { schema: { params: blockedHostParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await admin.unblockHost(actor(request), request.params.host);
      return reply.code(204).send(null);
    },
  );

  // GET /api/admin/reports – visitors' reports, newest first, with each link's state
  app.get(
    "/api/admin/reports",
    { schema: { querystring: pageQuerySchema, response: { 200: listLinkReportsResponseSchema, ...errors } } },
    async (request) => admin.listReports(request.query),
  );

  // GET /api/admin/audit – every admin action, newest first
  app.get(
    "/api/admin/audit",
    { schema: { querystring: pageQuerySchema, response: { 200: listAuditResponseSchema, ...errors } } },
    async (request) => admin.listAudit(request.query),
  );
};
