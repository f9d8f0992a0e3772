import { bulkCreateRequestSchema, bulkCreateResponseSchema, errorBodySchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { LinksService } from "./service.js";
import { errors } from "./error-responses.js";

export const bulkRoutes: FastifyPluginAsyncZod<{ links: LinksService; createPerMinute: number }> = async (
  app,
  { links, createPerMinute },
) => {
  // POST /api/urls/bulk – up to 100 links at once, a result per item
  app.post(
    "/api/urls/bulk",
    {
      // One request may create a hundred links: it counts against its own, smaller budget.
      preHandler: [
        app.limitPerIp({ name: "bulk-create", max: Math.max(1, Math.floor(createPerMinute / 3)), windowMs: 60_000 }),
        app.limitPerAccount({
          name: "bulk-create",
          max: Math.max(1, Math.floor(createPerMinute / 3)),
          windowMs: 60_000,
          key: (request) => String(request.userId),
        }),
      ],
      schema: { body: bulkCreateRequestSchema, response: { 200: bulkCreateResponseSchema, 429: errorBodySchema, ...errors } },
    },
    async (request) => ({
      results: await links.createMany(request.userId, request.body.urls, request.hostname, (err) =>
        request.log.error({ err }, "bulk create stopped part-way"),
      ),
    }),
  );
};
