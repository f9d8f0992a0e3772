import type { UserResponse } from "@shortly/contract";
import { NotAuthenticatedError } from "../../lib/app-error.js";
import { EmailTakenError } from "./errors.js";
import { DuplicateEmailError, type UserRecord, type UsersRepository } from "./repository.js";

export type { UserRecord };

export function toUserResponse(user: UserRecord): UserResponse {
  return {
    id: user.id,
    email: user.email,
    is_active: user.isActive,
    plan: user.plan === "pro" ? "pro" : "free",
    created_at: user.createdAt.toISOString(),
  };
}

export function createUsersService(repo: UsersRepository) {
  return {
    /** The signed-in user; a token for a deleted or disabled account is no longer valid. */
    async getActiveUserOrThrow(id: number): Promise<UserRecord> {
      const user = await repo.findById(id);
      if (!user || !user.isActive) throw new NotAuthenticatedError();
      return user;
    },

    /** Whether the account exists and may sign in; rejects when the database cannot tell. */
    async isActive(id: number): Promise<boolean> {
      const user = await repo.findById(id);
      return user !== null && user.isActive;
    },

    findCredentialsByEmail: repo.findCredentialsByEmail,

    /** For social sign-up: a password-less account, or the one that won a concurrent sign-up. */
    async createOrFindUser(email: string): Promise<UserRecord> {
      try {
        return await repo.create(email, null);
      } catch (error) {
        if (!(error instanceof DuplicateEmailError)) throw error;
        const existing = await repo.findCredentialsByEmail(email);
        if (!existing) throw error;
        return existing;
      }
    },

    async createUser(email: string, passwordHash: string): Promise<UserRecord> {
      try {
        return await repo.create(email, passwordHash);
      } catch (error) {
        if (error instanceof DuplicateEmailError) throw new EmailTakenError();
        throw error;
      }
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
