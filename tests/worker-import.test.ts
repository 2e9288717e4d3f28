// Importing workers from CSV against a real database: the dry run, applying it in one transaction, idempotence,
// position history, the access rule, and who may upload and confirm (the route handler and the server action).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq, isNull, like } from "drizzle-orm";
import { db, first } from "@/db/client";
import { auditEvents, bands, importBatches, importRows, professions, stages, workerPositions, workers } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { applyWorkerImport, checkWorkerImport, importBatchFor, importRowsFor, BATCH_CONFIRM_WITHIN_MS } from "@/db/queries/worker-import";
import { POST as upload } from "@/app/(app)/workers/import/upload/route";
import { confirmImportAction } from "@/app/(app)/workers/import/actions";
import { asSession, makeOrg, makeTeam, makeUser, makeWorker } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";
const HEADER = "Employee number,First name,Last name,Job title,Profession,Band,FTE,Team,Care setting,Start date,Line manager email";

type Row = {
  employeeNumber: string;
  firstName?: string;
  lastName?: string;
  jobTitle?: string;
  profession?: string;
  band?: string;
  fte?: string;
  team?: string;
  careSetting?: string;
  start?: string;
  manager?: string;
};

function csv(rows: Row[]): Uint8Array {
  const lines = rows.map((r) =>
    [
      r.employeeNumber,
      r.firstName ?? "Amara",
      r.lastName ?? `Okafor ${r.employeeNumber}`,
      r.jobTitle ?? "Physiotherapy Assistant",
      r.profession ?? "Physiotherapy",
      r.band ?? "2",
      r.fte ?? "1",
      r.team ?? "Acute Physiotherapy",
      r.careSetting ?? "Acute inpatient",
      r.start ?? "01/09/2025",
      r.manager ?? "",
    ].join(","),
  );
  return new TextEncoder().encode(`\ufeff${HEADER}\r\n${lines.join("\r\n")}\r\n`);
}

/** An organisation with the shipped reference lists, two teams and their managers, and three workers. */
async function register() {
  await seedReference(db);
  const org = await makeOrg();
  const managerA = await makeUser(org.id, "manager", "Manager A");
  const managerB = await makeUser(org.id, "manager", "Manager B");
  const lead = await makeUser(org.id, "lead");
  const admin = await makeUser(org.id, "admin");
  const supportWorker = await makeUser(org.id, "support_worker");
  const teamA = await makeTeam(org.id, "Acute Physiotherapy", [managerA.id]);
  const teamB = await makeTeam(org.id, "Dietetics", [managerB.id]);
  const ref = {
    profession: (await first(db.select().from(professions).where(eq(professions.code, "physio"))))!,
    stage: (await first(db.select().from(stages).where(eq(stages.code, "support_worker"))))!,
    band: (await first(db.select().from(bands).where(eq(bands.code, "2"))))!,
  };
  const inA = await makeWorker(org.id, ref, { teamId: teamA.id, lineManagerId: managerA.id, contractStart: "2021-04-01" });
  const inB = await makeWorker(org.id, ref, { teamId: teamB.id, lineManagerId: managerB.id });
  const lineManagedInB = await makeWorker(org.id, ref, { teamId: teamB.id, lineManagerId: managerA.id });
  return { org, ref, teamA, teamB, users: { managerA, managerB, lead, admin, supportWorker }, workers: { inA, inB, lineManagedInB } };
}

/** A row that matches an existing worker's record exactly. */
function rowFor(w: typeof workers.$inferSelect, team: string, manager: string, over: Partial<Row> = {}): Row {
  return {
    employeeNumber: w.employeeNumber,
    firstName: w.firstName,
    lastName: w.lastName,
    jobTitle: w.jobTitle,
    band: "Band 2",
    fte: String(w.fte),
    team,
    careSetting: "",
    start: w.contractStart,
    manager,
    ...over,
  };
}

async function check(user: ReturnType<typeof asSession>, file: Uint8Array, now?: Date) {
  const result = await checkWorkerImport(user, { name: "staff.csv", bytes: file }, TODAY, now);
  if (!result.ok) throw new Error(result.message);
  return result.batchId;
}

async function snapshot() {
  return {
    workers: await db.select().from(workers).orderBy(asc(workers.id)),
    positions: await db.select().from(workerPositions).orderBy(asc(workerPositions.id)),
    audit: (await db.select().from(auditEvents).where(like(auditEvents.action, "worker%"))).length,
  };
}

beforeEach(() => actAs(null));

describe("the dry run", () => {
  it("checks a file row by row without writing a worker, and keeps the verdicts for its uploader only", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const before = await snapshot();
    const batchId = await check(
      manager,
      csv([
        { employeeNumber: "99000001" },
        { employeeNumber: "99000002", fte: "1.5" },
        { employeeNumber: "99000003", team: "Dietetics" },
        rowFor(f.workers.inA, "Acute Physiotherapy", f.users.managerA.email),
        rowFor(f.workers.inA, "Acute Physiotherapy", f.users.managerA.email, { employeeNumber: f.workers.inB.employeeNumber }),
      ]),
    );
    expect(await snapshot()).toEqual(before);
    expect(await importBatchFor(manager, batchId)).toMatchObject({ toCreate: 1, toUpdate: 0, unchanged: 1, rejected: 3, totalRows: 5, status: "checked", expired: false });
    const problems = (await importRowsFor(manager, batchId, { verdict: "rejected", page: 1 })).rows.map((r) => [r.rowNumber, r.verdict === "rejected" && r.problems]);
    expect(problems).toEqual([
      [3, ["FTE 1.5 must be 1 or less (1 is full time)"]],
      [4, ["You do not manage team “Dietetics”"]],
      [6, [`Employee number ${f.workers.inB.employeeNumber} belongs to a worker outside your teams`]],
    ]);
    // Another manager (or the admin) cannot open it.
    expect(await importBatchFor(asSession(f.users.managerB), batchId)).toBeUndefined();
    expect((await importRowsFor(asSession(f.users.admin), batchId, { page: 1 })).rows).toEqual([]);
  });

  it("refuses a file it cannot read with its reason, storing nothing", async () => {
    const f = await register();
    const result = await checkWorkerImport(asSession(f.users.managerA), { name: "x.csv", bytes: new TextEncoder().encode("Name,Email\nA,b\n") }, TODAY);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^The file is missing the columns “Employee number”, “First name”/) });
    expect(await db.select().from(importBatches)).toEqual([]);
  });
});

describe("applying an import", () => {
  it("creates workers with an opening position and audit rows, and importing the same file again changes nothing", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const file = csv([
      { employeeNumber: "99000001", manager: f.users.managerA.email.toUpperCase() },
      { employeeNumber: "99000002", band: "3", fte: '"0,6"', start: "2025-10-01" },
      { employeeNumber: "99000003", fte: "0" },
    ]);
    const batchId = await check(manager, file);
    expect(await applyWorkerImport(manager, batchId, TODAY)).toEqual({ ok: true, created: 2, updated: 0 });

    const created = await db.select().from(workers).where(like(workers.employeeNumber, "9900000%")).orderBy(asc(workers.employeeNumber));
    expect(created).toMatchObject([
      { employeeNumber: "99000001", teamId: f.teamA.id, lineManagerId: f.users.managerA.id, fte: 1, contractStart: "2025-09-01", status: "in_post" },
      { employeeNumber: "99000002", fte: 0.6, contractStart: "2025-10-01", lineManagerId: null },
    ]);
    const senior = (await first(db.select().from(stages).where(eq(stages.code, "senior_support_worker"))))!;
    expect(created[1]?.stageId).toBe(senior.id);
    expect(await db.select().from(workerPositions).where(eq(workerPositions.workerId, created[0]!.id))).toMatchObject([
      { effectiveFrom: "2025-09-01", effectiveTo: null, reason: "Imported", teamId: f.teamA.id, recordedBy: manager.id },
    ]);
    const audits = await db.select().from(auditEvents).where(like(auditEvents.action, "worker%import%"));
    expect(audits.map((a) => [a.action, a.workerId])).toEqual([
      ["worker.import_create", created[0]!.id],
      ["worker.import_create", created[1]!.id],
      ["workers.import", null],
    ]);
    expect(JSON.parse(audits[2]!.summary)).toEqual({ fileName: "staff.csv", created: 2, updated: 0, unchanged: 0, rejected: 1 });

    // The same file again: the good rows are unchanged, the bad one still refused, and there is nothing to apply.
    const before = await snapshot();
    const again = await check(manager, file);
    expect(await importBatchFor(manager, again)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2, rejected: 1 });
    expect(await applyWorkerImport(manager, again, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/^Nothing to import/) });
    // And the first batch cannot be applied twice.
    expect(await applyWorkerImport(manager, batchId, TODAY)).toMatchObject({ ok: false, message: "This file has already been imported. Nothing was imported again." });
    expect(await snapshot()).toEqual(before);
  });

  it("updates changed fields; a band change closes the open position today and opens a new one", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const w = f.workers.inA;
    const batchId = await check(manager, csv([rowFor(w, "Acute Physiotherapy", f.users.managerA.email, { band: "3", fte: "0.5", firstName: "Kwame" })]));
    const [row] = (await importRowsFor(manager, batchId, { page: 1 })).rows;
    expect(row).toMatchObject({
      verdict: "update",
      changes: [
        { label: "First name", from: w.firstName, to: "Kwame" },
        { label: "Band", from: "Band 2", to: "Band 3" },
        { label: "FTE", from: "1", to: "0.5" },
      ],
    });
    expect(await applyWorkerImport(manager, batchId, TODAY)).toEqual({ ok: true, created: 0, updated: 1 });

    const after = (await first(db.select().from(workers).where(eq(workers.id, w.id))))!;
    expect(after).toMatchObject({ firstName: "Kwame", fte: 0.5, stageId: w.stageId });
    const history = await db.select().from(workerPositions).where(eq(workerPositions.workerId, w.id)).orderBy(asc(workerPositions.effectiveFrom));
    expect(history).toMatchObject([
      { effectiveFrom: "2021-04-01", effectiveTo: TODAY, bandId: w.bandId },
      { effectiveFrom: TODAY, effectiveTo: null, reason: "Imported from CSV", recordedBy: manager.id },
    ]);
    const audit = (await first(db.select().from(auditEvents).where(and(eq(auditEvents.action, "worker.import_update"), eq(auditEvents.workerId, w.id)))))!;
    expect(JSON.parse(audit.summary)).toEqual({ batchId, changed: ["firstName", "bandId", "fte"], effectiveFrom: TODAY });
  });

  it("corrects a position that has not begun in place, and moves the opening position with a corrected start date", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const starter = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, contractStart: "2026-12-14" });
    const w = f.workers.inA;
    const batchId = await check(
      manager,
      csv([
        rowFor(starter, "Acute Physiotherapy", "", { band: "3", start: "2026-12-14" }),
        rowFor(w, "Acute Physiotherapy", f.users.managerA.email, { start: "2021-03-01" }),
      ]),
    );
    expect(await applyWorkerImport(manager, batchId, TODAY)).toEqual({ ok: true, created: 0, updated: 2 });
    expect(await db.select().from(workerPositions).where(eq(workerPositions.workerId, starter.id))).toMatchObject([
      { effectiveFrom: "2026-12-14", effectiveTo: null, reason: "Started" },
    ]);
    expect(await db.select().from(workerPositions).where(eq(workerPositions.workerId, w.id))).toMatchObject([{ effectiveFrom: "2021-03-01", effectiveTo: null }]);

    // A start date past the end of their first position would rewrite history: refused.
    const promoted = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, contractStart: "2020-01-06" });
    await db.update(workerPositions).set({ effectiveTo: "2023-05-01" }).where(eq(workerPositions.workerId, promoted.id));
    await db.insert(workerPositions)
      .values({ workerId: promoted.id, effectiveFrom: "2023-05-01", stageId: f.ref.stage.id, bandId: f.ref.band.id, jobTitle: promoted.jobTitle, teamId: f.teamA.id });
    const again = await check(manager, csv([rowFor(promoted, "Acute Physiotherapy", "", { start: "2024-01-01" })]));
    expect((await importRowsFor(manager, again, { page: 1 })).rows).toMatchObject([
      { verdict: "rejected", problems: ["Start date cannot move to 1 January 2024: their next position began on 1 May 2023"] },
    ]);
  });

  it("refuses the importer's own record and a worker made their own line manager, changing nothing", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    // Manager A has a worker's record of their own in the team they manage; inA has a login, which is a manager's.
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerB.id, userId: f.users.managerA.id });
    await db.update(workers).set({ userId: f.users.managerB.id }).where(eq(workers.id, f.workers.inA.id));
    const before = await snapshot();
    const batchId = await check(
      manager,
      csv([
        rowFor(own, "Acute Physiotherapy", f.users.managerB.email, { fte: "0.5" }),
        rowFor(f.workers.inA, "Acute Physiotherapy", f.users.managerB.email),
      ]),
    );
    const problems = (await importRowsFor(manager, batchId, { page: 1 })).rows.map((r) => (r.verdict === "rejected" ? r.problems : r.verdict));
    expect(problems).toEqual([
      [`Employee number ${own.employeeNumber} is your own record: another manager or an administrator changes it`],
      [`“${f.users.managerB.email}” is this worker's own login: nobody is their own line manager`],
    ]);
    expect(await applyWorkerImport(manager, batchId, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/^Nothing to import/) });
    expect(await snapshot()).toEqual(before);
  });

  it("lets a manager update a worker they line-manage in another team, without moving them", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const w = f.workers.lineManagedInB;
    const batchId = await check(manager, csv([rowFor(w, "Dietetics", f.users.managerA.email, { fte: "0.8" })]));
    expect(await applyWorkerImport(manager, batchId, TODAY)).toEqual({ ok: true, created: 0, updated: 1 });
    expect(await first(db.select().from(workers).where(eq(workers.id, w.id)))).toMatchObject({ fte: 0.8, teamId: f.teamB.id });
  });

  it("applies exactly what was shown: refused, writing nothing, if the register changed since", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const batchId = await check(manager, csv([{ employeeNumber: "99000001" }, { employeeNumber: "99000002" }]));
    // Meanwhile someone adds a worker with the second number.
    const someone = await makeWorker(f.org.id, f.ref, { teamId: f.teamB.id });
    await db.update(workers).set({ employeeNumber: "99000002" }).where(eq(workers.id, someone.id));
    const before = await snapshot();
    expect(await applyWorkerImport(manager, batchId, TODAY)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The register has changed since this file was checked, so row 3 would now be imported differently\. Nothing was imported/),
    });
    expect(await snapshot()).toEqual(before);
    // Refused without being used up: the batch is still only checked.
    expect((await importBatchFor(manager, batchId))?.status).toBe("checked");
  });

  it("refuses a check more than an hour old, another user's batch, and leads and support workers", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const uploaded = new Date("2026-11-22T10:00:00Z");
    const batchId = await check(manager, csv([{ employeeNumber: "99000001" }]), uploaded);
    const later = new Date(uploaded.getTime() + BATCH_CONFIRM_WITHIN_MS + 1000);
    expect((await importBatchFor(manager, batchId, later))?.expired).toBe(true);
    expect(await applyWorkerImport(manager, batchId, TODAY, later)).toMatchObject({ ok: false, message: expect.stringMatching(/^This check is more than an hour old/) });
    for (const other of [f.users.managerB, f.users.admin]) {
      expect(await applyWorkerImport(asSession(other), batchId, TODAY, uploaded)).toMatchObject({ ok: false, code: "not_found" });
    }
    for (const other of [f.users.lead, f.users.supportWorker]) {
      expect(await applyWorkerImport(asSession(other), batchId, TODAY, uploaded)).toMatchObject({ ok: false, code: "not_found" });
      expect(await checkWorkerImport(asSession(other), { name: "x.csv", bytes: csv([{ employeeNumber: "1" }]) }, TODAY)).toMatchObject({ ok: false });
    }
    expect(await first(db.select().from(workers).where(eq(workers.employeeNumber, "99000001")))).toBeUndefined();
  });

  it("deletes checked files a day after upload", async () => {
    const f = await register();
    const manager = asSession(f.users.managerA);
    const old = await check(manager, csv([{ employeeNumber: "99000001" }]), new Date("2026-11-20T09:00:00Z"));
    await check(manager, csv([{ employeeNumber: "99000002" }]), new Date("2026-11-22T09:00:00Z"));
    expect(await importBatchFor(manager, old)).toBeUndefined();
    expect(await db.select().from(importRows).where(eq(importRows.batchId, old))).toEqual([]);
  });

  // Bulk correctness only; how long 10,000 rows take is measured by scripts/benchmark.ts, never asserted here.
  it("imports a whole staff list, then applies 1,000 band changes as position changes", async () => {
    const f = await register();
    const admin = asSession(f.users.admin);
    const rows: Row[] = Array.from({ length: 2_000 }, (_, i) => ({
      employeeNumber: `99${String(i).padStart(6, "0")}`,
      team: i % 2 ? "Acute Physiotherapy" : "Dietetics",
      band: String(2 + (i % 3)),
      fte: (0.5 + (i % 5) / 10).toFixed(1),
    }));
    expect(await applyWorkerImport(admin, await check(admin, csv(rows)), TODAY)).toEqual({ ok: true, created: 2_000, updated: 0 });
    const changed = rows.map((r, i) => (i % 2 ? { ...r, band: "4", jobTitle: "Assistant Practitioner" } : r));
    expect(await applyWorkerImport(admin, await check(admin, csv(changed)), TODAY)).toEqual({ ok: true, created: 0, updated: 1_000 });
    expect(await db.select().from(workerPositions).where(and(isNull(workerPositions.effectiveTo), like(workerPositions.reason, "Imported%")))).toHaveLength(2_000);
  }, 30_000); // 2,000 rows checked and 1,000 applied: about 2 s alone, over 5 s on a loaded 2-core machine.
});

describe("who may upload and confirm", () => {
  function request(file: Uint8Array | null, headers: Record<string, string> = {}) {
    const form = new FormData();
    if (file) form.append("file", new File([file as BlobPart], "staff.csv", { type: "text/csv" }));
    return new Request("http://localhost/workers/import/upload", { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost", ...headers } });
  }

  it("answers 404 to leads and support workers, for the upload and the confirmation", async () => {
    const f = await register();
    const batchId = await check(asSession(f.users.managerA), csv([{ employeeNumber: "99000001" }]));
    for (const who of [f.users.lead, f.users.supportWorker]) {
      actAs(asSession(who));
      await expect(upload(request(csv([{ employeeNumber: "99000001" }])))).rejects.toThrow(NOT_FOUND);
      await expect(confirmImportAction(batchId, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    }
    // Another manager: the batch is not theirs.
    actAs(asSession(f.users.managerB));
    await expect(confirmImportAction(batchId, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(await first(db.select().from(workers).where(eq(workers.employeeNumber, "99000001")))).toBeUndefined();
  });

  it("checks a manager's upload and confirms it, refusing bad uploads with a message and no 500", async () => {
    const f = await register();
    actAs(asSession(f.users.managerA));
    const ok = await upload(request(csv([{ employeeNumber: "99000001" }])));
    expect(ok.status).toBe(200);
    const { location } = (await ok.json()) as { location: string };
    expect(location).toMatch(/^\/workers\/import\/[\w-]+$/);

    const refused = async (res: Response, status: number, message: RegExp) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    };
    await refused(await upload(request(new Uint8Array())), 422, /^The file is empty/);
    await refused(await upload(request(null)), 400, /^Choose a CSV file/);
    await refused(await upload(request(csv([]), { "content-length": String(20 * 1024 * 1024) })), 413, /^The file is 20\.0 MB/);
    await refused(await upload(request(csv([]), { origin: "https://evil.example", host: "localhost" })), 403, /did not come from a Pathways page/);
    // No Origin at all (a script outside a browser, or a stripped header), or an opaque one, is refused too.
    const bare = request(csv([]));
    bare.headers.delete("origin");
    await refused(await upload(bare), 403, /did not come from a Pathways page/);
    await refused(await upload(request(csv([]), { origin: "null" })), 403, /did not come from a Pathways page/);
    // With APP_URL set, only that origin is Pathways, whatever Host says.
    process.env.APP_URL = "https://pathways.example.nhs.uk";
    try {
      await refused(await upload(request(csv([]))), 403, /did not come from a Pathways page/);
      expect((await upload(request(csv([{ employeeNumber: "99000003" }]), { origin: "https://pathways.example.nhs.uk" }))).status).toBe(200);
    } finally {
      delete process.env.APP_URL;
    }
    const notMultipart = new Request("http://localhost/workers/import/upload", { method: "POST", body: "garbage", headers: { accept: "application/json", origin: "http://localhost", "content-type": "multipart/form-data; boundary=x" } });
    await refused(await upload(notMultipart), 400, /did not arrive whole/);

    // Without script, the form posts and is redirected.
    const plain = await upload(request(csv([{ employeeNumber: "99000002" }]), { accept: "text/html" }));
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toMatch(/^\/workers\/import\/[\w-]+$/);
    const plainRefused = await upload(request(new Uint8Array(), { accept: "text/html" }));
    expect(plainRefused.headers.get("location")).toBe("/workers/import?refused=1");

    const batchId = location.split("/").pop()!;
    await expect(confirmImportAction(batchId, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await first(db.select().from(workers).where(eq(workers.employeeNumber, "99000001")))).toBeDefined();
    expect(await confirmImportAction(batchId, {}, formData({}))).toMatchObject({ ok: false, message: "This file has already been imported. Nothing was imported again." });
  });
});
