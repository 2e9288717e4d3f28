// Teams: who sees which, their size by stage, and the admin's changes (unique names, managers, archiving).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import { teams, teamManagers, teamProfessions, auditEvents, professions, careSettings, stages } from "@/db/schema";
import { listTeams, teamDetail, teamWorkers, teamSizes, createTeam, updateTeam, archiveTeam, restoreTeam, teamFormChoices } from "@/db/queries/teams";
import { teamOptions } from "@/db/queries/reference";
import { parseTeamFilters, teamFields, type TeamFields } from "@/lib/forms/team";
import { twoTeams, asSession, makeWorker, makeUser } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const all = parseTeamFilters({});
const fields = (over: Partial<TeamFields> = {}): TeamFields => ({ name: "Stroke Rehabilitation", service: "Neurorehabilitation", careSettingId: null, professionIds: [], managerIds: [], ...over });
const teamRows = async () => await db.select().from(teams);

describe("who sees which teams", () => {
  it("a manager sees the teams they manage; a lead and an admin every team in the organisation; a support worker none", async () => {
    const f = await twoTeams();
    expect((await listTeams(asSession(f.users.managerA), all)).teams.map((t) => t.name)).toEqual(["Team A"]);
    expect((await listTeams(asSession(f.users.lead), all)).teams.map((t) => t.name)).toEqual(["Team A", "Team B"]);
    expect((await listTeams(asSession(f.users.admin), all)).teams.map((t) => t.name)).toEqual(["Team A", "Team B"]);
    expect((await listTeams(asSession(f.users.workerUserA), all)).total).toBe(0);
    expect(await teamDetail(asSession(f.users.managerA), f.teamB.id)).toBeUndefined();
    expect(await teamDetail(asSession(f.users.otherLead), f.teamA.id)).toBeUndefined();
    expect(await teamDetail(asSession(f.users.workerUserA), f.teamA.id)).toBeUndefined();
    expect(await teamWorkers(asSession(f.users.managerA), f.teamB.id)).toEqual([]);
    expect((await teamDetail(asSession(f.users.managerA), f.teamA.id))?.managers).toEqual([{ id: f.users.managerA.id, name: "Manager A", active: true }]);
  });

  it("searches by team or service, and lists archived teams apart", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    await db.update(teams).set({ service: "Adult community therapy" }).where(eq(teams.id, f.teamB.id));
    expect((await listTeams(admin, parseTeamFilters({ q: "community" }))).teams.map((t) => t.id)).toEqual([f.teamB.id]);
    expect((await listTeams(admin, parseTeamFilters({ q: "%" }))).total).toBe(0);
    const empty = await createTeam(admin, fields());
    if (!empty.ok) throw new Error(empty.message);
    await archiveTeam(admin, empty.teamId);
    expect((await listTeams(admin, all)).total).toBe(2);
    expect((await listTeams(admin, parseTeamFilters({ archived: "1" }))).teams.map((t) => t.id)).toEqual([empty.teamId]);
  });
});

describe("a team's size", () => {
  it("counts in-post headcount and FTE by stage, ordered by rank, leaving leavers out", async () => {
    const f = await twoTeams();
    const senior = await one(db.insert(stages).values({ code: "senior-t", name: "Senior support worker", rank: 2 }).returning());
    await makeWorker(f.org.id, { ...f.ref, stage: senior }, { teamId: f.teamA.id, fte: 0.6 });
    await makeWorker(f.org.id, { ...f.ref, stage: senior }, { teamId: f.teamA.id, fte: 0.8 });
    await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, fte: 0.5, status: "left" });
    const size = await teamSizes(asSession(f.users.lead), [f.teamA.id, f.teamB.id]);
    expect(size.get(f.teamA.id)).toEqual({
      headcount: 3,
      fte: 2.4,
      byStage: [
        { stageId: f.ref.stage.id, stage: "Support worker", headcount: 1, fte: 1 },
        { stageId: senior.id, stage: "Senior support worker", headcount: 2, fte: 1.4 },
      ],
    });
    expect(size.get(f.teamB.id)).toMatchObject({ headcount: 2, fte: 2 });
    expect((await listTeams(asSession(f.users.managerA), all)).teams[0]?.size.headcount).toBe(3);
    expect(await teamWorkers(asSession(f.users.lead), f.teamA.id)).toHaveLength(3);
  });
});

describe("adding and changing teams", () => {
  it("adds a team with its professions, care setting and managers, audited", async () => {
    const f = await twoTeams();
    const setting = await one(db.insert(careSettings).values({ code: "rehab-t", name: "Rehabilitation" }).returning());
    const result = await createTeam(asSession(f.users.admin), fields({ careSettingId: setting.id, professionIds: [f.ref.profession.id], managerIds: [f.users.managerB.id] }));
    if (!result.ok) throw new Error(result.message);
    const detail = (await teamDetail(asSession(f.users.admin), result.teamId))!;
    expect(detail).toMatchObject({ name: "Stroke Rehabilitation", service: "Neurorehabilitation", careSetting: "Rehabilitation" });
    expect(detail.professions.map((p) => p.id)).toEqual([f.ref.profession.id]);
    expect(detail.managers.map((m) => m.id)).toEqual([f.users.managerB.id]);
    // Manager B now sees the new team and may place workers in it.
    expect((await teamOptions(asSession(f.users.managerB))).map(([, name]) => name)).toContain("Stroke Rehabilitation");
    expect(await first(db.select().from(auditEvents).where(eq(auditEvents.action, "team.create")))).toMatchObject({ entityId: result.teamId, actorId: f.users.admin.id });
  });

  it("refuses a duplicate name in any case, and says when the clash is an archived team", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    expect(await createTeam(admin, fields({ name: "team a" }))).toEqual({ ok: false, code: "conflict", field: "name", message: "There is already a team called Team A" });
    expect(await updateTeam(admin, f.teamB.id, fields({ name: "TEAM A" }))).toMatchObject({ ok: false, field: "name" });
    const old = await createTeam(admin, fields({ name: "Old team" }));
    if (!old.ok) throw new Error(old.message);
    await archiveTeam(admin, old.teamId);
    expect(await createTeam(admin, fields({ name: "Old Team" }))).toMatchObject({ ok: false, field: "name", message: expect.stringMatching(/archived team called Old team/) });
    // The same name in another organisation is fine.
    expect((await createTeam(asSession(await makeUser(f.users.otherLead.orgId, "admin")), fields({ name: "Team A" }))).ok).toBe(true);
    expect((await teamRows()).filter((t) => t.orgId === f.org.id)).toHaveLength(3);
  });

  it("refuses managers who are not this organisation's active managers, and retired or unknown values", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const before = await teamRows();
    const otherOrgManager = await makeUser(f.users.otherLead.orgId, "manager");
    for (const managerIds of [[f.users.lead.id], [otherOrgManager.id], ["nobody"]]) {
      expect(await createTeam(admin, fields({ managerIds }))).toEqual({ ok: false, code: "invalid", field: "managerIds", message: "Select managers from the list" });
    }
    const retired = await one(db.insert(professions).values({ code: "old-p", name: "Old profession", kind: "other", retiredAt: new Date() }).returning());
    expect(await createTeam(admin, fields({ professionIds: [retired.id] }))).toMatchObject({ ok: false, field: "professionIds" });
    expect(await createTeam(admin, fields({ careSettingId: "nowhere" }))).toMatchObject({ ok: false, field: "careSettingId" });
    expect(await teamRows()).toEqual(before);
  });

  it("keeps a retired profession a team already has when it is saved, and audits what changed", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    await db.insert(teamProfessions).values({ teamId: f.teamA.id, professionId: f.ref.profession.id });
    await db.update(professions).set({ retiredAt: new Date() }).where(eq(professions.id, f.ref.profession.id));
    const current = { professionIds: [f.ref.profession.id], careSettingId: null, managerIds: [f.users.managerA.id] };
    expect((await teamFormChoices(admin, current)).professions).toContainEqual([f.ref.profession.id, "Physiotherapy (retired)"]);
    expect((await teamFormChoices(admin)).professions.map(([id]) => id)).not.toContain(f.ref.profession.id);

    const result = await updateTeam(admin, f.teamA.id, fields({ name: "Team A", service: "Acute", professionIds: [f.ref.profession.id], managerIds: [f.users.managerB.id] }));
    expect(result).toEqual({ ok: true, teamId: f.teamA.id });
    expect((await db.select().from(teamManagers).where(eq(teamManagers.teamId, f.teamA.id))).map((r) => r.userId)).toEqual([f.users.managerB.id]);
    const audit = (await first(db.select().from(auditEvents).where(eq(auditEvents.action, "team.update"))))!;
    expect(JSON.parse(audit.summary)).toEqual({ changed: ["service"], managersAdded: [f.users.managerB.id], managersRemoved: [f.users.managerA.id] });
    // Manager A no longer manages team A: they see it no more.
    expect(await teamDetail(asSession(f.users.managerA), f.teamA.id)).toBeUndefined();
  });

  it("archives only a team with nobody in post, says so when archived twice, and restores", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    expect(await archiveTeam(admin, f.teamA.id)).toEqual({
      ok: false,
      code: "invalid",
      message: "Team A cannot be archived: 1 support worker is in post in it. Move them to another team, or record their leaving, first.",
    });
    const empty = await createTeam(admin, fields());
    if (!empty.ok) throw new Error(empty.message);
    expect((await archiveTeam(admin, empty.teamId)).ok).toBe(true);
    expect((await teamOptions(admin)).map(([id]) => id)).not.toContain(empty.teamId);
    expect(await archiveTeam(admin, empty.teamId)).toEqual({ ok: false, code: "conflict", message: "Stroke Rehabilitation is already archived" });
    expect((await restoreTeam(admin, empty.teamId)).ok).toBe(true);
    expect(await restoreTeam(admin, empty.teamId)).toEqual({ ok: false, code: "conflict", message: "Stroke Rehabilitation is not archived" });
    expect((await db.select().from(auditEvents).where(eq(auditEvents.entityId, empty.teamId))).map((e) => e.action)).toEqual([
      "team.create",
      "team.archive",
      "team.restore",
    ]);
  });

  it("lets nobody but an admin change teams", async () => {
    const f = await twoTeams();
    const before = await teamRows();
    for (const who of [f.users.managerA, f.users.lead, f.users.workerUserA]) {
      expect((await createTeam(asSession(who), fields())).ok).toBe(false);
      expect((await updateTeam(asSession(who), f.teamA.id, fields())).ok).toBe(false);
      expect((await archiveTeam(asSession(who), f.teamB.id)).ok).toBe(false);
    }
    expect((await updateTeam(asSession(f.users.otherLead), f.teamA.id, fields())).ok).toBe(false);
    expect(await teamRows()).toEqual(before);
  });

  it("validates the form: a name, within length; lists of ids", () => {
    expect(teamFields.safeParse({ name: " ", service: "s".repeat(121) }).error?.issues.map((i) => i.message)).toEqual([
      "Enter the team's name",
      "Service must be 120 characters or fewer",
    ]);
    expect(teamFields.safeParse({ name: "x".repeat(121) }).error?.issues[0]?.message).toBe("Team name must be 120 characters or fewer");
    expect(teamFields.parse({ name: " Dietetics ", careSettingId: "" })).toEqual({ name: "Dietetics", service: "", careSettingId: null, professionIds: [], managerIds: [] });
  });
});

describe("the team actions", () => {
  let f: Awaited<ReturnType<typeof twoTeams>>;
  beforeEach(async () => {
    f = await twoTeams();
  });

  it("addTeamAction: an admin adds; a manager and a lead get 404 and nothing is written", async () => {
    const { addTeamAction } = await import("@/app/(app)/teams/actions");
    const form = () => formData({ name: "Hand Therapy", service: "Outpatients", professionIds: [f.ref.profession.id], managerIds: [f.users.managerA.id] });
    for (const who of [f.users.managerA, f.users.lead]) {
      actAs(asSession(who));
      await expect(addTeamAction({}, form())).rejects.toThrow(NOT_FOUND);
    }
    expect((await teamRows()).map((t) => t.name)).not.toContain("Hand Therapy");
    actAs(asSession(f.users.admin));
    await expect(addTeamAction({}, form())).rejects.toThrow(/NEXT_REDIRECT/);
    const team = (await teamRows()).find((t) => t.name === "Hand Therapy")!;
    expect(await db.select().from(teamManagers).where(eq(teamManagers.teamId, team.id))).toHaveLength(1);
  });

  it("addTeamAction and saveTeamAction: bad input and duplicates come back with the choices kept", async () => {
    const { addTeamAction, saveTeamAction } = await import("@/app/(app)/teams/actions");
    actAs(asSession(f.users.admin));
    const empty = await addTeamAction({}, formData({ name: "", service: "Outpatients", managerIds: [f.users.managerA.id] }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { name: "Enter the team's name" }, values: { service: "Outpatients" }, lists: { managerIds: [f.users.managerA.id] } });
    const dup = await addTeamAction({}, formData({ name: "Team B" }));
    expect(dup.fieldErrors).toEqual({ name: "There is already a team called Team B" });
    const clash = await saveTeamAction(f.teamA.id, {}, formData({ name: "team b" }));
    expect(clash.fieldErrors).toEqual({ name: "There is already a team called Team B" });
    await expect(saveTeamAction("no-such-team", {}, formData({ name: "Z" }))).rejects.toThrow(NOT_FOUND);
    expect((await teamRows()).map((t) => t.name).sort()).toEqual(["Other team", "Team A", "Team B"]);
  });

  it("archive: refused with the reason while workers are in post; a lead gets 404", async () => {
    const { archiveTeamAction } = await import("@/app/(app)/teams/actions");
    actAs(asSession(f.users.lead));
    await expect(archiveTeamAction(f.teamA.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.admin));
    expect(await archiveTeamAction(f.teamA.id, {}, formData({}))).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be archived: 1 support worker is in post/) });
    expect((await first(db.select().from(teams).where(eq(teams.id, f.teamA.id))))?.archivedAt).toBeNull();
  });

  it("saveTeamAction, archiveTeamAction, restoreTeamAction: a manager gets 404 and nothing changes; an admin saves, archives and restores", async () => {
    const { saveTeamAction, archiveTeamAction, restoreTeamAction, addTeamAction } = await import("@/app/(app)/teams/actions");
    actAs(asSession(f.users.admin));
    await expect(addTeamAction({}, formData({ name: "Empty team" }))).rejects.toThrow(/NEXT_REDIRECT/);
    const empty = (await teamRows()).find((t) => t.name === "Empty team")!;
    const before = await teamRows();
    actAs(asSession(f.users.managerA));
    await expect(saveTeamAction(f.teamA.id, {}, formData({ name: "Renamed" }))).rejects.toThrow(NOT_FOUND);
    await expect(archiveTeamAction(empty.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    await expect(restoreTeamAction(empty.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(await teamRows()).toEqual(before);

    actAs(asSession(f.users.admin));
    await expect(saveTeamAction(f.teamA.id, {}, formData({ name: "Team A renamed", managerIds: [f.users.managerA.id] }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await first(db.select().from(teams).where(eq(teams.id, f.teamA.id))))?.name).toBe("Team A renamed");
    await expect(archiveTeamAction(empty.id, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await archiveTeamAction(empty.id, {}, formData({}))).toMatchObject({ ok: false, message: "Empty team is already archived" });
    await expect(restoreTeamAction(empty.id, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await first(db.select().from(teams).where(eq(teams.id, empty.id))))?.archivedAt).toBeNull();
  });
});
