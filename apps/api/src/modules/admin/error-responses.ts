import { errorBodySchema } from "@shortly/contract";

/** The error answers every admin route documents: not signed in, not an admin, not found, invalid. */
export const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
