import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

export class AdminRequiredError extends AppError {
  constructor() {
    super("ADMIN_REQUIRED", ERROR_MESSAGES.ADMIN_REQUIRED);
  }
}

export class UserNotFoundError extends AppError {
  constructor() {
    super("USER_NOT_FOUND", ERROR_MESSAGES.USER_NOT_FOUND);
  }
}

export class BlockedHostNotFoundError extends AppError {
  constructor() {
    super("BLOCKED_HOST_NOT_FOUND", ERROR_MESSAGES.BLOCKED_HOST_NOT_FOUND);
  }
}

/** An admin disabling their own account would lock themselves out, and could leave no admin at all. */
export class CannotDisableSelfError extends AppError {
  constructor() {
    super("CANNOT_DISABLE_SELF", ERROR_MESSAGES.CANNOT_DISABLE_SELF);
  }
}
