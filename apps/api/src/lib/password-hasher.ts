import { PASSWORD_MAX_BYTES } from "@shortly/contract";
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
    // bcrypt reads the first 72 bytes only; no stored password is longer, so a longer one cannot be it (checked anyway, for the time).
    verify: async (password, hash) => {
      const matches = await bcrypt.compare(password, hash);
      return matches && Buffer.byteLength(password) <= PASSWORD_MAX_BYTES;
    },
    burn: async (password) => {
      await bcrypt.compare(password, dummyHash);
    },
  };
}
