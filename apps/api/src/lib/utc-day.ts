/** Analytics count by UTC day; days travel as "YYYY-MM-DD". */
export const DAY_MS = 86_400_000;

/** The UTC day ("YYYY-MM-DD") of an epoch-milliseconds instant. */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
