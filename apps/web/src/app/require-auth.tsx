import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { paths } from "../config/paths";
import { useToken } from "../lib/auth-token";

/** Pages for signed-in users: without a token, go to login and come back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useToken();
  const location = useLocation();
  if (!token) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${paths.login}?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
