import { errorBodySchema, linkItemSchema, shortCodeParamsSchema, statsResponseSchema, updateUrlRequestSchema } from "@shortly/contract";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { LinksService } from "./service.js";
import { errors } from "./error-responses.js";

export const shortCodeRoutes: FastifyPluginAsyncZod<{ links: LinksService }> = async (app, { links }) => {
  // GET /api/urls/:short_code – one of the caller's links, in any state
  app.get(
    "/api/urls/:short_code",
    { schema: { params: shortCodeParamsSchema, response: { 200: linkItemSchema, ...errors } } },
    async (request) => links.get(request.userId, request.params.short_code),
  );

  // PATCH /api/urls/:short_code – change destination, state, expiry or click limit
  app.patch(
    "/api/urls/:short_code",
    {
      schema: { params: shortCodeParamsSchema, body: updateUrlRequestSchema, response: { 200: linkItemSchema, ...errors } },
    },
    async (request) => links.update(request.userId, request.params.short_code, request.body, request.hostname),
  );

  // DELETE /api/urls/:short_code – delete a link and its clicks
  app.delete(
    "/api/urls/:short_code",
    { schema: { params: shortCodeParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await links.remove(request.userId, request.params.short_code);
      return reply.code(204).send(null);
    },
  );

  // GET /api/urls/:short_code/stats – the contract's click statistics
  app.get(
    "/api/urls/:short_code/stats",
    { schema: { params: shortCodeParamsSchema, response: { 200: statsResponseSchema, 410: errorBodySchema, ...errors } } },
    async (request) => links.stats(request.userId, request.params.short_code),
  );
};
