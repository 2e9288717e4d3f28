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
};

export const AWKWARD_DAYS: Day[] = [
  { today: "2028-02-29", tz: "Pacific/Kiritimati", why: "a leap day, 14 hours ahead of UTC", checkAccessibility: false },
  { today: "2026-12-31", tz: "America/Los_Angeles", why: "the last day of a year, 8 hours behind", checkAccessibility: false },
  { today: "2027-03-28", tz: "Asia/Kolkata", why: "the day the clocks go forward in London", checkAccessibility: false },
];

/** The specs whose figures and reminders turn on today's date. */
export const DATE_SENSITIVE_SPECS = ["inbox", "development-year", "apprenticeships"];
