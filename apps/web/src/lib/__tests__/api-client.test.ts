import { tokenResponseSchema, userResponseSchema } from "@shortly/contract";
import { describe, expect, it, vi } from "vitest";
import { htmlResponse, jsonResponse } from "../../testing/render";
import { apiFetch, setUnauthorizedHandler } from "../api-client";
import { ApiError, NETWORK_ERROR_MESSAGE, SERVER_ERROR_MESSAGE, UNAVAILABLE_MESSAGE } from "../api-error";
import { getToken, setToken } from "../auth-token";

const user = { id: 1, email: "a@b.co", is_active: true, plan: "free", created_at: "2026-01-11T00:00:00.000Z", role: "user", link_limit: 3 };

function stubFetch(...responses: Array<Response | Error>) {
  const fetchMock = vi.fn();
  for (const r of responses) {
    if (r instanceof Error) fetchMock.mockRejectedValueOnce(r);
    else fetchMock.mockResolvedValueOnce(r);
  }
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("apiFetch", () => {
  it("sends JSON, the client version and the bearer token, and parses with the contract", async () => {
    setToken("tok-123");
    const fetchMock = stubFetch(jsonResponse(200, user));
    const me = await apiFetch("/api/me", { schema: userResponseSchema });
    expect(me.email).toBe("a@b.co");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/me");
    expect(init.headers).toMatchObject({
      "Content-Type": "application/json",
      Authorization: "Bearer tok-123",
      "X-Client-Version": expect.stringMatching(/^web@/),
    });
  });

  it("leaves the token out with skipAuth", async () => {
    setToken("tok-123");
    const fetchMock = stubFetch(jsonResponse(200, { access_token: "x", token_type: "bearer" }));
    await apiFetch("/api/auth/login-json", { method: "POST", body: {}, schema: tokenResponseSchema, skipAuth: true });
    expect(fetchMock.mock.calls[0]![1].headers.Authorization).toBeUndefined();
  });

  it("turns nginx's HTML 503 page into the generic unavailable message", async () => {
    stubFetch(htmlResponse(503, "<html><head><title>503 Service Temporarily Unavailable</title></head></html>"));
    const error = await failure(apiFetch("/api/urls", { method: "POST", body: {} }));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toBe(UNAVAILABLE_MESSAGE);
  });

  it("reports a network failure with the contract's words", async () => {
    stubFetch(new TypeError("Failed to fetch"));
    const error = await failure(apiFetch("/api/me"));
    expect(error.kind).toBe("network");
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
  });

  it("clears the token and signals a lost session on 401", async () => {
    setToken("expired");
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    stubFetch(jsonResponse(401, { detail: "Could not validate credentials" }));
    const error = await failure(apiFetch("/api/me"));
    expect(error.status).toBe(401);
    expect(getToken()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("refreshes once on 401 and replays the request with the new token", async () => {
    setToken("expired-access");
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const fetchMock = stubFetch(
      jsonResponse(401, { detail: "Could not validate credentials" }),
      jsonResponse(200, { access_token: "fresh-access", token_type: "bearer" }),
      jsonResponse(200, user),
    );
    await expect(apiFetch("/api/me", { schema: userResponseSchema })).resolves.toMatchObject({ id: 1 });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(["/api/me", "/api/auth/token/refresh", "/api/me"]);
    expect(fetchMock.mock.calls[1]![1]).toMatchObject({ method: "POST", credentials: "same-origin" });
    expect(fetchMock.mock.calls[2]![1].headers.Authorization).toBe("Bearer fresh-access");
    expect(getToken()).toBe("fresh-access");
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it("shares one refresh between concurrent 401s", async () => {
    setToken("expired-access");
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      if (url === "/api/auth/token/refresh") return jsonResponse(200, { access_token: "fresh", token_type: "bearer" });
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === "Bearer fresh" ? jsonResponse(200, user) : jsonResponse(401, { detail: "Could not validate credentials" });
    });
    vi.stubGlobal("fetch", fetchMock);
    await Promise.all([apiFetch("/api/me"), apiFetch("/api/me"), apiFetch("/api/me")]);
    expect(fetchMock.mock.calls.filter((c) => c[0] === "/api/auth/token/refresh")).toHaveLength(1);
  });

  it("ends the session when the refresh fails too", async () => {
    setToken("expired-access");
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    stubFetch(jsonResponse(401, { detail: "Could not validate credentials" }), jsonResponse(401, { detail: "Session has expired" }));
    const error = await failure(apiFetch("/api/me"));
    expect(error.status).toBe(401);
    expect(getToken()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("does not treat a failed login (401 with skipAuth) as a lost session", async () => {
    setToken("still-valid");
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    stubFetch(jsonResponse(401, { detail: "Incorrect email or password" }));
    const error = await failure(apiFetch("/api/auth/login-json", { method: "POST", body: {}, skipAuth: true }));
    expect(error.message).toBe("Incorrect email or password");
    expect(getToken()).toBe("still-valid");
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it("maps a 422 to field errors by loc", async () => {
    stubFetch(
      jsonResponse(422, {
        detail: [{ loc: ["body", "long_url"], msg: "invalid or missing URL scheme", type: "value_error.url.scheme" }],
      }),
    );
    const error = await failure(apiFetch("/api/urls", { method: "POST", body: {} }));
    expect(error.kind).toBe("validation");
    expect(error.fieldErrors()).toEqual({ long_url: "Enter a full web address starting with http:// or https://." });
  });

  it("retries an idempotent GET on 502/503/504 and then succeeds", async () => {
    vi.useFakeTimers();
    const fetchMock = stubFetch(htmlResponse(502, "<html/>"), jsonResponse(503, { detail: "x" }), jsonResponse(200, user));
    const pending = apiFetch("/api/me", { schema: userResponseSchema });
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject({ id: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });

  it("does not retry a POST, nor a 500", async () => {
    const post = stubFetch(jsonResponse(503, { detail: "Service Unavailable" }));
    await failure(apiFetch("/api/urls", { method: "POST", body: {} }));
    expect(post).toHaveBeenCalledTimes(1);
    const get = stubFetch(jsonResponse(500, { detail: "Internal Server Error" }));
    const error = await failure(apiFetch("/api/me"));
    expect(get).toHaveBeenCalledTimes(1);
    expect(error.message).toBe(SERVER_ERROR_MESSAGE);
  });

  it("rejects a success body that breaks the contract", async () => {
    stubFetch(jsonResponse(200, { id: "not-a-number" }));
    const error = await failure(apiFetch("/api/me", { schema: userResponseSchema }));
    expect(error.kind).toBe("invalid-response");
  });
});
