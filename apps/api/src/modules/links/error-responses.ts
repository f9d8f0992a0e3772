import { errorBodySchema } from "@shortly/contract";

/** The error answers every links route documents: not signed in, not found (or not yours), invalid. */
export const errors = { 401: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
