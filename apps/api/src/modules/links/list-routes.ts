import { listTagsResponseSchema, listUrlsQuerySchema, listUrlsResponseSchema } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { LinksService } from "./service.js";
import { errors } from "./error-responses.js";

export const listRoutes: FastifyPluginAsyncZod<{ links: LinksService }> = async (app, { links }) => {
  // GET /api/urls – the caller's links, newest first
  app.get(
    "/api/urls",
    { schema: { querystring: listUrlsQuerySchema, response: { 200: listUrlsResponseSchema, ...errors } } },
    async (request) => links.list(request.userId, request.query),
  );

  // GET /api/tags – the caller's tags with how many links carry each
  app.get("/api/tags", { schema: { response: { 200: listTagsResponseSchema, ...errors } } }, async (request) => ({
    items: await links.tags(request.userId),
  }));
};
