import { apiHealthResponseSchema, appConfigResponseSchema, healthResponseSchema, type AppConfigResponse } from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SystemService } from "./service.js";

export interface SystemRoutesOptions {
  system: SystemService;
  appConfig: AppConfigResponse;
}

export const systemRoutes: FastifyPluginAsyncZod<SystemRoutesOptions> = async (app, { system, appConfig }) => {
  // GET /health – the process answers (liveness)
  app.get("/health", { schema: { response: { 200: healthResponseSchema } } }, async () => ({ status: "ok" as const }));

  // GET /api/health – readiness: 503 when this instance cannot serve, each part's state either way
  app.get(
    "/api/health",
    { schema: { response: { 200: apiHealthResponseSchema, 503: apiHealthResponseSchema } } },
    async (_request, reply) => {
      const health = await system.health();
      return reply
        .code(health.status === "unavailable" ? 503 : 200)
        .header("cache-control", "no-store")
        .send(health);
    },
  );

  // GET /api/config – what the SPA needs at boot
  app.get("/api/config", { schema: { response: { 200: appConfigResponseSchema } } }, async () => appConfig);
};
