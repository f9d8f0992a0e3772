// Query keys of the operators' console, so an action refreshes what it changed.
export const adminKeys = {
  all: ["admin"] as const,
  users: (query: string) => ["admin", "users", query] as const,
  links: (query: string) => ["admin", "links", query] as const,
  hosts: ["admin", "hosts"] as const,
  reports: ["admin", "reports"] as const,
  audit: ["admin", "audit"] as const,
};
