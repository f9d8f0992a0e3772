import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";

export interface UserRecord {
  id: number;
  email: string;
  isActive: boolean;
  plan: string;
  role: string;
  createdAt: Date;
}

const publicFields = { id: true, email: true, isActive: true, plan: true, role: true, createdAt: true } as const;

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

    async recordLogin(id: number): Promise<void> {
      await db.user.updateMany({ where: { id }, data: { lastLoginAt: new Date() } });
    },

    /** Makes these accounts admins (ADMIN_EMAILS at start); returns the emails that have no account yet. */
    async grantAdmin(emails: string[]): Promise<string[]> {
      if (emails.length === 0) return [];
      await db.user.updateMany({ where: { email: { in: emails } }, data: { role: "admin" } });
      const found = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
      const known = new Set(found.map((u) => u.email));
      return emails.filter((email) => !known.has(email));
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
