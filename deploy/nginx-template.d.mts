export const TEMPLATE_VARIABLES: string[];
export function renderNginxConfig(template: string, values: Record<string, string | number>): string;
