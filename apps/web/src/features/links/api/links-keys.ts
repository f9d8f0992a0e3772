// Query keys for everything about links, so mutations can invalidate precisely.
export const linksKeys = {
  all: ["links"] as const,
  list: (query: string) => ["links", "list", query] as const,
  tags: ["links", "tags"] as const,
  detail: (code: string) => ["links", "detail", code] as const,
  stats: (code: string) => ["links", "stats", code] as const,
};
