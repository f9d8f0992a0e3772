import { useRef, useState, type ReactNode } from "react";
import type { z } from "zod";
import { ApiError } from "./api-error";
import { focusFirstInvalid } from "./focus";
import { validate } from "./validate";

/**
 * The error handling every form shares: check values with the contract's
 * schema before sending, put 422s next to their fields, show anything else
 * above the form, and move focus to the first invalid field.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const showFieldErrors = (fields: Record<string, string>) => {
    setErrors(fields);
    focusFirstInvalid(formRef.current);
  };

  /** The parsed values, or null after showing what is wrong. */
  function check<S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null {
    setFormError(null);
    const result = validate(schema, values);
    if (result.errors) {
      showFieldErrors(result.errors);
      return null;
    }
    setErrors({});
    return result.data;
  }

  /** An API failure: field errors for a 422, else the message for its status (or the API's own words). */
  function showApiError(error: unknown, messageByStatus: Record<number, ReactNode> = {}): void {
    if (error instanceof ApiError && error.kind === "validation") return showFieldErrors(error.fieldErrors());
    if (error instanceof ApiError) return setFormError(messageByStatus[error.status] ?? error.message);
    setFormError(String(error));
  }

  return { errors, formError, formRef, check, showFieldErrors, showApiError, setFormError };
}
