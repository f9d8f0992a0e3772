/** A scope's rollups of one batch: one array per column, ready for unnest. */
export interface Counters {
  ids: number[];
  days: string[];
  clicks: number[];
  bots: number[];
}
export interface DimensionCounts {
  ids: number[];
  days: string[];
  dimensions: string[];
  values: string[];
  clicks: number[];
}
export interface VisitorKeys {
  ids: number[];
  days: string[];
  visitors: string[];
}
export interface ScopeRollup {
  counters: Counters;
  dimensions: DimensionCounts;
  visitors: VisitorKeys;
}
