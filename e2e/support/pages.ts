// Small page objects for what many specs do: find the error summary and the main navigation, download a CSV.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";

/** A form's error summary ("There is a problem"), told apart from Next's route announcer, also role="alert". */
export const errorSummary = (page: Page): Locator => page.getByRole("alert").filter({ hasText: "There is a problem" });

/** The site's main navigation. */
export const mainNav = (page: Page): Locator => page.getByRole("navigation", { name: "Main" });

/** Clicks a download link and returns the file's suggested name and its text (without a byte-order mark). */
export async function downloadCsv(page: Page, link: Locator): Promise<{ filename: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await download.path();
  return { filename: download.suggestedFilename(), text: (await readFile(path, "utf8")).replace(/^\ufeff/, "") };
}
