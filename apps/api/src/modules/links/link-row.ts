import type { LinkRecord } from "./link-record.js";

/** A link as raw SQL returns it, for the queries Prisma's builder cannot write. */
export interface LinkRow {
  id: number;
  code: string;
  long_url: string;
  user_id: number;
  is_active: boolean;
  expires_at: Date | null;
  max_clicks: number | null;
  clicks_used: number;
  tags: string[];
  password_hash: string | null;
  blocked_at: Date | null;
  forward_query: boolean;
  forward_path: boolean;
  redirect_type: number;
  created_at: Date;
}

export const fromRow = (r: LinkRow): LinkRecord => ({
  id: r.id,
  code: r.code,
  longUrl: r.long_url,
  userId: r.user_id,
  isActive: r.is_active,
  expiresAt: r.expires_at,
  maxClicks: r.max_clicks,
  clicksUsed: r.clicks_used,
  tags: r.tags,
  passwordHash: r.password_hash,
  blockedAt: r.blocked_at,
  forwardQuery: r.forward_query,
  forwardPath: r.forward_path,
  redirectType: r.redirect_type,
  createdAt: r.created_at,
});
