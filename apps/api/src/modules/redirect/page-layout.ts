// The shell of the pages a visitor of a short link may see instead of a
// redirect: server-rendered, no JavaScript, the product's look in a few
// hundred bytes of inline CSS (the security headers allow inline styles).

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A heading and a paragraph, both escaped: what most pages say. */
export const message = (title: string, text: string) => `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f7f7fb;color:#14161f}
header{padding:1rem 1.5rem;background:#fff;border-bottom:1px solid #d9dce7}
.brand{display:inline-flex;align-items:center;gap:.5rem;font-weight:700;color:#14161f;text-decoration:none}
.mark{display:inline-grid;place-items:center;width:1.75rem;height:1.75rem;border-radius:.4rem;background:#4338ca;color:#fff}
main{flex:1;display:grid;place-items:center;padding:1.5rem}
.card{width:100%;max-width:28rem;background:#fff;border:1px solid #d9dce7;border-radius:.75rem;padding:2rem;box-shadow:0 1px 2px rgba(20,22,31,.06)}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}
p{margin:0 0 1rem;color:#4a5061}
label{display:block;font-weight:600;font-size:.875rem;margin-bottom:.25rem;color:#14161f}
input{width:100%;min-height:2.75rem;padding:0 .75rem;border:1px solid #8c92a4;border-radius:.5rem;font:inherit}
input[aria-invalid=true]{border-color:#b42318}
button{margin-top:1rem;width:100%;min-height:2.75rem;border:0;border-radius:.5rem;background:#4338ca;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#3730a3}
input:focus,button:focus,a:focus{outline:none;box-shadow:0 0 0 3px #a5b4fc}
.error{color:#b42318;font-weight:600}
.links{margin:1.5rem 0 0;font-size:.875rem}
a{color:#4338ca}
`;

export interface PageContent {
  title: string;
  /** Trusted HTML: callers escape what they put in. */
  body: string;
}

/** A whole page: the brand, one card with the content, a way to the home page. */
export function renderPage({ title, body }: PageContent): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Shortly</title><style>${STYLE}</style></head>
<body><header><a class="brand" href="/"><span class="mark" aria-hidden="true">↗</span>Shortly</a></header>
<main><div class="card">${body}
<p class="links"><a href="/">Go to the Shortly home page</a></p></div></main></body></html>`;
}
