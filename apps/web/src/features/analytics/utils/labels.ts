// Display names for breakdown values; the API sends codes and null for unknown.
let regionNames: Intl.DisplayNames | null = null;

export function countryName(code: string | null): string {
  if (!code) return "Unknown";
  try {
    regionNames ??= new Intl.DisplayNames(undefined, { type: "region" });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The flag emoji of an ISO 3166-1 alpha-2 code (regional indicator letters); empty for anything else. */
export function countryFlag(code: string | null): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return "";
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export const referrerLabel = (host: string | null) => host ?? "Direct or unknown";
export const plainLabel = (value: string | null) => value ?? "Unknown";
export const deviceLabel = (value: string | null) => (value ? value[0]!.toUpperCase() + value.slice(1) : "Unknown");
