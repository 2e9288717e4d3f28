// What every upload route handler checks of its request: that it came from a Pathways page, and the file's name as it
// may be shown.
import { appUrl } from "./env";
import { withoutHiddenCharacters } from "./form-text";

/**
 * Like Next's own check on server actions, and stricter: the upload must say where it came from (browsers send Origin
 * with every POST), and that must be Pathways itself: APP_URL when it is set, otherwise the address it was sent to.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  const configured = appUrl();
  if (configured) return from.origin === new URL(configured).origin;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  return from.host === host;
}

/** A file name fit to show: no path, no control characters, not too long. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Control, bidirectional and zero-width characters too: "invoice\u202Evsc.exe" would read as something else.
  return withoutHiddenCharacters(base).replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "upload.csv";
}
