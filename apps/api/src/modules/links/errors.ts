import { ERROR_MESSAGES, planLimitMessage } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

export class LinkNotFoundError extends AppError {
  constructor() {
    super("LINK_NOT_FOUND", ERROR_MESSAGES.LINK_NOT_FOUND);
  }
}

export class LinkGoneError extends AppError {
  constructor() {
    super("LINK_GONE", ERROR_MESSAGES.LINK_GONE);
  }
}

export class InvalidShortCodeError extends AppError {
  constructor() {
    super("INVALID_SHORT_CODE", ERROR_MESSAGES.INVALID_SHORT_CODE);
  }
}

export class CodeTakenError extends AppError {
  constructor() {
    super("CODE_TAKEN", ERROR_MESSAGES.CODE_TAKEN);
  }
}

export class PlanLimitReachedError extends AppError {
  constructor(limit: number) {
    super("PLAN_LIMIT_REACHED", planLimitMessage(limit));
  }
}

/** The owner may not change a link an administrator disabled. */
export class LinkBlockedByAdminError extends AppError {
  constructor() {
    super("LINK_BLOCKED_BY_ADMIN", ERROR_MESSAGES.LINK_BLOCKED_BY_ADMIN);
  }
}

/** A visit to a blocked link. */
export class LinkBlockedError extends AppError {
  constructor() {
    super("LINK_BLOCKED", ERROR_MESSAGES.LINK_BLOCKED);
  }
}
