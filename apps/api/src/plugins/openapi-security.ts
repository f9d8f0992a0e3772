// The credentials the OpenAPI document describes, and which routes take which.

type Security = Array<Record<string, string[]>>;
const SESSION: Security = [{ accessToken: [] }];
const SESSION_OR_KEY: Security = [{ accessToken: [] }, { apiKey: [] }];
const REFRESH_COOKIE: Security = [{ refreshCookie: [] }];

export const SECURITY_SCHEMES = {
  accessToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "A 15-minute access token from /api/auth/login-json",
  },
  apiKey: { type: "http", scheme: "bearer", bearerFormat: "shortly_…", description: "An API key from /api/keys" },
  refreshCookie: { type: "apiKey", in: "cookie", name: "refresh_token", description: "The httpOnly session cookie set at login" },
} as const;

/**
 * Which routes take which credential, by path. test/modules/system/openapi.test.ts
 * calls every documented route without one and fails where this and the
 * route disagree, so the table cannot drift.
 */
export const SECURITY: Array<[RegExp, Security]> = [
  [/^\/api\/keys(\/|$)/, SESSION],
  [/^\/api\/admin(\/|$)/, SESSION],
  [/^\/api\/auth\/logout-all$/, SESSION],
  [/^\/api\/auth\/token\/refresh$/, REFRESH_COOKIE],
  [/^\/api\/(urls|tags|analytics|me)(\/|$)/, SESSION_OR_KEY],
];
