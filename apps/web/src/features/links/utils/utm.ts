export const UTM_FIELDS = ["source", "medium", "campaign", "term", "content"] as const;
export type UtmField = (typeof UTM_FIELDS)[number];
export type Utm = Partial<Record<UtmField, string>>;

/**
 * The destination with the UTM parameters filled in added as `utm_<field>`
 * (an existing one of the same name is replaced: the builder is where the
 * owner sets them). Null when the URL cannot be parsed.
 */
export function withUtm(longUrl: string, utm: Utm): string | null {
  let url: URL;
  try {
    url = new URL(longUrl.trim());
  } catch {
    return null;
  }
  for (const field of UTM_FIELDS) {
    const value = utm[field]?.trim();
    if (value) url.searchParams.set(`utm_${field}`, value);
  }
  return url.toString();
}

export const hasUtm = (utm: Utm) => UTM_FIELDS.some((field) => utm[field]?.trim());
