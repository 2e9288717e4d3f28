// Importing mandatory training completions from a learning system's or ESR's CSV file: reading ESR's competence
// names, the dry run row by row, applying it in one transaction (once, and only as checked), the access rule (an
// administrator's own organisation, never their own record), and who may upload and confirm.
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { auditEvents, importBatches, trainingCompletions, trainingSubjects, workers } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { applyTrainingImport, checkTrainingImport, trainingImportBatch, trainingImportRows } from "@/db/queries/training-import";
import { importBatchFor } from "@/db/queries/worker-import";
import { complianceOfVisibleWorkers, recordCompletion } from "@/db/queries/mandatory-training";
import { exactKey, planTrainingImport, subjectKey, type PlannedCompletion } from "@/lib/rules/training-import";
import { now as clockNow } from "@/lib/rules/dates";
import { POST as upload } from "@/app/(app)/admin/mandatory-training/import/upload/route";
import { confirmTrainingImportAction } from "@/app/(app)/admin/mandatory-training/import/actions";
import { asSession, makeUser, makeWorker, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";

const file = (lines: string[], header = "Employee Number,Competence Name,Achieved Date,Expiry Date") => new TextEncoder().encode(`\ufeff${header}\r\n${lines.join("\r\n")}\r\n`);

async function setup() {
  await seedReference(db);
  const f = await twoTeams();
  return f;
}

const subjectId = async (name: string) => (await first(db.select({ id: trainingSubjects.id }).from(trainingSubjects).where(eq(trainingSubjects.name, name))))!.id;

async function check(user: Parameters<typeof asSession>[0], bytes: Uint8Array) {
  const result = await checkTrainingImport(asSession(user), { name: "completions.csv", bytes }, TODAY);
  if (!result.ok) throw new Error(result.message);
  return result.batchId;
}

async function rowsOf(user: Parameters<typeof asSession>[0], batchId: string): Promise<PlannedCompletion[]> {
  return (await trainingImportRows(asSession(user), batchId, { page: 1 })).rows;
}

describe("reading the file", () => {
  it("reads ESR's competence names as the subjects they name", () => {
    expect(subjectKey("NHS|CSTF|Fire Safety - 2 Years|")).toBe(subjectKey("Fire safety"));
    expect(subjectKey("NHS|CSTF|Resuscitation - Level 2 - Adult Basic Life Support - 1 Year|")).toBe(subjectKey("Resuscitation, level 2 (adult basic life support)"));
    expect(subjectKey("NHS|CSTF|Infection Prevention and Control - Level 1 - 3 Years|")).toBe(subjectKey("Infection prevention and control, level 1"));
    expect(subjectKey("Equality, Diversity & Human Rights")).toBe(subjectKey("Equality, diversity and human rights"));
    expect(subjectKey("Fire safety - 18 months")).toBe(subjectKey("Fire safety"));
  });

  it("plans each row: new, already recorded, or refused with every reason", () => {
    const worker = { id: "w1", name: "Amy Jones", left: false, mine: true };
    const fire = { id: "s1", name: "Fire safety", renewalMonths: 24 };
    // Two local subjects that read alike once "&" is "and".
    const mh1 = { id: "s2", name: "Moving and handling", renewalMonths: 12 };
    const mh2 = { id: "s3", name: "Moving & handling", renewalMonths: 12 };
    const ctx = {
      today: TODAY,
      workers: new Map([
        ["1001", worker],
        ["1002", { ...worker, id: "w2", left: true, name: "Ben Left" }],
        ["1003", { ...worker, id: "w3", mine: false }],
      ]),
      exact: new Map([[exactKey("Fire safety"), fire], [exactKey("Moving and handling"), mh1], [exactKey("Moving & handling"), mh2]]),
      loose: new Map([
        [subjectKey("Fire safety"), [fire]],
        [subjectKey("Moving and handling"), [mh1, mh2]],
      ]),
      recorded: new Set(["w1|s1|2025-01-01"]),
      removed: new Map([["w1|s1|2025-02-01", { on: "2025-03-01", reason: "Wrong person" }]]),
    };
    const row = (n: number, cells: Partial<Record<"employeeNumber" | "subject" | "completedOn" | "expiresOn", string>>) => ({
      rowNumber: n,
      cells: { employeeNumber: "1001", subject: "Fire safety", completedOn: "01/03/2026", expiresOn: "", ...cells },
      problems: [],
    });
    const plan = planTrainingImport(
      [
        row(2, {}),
        row(3, { completedOn: "2025-01-01" }),
        row(4, { completedOn: "02/03/2026", expiresOn: "31-Dec-2026" }),
        row(5, {}),
        row(6, { employeeNumber: "1002" }),
        row(7, { employeeNumber: "1003" }),
        row(8, { employeeNumber: "9999", subject: "Underwater basket weaving" }),
        row(9, { completedOn: "23/11/2026" }),
        row(10, { completedOn: "1/3/26" }),
        row(11, { completedOn: "31/02/2026" }),
        row(12, { completedOn: "05/03/2026", expiresOn: "01/01/2026" }),
        row(13, { employeeNumber: "", subject: "", completedOn: "" }),
        row(14, { subject: "MOVING & HANDLING" }),
        row(15, { subject: "NHS|CSTF|Moving and Handling - 1 Year|" }),
        row(16, { completedOn: "2025-02-01" }),
        row(17, { completedOn: "03/03/2026", expiresOn: "31/12/4712" }),
      ],
      ctx,
    );
    expect(plan.map((p) => [p.rowNumber, p.verdict, p.verdict === "rejected" ? p.problems : p.verdict === "create" ? [p.completedOn, p.expiresOn] : []])).toEqual([
      [2, "create", ["2026-03-01", "2028-03-01"]],
      [3, "unchanged", []],
      [4, "create", ["2026-03-02", "2026-12-31"]],
      [5, "rejected", ["The same completion as row 2"]],
      [6, "rejected", ["Ben Left has left: their record can no longer be changed"]],
      [7, "rejected", ["No worker with the employee number “1003” whose record you can change"]],
      [8, "rejected", ["No worker with the employee number “9999” whose record you can change", "No current subject called “Underwater basket weaving”: name it as the mandatory training subjects list does, or add it there first"]],
      [9, "rejected", ["The date completed “23/11/2026” is in the future"]],
      [10, "rejected", ["The date completed “1/3/26” has a two-digit year: write the year in full, like 31/01/2026"]],
      [11, "rejected", ["The date completed “31/02/2026” is not a real date"]],
      [12, "rejected", ["The expiry date “01/01/2026” is before the date completed"]],
      [13, "rejected", ["The employee number is missing", "The subject is missing", "The date completed is missing"]],
      // The exact name wins; a loose reading of two subjects is refused, never guessed.
      [14, "create", ["2026-03-01", "2027-03-01"]],
      [15, "rejected", ["“NHS|CSTF|Moving and Handling - 1 Year|” could be Moving and handling or Moving & handling: name it exactly as the list does"]],
      [16, "rejected", ["This completion was removed on 1 March 2025 as recorded in error (Wrong person). If it is right after all, record it by hand."]],
      // ESR's "no end date".
      [17, "create", ["2026-03-03", null]],
    ]);
  });
});

describe("checking and importing", () => {
  it("an administrator checks a file, sees each row, and imports the new completions once, each audited", async () => {
    const f = await setup();
    const a = f.workers.workerA;
    const b = f.workers.workerB;
    const bytes = file([
      `${a.employeeNumber},NHS|CSTF|Fire Safety - 2 Years|,01-Mar-2026,`,
      `${b.employeeNumber},Information governance and data security,2026-02-01,2026-12-01`,
      `${a.employeeNumber},Knitting,2026-02-01,`,
    ]);
    const batchId = await check(f.users.admin, bytes);
    expect((await rowsOf(f.users.admin, batchId)).map((r) => r.verdict)).toEqual(["create", "create", "rejected"]);
    expect(await trainingImportBatch(asSession(f.users.admin), batchId)).toMatchObject({ toCreate: 2, rejected: 1, unchanged: 0, notes: [] });

    expect(await applyTrainingImport(asSession(f.users.admin), batchId, TODAY)).toEqual({ ok: true, created: 2 });
    const rows = await db.select().from(trainingCompletions);
    expect(rows.map((r) => [r.workerId, r.completedOn, r.expiresOn, r.source, r.importBatchId]).sort()).toEqual(
      [
        [a.id, "2026-03-01", "2028-03-01", "imported", batchId],
        [b.id, "2026-02-01", "2026-12-01", "imported", batchId],
      ].sort(),
    );
    expect((await complianceOfVisibleWorkers(asSession(f.users.admin), TODAY)).find((w) => w.workerId === a.id)!.needed.find((n) => n.name === "Fire safety")).toMatchObject({ status: "in_date" });
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.action, "training_completion.import_create"));
    expect(audited.map((e) => e.workerId).sort()).toEqual([a.id, b.id].sort());
    expect(JSON.parse((await first(db.select().from(auditEvents).where(eq(auditEvents.action, "training_completions.import"))))!.summary)).toEqual({
      fileName: "completions.csv",
      created: 2,
      unchanged: 0,
      rejected: 1,
    });

    // Once only; and the same file again finds them recorded.
    expect(await applyTrainingImport(asSession(f.users.admin), batchId, TODAY)).toMatchObject({ ok: false, code: "conflict", message: /already been imported/ });
    const again = await check(f.users.admin, bytes);
    expect((await rowsOf(f.users.admin, again)).map((r) => r.verdict)).toEqual(["unchanged", "unchanged", "rejected"]);
  });

  it("refuses, adding nothing, when a record changed after the check", async () => {
    const f = await setup();
    const a = f.workers.workerA;
    const batchId = await check(f.users.admin, file([`${a.employeeNumber},Fire safety,01/03/2026,`, `${a.employeeNumber},Knitting,01/03/2026,`]));
    expect((await rowsOf(f.users.admin, batchId)).map((r) => r.verdict)).toEqual(["create", "rejected"]);
    await recordCompletion(asSession(f.users.managerA), a.id, { subjectId: await subjectId("Fire safety"), completedOn: "2026-03-01", note: "" }, TODAY);
    expect(await applyTrainingImport(asSession(f.users.admin), batchId, TODAY)).toMatchObject({ ok: false, code: "conflict", message: /changed since the file was checked/ });
    expect(await db.select().from(trainingCompletions).where(eq(trainingCompletions.source, "imported"))).toEqual([]);
    expect(await first(db.select().from(importBatches).where(eq(importBatches.id, batchId)))).toMatchObject({ status: "checked" });
  });

  it("never reaches another organisation's workers or the administrator's own record", async () => {
    const f = await setup();
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, userId: f.users.admin.id });
    const batchId = await check(f.users.admin, file([`${f.workers.otherOrgWorker.employeeNumber},Fire safety,01/03/2026,`, `${own.employeeNumber},Fire safety,01/03/2026,`]));
    expect((await rowsOf(f.users.admin, batchId)).map((r) => r.verdict)).toEqual(["rejected", "rejected"]);
  });

  it("a batch is its uploader's and its kind's alone; a check over an hour old is not imported", async () => {
    const f = await setup();
    const batchId = await check(f.users.admin, file([`${f.workers.workerA.employeeNumber},Fire safety,01/03/2026,`]));
    const otherAdmin = asSession(await makeUser(f.org.id, "admin"));
    expect(await trainingImportBatch(otherAdmin, batchId)).toBeUndefined();
    expect(await applyTrainingImport(otherAdmin, batchId, TODAY)).toMatchObject({ ok: false, code: "not_found" });
    // Not a staff list's batch: the workers import neither shows nor applies it.
    expect(await importBatchFor(asSession(f.users.admin), batchId)).toBeUndefined();
    const [staff] = await db
      .insert(importBatches)
      .values({ orgId: f.org.id, uploadedBy: f.users.admin.id, kind: "workers", fileName: "staff.csv", checkedOn: TODAY, totalRows: 0, toCreate: 0, toUpdate: 0, unchanged: 0, rejected: 0 })
      .returning({ id: importBatches.id });
    expect(await trainingImportBatch(asSession(f.users.admin), staff!.id)).toBeUndefined();
    expect(await applyTrainingImport(asSession(f.users.admin), staff!.id, TODAY)).toMatchObject({ ok: false, code: "not_found" });
    // An hour on from the app's clock (pinned on an awkward day), as the batch was made by it.
    const later = new Date(clockNow().getTime() + 61 * 60_000);
    expect(await applyTrainingImport(asSession(f.users.admin), batchId, TODAY, later)).toMatchObject({ ok: false, code: "conflict", message: /more than an hour old/ });
    expect((await trainingImportBatch(asSession(f.users.admin), batchId, later))?.expired).toBe(true);
  });

  it("a file's shape is checked first: no columns it needs, nothing below the header", async () => {
    const f = await setup();
    const refused = async (bytes: Uint8Array) => await checkTrainingImport(asSession(f.users.admin), { name: "x.csv", bytes }, TODAY);
    expect(await refused(new TextEncoder().encode("Name,Course\r\nAmy,Fire safety\r\n"))).toMatchObject({ ok: false, code: "invalid", message: /missing the columns “Employee number” and “Completed on”/ });
    expect(await refused(new TextEncoder().encode("Employee number,Subject,Completed on\r\n"))).toMatchObject({ ok: false, message: "The file has a header row but no completions below it." });
    expect(await refused(new Uint8Array())).toMatchObject({ ok: false, message: "The file is empty. Choose the CSV file of completions." });
    const noExpiry = await check(f.users.admin, file([`${f.workers.workerA.employeeNumber},Fire safety,01/03/2026`], "Employee number,Subject,Completed on"));
    expect((await trainingImportBatch(asSession(f.users.admin), noExpiry))?.notes).toEqual(["The file has no expiry date column, so each completion runs out after its subject's renewal period."]);
  });
});

describe("who may upload and confirm", () => {
  const request = (bytes: Uint8Array | null, headers: Record<string, string> = {}) => {
    const form = new FormData();
    if (bytes) form.append("file", new File([bytes as BlobPart], "completions.csv", { type: "text/csv" }));
    return new Request("http://localhost/admin/mandatory-training/import/upload", { method: "POST", body: form, headers: { accept: "application/json", origin: "http://localhost", ...headers } });
  };

  it("an administrator uploads and confirms; a manager, a lead and a support worker get 404", async () => {
    const f = await setup();
    const bytes = file([`${f.workers.workerA.employeeNumber},Fire safety,01/03/2026,`]);
    for (const who of [f.users.managerA, f.users.lead, f.users.workerUserA]) {
      actAs(asSession(who));
      await expect(upload(request(bytes))).rejects.toThrow(NOT_FOUND);
      await expect(confirmTrainingImportAction("abcdefghijklmnop", {}, formData({}))).rejects.toThrow(NOT_FOUND);
    }
    actAs(asSession(f.users.admin));
    const answer = await upload(request(bytes));
    expect(answer.status).toBe(200);
    const { location } = (await answer.json()) as { location: string };
    expect(location).toMatch(/^\/admin\/mandatory-training\/import\/[\w-]{16}$/);
    const batchId = location.split("/").pop()!;
    await expect(confirmTrainingImportAction(batchId, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await db.select().from(trainingCompletions).where(and(eq(trainingCompletions.workerId, f.workers.workerA.id), eq(trainingCompletions.source, "imported")))).toHaveLength(1);
    // From another site, nothing is checked.
    expect((await upload(request(bytes, { origin: "https://evil.example" }))).status).toBe(403);
    expect((await upload(request(null))).status).toBe(400);
  });

  it("leaves a worker who has left alone", async () => {
    const f = await setup();
    await db.update(workers).set({ status: "left" }).where(eq(workers.id, f.workers.workerA.id));
    const batchId = await check(f.users.admin, file([`${f.workers.workerA.employeeNumber},Fire safety,01/03/2026,`]));
    expect((await rowsOf(f.users.admin, batchId))[0]).toMatchObject({ verdict: "rejected", problems: [expect.stringMatching(/has left/)] });
  });
});
