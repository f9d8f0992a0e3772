import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError, RateLimitedError } from "../../lib/app-error.js";

/** 401 for an API client visiting a password-protected link. */
export class LinkPasswordRequiredError extends AppError {
  constructor() {
    super("LINK_PASSWORD_REQUIRED", ERROR_MESSAGES.LINK_PASSWORD_REQUIRED);
  }
}

export class WrongLinkPasswordError extends AppError {
  constructor() {
    super("LINK_PASSWORD_WRONG", ERROR_MESSAGES.LINK_PASSWORD_WRONG);
  }
}

/** 429 for too many passwords tried on one link from one address; carries the wait for the page a browser is shown. */
export class TooManyPasswordAttempts extends RateLimitedError {
  constructor(readonly seconds: number) {
    super(seconds);
  }
}
