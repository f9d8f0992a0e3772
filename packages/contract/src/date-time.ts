import { z } from "zod";

/** The last moment a client may name: ISO 8601 and PostgreSQL both write it back with four-digit years. */
export const LATEST_DATE_TIME = "9999-12-31T23:59:59.999Z";

/**
 * A moment a client sends (an expiry): ISO 8601 with `Z` or an offset.
 * An offset can carry a valid-looking string past year 9999 in UTC
 * ("9999-12-31T23:00:00-23:00"), which nothing downstream can store.
 */
export const requestDateTime = z.iso
  .datetime({ offset: true, message: "invalid datetime", abort: true })
  .refine((value) => Date.parse(value) <= Date.parse(LATEST_DATE_TIME), { message: `must not be later than ${LATEST_DATE_TIME}` });

/** The first and last days a date range may name: no click is older, and later years cannot be written back. */
export const EARLIEST_DAY = "1970-01-01";
export const LATEST_DAY = "9999-12-30";

/** A UTC day, YYYY-MM-DD, on the calendar (zod's pattern knows month lengths and leap years), between EARLIEST_DAY and LATEST_DAY. */
export const requestDay = z.iso
  .date({ message: "invalid date, expected YYYY-MM-DD", abort: true })
  .refine((day) => day >= EARLIEST_DAY && day <= LATEST_DAY, { message: `must lie between ${EARLIEST_DAY} and ${LATEST_DAY}` });
