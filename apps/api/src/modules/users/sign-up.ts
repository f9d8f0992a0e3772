import { EmailTakenError } from "./errors.js";
import { DuplicateEmailError, type UserRecord, type UsersRepository } from "./repository.js";

/** New accounts, by password or through a provider; one email, one account. */
export function createSignUp(repo: UsersRepository) {
  return {
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
