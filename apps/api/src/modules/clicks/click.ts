/** A visit as the redirect saw it; enrichment happens later, in the writer. */
export interface NewClick {
  linkId: number;
  /** The link's owner and code: for the live feed, which needs no database round trip. */
  userId: number;
  code: string;
  clickedAt: Date;
  referrer: string | null;
  userAgent: string | null;
  ip: string | null;
}

/** A click ready to store: the raw IP is gone, its country, city and visitor key remain. */
export interface EnrichedClick {
  linkId: number;
  userId: number;
  code: string;
  clickedAt: Date;
  referrer: string | null;
  referrerHost: string | null;
  userAgent: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  country: string | null;
  city: string | null;
  isBot: boolean;
  /** Signed 64-bit visitor key as text; null without an IP. */
  visitor: string | null;
}

/** Where a batch ends in its spool, recorded in the same statement as the batch. */
export interface SpoolPosition {
  spoolId: string;
  lastSeq: number;
}
