/** Why a string cannot be stored as sent. */
export type UnstorableText = "nul" | "lone-surrogate";

// In "u" mode a paired surrogate is one astral code point; only a lone one matches.
const LONE_SURROGATE = /\p{Surrogate}/u;

function unstorable(text: string): UnstorableText | null {
  if (text.includes("\u0000")) return "nul";
  return LONE_SURROGATE.test(text) ? "lone-surrogate" : null;
}

/**
 * Text that cannot be stored as sent, in any validated part of any request:
 * PostgreSQL refuses U+0000 in text, and a lone UTF-16 surrogate (which JSON's
 * "\ud800" escape can carry) is no Unicode text at all: the database driver
 * refuses it, or it would be stored as U+FFFD and then mean something else
 * (two passwords that differ only there would be one). No field of ours means
 * either, so one rule refuses both before any query sees them.
 */
export function findUnstorableText(input: unknown): { path: (string | number)[]; problem: UnstorableText } | null {
  // A loop, not recursion: a deeply nested body must not overflow the stack.
  const pending: Array<{ value: unknown; path: (string | number)[] }> = [{ value: input, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      const problem = unstorable(value);
      if (problem) return { path, problem };
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const problem = unstorable(key);
        if (problem) return { path: [...path, key], problem };
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}
