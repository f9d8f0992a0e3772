import bcrypt from "bcrypt";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** Spends the same time as a real check, for logins with an unknown email. */
  burn(password: string): Promise<void>;
}

export async function createPasswordHasher(rounds: number): Promise<PasswordHasher> {
  const dummyHash = await bcrypt.hash("timing-equaliser-not-a-password", rounds);
  return {
    hash: (password) => bcrypt.hash(password, rounds),
    verify: (password, hash) => bcrypt.compare(password, hash),
    burn: async (password) => {
      await bcrypt.compare(password, dummyHash);
    },
  };
}
