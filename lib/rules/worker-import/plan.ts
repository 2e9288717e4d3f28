// The dry run: what importing each row would do (create, update, leave unchanged or refuse) and why. Pure:
// db/queries/worker-import.ts loads the ImportContext (reference lists, teams, the workers the user may edit) and stores
// and applies the plan.
import { formatDate } from "../dates";
import type { WorkerFields } from "../../forms/worker";
import type { Cells } from "./columns";
import type { ReadRow } from "./read-file";
import { lookups, resolveCells, type ImportContext, type Lookups, type RefValue } from "./check-row";
import { clip, listWords, quoted } from "./messages";

/** When the file has no role, a new worker's role follows their band (Agenda for Change: 2, 3, 4). */
export const ROLE_BY_BAND: Readonly<Record<string, string>> = {
  "2": "support_worker",
  "3": "senior_support_worker",
  "4": "assistant_practitioner",
};

export type FieldChange = { field: keyof WorkerFields; label: string; from: string; to: string };

type RowBase = {
  rowNumber: number;
  cells: Cells;
  /** Problems with the row's shape found while reading the file (kept so a re-check sees the same row). */
  readProblems: string[];
  employeeNumber: string;
  name: string;
};
export type PlannedRow =
  | (RowBase & { verdict: "rejected"; problems: string[] })
  | (RowBase & { verdict: "create"; fields: WorkerFields; summary: string })
  | (RowBase & { verdict: "update"; workerId: string; fields: WorkerFields; changes: FieldChange[] })
  | (RowBase & { verdict: "unchanged"; workerId: string });

export const FIELD_LABELS: Record<keyof WorkerFields, string> = {
  employeeNumber: "Employee number",
  firstName: "First name",
  lastName: "Last name",
  jobTitle: "Job title",
  professionId: "Profession",
  stageId: "Role",
  bandId: "Band",
  careSettingId: "Care setting",
  teamId: "Team",
  lineManagerId: "Line manager",
  fte: "FTE",
  contractStart: "Start date",
};

function display(field: keyof WorkerFields, value: WorkerFields[keyof WorkerFields], l: Lookups): string {
  if (value === null || value === undefined || value === "") return "none";
  if (field === "contractStart") return formatDate(String(value));
  if (field === "fte") return String(value);
  const names = (l.label as Record<string, Map<string, string>>)[field];
  return names ? (names.get(String(value)) ?? "unknown") : String(value);
}

/** The fields an import compares with the register (the employee number is what it matches on). */
export const COMPARED = [
  "firstName",
  "lastName",
  "jobTitle",
  "professionId",
  "stageId",
  "bandId",
  "careSettingId",
  "teamId",
  "lineManagerId",
  "fte",
  "contractStart",
] as const satisfies readonly (keyof WorkerFields)[];

/** Employee numbers on more than one row, with the rows they are on. */
function duplicateRows(rows: ReadRow[]): Map<string, number[]> {
  const byNumber = new Map<string, number[]>();
  for (const r of rows) {
    const key = r.cells.employeeNumber.toLowerCase();
    if (key) byNumber.set(key, [...(byNumber.get(key) ?? []), r.rowNumber]);
  }
  return byNumber;
}

/**
 * The dry run: for each row, what importing it would do and why. Rows are matched to workers by employee number
 * (ignoring case). A row whose values equal the worker's record is "unchanged", so a second import of the same
 * file changes nothing. A manager may only add or move workers into teams they manage; a worker they may not edit
 * is refused without saying more about them.
 */
export function planImport(rows: ReadRow[], ctx: ImportContext): PlannedRow[] {
  const l = lookups(ctx);
  const duplicates = duplicateRows(rows);
  return rows.map((row) => planRow(row, ctx, l, duplicates));
}

function planRow(row: ReadRow, ctx: ImportContext, l: Lookups, duplicates: Map<string, number[]>): PlannedRow {
  const { cells, rowNumber } = row;
  const base: RowBase = {
    rowNumber,
    cells,
    readProblems: row.problems,
    employeeNumber: clip(cells.employeeNumber),
    name: clip(`${cells.firstName} ${cells.lastName}`.trim(), 160),
  };
  const { fields, problems: cellProblems, team, manager, picked } = resolveCells(cells, ctx, l);
  const problems = [...row.problems, ...cellProblems];
  const reject = (more: string[] = []): PlannedRow => ({ ...base, verdict: "rejected", problems: [...problems, ...more] });

  const key = cells.employeeNumber.toLowerCase();
  const others = (duplicates.get(key) ?? []).filter((n) => n !== rowNumber);
  if (others.length > 0) {
    problems.push(`Employee number ${clip(cells.employeeNumber)} is also on ${others.length === 1 ? "row" : "rows"} ${listWords(others.map(String))}`);
  }
  const existing = key ? ctx.editable.get(key) : undefined;
  if (key && !existing && ctx.employeeNumbersInUse.has(key)) {
    return reject([`Employee number ${clip(cells.employeeNumber)} belongs to a worker outside your teams`]);
  }
  if (existing?.own) {
    return reject([`Employee number ${clip(cells.employeeNumber)} is your own record: another manager or an administrator changes it`]);
  }
  const before = existing?.record;
  if (manager && existing?.userId === manager.id) problems.push(`${quoted(manager.email)} is this worker's own login: nobody is their own line manager`);

  // A team or reference value no longer in use is fine only where the worker already has it.
  if (team && team.id !== before?.teamId) {
    if (team.archived) problems.push(`Team ${quoted(team.name)} is archived`);
    else if (!team.manageable) problems.push(`You do not manage team ${quoted(team.name)}`);
  }
  if (manager && !manager.active && manager.id !== before?.lineManagerId) {
    problems.push(`The line manager ${quoted(manager.email)} no longer has an active Pathways login`);
  }
  for (const [field, value] of Object.entries(picked) as [keyof WorkerFields, RefValue][]) {
    if (value.retired && before?.[field] !== value.id) problems.push(`${FIELD_LABELS[field]} ${quoted(value.name)} is no longer in use`);
  }

  // The role: from the file, else the worker's current one, else worked out from the band.
  if (fields.stageId === undefined && !cells.role) {
    if (before) fields.stageId = before.stageId;
    else if (fields.bandId !== undefined) {
      const band = fields.bandId ? picked.bandId : undefined;
      const stage = band ? l.stagesByCode.get(ROLE_BY_BAND[band.code] ?? "") : undefined;
      if (stage) fields.stageId = stage.id;
      else {
        problems.push(
          band
            ? `Role is empty, and ${band.name} does not say which role it is: give a role, like Support worker, in a Role column`
            : "Role is empty, and there is no band to work it out from: give a role, like Support worker, in a Role column",
        );
      }
    }
  }

  if (problems.length > 0) return reject();
  const complete = { ...fields } as WorkerFields;

  if (!existing || !before) {
    const summary = [
      display("teamId", complete.teamId, l),
      display("stageId", complete.stageId, l),
      complete.bandId ? display("bandId", complete.bandId, l) : undefined,
      `${complete.fte} FTE`,
      `from ${formatDate(complete.contractStart)}`,
    ]
      .filter(Boolean)
      .join(" · ");
    return { ...base, verdict: "create", fields: complete, summary };
  }

  complete.employeeNumber = before.employeeNumber;
  const changes: FieldChange[] = COMPARED.filter((f) => complete[f] !== before[f]).map((f) => ({
    field: f,
    label: FIELD_LABELS[f],
    from: display(f, before[f], l),
    to: display(f, complete[f], l),
  }));
  if (changes.length === 0) return { ...base, verdict: "unchanged", workerId: existing.id };
  if (existing.status === "left") {
    return reject([`Employee number ${clip(cells.employeeNumber)} belongs to a worker who has left: their record cannot be changed by an import`]);
  }
  if (complete.contractStart !== before.contractStart && existing.firstPositionEnd && complete.contractStart >= existing.firstPositionEnd) {
    return reject([`Start date cannot move to ${formatDate(complete.contractStart)}: their next position began on ${formatDate(existing.firstPositionEnd)}`]);
  }
  return { ...base, verdict: "update", workerId: existing.id, fields: complete, changes };
}

export type PlanCounts = { total: number; create: number; update: number; unchanged: number; rejected: number };

export function countPlan(plan: readonly PlannedRow[]): PlanCounts {
  const counts: PlanCounts = { total: plan.length, create: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const row of plan) counts[row.verdict]++;
  return counts;
}
