export const OIDC_PORT: number;
export const e2eApiEnv: Record<string, string>;
