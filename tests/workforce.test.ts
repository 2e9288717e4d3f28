// The Workforce tab against a hand-built dataset with known answers: who is in post on the end date (a leaver before
// it is not counted, one who leaves after it is), part-time FTE, profession × role and care setting × role cells with
// their totals, bands with shares; a manager sees only their teams; the CSV is the page's table, an unknown key 404.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, one } from "@/db/client";
import { bands, careSettings, professions, stages, workers } from "@/db/schema";
import { workforceComposition } from "@/db/queries/workforce";
import type { ScorecardFilters } from "@/db/queries/scorecard";
import { workforceTables } from "@/app/(app)/insights/workforce/workforce-tables";
import { GET } from "@/app/(app)/insights/workforce/csv/route";
import { cellText, tableCsv } from "@/lib/tables";
import { asSession, makeWorker, twoTeams } from "./support/factory";
import { actAs, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const END = "2026-11-22";
const all = (over: Partial<ScorecardFilters> = {}): ScorecardFilters => ({ team: null, profession: null, setting: null, end: END, ...over });

async function dataset() {
  const f = await twoTeams();
  const senior = await one(db.insert(stages).values({ code: "senior-wf", name: "Senior support worker", rank: 2 }).returning());
  const ot = await one(db.insert(professions).values({ code: "ot-wf", name: "Occupational therapy", kind: "ahp", sort: 1 }).returning());
  const band4 = await one(db.insert(bands).values({ code: "4-wf", name: "Band 4", sort: 1 }).returning());
  const community = await one(db.insert(careSettings).values({ code: "community-wf", name: "Community" }).returning());
  // Team A: workerA (physio, support worker, band 3, FTE 1) and a part-time senior OT in the community (band 4, 0.6).
  const partTime = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, fte: 0.6 });
  await db.update(workers).set({ stageId: senior.id, professionId: ot.id, bandId: band4.id, careSettingId: community.id }).where(eq(workers.id, partTime.id));
  // Left before the end date: not counted. Leaves after it: counted (0.8 FTE). Starts after it: not counted.
  const leaver = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, status: "left" });
  await db.update(workers).set({ contractEnd: "2026-06-30" }).where(eq(workers.id, leaver.id));
  const leavesLater = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, status: "left", fte: 0.8 });
  await db.update(workers).set({ contractEnd: "2026-12-15" }).where(eq(workers.id, leavesLater.id));
  await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, contractStart: "2026-11-23" });
  // Team B: workerB and lineManagedOnly (physio, support worker, band 3, FTE 1 each), from twoTeams.
  return { ...f, senior, ot, band4, community, partTime };
}

describe("workforce composition", () => {
  it("counts headcount and FTE in post on the end date by profession, care setting, role and band, with totals", async () => {
    const d = await dataset();
    const tables = workforceTables(await workforceComposition(asSession(d.users.lead), all()));
    const t = (key: string) => tables.find((x) => x.key === key)!;

    const head = t("headcount-by-profession");
    expect(head.columns.map((c) => c.label)).toEqual(["Profession", "Support worker", "Senior support worker", "Total"]);
    expect(head.rows).toEqual([
      ["Physiotherapy", 4, 0, 4],
      ["Occupational therapy", 0, 1, 1],
    ]);
    expect(head.totals).toEqual(["Total", 4, 1, 5]);
    expect(t("fte-by-profession").rows).toEqual([
      ["Physiotherapy", "3.80", "0.00", "3.80"],
      ["Occupational therapy", "0.00", "0.60", "0.60"],
    ]);
    expect(t("fte-by-profession").totals).toEqual(["Total", "3.80", "0.60", "4.40"]);

    expect(t("headcount-by-setting").rows).toEqual([
      ["Community", 0, 1, 1],
      ["Care setting not recorded", 4, 0, 4],
    ]);
    expect(t("fte-by-setting").totals).toEqual(["Total", "3.80", "0.60", "4.40"]);

    const band = t("by-band");
    expect(band.rows).toEqual([
      ["Band 3", 4, "3.80", 80, 86],
      ["Band 4", 1, "0.60", 20, 14],
    ]);
    expect(band.totals).toEqual(["Total", 5, "4.40", 100, 100]);
    // Shares are numbers in the download under a "(%)" heading, and "80%" on the page.
    expect(tableCsv(band).split("\r\n")[0]).toBe("\ufeffPay band,Headcount,FTE,Share of headcount (%),Share of FTE (%)");
    expect(cellText(band, 3, 80)).toBe("80%");
  });

  it("moves with the end date: the day before the leaver left they count; on the later leaver's last day they no longer do and the new starter does", async () => {
    const d = await dataset();
    const lead = asSession(d.users.lead);
    expect(workforceTables(await workforceComposition(lead, all({ end: "2026-06-29" }))).find((x) => x.key === "by-band")!.totals![1]).toBe(6);
    expect(workforceTables(await workforceComposition(lead, all({ end: "2026-12-15" }))).find((x) => x.key === "by-band")!.totals![1]).toBe(5);
  });

  it("keeps to the user's scope and the filters", async () => {
    const d = await dataset();
    const total = async (user: ReturnType<typeof asSession>, f = all()) => workforceTables(await workforceComposition(user, f)).find((x) => x.key === "by-band")!.totals!.slice(1, 3);
    // Manager A: team A (workerA, the part-timer, the later leaver) and lineManagedOnly whom they line-manage.
    expect(await total(asSession(d.users.managerA))).toEqual([4, "3.40"]);
    // Manager B: team B only; filtered to team A they see none of it.
    expect(await total(asSession(d.users.managerB))).toEqual([2, "2.00"]);
    expect(await total(asSession(d.users.managerB), all({ team: d.teamA.id }))).toEqual([0, "0.00"]);
    expect((await workforceComposition(asSession(d.users.managerB), all({ team: d.teamA.id }))).byProfession).toEqual([]);
    // Another organisation's lead sees only their own worker.
    expect(await total(asSession(d.users.otherLead))).toEqual([1, "1.00"]);
    // Filters: team A, the OT profession, the community setting.
    const lead = asSession(d.users.lead);
    expect(await total(lead, all({ team: d.teamA.id }))).toEqual([3, "2.40"]);
    expect(await total(lead, all({ profession: d.ot.id }))).toEqual([1, "0.60"]);
    expect(await total(lead, all({ setting: d.community.id }))).toEqual([1, "0.60"]);
  });
});

describe("the workforce CSV download", () => {
  it("writes the page's table for the filters, names the file after them, and 404s an unknown table or a worker", async () => {
    const d = await dataset();
    actAs(asSession(d.users.lead));
    const res = await GET(new Request(`http://x/insights/workforce/csv?table=fte-by-profession&team=${d.teamA.id}&end=${END}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="pathways-fte-by-profession-team-a-in-post-on-${END}.csv"`);
    const expected = workforceTables(await workforceComposition(asSession(d.users.lead), all({ team: d.teamA.id }))).find((x) => x.key === "fte-by-profession")!;
    expect(await res.text()).toBe(tableCsv(expected).replace(/^\uFEFF/, ""));
    expect((await GET(new Request("http://x/insights/workforce/csv?table=nope"))).status).toBe(404);
    actAs(asSession(d.users.workerUserA));
    await expect(GET(new Request("http://x/insights/workforce/csv?table=by-band"))).rejects.toThrow(NOT_FOUND);
  });
});
