import { z } from "zod";

// Build-time settings, checked once; a bad value fails loudly at boot.
const envSchema = z.object({
  APP_VERSION: z.string().min(1),
});

export const env = envSchema.parse({ APP_VERSION: import.meta.env.VITE_APP_VERSION ?? "dev" });
