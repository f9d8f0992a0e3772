/**
 * The SPA's routes (react-router paths). The API and nginx answer them with
 * the app shell; each first segment is in RESERVED_PATHS so no short code can
 * take it.
 */
export const SPA_ROUTES = [
  "/",
  "/login",
  "/register",
  /** The account's analytics; the default page after login. */
  "/dashboard",
  /** The link manager: create, list, edit. */
  "/links",
  "/account",
  "/links/:code",
  /** Where social login lands; the page obtains its access token through refresh. */
  "/auth/callback",
  /** Anyone may report a harmful short link. */
  "/report",
  /** The operators' console (admins only; the API enforces it). */
  "/admin",
] as const;
