/**
 * PostgreSQL cannot store U+0000 in text, and no field of ours means it: one
 * rule for every validated part of every request, so none reaches a query.
 */
export function findNulCharacter(input: unknown): (string | number)[] | null {
  // A loop, not recursion: a deeply nested body must not overflow the stack.
  const pending: Array<{ value: unknown; path: (string | number)[] }> = [{ value: input, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes("\u0000")) return [...path, key];
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}
