// Successful answers that are not JSON, for the OpenAPI document only: their
// routes have no response schema for them (a schema would make Fastify
// serialize a redirect's empty body or a CSV stream), so the document would
// otherwise show those operations with nothing but errors.
// `type: "null"` is how @fastify/swagger writes a response without a body.
type Documented = Record<string, { description: string; type?: "null"; content?: Record<string, { schema: { type: string } }> }>;

const noBody = (description: string) => ({ description, type: "null" as const });

const CSV = { description: "The clicks as CSV, streamed, a header row first", content: { "text/csv": { schema: { type: "string" } } } };
const HTML_PAGE = {
  description: "A page for a person (the password form), when the client prefers HTML",
  content: { "text/html": { schema: { type: "string" } } },
};
const REDIRECT = {
  "301": noBody("Permanent redirect to the destination (`Location`), for links of that type"),
  "302": noBody("Redirect to the destination (`Location`): the default"),
  "307": noBody("Temporary redirect that keeps the method, for links of that type"),
  "308": noBody("Permanent redirect that keeps the method, for links of that type"),
};

const TABLE: Array<[method: string, url: string, responses: Documented]> = [
  ["GET", "/:code", { ...REDIRECT, "200": HTML_PAGE }],
  ["GET", "/:code/*", { ...REDIRECT, "200": HTML_PAGE }],
  ["POST", "/:code", { "302": noBody("The right password: redirect to the destination"), "200": HTML_PAGE }],
  ["POST", "/:code/*", { "302": noBody("The right password: redirect to the destination"), "200": HTML_PAGE }],
  ["GET", "/api/analytics/clicks.csv", { "200": CSV }],
  ["GET", "/api/urls/:short_code/clicks.csv", { "200": CSV }],
  ["GET", "/api/ws", { "101": noBody("Switching to the live-clicks WebSocket (send an Upgrade request)") }],
  ["GET", "/api/auth/social/:provider/initiate", { "302": noBody("Redirect to the provider's sign-in page") }],
  ["GET", "/api/auth/social/callback", { "302": noBody("Back to the web app, signed in or with the reason it failed") }],
];

/** The non-JSON successes of a route, to add to its documented responses (empty for most). */
export function nonJsonResponses(method: string | string[], url: string): Documented {
  const methods = Array.isArray(method) ? method : [method];
  return TABLE.find(([m, u]) => methods.includes(m) && u === url)?.[2] ?? {};
}
