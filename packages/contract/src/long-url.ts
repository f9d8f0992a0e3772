import { z } from "zod";

export const LONG_URL_MAX_LENGTH = 2048;

const ALLOWED_PROTOCOLS = new Set(["http:", "https:"]);

/**
 * A destination URL: absolute http(s) with a host, at most 2048 characters.
 * The output is the WHATWG-normalised href, which is always valid ASCII and
 * safe to put in a Location header.
 */
export const longUrlSchema = z
  .string()
  .trim()
  .min(1, { message: "field required" })
  .max(LONG_URL_MAX_LENGTH, { message: `ensure this value has at most ${LONG_URL_MAX_LENGTH} characters` })
  .transform((value, ctx) => {
    const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
    const scheme = schemeMatch?.[1]?.toLowerCase();
    if (!scheme || !ALLOWED_PROTOCOLS.has(`${scheme}:`)) {
      ctx.addIssue({
        code: "custom",
        message: "invalid or missing URL scheme",
        params: { type: "value_error.url.scheme" },
      });
      return z.NEVER;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "invalid URL format", params: { type: "value_error.url" } });
      return z.NEVER;
    }
    if (!url.hostname) {
      ctx.addIssue({ code: "custom", message: "URL host invalid", params: { type: "value_error.url.host" } });
      return z.NEVER;
    }
    if (url.href.length > LONG_URL_MAX_LENGTH) {
      ctx.addIssue({
        code: "custom",
        message: `ensure this value has at most ${LONG_URL_MAX_LENGTH} characters`,
        params: { type: "value_error.any_str.max_length" },
      });
      return z.NEVER;
    }
    return url.href;
  });
