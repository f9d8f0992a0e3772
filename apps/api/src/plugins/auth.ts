import fastifyJwt from "@fastify/jwt";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { NotAuthenticatedError } from "../lib/app-error.js";

declare module "@fastify/jwt" {
  interface FastifyJWT {
    payload: { sub: string };
    user: { sub: string };
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /** preHandler: rejects with the contract's 401 unless a valid access token is sent. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    signAccessToken: (userId: number) => string;
  }
  interface FastifyRequest {
    /** Set by `authenticate`. */
    userId: number;
  }
}

export interface AuthPluginOptions {
  secret: string;
  accessTokenTtlSeconds: number;
}

export default fp<AuthPluginOptions>(
  async (app, { secret, accessTokenTtlSeconds }) => {
    await app.register(fastifyJwt, {
      secret,
      sign: { algorithm: "HS256", expiresIn: accessTokenTtlSeconds },
      verify: { algorithms: ["HS256"] },
    });
    app.decorateRequest("userId", 0);
    app.decorate("signAccessToken", (userId: number) => app.jwt.sign({ sub: String(userId) }));
    app.decorate("authenticate", async (request: FastifyRequest) => {
      // Missing, malformed, expired and tampered tokens all get the same answer.
      const payload = await request.jwtVerify<{ sub: string }>().catch(() => null);
      const userId = Number(payload?.sub);
      if (!payload || !Number.isSafeInteger(userId) || userId <= 0) throw new NotAuthenticatedError();
      request.userId = userId;
    });
  },
  { name: "auth", fastify: "5.x" },
);
