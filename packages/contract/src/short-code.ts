import { z } from "zod";

/** Every short code, generated or custom, must match this. */
export const SHORT_CODE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

/** Generated codes: 7 characters of base62 (62^7 ≈ 3.5e12 codes). */
export const GENERATED_CODE_LENGTH = 7;
export const BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * First path segments the product itself owns: the SPA's routes, the API, and
 * files served at the root. A short code may never equal one of them
 * (compared case-insensitively), so `/{code}` can never shadow a page.
 * nginx's routing is tested against this list.
 */
export const RESERVED_PATHS = [
  "about",
  "account",
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "dashboard",
  "docs",
  "health",
  "help",
  "index",
  "links",
  "login",
  "logout",
  "me",
  "not-found",
  "pricing",
  "privacy",
  "register",
  "report",
  "settings",
  "signup",
  "static",
  "status",
  "terms",
  "ws",
] as const;

const reserved = new Set<string>(RESERVED_PATHS);

export function isReservedCode(code: string): boolean {
  return reserved.has(code.toLowerCase());
}

export function isValidShortCodeFormat(code: string): boolean {
  return SHORT_CODE_PATTERN.test(code);
}

/** A custom code chosen by a user: right format and not reserved. */
export const customCodeSchema = z
  .string()
  .regex(SHORT_CODE_PATTERN, { message: "must be 3-32 characters: letters, digits, '-' or '_'" })
  .refine((code) => !isReservedCode(code), {
    message: "this code is reserved",
    params: { type: "value_error.reserved" },
  });
