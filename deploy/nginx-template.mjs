// Renders the repo's nginx.conf template exactly as envsubst does in the web
// image: only these variables are replaced, everything else ($host, $uri…)
// is nginx's own.
export const TEMPLATE_VARIABLES = ["LISTEN_PORT", "WEB_ROOT", "API_UPSTREAM_SERVERS"];

export function renderNginxConfig(template, values) {
  let out = template;
  for (const name of TEMPLATE_VARIABLES) {
    if (values[name] === undefined) throw new Error(`nginx template: no value for ${name}`);
    out = out.replaceAll(`\${${name}}`, String(values[name]));
  }
  return out;
}
