import { z } from "zod";

/** One entry of a 422 body, in FastAPI's shape. */
export const validationIssueSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** Every error body the API sends: a message, or a list of field problems (422). */
export const errorBodySchema = z.object({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * Stable error codes and the status each one answers with. The wire carries
 * only `detail` (the contract's bodies are byte for byte); the code is for
 * logs and for code on both sides that must not match on message text.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  MALFORMED_URL: 400,
  BAD_WEBSOCKET_HANDSHAKE: 400,
  MISSING_HOST: 400,
  INVALID_CREDENTIALS: 401,
  NOT_AUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  LINK_PASSWORD_REQUIRED: 401,
  LINK_PASSWORD_WRONG: 401,
  PLAN_LIMIT_REACHED: 403,
  API_KEY_LIMIT_REACHED: 403,
  API_KEYS_NOT_ALLOWED: 403,
  ADMIN_REQUIRED: 403,
  LINK_BLOCKED_BY_ADMIN: 403,
  USER_NOT_FOUND: 404,
  CANNOT_DISABLE_SELF: 409,
  BLOCKED_HOST_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  NOT_FOUND: 404,
  LINK_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  EMAIL_TAKEN: 409,
  CODE_TAKEN: 409,
  LINK_GONE: 410,
  LINK_BLOCKED: 410,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  EXPECTATION_FAILED: 417,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UPGRADE_REQUIRED: 426,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  VALIDATION_FAILED: 422,
  INVALID_SHORT_CODE: 422,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The contract's exact messages. */
export const ERROR_MESSAGES = {
  INVALID_CREDENTIALS: "Incorrect email or password",
  NOT_AUTHENTICATED: "Could not validate credentials",
  EMAIL_TAKEN: "Email already registered",
  CODE_TAKEN: "Short code already in use",
  LINK_NOT_FOUND: "Short URL not found",
  LINK_GONE: "Short URL has expired or reached its click limit",
  INVALID_SHORT_CODE: "Invalid short code format",
  LINK_PASSWORD_REQUIRED: "This link is protected by a password",
  LINK_PASSWORD_WRONG: "Incorrect password for this link",
  SESSION_EXPIRED: "Session has expired or was signed out. Please log in again.",
  NOT_FOUND: "Not Found",
  API_KEY_LIMIT_REACHED: "API key limit reached: revoke a key before creating another (at most 20)",
  API_KEYS_NOT_ALLOWED: "API keys cannot do this",
  ADMIN_REQUIRED: "Admin access required",
  LINK_BLOCKED_BY_ADMIN: "This link was disabled by an administrator and cannot be changed",
  USER_NOT_FOUND: "User not found",
  CANNOT_DISABLE_SELF: "You cannot disable your own account: another administrator must",
  BLOCKED_HOST_NOT_FOUND: "Blocked host not found",
  LINK_BLOCKED: "This link has been disabled",
  API_KEY_NOT_FOUND: "API key not found",
  METHOD_NOT_ALLOWED: "Method Not Allowed",
  PAYLOAD_TOO_LARGE: "Request body is too large",
  BAD_REQUEST: "Bad Request",
  MALFORMED_URL: "The URL is not valid percent-encoded UTF-8",
  REQUEST_TIMEOUT: "Request Timeout",
  URI_TOO_LONG: "URI Too Long",
  UPGRADE_REQUIRED: "This endpoint is a WebSocket: connect with an Upgrade request",
  BAD_WEBSOCKET_HANDSHAKE: "Invalid WebSocket handshake",
  MISSING_HOST: "An HTTP/1.1 request must carry a Host header",
  EXPECTATION_FAILED: "Expectation Failed: only 100-continue is understood",
  HEADERS_TOO_LARGE: "Request Header Fields Too Large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported Media Type",
  INTERNAL: "Internal Server Error",
  SERVICE_UNAVAILABLE: "Service Unavailable",
} as const satisfies Partial<Record<ErrorCode, string>>;

export function planLimitMessage(limit: number): string {
  return `Free plan limit: You can only create up to ${limit} URLs`;
}

/** The 429 message; the Retry-After header carries the same wait in seconds. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}

export type IssueLocation = "body" | "path" | "query" | "header";

/** zod's default size messages ("Too small: expected …"); a schema's own message is kept as written. */
const isZodDefault = (message: string) => message.startsWith("Too small:") || message.startsWith("Too big:");

/**
 * Turns zod issues into FastAPI-style entries. Parse with
 * `{ reportInput: true }` so a missing field reads "field required".
 */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[], location: IssueLocation): ValidationIssue[] {
  return issues.map((issue) => {
    const loc = [location, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const params = "params" in issue ? (issue.params as { type?: unknown } | undefined) : undefined;
    if (typeof params?.type === "string") {
      return { loc, msg: issue.message, type: params.type };
    }
    if (issue.code === "invalid_type" && issue.input === undefined) {
      return { loc, msg: "field required", type: "value_error.missing" };
    }
    if (issue.code === "invalid_format" && issue.format === "email") {
      return { loc, msg: "value is not a valid email address", type: "value_error.email" };
    }
    if (issue.code === "invalid_format" && issue.format === "regex") {
      return { loc, msg: issue.message, type: "value_error.str.regex" };
    }
    if (issue.code === "too_small" || issue.code === "too_big") {
      const small = issue.code === "too_small";
      const limit = small ? issue.minimum : issue.maximum;
      if (issue.origin === "array" || issue.origin === "set") {
        // zod's own wording ("Too small: expected array to have >=1 items") in pydantic's, as the rest reads.
        const msg = isZodDefault(issue.message) ? `ensure this value has ${small ? "at least" : "at most"} ${limit} items` : issue.message;
        return { loc, msg, type: `value_error.list.${small ? "min_items" : "max_items"}` };
      }
      const kind = issue.origin === "number" || issue.origin === "int" ? "number" : "any_str";
      const bound = small ? (kind === "number" ? "not_ge" : "min_length") : kind === "number" ? "not_le" : "max_length";
      const msg = !isZodDefault(issue.message)
        ? issue.message
        : kind === "number"
          ? `ensure this value is ${small ? "greater" : "less"} than or equal to ${limit}`
          : `ensure this value has ${small ? "at least" : "at most"} ${limit} characters`;
      return { loc, msg, type: `value_error.${kind}.${bound}` };
    }
    return { loc, msg: issue.message, type: `value_error.${issue.code}` };
  });
}
