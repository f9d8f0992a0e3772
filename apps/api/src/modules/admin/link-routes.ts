import {
  adminLinkSchema,
  listAdminLinksQuerySchema,
  listAdminLinksResponseSchema,
  shortCodeParamsSchema,
  updateAdminLinkRequestSchema,
} from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errors } from "./error-responses.js";
import type { AdminService } from "./service.js";

export const adminLinkRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
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
    async (request) => admin.updateLink(request.admin!, request.params.short_code, request.body),
  );
};
