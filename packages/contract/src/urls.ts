import { z } from "zod";
import { requestDateTime } from "./date-time.js";
import { validationIssueSchema } from "./errors.js";
import { longUrlSchema } from "./long-url.js";
import { customCodeSchema } from "./short-code.js";
import { tagSchema, tagsSchema } from "./tags.js";
import { wholeNumberParam } from "./whole-number.js";

const maxClicksSchema = z
  .number({ message: "value is not a valid integer" })
  .int({ message: "value is not a valid integer" })
  .min(1, { message: "ensure this value is greater than or equal to 1" })
  .max(2_000_000_000);

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
/** A link's password: 8 to 72 bytes (bcrypt reads no further), stored only as a hash. */
export const LINK_PASSWORD_MIN_BYTES = 8;
export const LINK_PASSWORD_MAX_BYTES = 72;
export const linkPasswordSchema = z
  .string({ message: "str type expected" })
  .refine((p) => utf8Bytes(p) >= LINK_PASSWORD_MIN_BYTES, { message: `ensure this value has at least ${LINK_PASSWORD_MIN_BYTES} bytes` })
  .refine((p) => utf8Bytes(p) <= LINK_PASSWORD_MAX_BYTES, { message: `ensure this value has at most ${LINK_PASSWORD_MAX_BYTES} bytes` });

export const REDIRECT_TYPES = [302, 301, 307, 308] as const;
export const redirectTypeSchema = z.union([z.literal(302), z.literal(301), z.literal(307), z.literal(308)], {
  message: "must be one of 302, 301, 307, 308",
});
export type RedirectType = (typeof REDIRECT_TYPES)[number];

export const createUrlRequestSchema = z.object({
  long_url: longUrlSchema,
  custom_code: customCodeSchema.optional(),
  /** Must be in the future; checked by the API against its clock. */
  expires_at: requestDateTime.nullish(),
  max_clicks: maxClicksSchema.nullish(),
  tags: tagsSchema.optional(),
  /** Visitors must type it before being redirected. */
  password: linkPasswordSchema.optional(),
  /** Add the visitor's query string to the destination (default true). */
  forward_query: z.boolean().optional(),
  /** Join /{code}/more/path to the destination's path (default false). */
  forward_path: z.boolean().optional(),
  redirect_type: redirectTypeSchema.optional(),
});
export type CreateUrlRequest = z.input<typeof createUrlRequestSchema>;
/** The request after validation (URL normalised), as the API receives it. */
export type CreateUrlInput = z.output<typeof createUrlRequestSchema>;

/** The contract's 201 body for POST /api/urls. */
export const createdUrlResponseSchema = z.object({
  short_code: z.string(),
  long_url: z.string(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime().nullable(),
  is_active: z.boolean(),
});
export type CreatedUrlResponse = z.infer<typeof createdUrlResponseSchema>;

export const LINK_STATES = ["active", "disabled", "expired", "limit_reached"] as const;
export const linkStateSchema = z.enum(LINK_STATES);
export type LinkState = z.infer<typeof linkStateSchema>;

/** A link as the dashboard lists it. */
export const linkItemSchema = createdUrlResponseSchema.extend({
  max_clicks: z.number().int().nullable(),
  total_clicks: z.number().int(),
  state: linkStateSchema,
  tags: z.array(z.string()),
  has_password: z.boolean(),
  /** Disabled by an administrator (abuse): it answers 410 and cannot be changed by its owner. */
  blocked: z.boolean(),
  forward_query: z.boolean(),
  forward_path: z.boolean(),
  redirect_type: redirectTypeSchema,
  /** Human visits counted against max_clicks (bots and previews never use one up); total_clicks counts every redirect. */
  clicks_used: z.number().int(),
});
export type LinkItem = z.infer<typeof linkItemSchema>;

export const LIST_MAX_LIMIT = 100;
export const LINK_SORTS = ["-created_at", "created_at", "-clicks", "clicks"] as const;
export const listUrlsQuerySchema = z.object({
  limit: wholeNumberParam(1, LIST_MAX_LIMIT).default(20),
  offset: wholeNumberParam(0, 1_000_000).default(0),
  /** Case-insensitive match on the code and the destination (% and _ match themselves). */
  q: z.string().trim().max(200).optional(),
  state: linkStateSchema.optional(),
  /** Links carrying this tag (compared case-insensitively). */
  tag: tagSchema.optional(),
  sort: z.enum(LINK_SORTS).default("-created_at"),
});
export type ListUrlsQuery = z.input<typeof listUrlsQuerySchema>;
export type ListUrlsQueryInput = z.output<typeof listUrlsQuerySchema>;

export const listUrlsResponseSchema = z.object({
  items: z.array(linkItemSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ListUrlsResponse = z.infer<typeof listUrlsResponseSchema>;

/** Every field optional; `null` clears expiry or the click limit. */
export const updateUrlRequestSchema = z
  .object({
    long_url: longUrlSchema.optional(),
    is_active: z.boolean().optional(),
    expires_at: requestDateTime.nullable().optional(),
    max_clicks: maxClicksSchema.nullable().optional(),
    /** Replaces the link's tags; `[]` removes them all. */
    tags: tagsSchema.optional(),
    /** Sets or changes the password; `null` removes it. */
    password: linkPasswordSchema.nullable().optional(),
    forward_query: z.boolean().optional(),
    forward_path: z.boolean().optional(),
    redirect_type: redirectTypeSchema.optional(),
  })
  .strict();
export type UpdateUrlRequest = z.input<typeof updateUrlRequestSchema>;
export type UpdateUrlInput = z.output<typeof updateUrlRequestSchema>;

/** Path parameter: format errors are the contract's 422 "Invalid short code format". */
export const shortCodeParamsSchema = z.object({ short_code: z.string() });

export const statsResponseSchema = z.object({
  short_code: z.string(),
  long_url: z.string(),
  total_clicks: z.number().int(),
  /** UTC day (YYYY-MM-DD) → clicks that day. */
  by_date: z.record(z.string(), z.number().int()),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;

/** POST /api/urls/bulk: 1 to 100 links at once; each item is checked on its own, so one bad item never sinks the others. */
export const MAX_BULK_URLS = 100;
export const bulkCreateRequestSchema = z.object({ urls: z.array(z.unknown()).min(1).max(MAX_BULK_URLS) });
export type BulkCreateRequest = z.input<typeof bulkCreateRequestSchema>;

/** One result per item, in order: the created link, or the status and `detail` a single create would have answered. */
export const bulkCreateResultSchema = z.union([
  z.object({ status: z.literal(201), url: createdUrlResponseSchema }),
  z.object({ status: z.number().int(), detail: z.union([z.string(), z.array(validationIssueSchema)]) }),
]);
export type BulkCreateResult = z.infer<typeof bulkCreateResultSchema>;
export const bulkCreateResponseSchema = z.object({ results: z.array(bulkCreateResultSchema) });
export type BulkCreateResponse = z.infer<typeof bulkCreateResponseSchema>;
