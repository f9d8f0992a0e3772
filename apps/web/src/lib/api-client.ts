import { errorBodySchema } from "@shortly/contract";
import type { z } from "zod";
import { env } from "../config/env";
import { ApiError, NETWORK_ERROR_MESSAGE, SERVER_ERROR_MESSAGE, UNAVAILABLE_MESSAGE } from "./api-error";
import { getToken, setToken } from "./auth-token";
import { refreshSession } from "./refresh-session";

export interface ApiFetchOptions<S extends z.ZodType> {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  /** The contract schema of the success body; the answer is parsed with it. */
  schema?: S;
  /** Send no Authorization header and do not treat 401 as a lost session (login). */
  skipAuth?: boolean;
  signal?: AbortSignal;
  /** "blob" returns a successful body as a Blob (file downloads); errors are read as JSON either way. */
  responseType?: "json" | "blob";
}

let onUnauthorized: () => void = () => {};

/** The app decides what a lost session means (clear and go to /login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Gateway errors are transient: idempotent GETs retry them. A 500 is a bug and is not retried. */
const TRANSIENT_STATUSES = [502, 503, 504];
const RETRY_DELAYS_MS = [300, 1000, 3000];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way the SPA calls the API: JSON in and out, the token and the
 * client version added, errors turned into ApiError with a human message, and
 * idempotent GETs retried on 502/503/504. A 401 is answered by one refresh
 * and one replay; only if that fails is the session over.
 */
export async function apiFetch<S extends z.ZodType = z.ZodUnknown>(path: string, options: ApiFetchOptions<S> = {}): Promise<z.output<S>> {
  const token = options.skipAuth ? null : getToken();
  try {
    return await send(path, options, token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || options.skipAuth) throw error;
    if (await refreshSession(token)) {
      try {
        return await send(path, options, getToken());
      } catch (retryError) {
        if (!(retryError instanceof ApiError) || retryError.status !== 401) throw retryError;
      }
    }
    setToken(null);
    onUnauthorized();
    throw error;
  }
}

async function send<S extends z.ZodType>(path: string, options: ApiFetchOptions<S>, token: string | null): Promise<z.output<S>> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Client-Version": `web@${env.APP_VERSION}`,
  };
  if (token) headers.Authorization = `Bearer ${token}`;

  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: "same-origin",
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError("network", 0, NETWORK_ERROR_MESSAGE);
    }
    const retryable = method === "GET" && TRANSIENT_STATUSES.includes(response.status);
    if (retryable && attempt < RETRY_DELAYS_MS.length) {
      await wait(RETRY_DELAYS_MS[attempt]!);
      continue;
    }
    return readResponse(response, options);
  }
}

async function readResponse<S extends z.ZodType>(response: Response, options: ApiFetchOptions<S>): Promise<z.output<S>> {
  const contentType = response.headers.get("content-type") ?? "";
  // nginx answers with its own HTML page when the API is down.
  if (contentType.includes("text/html")) throw new ApiError("unavailable", response.status, UNAVAILABLE_MESSAGE);

  if (response.status === 204) return undefined as z.output<S>;
  if (response.ok && options.responseType === "blob") return (await response.blob()) as z.output<S>;
  const payload: unknown = contentType.includes("json") ? await response.json().catch(() => undefined) : undefined;

  if (!response.ok) throw toApiError(response.status, payload);
  if (!options.schema) return payload as z.output<S>;
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) throw new ApiError("invalid-response", response.status, SERVER_ERROR_MESSAGE);
  return parsed.data;
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = errorBodySchema.safeParse(payload);
  if (TRANSIENT_STATUSES.includes(status)) return new ApiError("unavailable", status, UNAVAILABLE_MESSAGE);
  if (status >= 500 || !body.success) return new ApiError("http", status, SERVER_ERROR_MESSAGE);
  const { detail } = body.data;
  if (typeof detail === "string") return new ApiError("http", status, detail);
  return new ApiError("validation", status, "Please correct the highlighted fields.", detail);
}
