import {
  adminUserParamsSchema,
  adminUserSchema,
  errorBodySchema,
  listAdminUsersQuerySchema,
  listAdminUsersResponseSchema,
  updateAdminUserRequestSchema,
} from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errors } from "./error-responses.js";
import type { AdminService } from "./service.js";

export const adminUserRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  // GET /api/admin/users – every account, searchable
  app.get(
    "/api/admin/users",
    { schema: { querystring: listAdminUsersQuerySchema, response: { 200: listAdminUsersResponseSchema, ...errors } } },
    async (request) => admin.listUsers(request.query),
  );

  // PATCH /api/admin/users/:id – plan, enable or disable, with a reason
  app.patch(
    "/api/admin/users/:id",
    {
      schema: {
        params: adminUserParamsSchema,
        body: updateAdminUserRequestSchema,
        response: { 200: adminUserSchema, 409: errorBodySchema, ...errors },
      },
    },
    async (request) => admin.updateUser(request.admin!, request.params.id, request.body),
  );
};
