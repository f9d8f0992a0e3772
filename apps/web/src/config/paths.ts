// The SPA's route table. The first segments are reserved in @shortly/contract,
// which the API and nginx use to tell pages from short codes.
export const paths = {
  home: "/",
  login: "/login",
  register: "/register",
  /** The account's analytics: the default page after login. */
  dashboard: "/dashboard",
  /** The link manager. */
  links: "/links",
  account: "/account",
  /** The operators' console (admins only). */
  admin: "/admin",
  /** Anyone may report a harmful short link here. */
  report: "/report",
  link: (code: string) => `/links/${encodeURIComponent(code)}`,
} as const;

export const shortUrlFor = (code: string): string => `${window.location.origin}/${code}`;
