// Small page objects for what many specs do: find the error summary and the main navigation, download a CSV.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";

/**
 * A form's error summary (titled "There is a problem", or a form's own title), told apart from Next's route announcer,
 * which is also role="alert" but has no title.
 */
export const errorSummary = (page: Page): Locator => page.locator('[role="alert"][aria-labelledby]');

/** The site's main navigation. */
export const mainNav = (page: Page): Locator => page.getByRole("navigation", { name: "Main" });

/** Clicks a download link and returns the file's suggested name and its text (without a byte-order mark). */
export async function downloadCsv(page: Page, link: Locator): Promise<{ filename: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await download.path();
  return { filename: download.suggestedFilename(), text: (await readFile(path, "utf8")).replace(/^\ufeff/, "") };
}
