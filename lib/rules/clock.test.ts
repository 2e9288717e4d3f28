// PATHWAYS_TODAY pins the app's "today" and its clock to a chosen day, whatever the real date and time zone.
import { afterEach, describe, expect, it, vi } from "vitest";
import { londonDateOf, now, pinnedToday, todayInLondon } from "./dates";

const saved = process.env.PATHWAYS_TODAY;

afterEach(() => {
  vi.useRealTimers();
  if (saved === undefined) delete process.env.PATHWAYS_TODAY;
  else process.env.PATHWAYS_TODAY = saved;
});

describe("the app's clock", () => {
  it("uses the real London day when PATHWAYS_TODAY is not set", () => {
    delete process.env.PATHWAYS_TODAY;
    vi.useFakeTimers({ now: new Date("2026-06-30T23:30:00Z"), toFake: ["Date"] });
    // 23:30 UTC is 00:30 the next day in London (BST).
    expect(todayInLondon()).toBe("2026-07-01");
    expect(pinnedToday()).toBeUndefined();
    expect(now().toISOString()).toBe("2026-06-30T23:30:00.000Z");
  });

  it.each([
    ["a leap day", "2028-02-29"],
    ["the last day of a year", "2026-12-31"],
    ["the day the clocks go forward", "2027-03-28"],
    ["the day the clocks go back", "2026-10-25"],
  ])("pins today and now to %s, keeping the London time of day", (_, day) => {
    process.env.PATHWAYS_TODAY = day;
    vi.useFakeTimers({ now: new Date("2026-12-05T14:05:00Z"), toFake: ["Date"] });
    expect(todayInLondon()).toBe(day);
    expect(londonDateOf(now())).toBe(day);
    // A moment keeps its own date: only "today" is pinned.
    expect(todayInLondon(new Date("2026-12-05T14:05:00Z"))).toBe("2026-12-05");
  });

  it("stays inside the pinned day late in the evening, even on a 23-hour day", () => {
    process.env.PATHWAYS_TODAY = "2027-03-28";
    // 23:45 in London in winter: on the day the clocks go forward there is no 23:45 GMT; the clock stops at the day's end.
    vi.useFakeTimers({ now: new Date("2026-12-05T23:45:00Z"), toFake: ["Date"] });
    expect(londonDateOf(now())).toBe("2027-03-28");
  });

  it("keeps time moving forward within the pinned day", () => {
    process.env.PATHWAYS_TODAY = "2028-02-29";
    vi.useFakeTimers({ now: new Date("2026-12-05T09:00:00Z"), toFake: ["Date"] });
    const first = now();
    vi.setSystemTime(new Date("2026-12-05T09:00:05Z"));
    expect(now().getTime() - first.getTime()).toBe(5_000);
  });

  it("refuses a PATHWAYS_TODAY that is not a real date", () => {
    process.env.PATHWAYS_TODAY = "2027-02-29";
    expect(() => todayInLondon()).toThrow(/PATHWAYS_TODAY must be a real date/);
  });
});
