import fastifyCookie from "@fastify/cookie";
import fastifyJwt from "@fastify/jwt";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError, NotAuthenticatedError } from "../lib/app-error.js";

declare module "@fastify/jwt" {
  interface FastifyJWT {
    payload: { sub: string };
    user: { sub: string };
  }
}

/** The refresh token travels only in this cookie, only to /api/auth. */
export const REFRESH_COOKIE = "refresh_token";
const REFRESH_COOKIE_PATH = "/api/auth";

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
  interface FastifyReply {
    setRefreshCookie(token: string, maxAgeSeconds: number): FastifyReply;
    clearRefreshCookie(): FastifyReply;
  }
}

export interface AuthPluginOptions {
  secret: string;
  accessTokenTtlSeconds: number;
  /** Bearer values that are API keys, and the account each acts for (null: refused). */
  apiKeys: { matches(token: string): boolean; authenticate(key: string): Promise<{ userId: number } | null> };
  /** Checked on every request: an access token of a disabled or deleted account stops working at once. */
  isActiveUser(userId: number): Promise<boolean>;
}

const bearerOf = (header: string | undefined) => (header?.startsWith("Bearer ") ? header.slice(7).trim() : null);

export default fp<AuthPluginOptions>(
  async (app, { secret, accessTokenTtlSeconds, apiKeys, isActiveUser }) => {
    await app.register(fastifyCookie);
    await app.register(fastifyJwt, {
      secret,
      sign: { algorithm: "HS256", expiresIn: accessTokenTtlSeconds },
      verify: { algorithms: ["HS256"] },
    });
    app.decorateRequest("userId", 0);
    app.decorateRequest("credential", null);
    app.decorate("signAccessToken", (userId: number) => app.jwt.sign({ sub: String(userId) }));
    app.decorate("authenticate", async (request: FastifyRequest) => {
      const bearer = bearerOf(request.headers.authorization);
      if (bearer !== null && apiKeys.matches(bearer)) {
        const owner = await apiKeys.authenticate(bearer);
        if (!owner) throw new NotAuthenticatedError();
        request.userId = owner.userId;
        request.credential = "api_key";
        return;
      }
      // Missing, malformed, expired and tampered tokens all get the same answer.
      const payload = await request.jwtVerify<{ sub: string }>().catch(() => null);
      const userId = Number(payload?.sub);
      if (!payload || !Number.isSafeInteger(userId) || userId <= 0) throw new NotAuthenticatedError();
      if (!(await isActiveUser(userId))) throw new NotAuthenticatedError();
      request.userId = userId;
      request.credential = "access_token";
    });
    app.decorate("denyApiKeys", async (request: FastifyRequest) => {
      const bearer = bearerOf(request.headers.authorization);
      const usesKey = request.credential === "api_key" || (bearer !== null && apiKeys.matches(bearer));
      if (usesKey) throw new AppError("API_KEYS_NOT_ALLOWED", ERROR_MESSAGES.API_KEYS_NOT_ALLOWED);
    });

    // httpOnly (no script can read it), Strict (never sent cross-site), Secure over https.
    app.decorateReply("setRefreshCookie", function (this: FastifyReply, token: string, maxAgeSeconds: number) {
      return this.setCookie(REFRESH_COOKIE, token, {
        httpOnly: true,
        secure: this.request.protocol === "https",
        sameSite: "strict",
        path: REFRESH_COOKIE_PATH,
        maxAge: maxAgeSeconds,
      });
    });
    app.decorateReply("clearRefreshCookie", function (this: FastifyReply) {
      return this.clearCookie(REFRESH_COOKIE, {
        httpOnly: true,
        secure: this.request.protocol === "https",
        sameSite: "strict",
        path: REFRESH_COOKIE_PATH,
      });
    });
  },
  { name: "auth", fastify: "5.x" },
);
