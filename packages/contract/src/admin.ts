import { z } from "zod";
import { planSchema } from "./auth.js";
import { LINK_STATES } from "./urls.js";
import { wholeNumberParam } from "./whole-number.js";

export const ROLES = ["user", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const page = {
  limit: wholeNumberParam(1, 100).default(20),
  offset: wholeNumberParam(0, 1_000_000).default(0),
};
const reasonSchema = z.string().trim().max(500, { message: "ensure this value has at most 500 characters" });
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

// Users and plans
export const adminUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  plan: planSchema,
  role: roleSchema,
  is_active: z.boolean(),
  created_at: z.iso.datetime(),
  link_count: z.number().int(),
  last_login_at: z.iso.datetime().nullable(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const listAdminUsersQuerySchema = z.object({
  ...page,
  /** Part of the email, case-insensitive. */
  q: z.string().trim().max(254).optional(),
  plan: planSchema.optional(),
  status: z.enum(["active", "disabled"]).optional(),
});
export type ListAdminUsersQuery = z.input<typeof listAdminUsersQuerySchema>;
export const listAdminUsersResponseSchema = pageOf(adminUserSchema);
export type ListAdminUsersResponse = z.infer<typeof listAdminUsersResponseSchema>;
export const updateAdminUserRequestSchema = z
  .object({ plan: planSchema.optional(), is_active: z.boolean().optional(), reason: reasonSchema.optional() })
  .strict();
export type UpdateAdminUserRequest = z.input<typeof updateAdminUserRequestSchema>;
export const adminUserParamsSchema = z.object({ id: wholeNumberParam(1, 2_147_483_647) });

// Links and abuse
export const ADMIN_LINK_STATES = [...LINK_STATES, "blocked"] as const;
export const adminLinkSchema = z.object({
  short_code: z.string(),
  long_url: z.string(),
  owner_email: z.string(),
  state: z.enum(LINK_STATES),
  blocked: z.boolean(),
  blocked_reason: z.string().nullable(),
  total_clicks: z.number().int(),
  created_at: z.iso.datetime(),
});
export type AdminLink = z.infer<typeof adminLinkSchema>;
export const listAdminLinksQuerySchema = z.object({
  ...page,
  /** Part of the code, the destination or the owner's email, case-insensitive. */
  q: z.string().trim().max(200).optional(),
  /** A destination host; its subdomains match too. */
  host: z.string().trim().max(253).optional(),
  state: z.enum(ADMIN_LINK_STATES).optional(),
});
export type ListAdminLinksQuery = z.input<typeof listAdminLinksQuerySchema>;
export const listAdminLinksResponseSchema = pageOf(adminLinkSchema);
export type ListAdminLinksResponse = z.infer<typeof listAdminLinksResponseSchema>;
export const updateAdminLinkRequestSchema = z.object({ blocked: z.boolean(), reason: reasonSchema.optional() }).strict();
export type UpdateAdminLinkRequest = z.input<typeof updateAdminLinkRequestSchema>;

export const blockedHostSchema = z.object({ host: z.string(), reason: z.string(), created_at: z.iso.datetime() });
export type BlockedHost = z.infer<typeof blockedHostSchema>;
export const createBlockedHostRequestSchema = z.object({
  /** A host name or a URL; stored as its normalised host name. */
  host: z.string().trim().min(1, { message: "field required" }).max(2048),
  reason: reasonSchema.default(""),
});
export type CreateBlockedHostRequest = z.input<typeof createBlockedHostRequestSchema>;
export const listBlockedHostsQuerySchema = z.object({
  ...page,
  /** Part of the host name, case-insensitive. */
  q: z.string().trim().max(253).optional(),
});
export type ListBlockedHostsQuery = z.input<typeof listBlockedHostsQuerySchema>;
export const listBlockedHostsResponseSchema = pageOf(blockedHostSchema);
export const blockedHostParamsSchema = z.object({ host: z.string().max(2048) });

export const linkReportSchema = z.object({
  id: z.number().int(),
  short_code: z.string(),
  long_url: z.string(),
  reason: z.string(),
  created_at: z.iso.datetime(),
  link_state: z.enum(LINK_STATES),
  blocked: z.boolean(),
});
export type LinkReport = z.infer<typeof linkReportSchema>;
export const listLinkReportsResponseSchema = pageOf(linkReportSchema);
export type ListLinkReportsResponse = z.infer<typeof listLinkReportsResponseSchema>;
export const pageQuerySchema = z.object(page);

/** POST /api/reports: anyone may report a short link (by its URL or code). */
export const createReportRequestSchema = z.object({
  link: z.string().trim().min(1, { message: "field required" }).max(2048),
  reason: z
    .string()
    .trim()
    .min(10, { message: "ensure this value has at least 10 characters" })
    .max(1000, { message: "ensure this value has at most 1000 characters" }),
});
export type CreateReportRequest = z.input<typeof createReportRequestSchema>;
export const createReportResponseSchema = z.object({ short_code: z.string() });

// The audit log
export const auditEntrySchema = z.object({
  id: z.number().int(),
  actor_email: z.string(),
  action: z.string(),
  target: z.string(),
  reason: z.string(),
  created_at: z.iso.datetime(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const listAuditResponseSchema = pageOf(auditEntrySchema);
export type ListAuditResponse = z.infer<typeof listAuditResponseSchema>;
