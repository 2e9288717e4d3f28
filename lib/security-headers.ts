// The headers the proxy adds to every response it sees (pages, the 404 page, API routes, CSV downloads, redirects):
// a Content-Security-Policy with a fresh nonce per request, and HSTS when Pathways is served over HTTPS. The headers
// that never change (nosniff, framing, referrer, permissions) are in next.config.js, which also covers static files.
// Decision record 0019.

/** Strict-Transport-Security when APP_URL is https: two years, subdomains included (no preload: a trust's choice). */
export const HSTS = "max-age=63072000; includeSubDomains";

export type PolicyOptions = {
  /** This request's nonce (newNonce()); Next puts it on its own scripts and inline styles. */
  nonce: string;
  /** Served over HTTPS (servedOverHttps): insecure subresource addresses are upgraded. */
  https: boolean;
  /**
   * Origins besides this one that a form may post or redirect to: the single-sign-on provider, because signing in
   * posts to this app, which answers with a redirect to the provider, and browsers check form-action on that redirect.
   */
  formTargets?: string[];
  /** `next dev` only: React's development build needs eval for its error overlay and injects styles without a nonce. */
  development?: boolean;
};

/** 128 random bits, base64: unguessable and never reused. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The Content-Security-Policy for one response. */
export function contentSecurityPolicy({ nonce, https, formTargets = [], development = false }: PolicyOptions): string {
  const n = `'nonce-${nonce}'`;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': a script with the nonce (Next's bootstrap) may load the app's chunks; nothing inline runs
    // without the nonce, and 'self' is only a fallback for browsers older than CSP 3 (they ignore 'strict-dynamic').
    ["script-src", "'self'", n, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Stylesheets from this origin and <style> elements with the nonce; no style="..." attributes (none are rendered).
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [n])],
    ["img-src", "'self'"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Whether people reach Pathways over HTTPS: from APP_URL, the configured address, never from a request header. */
export function servedOverHttps(appUrl: string | undefined): boolean {
  if (!appUrl) return false;
  try {
    return new URL(appUrl).protocol === "https:";
  } catch {
    return false;
  }
}

/** The origin of an address (the single-sign-on issuer), or nothing when it is not a web address. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

export type ResponseSecurity = {
  nonce: string;
  /** Set on the response; also on the request, where Next reads the nonce from it while rendering. */
  policy: string;
  /** The headers for the response: the policy, and HSTS over HTTPS. */
  headers: Record<string, string>;
};

/** Everything one response needs, from the server's settings: APP_URL and the single-sign-on issuer. */
export function responseSecurity(settings: { appUrl?: string; ssoIssuer?: string; development?: boolean }): ResponseSecurity {
  const nonce = newNonce();
  const https = servedOverHttps(settings.appUrl);
  const sso = originOf(settings.ssoIssuer);
  const policy = contentSecurityPolicy({ nonce, https, formTargets: sso ? [sso] : [], development: settings.development });
  return { nonce, policy, headers: { "Content-Security-Policy": policy, ...(https ? { "Strict-Transport-Security": HSTS } : {}) } };
}
