import {
  blockedHostParamsSchema,
  blockedHostSchema,
  createBlockedHostRequestSchema,
  listBlockedHostsQuerySchema,
  listBlockedHostsResponseSchema,
} from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errors } from "./error-responses.js";
import type { AdminService } from "./service.js";

export const blockedHostRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  // GET /api/admin/blocked-hosts – destinations no link may point to
  app.get(
    "/api/admin/blocked-hosts",
    { schema: { querystring: listBlockedHostsQuerySchema, response: { 200: listBlockedHostsResponseSchema, ...errors } } },
    async (request) => admin.listBlockedHosts(request.query.q, request.query),
  );

  // POST /api/admin/blocked-hosts – block a host and its subdomains, stopping existing links to them
  app.post(
    "/api/admin/blocked-hosts",
    { schema: { body: createBlockedHostRequestSchema, response: { 201: blockedHostSchema, ...errors } } },
    async (request, reply) => reply.code(201).send((await admin.blockHost(request.admin!, request.body.host, request.body.reason)).blocked),
  );

  // DELETE /api/admin/blocked-hosts/:host – unblock it (and the links its block stopped)
  app.delete(
    "/api/admin/blocked-hosts/:host",
    { schema: { params: blockedHostParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await admin.unblockHost(request.admin!, request.params.host);
      return reply.code(204).send(null);
    },
  );
};
