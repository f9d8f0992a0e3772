// The abuse limits: their variables, and the section of the app's configuration they make.
import { z } from "zod";
import type { Env } from "./config-env.js";

export const rateLimitVariables = {
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_LINKS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Requests per minute for each API key, on top of the per-route limits. */
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_LINK_PASSWORD_PER_HOUR: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  LOGIN_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
};

export interface RateLimitConfig {
  enabled: boolean;
  loginPerIpPerMinute: number;
  loginPerAccountPerMinute: number;
  registerPerIpPerHour: number;
  refreshPerIpPerMinute: number;
  /** Link creation, per IP and per account. */
  linksPerMinute: number;
  /** Requests per minute for each API key. */
  apiKeyPerMinute: number;
  linkPasswordPerHour: number;
  reportsPerHour: number;
  loginFailuresBeforeDelay: number;
  loginMaxDelaySeconds: number;
}

export function rateLimitConfig(env: Env): RateLimitConfig {
  return {
    enabled: env.RATE_LIMITS === "on",
    loginPerIpPerMinute: env.RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE,
    loginPerAccountPerMinute: env.RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE,
    registerPerIpPerHour: env.RATE_LIMIT_REGISTER_PER_IP_PER_HOUR,
    refreshPerIpPerMinute: env.RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE,
    linksPerMinute: env.RATE_LIMIT_LINKS_PER_MINUTE,
    apiKeyPerMinute: env.RATE_LIMIT_API_KEY_PER_MINUTE,
    linkPasswordPerHour: env.RATE_LIMIT_LINK_PASSWORD_PER_HOUR,
    reportsPerHour: env.RATE_LIMIT_REPORTS_PER_HOUR,
    loginFailuresBeforeDelay: env.LOGIN_FAILURES_BEFORE_DELAY,
    loginMaxDelaySeconds: env.LOGIN_MAX_DELAY_SECONDS,
  };
}
