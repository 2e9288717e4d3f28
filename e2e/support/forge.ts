// A forged request: a server action's request as one user's browser sent it, replayed with another user's session,
// the way someone would replay a request they had seen. The server must refuse it.
import type { Page } from "@playwright/test";

export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer | null };

/**
 * Runs `submit` on `page` and captures the server-action request it makes, without letting it reach the server
 * (the page is reloaded afterwards, since its form saw the request fail).
 */
export async function captureAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  const handler = async (route: import("@playwright/test").Route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer() };
      await route.abort();
    } else await route.continue();
  };
  await page.route("**/*", handler);
  await submit();
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && !captured; i++) await page.waitForTimeout(100);
  await page.unroute("**/*", handler);
  if (!captured) throw new Error("No server action was submitted");
  await page.reload();
  return captured;
}

/** Sends a captured server-action request with `page`'s session (its cookies, not the original's). */
export async function replayAs(page: Page, action: CapturedAction) {
  const { cookie: _cookie, ...headers } = action.headers;
  return page.request.post(action.url, { headers, data: action.body ?? undefined });
}
