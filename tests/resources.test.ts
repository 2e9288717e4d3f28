// The resources hub: reading it (a support worker's own profession first), and the administrator's changes.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first as firstRow, one } from "@/db/client";
import { auditEvents, professions, resources } from "@/db/schema";
import { resourcesFor, resourceAdminList, resourceForAdmin, createResource, updateResource, retireResource, restoreResource, ownProfession } from "@/db/queries/resources";
import { ResourceFields, parseResourceFilters, type ResourceInput } from "@/lib/forms/resource";
import { navFor } from "@/lib/roles";
import { ROLES } from "@/lib/vocabulary";
import { twoTeams, asSession, makeUser } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

/** Two teams (physiotherapy workers), a second profession, and a resource of each kind of reach. */
async function hub() {
  const f = await twoTeams();
  const slt = await one(db.insert(professions).values({ code: `slt-${f.org.id}`, name: "Speech and language therapy", kind: "ahp", sort: 150 }).returning());
  const add = async (title: string, professionId: string | null, type: ResourceInput["type"] = "professional_body", sort = 10) =>
    await one(db.insert(resources).values({ title, professionId, type, url: `https://www.example.org/${encodeURIComponent(title)}`, sort }).returning());
  const unison = await add("UNISON", null, "union");
  const rcslt = await add("RCSLT support worker hub", slt.id);
  const csp = await add("CSP associates and support workers network", f.ref.profession.id, "professional_body", 30);
  const cspFaq = await add("CSP delegation FAQs", f.ref.profession.id, "supervision_delegation", 5);
  const gone = await add("Retired entry", f.ref.profession.id);
  await db.update(resources).set({ retiredAt: new Date() }).where(eq(resources.id, gone.id));
  return { ...f, slt, res: { unison, rcslt, csp, cspFaq, gone } };
}

const titles = (groups: Awaited<ReturnType<typeof resourcesFor>>["groups"]) =>
  groups.map((g) => [g.kind === "everyone" ? "everyone" : `${g.kind}:${g.professionName}`, g.resources.map((r) => r.title)]);

const input = (over: Partial<Record<keyof ResourceInput, string>> = {}) =>
  ResourceFields.parse({ title: "Physio support worker guide (test)", url: "https://www.csp.org.uk", type: "role_guide", professionId: "", body: "", ...over });

describe("reading the hub", () => {
  it("shows a support worker their own profession first, then what is for everyone, then other professions; never retired entries", async () => {
    const f = await hub();
    const worker = asSession(f.users.workerUserA);
    expect(await ownProfession(worker)).toEqual({ id: f.ref.profession.id, name: "Physiotherapy" });
    const view = await resourcesFor(worker);
    expect(view.featured).toMatchObject({ id: f.ref.profession.id, own: true });
    expect(titles(view.groups)).toEqual([
      ["featured:Physiotherapy", ["CSP associates and support workers network", "CSP delegation FAQs"]],
      ["everyone", ["UNISON"]],
      ["profession:Speech and language therapy", ["RCSLT support worker hub"]],
    ]);
    expect(view.total).toBe(4);
  });

  it("gives managers, leads and admins everything with what is for everyone first, and filters by kind and profession", async () => {
    const f = await hub();
    for (const who of [f.users.managerA, f.users.lead, f.users.admin]) {
      const view = await resourcesFor(asSession(who));
      expect(view.own).toBeUndefined();
      expect(titles(view.groups).map(([g]) => g)).toEqual(["everyone", "profession:Physiotherapy", "profession:Speech and language therapy"]);
    }
    const manager = asSession(f.users.managerA);
    expect(titles((await resourcesFor(manager, { profession: f.slt.id })).groups)).toEqual([
      ["featured:Speech and language therapy", ["RCSLT support worker hub"]],
      ["everyone", ["UNISON"]],
    ]);
    expect(titles((await resourcesFor(manager, { type: "supervision_delegation" })).groups)).toEqual([["profession:Physiotherapy", ["CSP delegation FAQs"]]]);
    // A stale or made-up profession id is ignored rather than emptying the page.
    expect((await resourcesFor(manager, { profession: "no-such-id" })).total).toBe(4);
    // A support worker choosing another profession sees it first, and their own among the others.
    expect(titles((await resourcesFor(asSession(f.users.workerUserA), { profession: f.slt.id })).groups)[0]![0]).toBe("featured:Speech and language therapy");
  });

  it("a support worker with no worker record sees everything, for everyone first", async () => {
    const f = await hub();
    const loner = asSession(await makeUser(f.org.id, "support_worker"));
    expect((await resourcesFor(loner)).featured).toBeUndefined();
    expect(titles((await resourcesFor(loner)).groups)[0]![0]).toBe("everyone");
  });

  it("reads filters from the address, ignoring what it does not recognise", () => {
    expect(parseResourceFilters({ type: "union", profession: "abc" })).toEqual({ type: "union", profession: "abc" });
    expect(parseResourceFilters({ type: "spells", profession: "" })).toEqual({ type: undefined, profession: undefined });
    expect(parseResourceFilters({ type: ["cpd", "union"] })).toEqual({ type: "cpd", profession: undefined });
  });

  it("is in every role's navigation", () => {
    for (const role of ROLES) expect(navFor(role)).toContainEqual({ href: "/resources", label: "Resources" });
  });
});

describe("the administrator's list", () => {
  it("lists every entry, retired ones last, for administrators only", async () => {
    const f = await hub();
    const list = await resourceAdminList(asSession(f.users.admin));
    expect(list).toHaveLength(5);
    expect(list.at(-1)).toMatchObject({ title: "Retired entry" });
    expect(list[0]).toMatchObject({ title: "UNISON", professionName: null });
    for (const who of [f.users.managerA, f.users.lead, f.users.workerUserA]) {
      expect(await resourceAdminList(asSession(who))).toEqual([]);
      expect(await resourceForAdmin(asSession(who), f.res.csp.id)).toBeUndefined();
    }
  });
});

describe("changing the hub", () => {
  it("an admin adds a resource for a profession, audited, and the profession's workers see it first", async () => {
    const f = await hub();
    const admin = asSession(f.users.admin);
    const result = await createResource(admin, input({ professionId: f.ref.profession.id }));
    if (!result.ok) throw new Error(result.message);
    expect(await firstRow(db.select().from(auditEvents).where(eq(auditEvents.action, "resource.create")))).toMatchObject({ entityType: "resource", entityId: result.id, actorId: admin.id });
    const first = (await resourcesFor(asSession(f.users.workerUserB))).groups[0]!;
    expect(first.resources.map((r) => r.title)).toContain("Physio support worker guide (test)");
  });

  it("refuses managers, leads and support workers for every change, and changes nothing", async () => {
    const f = await hub();
    const before = await db.select().from(resources);
    const auditsBefore = (await db.select().from(auditEvents)).length;
    for (const who of [f.users.managerA, f.users.lead, f.users.workerUserA]) {
      const s = asSession(who);
      expect(await createResource(s, input())).toMatchObject({ ok: false });
      expect(await updateResource(s, f.res.csp.id, input())).toMatchObject({ ok: false });
      expect(await retireResource(s, f.res.csp.id)).toMatchObject({ ok: false });
      expect(await restoreResource(s, f.res.gone.id)).toMatchObject({ ok: false });
    }
    expect(await db.select().from(resources)).toEqual(before);
    expect(await db.select().from(auditEvents)).toHaveLength(auditsBefore);
  });

  it("refuses a retired or unknown profession and an address another current entry has", async () => {
    const f = await hub();
    const admin = asSession(f.users.admin);
    await db.update(professions).set({ retiredAt: new Date() }).where(eq(professions.id, f.slt.id));
    expect(await createResource(admin, input({ professionId: f.slt.id }))).toEqual({ ok: false, code: "invalid", field: "professionId", message: "Select a profession from the list" });
    expect(await createResource(admin, input({ professionId: "nope" }))).toMatchObject({ ok: false, field: "professionId" });
    expect(await createResource(admin, input({ url: f.res.unison.url }))).toEqual({ ok: false, code: "conflict", field: "url", message: "This address is already used by UNISON" });
    // An entry for a since-retired profession can still be corrected without moving it.
    expect(await updateResource(admin, f.res.rcslt.id, input({ title: "RCSLT hub", professionId: f.slt.id, url: f.res.rcslt.url }))).toEqual({ ok: true, id: f.res.rcslt.id });
  });

  it("updates with an audit of what changed; saving nothing new writes no audit", async () => {
    const f = await hub();
    const admin = asSession(f.users.admin);
    const same = { title: f.res.csp.title, url: f.res.csp.url, type: f.res.csp.type, professionId: f.ref.profession.id, body: "" };
    expect(await updateResource(admin, f.res.csp.id, input(same))).toEqual({ ok: true, id: f.res.csp.id });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "resource.update"))).toHaveLength(0);
    expect(await updateResource(admin, f.res.csp.id, input({ ...same, professionId: "", title: "CSP network" }))).toMatchObject({ ok: true });
    const event = await firstRow(db.select().from(auditEvents).where(eq(auditEvents.action, "resource.update")));
    expect(JSON.parse(event!.summary)).toMatchObject({ changed: ["title", "professionId"], from: f.res.csp.title, to: "CSP network" });
    expect(await firstRow(db.select().from(resources).where(eq(resources.id, f.res.csp.id)))).toMatchObject({ title: "CSP network", professionId: null });
    expect(await updateResource(admin, "no-such-id", input())).toEqual({ ok: false, code: "not_found", message: "Resource not found" });
  });

  it("retires and restores, audited, and says when there is nothing to do", async () => {
    const f = await hub();
    const admin = asSession(f.users.admin);
    expect(await retireResource(admin, f.res.csp.id)).toEqual({ ok: true, id: f.res.csp.id });
    expect((await resourcesFor(asSession(f.users.workerUserA))).groups[0]!.resources.map((r) => r.title)).toEqual(["CSP delegation FAQs"]);
    expect(await retireResource(admin, f.res.csp.id)).toEqual({ ok: false, code: "conflict", message: "CSP associates and support workers network is already retired" });
    expect(await restoreResource(admin, f.res.csp.id)).toEqual({ ok: true, id: f.res.csp.id });
    expect(await restoreResource(admin, f.res.csp.id)).toMatchObject({ ok: false, message: "CSP associates and support workers network is not retired" });
    expect((await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, f.res.csp.id))).map((e) => e.action)).toEqual([
      "resource.retire",
      "resource.restore",
    ]);
    // Restoring an entry whose address another current entry has taken is refused.
    await createResource(admin, input({ url: f.res.gone.url }));
    expect(await restoreResource(admin, f.res.gone.id)).toMatchObject({ ok: false, message: expect.stringContaining("Change or retire that one first") });
  });
});

describe("validating an entry", () => {
  const issues = (fields: Record<string, string>) =>
    ResourceFields.safeParse(fields).error?.issues.map((i) => [i.path[0], i.message]);

  it("needs a title, a kind and a full http(s) web address; limits lengths", () => {
    expect(issues({ title: " ", url: "", type: "", professionId: "" })).toEqual([
      ["title", "Enter a title"],
      ["type", "Select what kind of resource it is"],
      ["url", "Enter the web address"],
    ]);
    const bad = "Enter a web address starting with https:// or www., like https://www.csp.org.uk";
    for (const url of ["csp.org.uk", "javascript:alert(1)", "ftp://files.example.org", "https://intranet", "https://user:pw@example.org"]) {
      expect(issues({ title: "T", url, type: "cpd" })).toEqual([["url", bad]]);
    }
    expect(issues({ title: "x".repeat(201), url: "https://a.org", type: "cpd", body: "y".repeat(2001) })).toEqual([
      ["title", "Title must be 200 characters or fewer"],
      ["body", "Description must be 2000 characters or fewer"],
    ]);
    expect(ResourceFields.parse({ title: " T ", url: " http://a.org/x ", type: "cpd", professionId: "" })).toEqual({ title: "T", url: "http://a.org/x", type: "cpd", professionId: null, body: "" });
    // Typed from "www.", as people copy it: kept with the https:// it left out.
    expect(ResourceFields.parse({ title: "T", url: "www.csp.org.uk/support-workers", type: "cpd", professionId: "" }).url).toBe("https://www.csp.org.uk/support-workers");
  });
});

describe("the admin's actions", () => {
  it("admin only: others get 404 and nothing changes", async () => {
    const { createResourceAction: add, updateResourceAction: save, retireResourceAction: retire, restoreResourceAction: restore } = await import("@/app/(app)/admin/resources/actions");
    const f = await hub();
    const before = await db.select().from(resources);
    for (const who of [f.users.managerA, f.users.lead, f.users.workerUserA]) {
      actAs(asSession(who));
      await expect(add({}, formData({ title: "X", url: "https://x.org", type: "cpd" }))).rejects.toThrow(NOT_FOUND);
      await expect(save(f.res.csp.id, {}, formData({ title: "X", url: "https://x.org", type: "cpd" }))).rejects.toThrow(NOT_FOUND);
      await expect(retire(f.res.csp.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(restore(f.res.gone.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    }
    expect(await db.select().from(resources)).toEqual(before);
  });

  it("bad input comes back with a message and what was typed; good input is saved", async () => {
    const { createResourceAction: add, updateResourceAction: save, retireResourceAction: retire } = await import("@/app/(app)/admin/resources/actions");
    const f = await hub();
    actAs(asSession(f.users.admin));
    const typed = { title: "My guide", url: "csp.org.uk", type: "role_guide", professionId: f.ref.profession.id, body: "Some words" };
    const bad = await add({}, formData(typed));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { url: expect.stringContaining("starting with https:// or www.") }, values: typed });
    const clash = await add({}, formData({ ...typed, url: f.res.unison.url }));
    expect(clash).toMatchObject({ ok: false, fieldErrors: { url: "This address is already used by UNISON" }, values: { title: "My guide" } });
    await expect(add({}, formData({ ...typed, url: "https://www.csp.org.uk/my-guide" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await firstRow(db.select().from(resources).where(eq(resources.title, "My guide")))).toMatchObject({ professionId: f.ref.profession.id, body: "Some words" });
    await expect(save("", {}, formData(typed))).rejects.toThrow(NOT_FOUND);
    expect(await save(f.res.csp.id, {}, formData({ ...typed, title: "" }))).toMatchObject({ fieldErrors: { title: "Enter a title", url: expect.any(String) } });
    expect(await retire(f.res.gone.id, {}, formData({}))).toMatchObject({ ok: false, message: "Retired entry is already retired" });
  });
});
