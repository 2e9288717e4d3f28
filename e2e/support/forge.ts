// A forged request: the fields of a form one user was shown (hidden server-action fields included), sent as
// another user, the way someone would replay a request with their own session. The server must refuse it.
import type { Locator, Page } from "@playwright/test";

export async function formFields(form: Locator): Promise<Record<string, string>> {
  return form.evaluate((el) => {
    const out: Record<string, string> = {};
    for (const [k, v] of new FormData(el as HTMLFormElement).entries()) if (typeof v === "string") out[k] = v;
    return out;
  });
}

/** Posts the fields to the page's address as `page`'s user (a no-JavaScript form submission of a server action). */
export async function replayAs(page: Page, path: string, fields: Record<string, string>) {
  return page.request.post(path, { multipart: fields, headers: { Origin: new URL(page.url() || "http://localhost").origin } });
}
