// The days the end-to-end suite runs on. The whole suite runs on "today" (PATHWAYS_TODAY, or the real day in London);
// the specs whose figures and reminders turn on the date run again on awkward days, with the clock far from London,
// so the demo data, the app and the tests keep agreeing whatever the date. Each day is a Playwright project
// (playwright.config.ts), so all of them share one run, one global setup and the same workers.

export type Day = {
  /** "Today" for the app, the seed and the tests (YYYY-MM-DD). */
  today: string;
  /** The time zone of the servers, the browser and the test code; unset, the machine's own. */
  tz?: string;
  why?: string;
  /**
   * Whether the project runs the axe check on the pages it visits. The awkward days repeat journeys the main project
   * has already checked page by page; they are there for the dates, and skipping axe takes a third off their time.
   */
  checkAccessibility?: boolean;
  /** The date-sensitive specs this day runs (file names without `.spec.ts`); the main project runs every spec. */
  specs?: readonly DateSensitiveSpec[];
};

/**
 * The specs whose figures and reminders turn on today's date: the inbox (what is overdue and due), the development
 * year (an appraisal due soon, dates a form refuses as future or too far ahead, the review dates it sets) and
 * apprenticeships (off-the-job hours per week, red, amber or green against the weeks gone, review and end dates).
 */
export const DATE_SENSITIVE_SPECS = ["inbox", "development-year", "apprenticeships"] as const;
export type DateSensitiveSpec = (typeof DATE_SENSITIVE_SPECS)[number];

// Each awkward day runs the date-sensitive specs its date tests hardest: the leap day all three; the last day of the
// year the turn of the year (the inbox, the development year); the Sunday the clocks go forward, the end of a week on
// the day British Summer Time starts (the inbox, off-the-job weeks). A chosen subset keeps the suite inside its time
// budget (decision record 0014); every spec still runs on two awkward days or more, as well as on today.
export const AWKWARD_DAYS: Day[] = [
  { today: "2028-02-29", tz: "Pacific/Kiritimati", why: "a leap day, 14 hours ahead of UTC", checkAccessibility: false, specs: DATE_SENSITIVE_SPECS },
  { today: "2026-12-31", tz: "America/Los_Angeles", why: "the last day of a year, 8 hours behind", checkAccessibility: false, specs: ["inbox", "development-year"] },
  { today: "2027-03-28", tz: "Asia/Kolkata", why: "the Sunday the clocks go forward in London", checkAccessibility: false, specs: ["inbox", "apprenticeships"] },
];
