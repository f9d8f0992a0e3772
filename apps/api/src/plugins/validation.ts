import type { IssueLocation } from "@shortly/contract";
import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { findUnstorableText, type UnstorableText } from "../lib/unstorable-text.js";

const UNSTORABLE: Record<UnstorableText, { message: string; type: string }> = {
  nul: { message: "NUL characters are not allowed", type: "value_error.str.nul" },
  "lone-surrogate": { message: "Text must be valid Unicode (a lone surrogate was sent)", type: "value_error.str.surrogate" },
};

const LOCATIONS: Record<string, IssueLocation> = {
  body: "body",
  querystring: "query",
  params: "path",
  headers: "header",
};

/** A request part failed its contract schema: answered as a FastAPI-style 422. */
export class RequestValidationError extends Error {
  readonly statusCode = 422;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly location: IssueLocation,
  ) {
    super(`request ${location} failed validation`);
    this.name = "RequestValidationError";
  }
}

/**
 * Validates with the contract's zod schemas. `reportInput` keeps each issue's
 * input so a missing field can be told apart from a wrong one.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    // Fastify hands over an absent body as null; report it as missing.
    const input = httpPart === "body" && data === null ? undefined : data;
    const location = LOCATIONS[httpPart ?? "body"] ?? "body";
    const unstorable = findUnstorableText(input);
    if (unstorable) {
      const { message, type } = UNSTORABLE[unstorable.problem];
      const issue = { code: "custom", path: unstorable.path, message, params: { type } } as z.core.$ZodIssue;
      return { error: new RequestValidationError([issue], location) };
    }
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, location) };
  };
