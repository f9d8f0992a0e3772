// Query keys for everything about links, so mutations can invalidate precisely.
export const linksKeys = {
  all: ["links"] as const,
  list: (limit: number, offset: number) => ["links", "list", limit, offset] as const,
  detail: (code: string) => ["links", "detail", code] as const,
  stats: (code: string) => ["links", "stats", code] as const,
};
