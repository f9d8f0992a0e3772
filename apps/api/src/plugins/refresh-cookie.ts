import type { FastifyInstance, FastifyReply } from "fastify";

/** The refresh token travels only in this cookie, only to /api/auth. */
export const REFRESH_COOKIE = "refresh_token";
const REFRESH_COOKIE_PATH = "/api/auth";

declare module "fastify" {
  interface FastifyReply {
    setRefreshCookie(token: string, maxAgeSeconds: number): FastifyReply;
    clearRefreshCookie(): FastifyReply;
  }
}

/** Adds the reply's refresh-cookie setters (@fastify/cookie must be registered). */
export function decorateRefreshCookie(app: FastifyInstance): void {
  // httpOnly (no script can read it), Strict (never sent cross-site), Secure over https.
  // Every answer that sets it carries tokens (RFC 6749 §5.1): no cache may keep it.
  app.decorateReply("setRefreshCookie", function (this: FastifyReply, token: string, maxAgeSeconds: number) {
    return this.header("cache-control", "no-store").setCookie(REFRESH_COOKIE, token, {
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
}
