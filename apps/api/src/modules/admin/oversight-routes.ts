import { listAuditResponseSchema, listLinkReportsResponseSchema, pageQuerySchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errors } from "./error-responses.js";
import type { AdminService } from "./service.js";

export const oversightRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
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
