// Small page objects for what many specs do: find the error summary and the main navigation, fill a date, download a CSV.
import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";

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

/**
 * What is waiting for the signed-in person as the current page lists it, as "link text → address", sorted: the inbox's
 * items, a support worker's "Waiting for you" on /me, or a manager's "What needs doing" cells and "Your own record"
 * on /team. The homes and the inbox take one list, so the three must agree.
 */
export async function waitingLinks(page: Page, where: "inbox" | "me" | "team"): Promise<string[]> {
  const links =
    where === "inbox"
      ? page.getByRole("main").getByRole("listitem").getByRole("link")
      : where === "me"
        ? page.getByRole("region", { name: "Waiting for you" }).getByRole("listitem").getByRole("link")
        : page
            .getByRole("list", { name: /^What needs doing for / })
            .getByRole("link")
            .or(page.getByRole("region", { name: "Your own record" }).getByRole("listitem").getByRole("link"));
  const all = await links.evaluateAll((as) => as.map((a) => `${(a.textContent ?? "").trim()} → ${a.getAttribute("href") ?? ""}`));
  return all.sort();
}

/** The count the navigation shows beside Inbox. */
export async function inboxCountInNav(page: Page): Promise<number> {
  const name = (await mainNav(page).getByRole("link", { name: /^Inbox \(\d+ reminders?\)$/ }).textContent()) ?? "";
  return Number(/\((\d+)/.exec(name)?.[1]);
}

/**
 * A date field (components/forms/date-field.tsx): the group its legend names, holding Day, Month and Year. A string
 * name matches the whole legend, so "Date" finds the field called Date and not "Date of the review".
 */
export const dateField = (scope: Page | Locator, name: string | RegExp): Locator =>
  scope.getByRole("group", typeof name === "string" ? { name, exact: true } : { name });

const partsOf = (iso: string) => {
  const [year = "", month = "", day = ""] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
};

/** Types a YYYY-MM-DD date into a date field the way a person writes it: 7, 3, 2026. */
export async function fillDate(scope: Page | Locator, name: string | RegExp, iso: string) {
  await fillDateParts(scope, name, partsOf(iso));
}

/** Types whatever is given into a date field's parts (an impossible date, a two-digit year, a missing month). */
export async function fillDateParts(scope: Page | Locator, name: string | RegExp, parts: { day: string; month: string; year: string }) {
  const field = dateField(scope, name);
  await field.getByLabel("Day", { exact: true }).fill(parts.day);
  await field.getByLabel("Month", { exact: true }).fill(parts.month);
  await field.getByLabel("Year", { exact: true }).fill(parts.year);
}

/** Expects a date field to show a YYYY-MM-DD date, as a person would have typed it. */
export async function expectDate(scope: Page | Locator, name: string | RegExp, iso: string) {
  await expectDateParts(scope, name, partsOf(iso));
}

/** Expects a date field's parts to show exactly these. */
export async function expectDateParts(scope: Page | Locator, name: string | RegExp, parts: { day: string; month: string; year: string }) {
  const field = dateField(scope, name);
  await expect(field.getByLabel("Day", { exact: true })).toHaveValue(parts.day);
  await expect(field.getByLabel("Month", { exact: true })).toHaveValue(parts.month);
  await expect(field.getByLabel("Year", { exact: true })).toHaveValue(parts.year);
}
