import fastifyCors from "@fastify/cors";
import fp from "fastify-plugin";

/** Cross-origin access only for the configured origins (one origin needs none). */
export default fp<{ origins: string[] }>(
  async (app, { origins }) => {
    if (origins.length === 0) return;
    await app.register(fastifyCors, {
      origin: origins,
      credentials: true,
      methods: ["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"],
      allowedHeaders: ["Authorization", "Content-Type", "X-Client-Version"],
      maxAge: 600,
      // An OPTIONS that is no valid preflight gets a bare 204 that grants nothing, not a text/plain 400.
      strictPreflight: false,
    });
  },
  { name: "cors", fastify: "5.x" },
);
