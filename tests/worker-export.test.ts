// The workers list as CSV: the same rows as the list for the same filters, safe to open in Excel, audited, and
// importable again unchanged (the round trip).
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { auditEvents, bands, careSettings, professions, stages, workers } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { checkWorkerImport, importBatchFor } from "@/db/queries/worker-import";
import { GET as exportCsv } from "@/app/(app)/workers/export/route";
import { splitCsv } from "@/lib/csv";
import { EXPORT_HEADINGS } from "@/lib/rules/worker-import/columns";
import { asSession, makeOrg, makeTeam, makeUser, makeWorker } from "./support/factory";
import { exportWorkers } from "@/db/queries/worker-export";
import { allWorkersMatching } from "@/db/queries/workers";
import { workersCsv, workersCsvHead, workersCsvPart } from "@/lib/worker-export";
import { parseWorkerFilters, WORKER_SORTS } from "@/lib/worker-filters";
import { actAs, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));

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
    stage: (await first(db.select().from(stages).where(eq(stages.code, "senior_support_worker"))))!,
    band: (await first(db.select().from(bands).where(eq(bands.code, "3"))))!,
  };
  const a1 = await makeWorker(org.id, ref, { teamId: teamA.id, lineManagerId: managerA.id, fte: 0.6 });
  const a2 = await makeWorker(org.id, ref, { teamId: teamA.id });
  const b1 = await makeWorker(org.id, ref, { teamId: teamB.id, lineManagerId: managerB.id });
  const leaver = await makeWorker(org.id, ref, { teamId: teamA.id, status: "left" });
  const community = (await first(db.select().from(careSettings).where(eq(careSettings.code, "community"))))!;
  // Awkward values: a formula, a quoted comma, an apostrophe.
  await db.update(workers).set({ jobTitle: '=HYPERLINK("http://x","y")', lastName: "O'Brien, Jr", careSettingId: community.id }).where(eq(workers.id, a2.id));
  return { org, teamA, teamB, users: { managerA, managerB, lead, admin, supportWorker }, workers: { a1, a2, b1, leaver } };
}

async function download(query = "") {
  const res = await exportCsv(new Request(`http://localhost/workers/export${query}`));
  // Response.text() would drop the byte-order mark this test wants to see.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  const table = splitCsv(text);
  if (!table.ok) throw new Error("unreadable CSV");
  return { res, text, rows: table.rows.filter((r) => r.some((c) => c !== "")) };
}

describe("exporting the workers list", () => {
  it("gives a manager their workers as a dated CSV with the import's columns, and audits it", async () => {
    const f = await register();
    actAs(asSession(f.users.managerA));
    const { res, text, rows } = await download();
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pathways-workers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(text.startsWith("\ufeffEmployee number,First name,Last name,")).toBe(true);
    expect(text).toContain("\r\n");
    expect(rows[0]).toEqual([...EXPORT_HEADINGS]);
    const a2 = f.workers.a2;
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set([f.workers.a1.employeeNumber, a2.employeeNumber]));
    const row = rows.find((r) => r[0] === a2.employeeNumber)!;
    expect(row).toEqual([
      a2.employeeNumber,
      a2.firstName,
      "O'Brien, Jr",
      `'=HYPERLINK("http://x","y")`,
      "Physiotherapy",
      "Band 3",
      "1",
      "Acute Physiotherapy",
      "Community",
      a2.contractStart,
      "",
      "Senior support worker",
      "In post",
      "",
    ]);
    expect(rows.find((r) => r[0] === f.workers.a1.employeeNumber)).toEqual(expect.arrayContaining([f.users.managerA.email, "0.6", "Manager A"]));

    const audit = (await first(db.select().from(auditEvents).where(eq(auditEvents.action, "workers.export"))))!;
    expect(audit.actorId).toBe(f.users.managerA.id);
    expect(JSON.parse(audit.summary)).toMatchObject({ rows: 2, filters: { status: "in_post" } });
  });

  it("uses the list's query parameters, and names a filtered file so", async () => {
    const f = await register();
    actAs(asSession(f.users.lead));
    expect((await download()).rows).toHaveLength(4);
    const left = await download("?status=left");
    expect(left.rows.slice(1).map((r) => r[0])).toEqual([f.workers.leaver.employeeNumber]);
    expect(left.rows[1]?.[12]).toBe("Left");
    expect(left.res.headers.get("content-disposition")).toMatch(/-filtered\.csv"$/);
    const team = await download(`?team=${f.teamB.id}&sort=nonsense&page=7`);
    expect(team.rows.slice(1).map((r) => r[0])).toEqual([f.workers.b1.employeeNumber]);
  });

  it("answers 404 to a support worker", async () => {
    const f = await register();
    actAs(asSession(f.users.supportWorker));
    await expect(exportCsv(new Request("http://localhost/workers/export"))).rejects.toThrow(NOT_FOUND);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "workers.export"))).toEqual([]);
  });

  it("round trip: an exported file imports back with every row unchanged", async () => {
    const f = await register();
    actAs(asSession(f.users.admin));
    const { text } = await download("?status=all");
    const checked = await checkWorkerImport(asSession(f.users.admin), { name: "export.csv", bytes: new TextEncoder().encode(text) }, "2026-11-22");
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const batch = (await importBatchFor(asSession(f.users.admin), checked.batchId))!;
    expect(batch).toMatchObject({ totalRows: 4, unchanged: 4, toCreate: 0, toUpdate: 0, rejected: 0 });
    expect(batch.notes).toEqual(["These columns are not imported and were ignored: “Status” and “Line manager”."]);
  });

  it("writes, a chunk at a time, the file one statement would, in every order the list offers, for a lead and a manager", async () => {
    const f = await register();
    // More workers, across both teams, with names that order differently by case and by first name.
    for (const [i, last] of ["adams", "Adams", "brown", "Zed", "ádám"].entries()) {
      const w = await makeWorker(f.org.id, { profession: (await first(db.select().from(professions)))!, stage: (await first(db.select().from(stages)))!, band: (await first(db.select().from(bands)))! }, { teamId: i % 2 ? f.teamA.id : f.teamB.id });
      await db.update(workers).set({ lastName: last, firstName: i % 2 ? "Bea" : "al" }).where(eq(workers.id, w.id));
    }
    for (const user of [f.users.lead, f.users.managerA]) {
      for (const sort of WORKER_SORTS) {
        for (const dir of ["asc", "desc"]) {
          const filters = parseWorkerFilters(new URLSearchParams({ sort, dir, status: "all" }));
          const file = await exportWorkers(asSession(user), filters, 2);
          const parts: string[] = [];
          for await (const rows of file.rows()) {
            expect(rows.length).toBeLessThanOrEqual(2);
            parts.push(workersCsvPart(rows));
          }
          const whole = await allWorkersMatching(asSession(user), filters);
          expect(file.count).toBe(whole.length);
          expect(workersCsvHead() + parts.join(""), `${user.role}, ${sort} ${dir}`).toBe(workersCsv(whole));
        }
      }
    }
    // And the route's streamed file is that file.
    actAs(asSession(f.users.lead));
    const { text } = await download("?sort=team&dir=desc");
    expect(text).toBe(workersCsv(await allWorkersMatching(asSession(f.users.lead), parseWorkerFilters(new URLSearchParams({ sort: "team", dir: "desc" })))));
  });
});
