import { validateHeaderValue } from "node:http";
import type { FastifyPluginAsync } from "fastify";
import type { RedirectService } from "./service.js";
import { visitFrom, writeRedirect } from "./visit.js";

// GET|HEAD /:code – the short link itself (cached plain links are answered earlier, by fast-route.ts)
export const redirectRoutes: FastifyPluginAsync<{ redirects: RedirectService }> = async (app, { redirects }) => {
  app.get<{ Params: { code: string } }>("/:code", async (request, reply) => {
    const location = await redirects.resolve(visitFrom(request.raw, request.params.code, request.ip));
    // Stored destinations are validated URLs; one Node refuses as a header is a bug, answered as a 500.
    validateHeaderValue("location", location);
    // Written exactly as the fast path writes it.
    reply.hijack();
    if (!writeRedirect(reply.raw, location)) reply.raw.destroy(); // not reachable after the check above; never leave a request hanging
  });
};
