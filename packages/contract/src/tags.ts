import { z } from "zod";

export const MAX_TAGS_PER_LINK = 10;
export const TAG_MAX_LENGTH = 32;
/** Letters and digits of any script (with their combining marks: Devanagari vowel signs, accents), space, `-` and `_`. */
export const TAG_PATTERN = /^(?:[\p{L}\p{N} _-]\p{M}*)+$/u;

/** One tag as written, in NFC (so "á" typed either way is one tag); surrounding spaces are dropped, runs of spaces kept as one. */
export const tagSchema = z
  .string({ message: "str type expected" })
  .transform((value) => value.normalize("NFC").trim().replace(/ {2,}/g, " "))
  .pipe(
    z
      .string()
      .min(1, { message: "ensure this value has at least 1 characters" })
      .max(TAG_MAX_LENGTH, { message: `ensure this value has at most ${TAG_MAX_LENGTH} characters` })
      .regex(TAG_PATTERN, { message: "a tag may hold letters, digits, spaces, - and _" }),
  );

/** Tags are compared case-insensitively: the key under which two spellings are one tag. */
export const tagKey = (tag: string): string => tag.toLowerCase();

/** A link's tags: up to 10, duplicates (in any case) dropped, the first spelling kept. */
export const tagsSchema = z
  .array(tagSchema, { message: "value is not a valid list" })
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((tag) => !seen.has(tagKey(tag)) && seen.add(tagKey(tag)));
  })
  .pipe(z.array(z.string()).max(MAX_TAGS_PER_LINK, { message: `ensure this value has at most ${MAX_TAGS_PER_LINK} items` }));

/** GET /api/tags: the account's tags with how many links carry each, most used first. */
export const tagCountSchema = z.object({ name: z.string(), count: z.number().int() });
export type TagCount = z.infer<typeof tagCountSchema>;
export const listTagsResponseSchema = z.object({ items: z.array(tagCountSchema) });
export type ListTagsResponse = z.infer<typeof listTagsResponseSchema>;
