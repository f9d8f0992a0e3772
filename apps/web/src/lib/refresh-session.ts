import { tokenResponseSchema } from "@shortly/contract";
import { env } from "../config/env";
import { getToken, setToken } from "./auth-token";

let inFlight: Promise<boolean> | null = null;

/**
 * Gets a new access token with the httpOnly refresh cookie. Concurrent
 * callers in this tab share one request, and tabs take turns through a Web
 * Lock: a tab that waited finds the token another tab just stored instead of
 * presenting a refresh token that was already rotated (which the API would
 * rightly treat as theft).
 */
export function refreshSession(staleToken: string | null = getToken()): Promise<boolean> {
  inFlight ??= withCrossTabLock(async () => {
    const current = getToken();
    if (current && current !== staleToken) return true; // another tab refreshed meanwhile
    return requestNewToken();
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function requestNewToken(): Promise<boolean> {
  try {
    const res = await fetch("/api/auth/token/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Client-Version": `web@${env.APP_VERSION}` },
      credentials: "same-origin",
    });
    if (!res.ok) return false;
    const parsed = tokenResponseSchema.safeParse(await res.json());
    if (!parsed.success) return false;
    setToken(parsed.data.access_token);
    return true;
  } catch {
    return false;
  }
}

function withCrossTabLock(task: () => Promise<boolean>): Promise<boolean> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  // The DOM typings wrap an async callback's result twice; at run time it is one promise.
  return locks ? locks.request("shortly-refresh", task).then((ok) => ok) : task();
}
