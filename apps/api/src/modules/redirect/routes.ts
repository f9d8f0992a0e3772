import type { FastifyPluginAsync } from "fastify";
import type { RedirectService } from "./service.js";

// GET|HEAD /:code – the short link itself
export const redirectRoutes: FastifyPluginAsync<{ redirects: RedirectService }> = async (app, { redirects }) => {
  app.get<{ Params: { code: string } }>("/:code", async (request, reply) => {
    const location = await redirects.resolve({
      code: request.params.code,
      countsAsClick: request.method === "GET",
      referrer: request.headers.referer ?? null,
      userAgent: request.headers["user-agent"] ?? null,
      ip: request.ip,
    });
    // Not cacheable: every visit must reach us to be counted and to honour limits.
    return reply.header("cache-control", "private, no-store").redirect(location, 302);
  });
};
