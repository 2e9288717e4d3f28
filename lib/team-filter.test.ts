import { describe, expect, it } from "vitest";
import { TEAM_LIST_MAX, TEAM_MATCHES_SHOWN, TEAM_TYPED_MAX, pickTeam, teamsTooManyToList } from "./team-filter";

const teams = [
  { id: "a", name: "Acute Physiotherapy" },
  { id: "b", name: "Community Physiotherapy" },
  { id: "c", name: "Ward 7" },
  { id: "d", name: "Ward 7 Annexe" },
  { id: "e", name: "Dietetics" },
];

describe("the team filter", () => {
  it("takes a team's id from the list or a link, and nothing outside the teams offered", () => {
    expect(pickTeam("b", undefined, teams)).toEqual({ team: "b", typed: null, matches: [], more: 0 });
    expect(pickTeam("zz", undefined, teams).team).toBeNull();
    expect(pickTeam(undefined, "   ", teams).team).toBeNull();
  });

  it("lets words typed win over an id: a whole name, ignoring case and spacing, or the one name holding them", () => {
    expect(pickTeam("a", "  ward   7 ", teams).team).toBe("c");
    expect(pickTeam(null, "DIET", teams).team).toBe("e");
    expect(pickTeam("a", "annexe", teams).team).toBe("d");
  });

  it("offers the teams the words match when several do, and says so when none does", () => {
    expect(pickTeam("a", "physio", teams)).toEqual({ team: null, typed: "physio", matches: [teams[0], teams[1]], more: 0 });
    expect(pickTeam(null, "Podiatry", teams)).toEqual({ team: null, typed: "Podiatry", matches: [], more: 0 });
  });

  it("offers at most TEAM_MATCHES_SHOWN and counts the rest; words longer than any name are no words", () => {
    const many = Array.from({ length: TEAM_LIST_MAX + 1 }, (_, i) => ({ id: `t${i}`, name: `Team ${i}` }));
    const picked = pickTeam(null, "team", many);
    expect(picked.matches).toHaveLength(TEAM_MATCHES_SHOWN);
    expect(picked.more).toBe(many.length - TEAM_MATCHES_SHOWN);
    expect(pickTeam("t3", "x".repeat(TEAM_TYPED_MAX + 1), many)).toMatchObject({ team: "t3", typed: null });
    expect(teamsTooManyToList(many)).toBe(true);
    expect(teamsTooManyToList(many.slice(1))).toBe(false);
  });
});
