// The package's public surface: everything on the wire between the SPA and the API.
export * from "./admin.js";
export * from "./analytics.js";
export * from "./api-keys.js";
export * from "./auth.js";
export * from "./date-time.js";
export * from "./errors.js";
export * from "./live.js";
export * from "./long-url.js";
export * from "./short-code.js";
export * from "./spa-routes.js";
export * from "./system.js";
export * from "./tags.js";
export * from "./urls.js";
