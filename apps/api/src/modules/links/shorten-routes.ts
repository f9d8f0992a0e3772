import { createdUrlResponseSchema, createUrlRequestSchema, errorBodySchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { toCreatedUrlResponse, type LinksService } from "./service.js";
import { errors } from "./error-responses.js";

export const shortenRoutes: FastifyPluginAsyncZod<{ links: LinksService; createPerMinute: number }> = async (
  app,
  { links, createPerMinute },
) => {
  const createLimits = [
    app.limitPerIp({ name: "create-link", max: createPerMinute, windowMs: 60_000 }),
    app.limitPerAccount({ name: "create-link", max: createPerMinute, windowMs: 60_000, key: (request) => String(request.userId) }),
  ];

  // POST /api/urls – shorten a URL
  app.post(
    "/api/urls",
    {
      preHandler: createLimits,
      schema: {
        body: createUrlRequestSchema,
        response: { 201: createdUrlResponseSchema, 403: errorBodySchema, 409: errorBodySchema, 429: errorBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const link = await links.create(request.userId, request.body, request.hostname);
      return reply.code(201).send(toCreatedUrlResponse(link));
    },
  );
};
