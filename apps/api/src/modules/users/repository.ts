import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";

export interface UserRecord {
  id: number;
  email: string;
  isActive: boolean;
  plan: string;
  createdAt: Date;
}

const publicFields = { id: true, email: true, isActive: true, plan: true, createdAt: true } as const;

export class DuplicateEmailError extends Error {}

export function createUsersRepository(db: Db) {
  return {
    findById(id: number): Promise<UserRecord | null> {
      return db.user.findUnique({ where: { id }, select: publicFields });
    },

    /** The only read that returns the password hash: login needs it. */
    findCredentialsByEmail(email: string) {
      return db.user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
    },

    async create(email: string, passwordHash: string | null): Promise<UserRecord> {
      try {
        return await db.user.create({ data: { email, passwordHash }, select: publicFields });
      } catch (error) {
        // The unique index decides races between two sign-ups with one email.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          throw new DuplicateEmailError(email);
        }
        throw error;
      }
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
