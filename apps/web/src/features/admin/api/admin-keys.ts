// Query keys of the operators' console, so an action refreshes what it changed.
export const adminKeys = {
  all: ["admin"] as const,
  users: (query: string) => ["admin", "users", query] as const,
  links: (query: string) => ["admin", "links", query] as const,
  hosts: (query: string) => ["admin", "hosts", query] as const,
  reports: ["admin", "reports"] as const,
  audit: ["admin", "audit"] as const,
};
