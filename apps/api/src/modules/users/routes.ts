import { errorBodySchema, userResponseSchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { UsersService } from "./service.js";

// GET /api/me – the signed-in user's profile
export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  app.get(
    "/api/me",
    {
      onRequest: app.authenticate,
      schema: { response: { 200: userResponseSchema, 401: errorBodySchema } },
    },
    async (request) => users.toResponse(await users.getActiveUserOrThrow(request.userId)),
  );
};
