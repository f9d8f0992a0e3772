import fp from "fastify-plugin";

/** What every HTML page the API serves carries; nginx.conf sets the same in front of it. */
export const HTML_SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
} as const;

/**
 * `nosniff` on every answer (a JSON error must never be read as a script or a
 * page), and the full set on every HTML answer, whichever route made it.
 */
export default fp(
  async (app) => {
    app.addHook("onSend", async (_request, reply, payload) => {
      const type = reply.getHeader("content-type");
      if (typeof type === "string" && type.startsWith("text/html")) {
        for (const [name, value] of Object.entries(HTML_SECURITY_HEADERS)) {
          if (!reply.hasHeader(name)) reply.header(name, value);
        }
      } else {
        reply.header("x-content-type-options", "nosniff");
      }
      return payload;
    });
  },
  { name: "security-headers", fastify: "5.x" },
);
