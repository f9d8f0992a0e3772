import fastifyCookie from "@fastify/cookie";
import fastifyJwt from "@fastify/jwt";
import type { FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { decorateRefreshCookie } from "./refresh-cookie.js";
import { createAuthenticate, createDenyApiKeys, type ApiKeyCheck } from "./request-credentials.js";

export { REFRESH_COOKIE } from "./refresh-cookie.js";

declare module "@fastify/jwt" {
  interface FastifyJWT {
    payload: { sub: string };
    user: { sub: string };
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /** Rejects with the contract's 401 unless a valid access token or API key is sent. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Rejects requests made with an API key (403), for what only a person may do: keys, sessions, the account. */
    denyApiKeys: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    signAccessToken: (userId: number) => string;
  }
  interface FastifyRequest {
    /** Set by `authenticate`. */
    userId: number;
    /** How `authenticate` let the request in. */
    credential: "access_token" | "api_key" | null;
  }
}

export interface AuthPluginOptions {
  secret: string;
  accessTokenTtlSeconds: number;
  /** Bearer values that are API keys, and the account each acts for (null: refused). */
  apiKeys: ApiKeyCheck;
  /** Checked on every request: an access token of a disabled or deleted account stops working at once. */
  isActiveUser(userId: number): Promise<boolean>;
}

export default fp<AuthPluginOptions>(
  async (app, { secret, accessTokenTtlSeconds, apiKeys, isActiveUser }) => {
    await app.register(fastifyCookie);
    await app.register(fastifyJwt, {
      secret,
      sign: { algorithm: "HS256", expiresIn: accessTokenTtlSeconds },
      // We always write both: a token without them was not issued as an access token.
      verify: { algorithms: ["HS256"], requiredClaims: ["sub", "exp"] },
    });
    app.decorateRequest("userId", 0);
    app.decorateRequest("credential", null);
    app.decorate("signAccessToken", (userId: number) => app.jwt.sign({ sub: String(userId) }));
    app.decorate("authenticate", createAuthenticate(apiKeys, isActiveUser));
    app.decorate("denyApiKeys", createDenyApiKeys(apiKeys));
    decorateRefreshCookie(app);
  },
  { name: "auth", fastify: "5.x" },
);
