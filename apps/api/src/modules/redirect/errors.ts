import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

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
