/**
 * The SPA's routes (react-router paths). The API and nginx answer them with
 * the app shell; each first segment is in RESERVED_PATHS so no short code can
 * take it.
 */
export const SPA_ROUTES = [
  "/",
  "/login",
  "/register",
  "/dashboard",
  "/account",
  "/links/:code",
  /** Where social login lands; the page obtains its access token through refresh. */
  "/auth/callback",
] as const;
