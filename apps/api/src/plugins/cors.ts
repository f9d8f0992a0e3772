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
    });
  },
  { name: "cors", fastify: "5.x" },
);
