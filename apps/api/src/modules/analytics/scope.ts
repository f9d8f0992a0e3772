/** Whose clicks: one link, or every link of an account. */
export type Scope = { linkId: number } | { userId: number };

/** Inclusive UTC days as "YYYY-MM-DD". */
export interface DayRange {
  from: string;
  to: string;
}
