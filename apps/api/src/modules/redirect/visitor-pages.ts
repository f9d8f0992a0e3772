import { message, renderPage } from "./page-layout.js";
import type { GoneReason } from "./visit-decision.js";

/** A page the visitor gets instead of a redirect, with its status. */
export interface VisitorPage {
  status: number;
  html: string;
}

/**
 * The pages load nothing but their inline style. The password form posts to
 * this origin and is answered with a redirect to the link's destination,
 * which browsers check against form-action too: any http(s) target is allowed.
 */
export const VISITOR_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'";

const REPORT = `<p><a href="/report">Report a link</a> that leads somewhere harmful.</p>`;

/** Unknown and disabled links read the same: a visitor learns nothing about links that do not serve. */
export const notFoundPage = (): VisitorPage => ({
  status: 404,
  html: renderPage({
    title: "There’s no link here",
    body: `${message(
      "There’s no link here",
      "This short link does not exist, or its owner has switched it off. Check the address you were given.",
    )}${REPORT}`,
  }),
});

const GONE: Record<GoneReason, [string, string]> = {
  expired: ["This link has expired", "Its owner set it to stop working after a date, and that date has passed."],
  limit_reached: ["This link has reached its click limit", "Its owner allowed it a number of visits, and they have all been used."],
};

export const blockedPage = (): VisitorPage => ({
  status: 410,
  html: renderPage({
    title: "This link has been disabled",
    body: message(
      "This link has been disabled",
      "It was reported or found to lead somewhere harmful (phishing, malware or spam), and was switched off for abuse.",
    ),
  }),
});

export const gonePage = (reason: GoneReason): VisitorPage => {
  const [title, text] = GONE[reason];
  return { status: 410, html: renderPage({ title, body: `${message(title, text)}${REPORT}` }) };
};
