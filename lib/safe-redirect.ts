/**
 * Where to go after signing in: only a path on this site. An absolute URL (the proxy sends one in callbackUrl) is
 * reduced to its path, so a link can never send the user elsewhere, and the browser stays on the host it used
 * (Next rewrites 127.0.0.1 to localhost in the URL the proxy sees, which would lose the cookie).
 */
export function safeRedirect(target: string | undefined): string {
  if (!target) return "/";
  if (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")) return target;
  try {
    const url = new URL(target);
    if (url.protocol === "http:" || url.protocol === "https:") return `${url.pathname}${url.search}`;
  } catch {
    // not a URL at all
  }
  return "/";
}
