// The workers list's filters: one malformed filter never resets the others, and a search is never cut short.
import { describe, expect, it } from "vitest";
import { parseWorkerFilters, SEARCH_MAX } from "./worker-filters";

describe("the workers list's filters", () => {
  it("keeps a long search whole, and the other filters with it", () => {
    const q = "Mensah ".repeat(40).trim();
    expect(q.length).toBeGreaterThan(100);
    expect(parseWorkerFilters({ q, team: "t1", status: "left" })).toMatchObject({ q, team: "t1", status: "left", searchRefused: false });
  });

  it("drops a search too long to take and says so, keeping the rest", () => {
    const f = parseWorkerFilters({ q: "x".repeat(SEARCH_MAX + 1), team: "t1", sort: "team" });
    expect(f).toMatchObject({ q: undefined, team: "t1", sort: "team", searchRefused: true });
  });

  it("falls back one filter at a time", () => {
    expect(parseWorkerFilters({ team: "x".repeat(65), profession: "p1", page: "-3", dir: "sideways" })).toMatchObject({
      team: undefined,
      profession: "p1",
      page: 1,
      dir: "asc",
      searchRefused: false,
    });
  });
});
