import { toValidationIssues } from "@shortly/contract";
import type { z } from "zod";
import { fieldErrorsFrom } from "./api-error";

/** Checks form values with the same contract schema the API uses; returns field errors or null. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } {
  const result = schema.safeParse(values, { reportInput: true });
  if (result.success) return { data: result.data, errors: null };
  return { data: null, errors: fieldErrorsFrom(toValidationIssues(result.error.issues, "body")) };
}
