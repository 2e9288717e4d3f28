// Where to send someone after signing in: back to the page they were on, on this site and nowhere else.

/** An origin no real request has: a path is read against it, and must still be on it afterwards. */
const HERE = "http://pathways.invalid";

/** A same-origin path as the browser would read it, or undefined when it would leave this site. */
function sitePath(target: string): string | undefined {
  // Only a path: "javascript:…", "mailto:…" and bare words are not places on this site.
  if (!target.startsWith("/")) return undefined;
  let url: URL;
  try {
    // Read the way a browser reads a Location header: tabs and newlines dropped, "\" taken as "/", so "/\t/evil" and
    // "/\\evil" are seen as the "//evil" (another host) they would become.
    url = new URL(target, HERE);
  } catch {
    return undefined;
  }
  if (url.origin !== HERE) return undefined;
  // Dot segments resolved can leave a path that itself starts "//" ("/.//evil", "/x/..//evil"): a browser sent there
  // reads another host. Nothing on this site lives at such a path.
  if (url.pathname.startsWith("//")) return undefined;
  // Signing in again from the login page would only come back to it.
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return undefined;
  return `${url.pathname}${url.search}`;
}

/**
 * Where to go after signing in: only a path on this site. An absolute URL (the proxy used to send one in callbackUrl)
 * is reduced to its path, so a link can never send the user elsewhere, and the browser stays on the host it used
 * (Next rewrites 127.0.0.1 to localhost in the URL the proxy sees, which would lose the cookie). Anything else is home.
 */
export function safeRedirect(target: unknown): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return "/";
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return sitePath(`${url.pathname}${url.search}`) ?? "/";
    } catch {
      return "/";
    }
  }
  return sitePath(target) ?? "/";
}

/**
 * The login page, saying why (the session ended) and where to come back to afterwards when that is somewhere other
 * than home.
 */
export function signInPath({ expired = false, returnTo }: { expired?: boolean; returnTo?: string | null }): string {
  const params = new URLSearchParams();
  if (expired) params.set("expired", "1");
  const back = safeRedirect(returnTo);
  if (back !== "/") params.set("callbackUrl", back);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}

/**
 * The header the proxy passes on with the page a request is for (its path and query), so a page or action that finds
 * the session gone can send the person back there after signing in. The proxy always sets it, replacing any the
 * client sent; what it holds is still checked by safeRedirect before use.
 */
export const RETURN_TO_HEADER = "x-pathways-return-to";

/** The page a request is for, as a path: Next's own `_rsc` cache-buster dropped. */
export function returnPathOf(url: URL): string {
  const copy = new URL(url);
  copy.searchParams.delete("_rsc");
  return `${copy.pathname}${copy.search}`;
}
