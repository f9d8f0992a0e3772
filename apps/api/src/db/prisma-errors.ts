import { Prisma } from "../generated/prisma/client.js";

/** A unique index refused the row (another request took the value first). */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** An update found no row to change (deleted, or no longer matching, meanwhile). */
export const isRecordMissing = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
