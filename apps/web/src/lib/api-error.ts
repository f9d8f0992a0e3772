import type { ValidationIssue } from "@shortly/contract";

export const NETWORK_ERROR_MESSAGE = "Network error. Please check your connection.";
export const UNAVAILABLE_MESSAGE = "The service is temporarily unavailable. Please try again in a moment.";
export const SERVER_ERROR_MESSAGE = "Something went wrong on our side. It has been logged; please try again later.";

export type ApiErrorKind = "network" | "unavailable" | "http" | "validation" | "invalid-response";

/** Every failure of apiFetch, with a message fit to show a person. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field → message, from a 422's `detail[].loc`. */
  fieldErrors(): Record<string, string> {
    return fieldErrorsFrom(this.issues);
  }
}

/** Field → human message; `loc` is [body|query|path, field, ...]. The first problem per field wins. */
export function fieldErrorsFrom(issues: readonly ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.loc.slice(1).join(".");
    if (field && !(field in fields)) fields[field] = humanise(issue);
  }
  return fields;
}

const MESSAGES: Record<string, string> = {
  "value_error.missing": "This field is required.",
  "value_error.email": "Enter a valid email address.",
  "value_error.url.scheme": "Enter a full web address starting with http:// or https://.",
  "value_error.url": "Enter a valid web address.",
  "value_error.url.host": "This address can't be shortened here.",
  "value_error.reserved": "This code is reserved. Choose another one.",
  "value_error.str.regex": "Use 3–32 letters, digits, '-' or '_'.",
  "value_error.datetime.past": "Choose a date in the future.",
  "value_error.number.not_ge": "Enter a number of at least 1.",
};

function humanise(issue: ValidationIssue): string {
  if (issue.msg === "field required") return "This field is required.";
  if (issue.type === "value_error.any_str.min_length" && issue.loc.at(-1) === "password") {
    return "Use at least 8 characters.";
  }
  return MESSAGES[issue.type] ?? capitalise(issue.msg);
}

const capitalise = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) + (text.endsWith(".") ? "" : ".") : text);
