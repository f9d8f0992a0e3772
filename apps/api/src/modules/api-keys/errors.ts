import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

export class ApiKeyNotFoundError extends AppError {
  constructor() {
    super("API_KEY_NOT_FOUND", ERROR_MESSAGES.API_KEY_NOT_FOUND);
  }
}

export class ApiKeyLimitReachedError extends AppError {
  constructor() {
    super("API_KEY_LIMIT_REACHED", ERROR_MESSAGES.API_KEY_LIMIT_REACHED);
  }
}
