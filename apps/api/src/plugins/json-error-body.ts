import { ERROR_MESSAGES } from "@shortly/contract";

/** Headers of an error answered below Fastify's reply (on the socket, or on Node's response). */
export const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "x-content-type-options": "nosniff" };

/** The contract's error body for one of its codes, serialized. */
export const bodyOf = (code: keyof typeof ERROR_MESSAGES) => JSON.stringify({ detail: ERROR_MESSAGES[code] });
