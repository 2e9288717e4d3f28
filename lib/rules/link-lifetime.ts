// Kept apart from lib/rules/password-links.ts, which needs node:crypto: a client component that imports this number
// from there pulls a browser copy of crypto (about 470 KB, and an eval the Content-Security-Policy refuses) into the page.

/** How long a set-password link works. Long enough to span a weekend; short enough that an old email is harmless. */
export const LINK_LIFETIME_HOURS = 72;
