import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;

export const emailSchema = z
  .email({ message: "value is not a valid email address" })
  .max(254, { message: "ensure this value has at most 254 characters" })
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `ensure this value has at least ${PASSWORD_MIN_LENGTH} characters` })
  .refine((pw) => new TextEncoder().encode(pw).length <= PASSWORD_MAX_BYTES, {
    message: `ensure this value has at most ${PASSWORD_MAX_BYTES} bytes`,
    params: { type: "value_error.any_str.max_length" },
  });

export const registerRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
});
export type RegisterRequest = z.input<typeof registerRequestSchema>;

/** `username` carries the email (OAuth2 password-flow naming, as in the contract). */
export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, { message: "field required" }).max(254),
  password: z.string().min(1, { message: "field required" }).max(1024),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("bearer"),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const PLANS = ["free", "pro"] as const;
export const planSchema = z.enum(PLANS);
export type Plan = z.infer<typeof planSchema>;

export const userResponseSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  is_active: z.boolean(),
  plan: planSchema,
  created_at: z.iso.datetime(),
  role: z.enum(["user", "admin"]),
  /** How many links the account's plan allows (from the server's configuration); null: no limit. */
  link_limit: z.number().int().nullable(),
});
export type UserResponse = z.infer<typeof userResponseSchema>;

export const socialProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Navigate the browser here (not fetch) to start the provider's sign-in. */
  initiate_url: z.string(),
});
export const socialProvidersResponseSchema = z.array(socialProviderSchema);
export type SocialProvider = z.infer<typeof socialProviderSchema>;
