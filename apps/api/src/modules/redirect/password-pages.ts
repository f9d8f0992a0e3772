import { escapeHtml, message, renderPage } from "./page-layout.js";
import type { VisitorPage } from "./visitor-pages.js";

/**
 * The form a password-protected link shows (200), or shows again after a
 * wrong password (401). It posts to the address visited (the short link, with
 * any forwarded path and query) and never holds the destination.
 */
export const passwordPage = (target: string, wrong = false): VisitorPage => {
  const error = wrong ? `<p class="error" id="password-error" role="alert">That password is not right. Try again.</p>` : "";
  const form = `<form method="post" action="${escapeHtml(target)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus${wrong ? ` aria-invalid="true" aria-describedby="password-error"` : ""}>
<button type="submit">Open the link</button></form>`;
  return {
    status: wrong ? 401 : 200,
    html: renderPage({
      title: "This link is protected",
      body: `${message("This link is protected", "Its owner asked for a password before it opens. Type the one you were given.")}${error}${form}`,
    }),
  };
};

export const tooManyAttemptsPage = (retryAfterSeconds: number): VisitorPage => {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} seconds` : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return {
    status: 429,
    html: renderPage({
      title: "Too many attempts",
      body: message("Too many attempts", `Too many passwords were tried for this link from your address. Try again in ${wait}.`),
    }),
  };
};
