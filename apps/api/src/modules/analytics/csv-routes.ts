import { analyticsQuerySchema, shortCodeParamsSchema } from "@shortly/contract";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Readable } from "node:stream";
import type { AnalyticsService } from "./service.js";

function sendCsv(reply: FastifyReply, filename: string, rows: Readable) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "no-store")
    .send(rows);
}

export const accountCsvRoutes: FastifyPluginAsyncZod<{ analytics: AnalyticsService }> = async (app, { analytics }) => {
  // GET /api/analytics/clicks.csv – every click on the caller's links, streamed
  app.get("/api/analytics/clicks.csv", { schema: { querystring: analyticsQuerySchema } }, async (request, reply) =>
    sendCsv(reply, "shortly-clicks.csv", await analytics.exportAccount(request.userId, request.query)),
  );
};

export const linkCsvRoutes: FastifyPluginAsyncZod<{ analytics: AnalyticsService }> = async (app, { analytics }) => {
  // GET /api/urls/:short_code/clicks.csv – one link's clicks, streamed
  app.get(
    "/api/urls/:short_code/clicks.csv",
    { schema: { params: shortCodeParamsSchema, querystring: analyticsQuerySchema } },
    async (request, reply) =>
      sendCsv(
        reply,
        `shortly-${request.params.short_code}-clicks.csv`,
        await analytics.exportLink(request.userId, request.params.short_code, request.query),
      ),
  );
};
