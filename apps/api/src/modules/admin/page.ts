/** One page of a listing, as the admin API's `limit` and `offset` ask for it. */
export interface Page {
  limit: number;
  offset: number;
}
