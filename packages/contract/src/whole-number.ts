import { z } from "zod";

const DECIMAL = /^\d{1,15}$/;

/**
 * A whole number in a path or query parameter, written in decimal digits.
 * `z.coerce.number()` alone takes whatever Number() does: "0x10", "1e3",
 * " 5", and "" as 0. Anything but digits is refused as not a number.
 */
export const wholeNumberParam = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && !DECIMAL.test(value) ? Number.NaN : value),
    // The schema's own error would word every issue; only a non-number is "not a valid integer", bounds say their bound.
    z.coerce
      .number({ error: (issue) => (issue.code === "invalid_type" ? "value is not a valid integer" : undefined) })
      .int({ error: "value is not a valid integer" })
      .min(min)
      .max(max),
  );
