import { describe, expect, it } from "vitest";
import { addMonths, addDays, daysBetween, isIsoDate, todayInLondon, formatDate } from "./dates";
import { nextAppraisalDue, appraisalDueStatus } from "./appraisal-due";
import { afterFailure, isLocked, lockLength, ACCOUNT_LIMITS, ADDRESS_LIMITS } from "./throttle";

describe("dates", () => {
  it("adds months, falling back to the month's last day", () => {
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-22", -12)).toBe("2025-11-22");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });
  it("counts days across month and year ends", () => {
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2027-01-01", "2026-12-31")).toBe(-1);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
  it("validates ISO dates strictly", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("22/11/2026")).toBe(false);
  });
  it("uses London's date, not UTC's, for today", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(todayInLondon(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayInLondon(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
  it("formats dates the NHS way", () => {
    expect(formatDate("2026-11-02")).toBe("2 November 2026");
  });
});

describe("appraisal due dates", () => {
  it("is 12 months after the last completed appraisal", () => {
    expect(nextAppraisalDue("2015-01-10", "2026-03-15")).toBe("2027-03-15");
  });
  it("is 12 months after starting for a new starter", () => {
    expect(nextAppraisalDue("2026-05-01", null)).toBe("2027-05-01");
  });
  it("handles a leap-day appraisal", () => {
    expect(nextAppraisalDue("2020-01-01", "2024-02-29")).toBe("2025-02-28");
  });
  it("is due soon within 30 days, overdue after the date", () => {
    expect(appraisalDueStatus("2026-12-22", "2026-11-22")).toBe("due_soon");
    expect(appraisalDueStatus("2026-12-23", "2026-11-22")).toBe("up_to_date");
    expect(appraisalDueStatus("2026-11-22", "2026-11-22")).toBe("due_soon");
    expect(appraisalDueStatus("2026-11-21", "2026-11-22")).toBe("overdue");
  });
});

describe("sign-in throttling", () => {
  const t0 = new Date("2026-11-22T10:00:00Z");
  it("locks on the fifth failure in the window", () => {
    let state = undefined;
    for (let i = 0; i < 4; i++) state = afterFailure(state, t0, ACCOUNT_LIMITS);
    expect(isLocked(state, t0)).toBe(false);
    state = afterFailure(state, t0, ACCOUNT_LIMITS);
    expect(isLocked(state, t0)).toBe(true);
    expect(isLocked(state, new Date(t0.getTime() + ACCOUNT_LIMITS.lockMs))).toBe(false);
  });
  it("an address starts counting again after its lock expires (a shared address never pays for long)", () => {
    let state = undefined;
    for (let i = 0; i < ADDRESS_LIMITS.maxFailures; i++) state = afterFailure(state, t0, ADDRESS_LIMITS);
    expect(isLocked(state, t0)).toBe(true);
    const after = afterFailure(state, new Date(t0.getTime() + ADDRESS_LIMITS.lockMs + 1), ADDRESS_LIMITS);
    expect(after.failures).toBe(1);
    expect(after.lockedUntil).toBeNull();
  });
  it("an account's untrusted browsers are locked twice as long for each failure after a lock, up to a day", () => {
    const minutes = (n: number) => n * 60_000;
    let state = undefined;
    let at = t0.getTime();
    const locks: number[] = [];
    for (let i = 0; i < 14; i++) {
      state = afterFailure(state, new Date(at), ACCOUNT_LIMITS);
      // The next guess comes the moment the lock lifts (or at once when there is none).
      if (state.lockedUntil) {
        locks.push((state.lockedUntil.getTime() - at) / 60_000);
        at = state.lockedUntil.getTime();
      }
    }
    expect(locks).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
    // A day without a failure after the last lock ends forgets the streak.
    const quiet = afterFailure(state, new Date(at + minutes(24 * 60) + 1), ACCOUNT_LIMITS);
    expect(quiet).toMatchObject({ failures: 1, lockedUntil: null });
  });
  it("lockLength: nothing before the limit, then doubling to the cap", () => {
    expect(lockLength(4, ACCOUNT_LIMITS)).toBe(0);
    expect(lockLength(5, ACCOUNT_LIMITS)).toBe(ACCOUNT_LIMITS.lockMs);
    expect(lockLength(6, ACCOUNT_LIMITS)).toBe(2 * ACCOUNT_LIMITS.lockMs);
    expect(lockLength(1000, ACCOUNT_LIMITS)).toBe(ACCOUNT_LIMITS.maxLockMs);
    expect(lockLength(150, ADDRESS_LIMITS)).toBe(ADDRESS_LIMITS.lockMs);
  });
});

describe("the redirect after signing in", () => {
  it("keeps same-site paths and reduces absolute URLs to their path", async () => {
    const { safeRedirect } = await import("../safe-redirect");
    expect(safeRedirect("/workers/abc?tab=pdp")).toBe("/workers/abc?tab=pdp");
    expect(safeRedirect("http://localhost:3000/insights?team=x")).toBe("/insights?team=x");
    expect(safeRedirect("https://evil.example/phish")).toBe("/phish");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("javascript:alert(1)")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });

  it("refuses every path a browser would read as another site, and anything that is not a path", async () => {
    const { safeRedirect } = await import("../safe-redirect");
    // Browsers drop tabs and newlines from a Location header and read "\" as "/": each of these is "//evil.example".
    // Dot segments that resolve to a path starting "//" (found in review): each would send the browser to evil.example.
    for (const attempt of ["/.//evil.example", "/%2e//evil.example", "/x/..//evil.example", "/./\\evil.example", "http://localhost:3000/.//evil.example"]) {
      expect(safeRedirect(attempt), JSON.stringify(attempt)).toBe("/");
    }
    for (const attempt of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\\/evil.example", "/\\/evil.example", "\\\\evil.example"]) {
      expect(safeRedirect(attempt), JSON.stringify(attempt)).toBe("/");
    }
    expect(safeRedirect("http://localhost:3000/\t/evil.example")).toBe("/");
    expect(safeRedirect("https:evil.example")).toBe("/");
    expect(safeRedirect("data:text/html,<script>alert(1)</script>")).toBe("/");
    expect(safeRedirect("workers")).toBe("/");
    expect(safeRedirect(42)).toBe("/");
    expect(safeRedirect(["/workers"])).toBe("/");
    expect(safeRedirect(`/${"x".repeat(3000)}`)).toBe("/");
    // A path stays on this site however it is written, normalised as the browser would.
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirect("/workers/../insights?x=1#top")).toBe("/insights?x=1");
    // Coming back to the login page would only ask to sign in again.
    expect(safeRedirect("/login?expired=1")).toBe("/");
    expect(safeRedirect("/login/forgotten-password")).toBe("/");
  });

  it("builds the login page's address with where to come back to, and what page a request was for", async () => {
    const { signInPath, returnPathOf } = await import("../safe-redirect");
    expect(signInPath({ expired: true, returnTo: "/workers/abc/appraisals/def?done=saved" })).toBe(
      "/login?expired=1&callbackUrl=%2Fworkers%2Fabc%2Fappraisals%2Fdef%3Fdone%3Dsaved",
    );
    expect(signInPath({ expired: true, returnTo: "//evil.example" })).toBe("/login?expired=1");
    expect(signInPath({ expired: true, returnTo: null })).toBe("/login?expired=1");
    expect(signInPath({ returnTo: "/" })).toBe("/login");
    // Next's own cache-buster on a client-side navigation is not part of the page.
    expect(returnPathOf(new URL("http://localhost:3000/workers?team=a&_rsc=1x2y"))).toBe("/workers?team=a");
  });
});
