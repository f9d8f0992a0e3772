import { redirect, type LoaderFunctionArgs } from "react-router";
import { paths } from "../config/paths";
import { getToken } from "../lib/auth-token";

/**
 * Route loader for pages that need a signed-in user: without a token, go to
 * login and come back after. It runs on navigation only, so signing out (or
 * a 401 handled by apiFetch) decides where to go without a guard racing it.
 */
export function requireAuth({ request }: LoaderFunctionArgs): null {
  if (getToken()) return null;
  const { pathname, search } = new URL(request.url);
  throw redirect(`${paths.login}?next=${encodeURIComponent(pathname + search)}`);
}
