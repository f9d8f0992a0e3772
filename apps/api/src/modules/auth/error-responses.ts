import { errorBodySchema } from "@shortly/contract";

/** The error answers of the routes that sign in: not authenticated, invalid, rate-limited. */
export const errors = { 401: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema };
