/** A link as the module reads it. */
export interface LinkRecord {
  id: number;
  code: string;
  longUrl: string;
  userId: number;
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  clicksUsed: number;
  tags: string[];
  /** bcrypt; null when the link has no password. */
  passwordHash: string | null;
  blockedAt: Date | null;
  forwardQuery: boolean;
  forwardPath: boolean;
  redirectType: number;
  createdAt: Date;
}

/** The columns Prisma selects for a LinkRecord. */
export const linkFields = {
  id: true,
  code: true,
  longUrl: true,
  userId: true,
  isActive: true,
  expiresAt: true,
  maxClicks: true,
  clicksUsed: true,
  tags: true,
  passwordHash: true,
  blockedAt: true,
  forwardQuery: true,
  forwardPath: true,
  redirectType: true,
  createdAt: true,
} as const;
