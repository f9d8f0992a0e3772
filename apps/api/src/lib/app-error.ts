import { ERROR_MESSAGES, ERROR_STATUS, rateLimitMessage, type ErrorCode, type ValidationIssue } from "@shortly/contract";

/**
 * Base of every error the API answers on purpose. The error handler sends
 * `{"detail": detail}` with the status the contract's table gives the code.
 */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string | ValidationIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === "string" ? detail : `${code}: ${JSON.stringify(detail)}`);
    this.name = new.target.name;
    this.statusCode = ERROR_STATUS[code];
  }
}

/** A 422 raised by a rule the schema cannot check (the clock, the config). */
export class ValidationFailedError extends AppError {
  static at(loc: ValidationIssue["loc"], msg: string, type: string): ValidationFailedError {
    return new ValidationFailedError("VALIDATION_FAILED", [{ loc, msg, type }]);
  }
}

/** The contract's 401 for any missing, bad or no-longer-valid credential. */
export class NotAuthenticatedError extends AppError {
  constructor() {
    super("NOT_AUTHENTICATED", ERROR_MESSAGES.NOT_AUTHENTICATED, { "www-authenticate": "Bearer" });
  }
}

/** 429 with the wait in words and in Retry-After. */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super("RATE_LIMITED", rateLimitMessage(seconds), { "retry-after": String(seconds) });
  }
}
