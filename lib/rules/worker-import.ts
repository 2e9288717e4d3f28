// Importing the workforce register from a CSV staff list (the ESR-style lists trusts already export): reading the
// columns, checking every row, and deciding what importing it would do (the dry run). Pure: db/queries/worker-import.ts
// loads the ImportContext (reference lists, teams, the workers the user may edit) and stores and applies the plan.
import { decodeCsvBytes, splitCsv, unguardCell, type TextEncoding } from "../csv";
import { addMonths, formatDate, isIsoDate } from "./dates";
import type { WorkerFields } from "../forms/worker";

/** 5 MB is about 40,000 rows of a typical staff list; the row limit bites first. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

/**
 * The columns, by the heading Pathways writes (the export uses the same ones, so an export imports cleanly) and
 * the other headings it accepts. Headings are compared ignoring case, spaces and punctuation.
 */
export const IMPORT_COLUMNS = {
  employeeNumber: { heading: "Employee number", required: true, aliases: ["Employee no", "Employee ID", "Staff number", "Payroll number"] },
  firstName: { heading: "First name", required: true, aliases: ["Forename", "Forenames", "Given name"] },
  lastName: { heading: "Last name", required: true, aliases: ["Surname", "Family name"] },
  jobTitle: { heading: "Job title", required: true, aliases: ["Job role", "Position title"] },
  profession: { heading: "Profession", required: true, aliases: [] },
  band: { heading: "Band", required: true, aliases: ["Pay band", "AfC band", "Agenda for Change band"] },
  fte: { heading: "FTE", required: true, aliases: ["WTE", "Full time equivalent", "Whole time equivalent"] },
  team: { heading: "Team", required: true, aliases: ["Team name"] },
  careSetting: { heading: "Care setting", required: true, aliases: ["Setting"] },
  contractStart: { heading: "Start date", required: true, aliases: ["Contract start date", "Assignment start date", "Date started"] },
  lineManagerEmail: { heading: "Line manager email", required: true, aliases: ["Line manager's email", "Line manager email address", "Manager email"] },
  role: { heading: "Role", required: false, aliases: ["Stage", "Support role"] },
} as const satisfies Record<string, { heading: string; required: boolean; aliases: readonly string[] }>;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export type Cells = Record<ImportColumn, string>;
const COLUMN_KEYS = Object.keys(IMPORT_COLUMNS) as ImportColumn[];

/** When the file has no role, a new worker's role follows their band (Agenda for Change: 2, 3, 4). */
export const ROLE_BY_BAND: Readonly<Record<string, string>> = {
  "2": "support_worker",
  "3": "senior_support_worker",
  "4": "assistant_practitioner",
};

/* ------------------------------------------------------------------ reading the file */

export type ReadRow = { rowNumber: number; cells: Cells; problems: string[] };
export type ReadResult =
  | { ok: true; rows: ReadRow[]; notes: string[]; hasRoleColumn: boolean }
  | { ok: false; message: string };

const headingKey = (s: string) =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const HEADING_LOOKUP = new Map<string, ImportColumn>(
  COLUMN_KEYS.flatMap((column) => {
    const c = IMPORT_COLUMNS[column];
    return [c.heading, ...c.aliases].map((h) => [headingKey(h), column] as const);
  }),
);

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A value from the file, cut short: a message or a heading should not carry a whole malformed cell. */
const clip = (value: string, max = 40) => (value.length > max ? `${value.slice(0, max)}…` : value);
const quoted = (value: string) => `“${clip(value)}”`;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const ENCODING_NOTE: Partial<Record<TextEncoding, string>> = {
  "windows-1252": "The file was not saved as UTF-8, so it was read as Windows-1252 (what Excel's plain “CSV” uses). Check that accented names look right below.",
  "utf-16le": "The file was saved as Unicode (UTF-16) text and was read as such.",
  "utf-16be": "The file was saved as Unicode (UTF-16) text and was read as such.",
};

/** Reads an uploaded file: its encoding, its header row, and each row's cells by column. */
export function readWorkerCsv(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { ok: false, message: "The file is empty. Choose the CSV file of your staff list." };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `The file is ${formatBytes(bytes.length)}. The largest file Pathways can import is ${formatBytes(MAX_IMPORT_BYTES)}: split it into smaller files.`,
    };
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const result = readWorkerCsvText(decoded.text);
  const note = ENCODING_NOTE[decoded.encoding];
  if (result.ok && note) result.notes.unshift(note);
  return result;
}

export function readWorkerCsvText(text: string): ReadResult {
  if (text.replace(/^\ufeff/, "").trim() === "") return { ok: false, message: "The file is empty. Choose the CSV file of your staff list." };
  const table = splitCsv(text);
  if (!table.ok) {
    return {
      ok: false,
      message: `Row ${table.unclosedQuoteAtRow} has a quotation mark (") that is never closed, so the rest of the file cannot be read. Check that row in the file.`,
    };
  }
  const [header = [], ...body] = table.rows;
  const headings = header.map((h) => h.trim());

  const columnAt: (ImportColumn | null)[] = [];
  const seen = new Map<ImportColumn, string>();
  const unknown: string[] = [];
  let untitled = 0;
  for (const heading of headings) {
    const column = HEADING_LOOKUP.get(headingKey(heading)) ?? null;
    if (column && seen.has(column)) {
      return {
        ok: false,
        message: `The columns ${quoted(seen.get(column)!)} and ${quoted(heading)} both give the ${IMPORT_COLUMNS[column].heading.toLowerCase()}. Keep one of them.`,
      };
    }
    if (column) seen.set(column, heading);
    else if (heading) unknown.push(heading);
    else untitled++;
    columnAt.push(column);
  }

  const missing = COLUMN_KEYS.filter((c) => IMPORT_COLUMNS[c].required && !seen.has(c)).map((c) => IMPORT_COLUMNS[c].heading);
  if (missing.length > 0) {
    const parts = [
      `The file is missing ${missing.length === 1 ? "the column" : "the columns"} ${listWords(missing.map(quoted))}.`,
      unknown.length > 0 ? `Pathways does not recognise ${unknown.length === 1 ? "the column" : "the columns"} ${listWords(unknown.map(quoted))}.` : "",
      "The first row must name the columns, as in the list on this page.",
    ];
    return { ok: false, message: parts.filter(Boolean).join(" ") };
  }

  const rows: ReadRow[] = [];
  body.forEach((raw, index) => {
    if (raw.every((cell) => cell.trim() === "")) return; // blank lines (and the one after the last line break)
    const cells = Object.fromEntries(COLUMN_KEYS.map((c) => [c, ""])) as Cells;
    columnAt.forEach((column, i) => {
      if (column) cells[column] = unguardCell((raw[i] ?? "").trim());
    });
    const problems: string[] = [];
    const extra = raw.slice(headings.length);
    if (raw.length < headings.length) {
      problems.push(`This row has ${raw.length} ${raw.length === 1 ? "cell" : "cells"} but the header row has ${headings.length}: check for a missing comma or a line break inside a cell.`);
    } else if (extra.some((cell) => cell.trim() !== "")) {
      problems.push(`This row has ${raw.length} cells but the header row has ${headings.length}: check for a comma inside a cell that is not in quotes.`);
    }
    rows.push({ rowNumber: index + 2, cells, problems });
  });

  if (rows.length === 0) return { ok: false, message: "The file has a header row but no workers below it." };
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      message: `The file has ${rows.length.toLocaleString("en-GB")} rows. Pathways imports up to ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} at a time: split it into smaller files.`,
    };
  }

  const notes: string[] = [];
  if (unknown.length > 0) {
    notes.push(`${unknown.length === 1 ? "This column is" : "These columns are"} not imported and ${unknown.length === 1 ? "was" : "were"} ignored: ${listWords(unknown.map(quoted))}.`);
  }
  if (untitled > 0) notes.push(`${untitled === 1 ? "A column" : `${untitled} columns`} without a heading ${untitled === 1 ? "was" : "were"} ignored.`);
  if (!seen.has("role")) notes.push("The file has no Role column, so each new worker's role follows their band: band 2 support worker, band 3 senior support worker, band 4 assistant practitioner.");
  return { ok: true, rows, notes, hasRoleColumn: seen.has("role") };
}

/* ------------------------------------------------------------------ what importing would do */

export type RefValue = { id: string; code: string; name: string; retired: boolean };
export type TeamRef = { id: string; name: string; archived: boolean; /** The user may place workers in it. */ manageable: boolean };
export type ManagerRef = { id: string; email: string; active: boolean };
export type ExistingWorker = {
  id: string;
  status: "in_post" | "left";
  record: WorkerFields;
  /** When the position that began on their start date ended (null while it is still open, or if there is none). */
  firstPositionEnd: string | null;
};

export type ImportContext = {
  /** The day the file is checked: start dates may be at most a year after it. */
  today: string;
  professions: RefValue[];
  bands: RefValue[];
  careSettings: RefValue[];
  stages: RefValue[];
  teams: TeamRef[];
  /** Managers in the organisation, with whether their login is active. */
  managers: ManagerRef[];
  /** Employee numbers in use in the organisation (at least those the file names), lower-cased, including workers the user may not see. */
  employeeNumbersInUse: ReadonlySet<string>;
  /** The workers the user may edit (at least those the file names), by lower-cased employee number. */
  editable: ReadonlyMap<string, ExistingWorker>;
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

/** Words compared ignoring case, accents, punctuation and spacing ("Podiatry (Chiropody)" = "podiatry chiropody"). */
export function looseKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** "Band 3", "band3", "AfC Band 3" and "3" all name band 3. */
const bandKey = (s: string) => looseKey(s).replace(/\s+/g, "").replace(/^(afc|agendaforchange)?band/, "");

function indexBy<T extends { retired?: boolean; archived?: boolean }>(values: T[], keysOf: (v: T) => string[]): Map<string, T> {
  const map = new Map<string, T>();
  // Current values first, so a retired one never hides a live one with the same name.
  const ordered = [...values].sort((a, b) => Number(!!(a.retired || a.archived)) - Number(!!(b.retired || b.archived)));
  for (const v of ordered) for (const k of keysOf(v)) if (k && !map.has(k)) map.set(k, v);
  return map;
}

const refKeys = (v: RefValue) => [looseKey(v.code), looseKey(v.name), looseKey(v.name.replace(/\(.*?\)/g, ""))];

/** The reference lists indexed for lookups; built once per file. */
function lookups(ctx: ImportContext) {
  const names = (values: { id: string; name: string }[]) => new Map(values.map((v) => [v.id, v.name]));
  return {
    latestStart: addMonths(ctx.today, 12),
    professions: indexBy(ctx.professions, refKeys),
    bands: indexBy(ctx.bands, (v) => [bandKey(v.code), bandKey(v.name)]),
    careSettings: indexBy(ctx.careSettings, refKeys),
    stages: indexBy(ctx.stages, refKeys),
    stagesByCode: new Map(ctx.stages.filter((s) => !s.retired).map((s) => [s.code, s])),
    teams: indexBy(ctx.teams, (t) => [looseKey(t.name)]),
    managers: new Map(ctx.managers.map((m) => [m.email.toLowerCase(), m])),
    label: {
      professionId: names(ctx.professions),
      bandId: names(ctx.bands),
      careSettingId: names(ctx.careSettings),
      stageId: names(ctx.stages),
      teamId: names(ctx.teams),
      lineManagerId: new Map(ctx.managers.map((m) => [m.id, m.email])),
    },
  };
}
type Lookups = ReturnType<typeof lookups>;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: string) => n.padStart(2, "0");

/** YYYY-MM-DD, DD/MM/YYYY (UK order), or DD-Mon-YYYY as ESR writes it; a midnight time after the date is allowed. */
export function readDate(raw: string): { iso: string } | { problem: "format" | "two_digit_year" | "not_real" } {
  const s = raw.trim().replace(/[T ]00:00(:00(\.0+)?)?Z?$/i, "");
  let m: RegExpExecArray | null;
  let iso: string | undefined;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) iso = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  else if ((m = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/.exec(s))) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month < 0) return { problem: "format" };
    iso = `${m[3]}-${pad(String(month + 1))}-${pad(m[1]!)}`;
  } else if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(s)) return { problem: "two_digit_year" };
  else return { problem: "format" };
  return isIsoDate(iso) ? { iso } : { problem: "not_real" };
}

type Resolved = {
  fields: Partial<WorkerFields>;
  problems: string[];
  team?: TeamRef;
  manager?: ManagerRef;
  picked: Partial<Record<keyof WorkerFields, RefValue>>;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requiredText(value: string, column: string, max: number, problems: string[]): string | undefined {
  if (!value) problems.push(`${column} is empty`);
  else if (value.length > max) problems.push(`${column} is longer than ${max} characters`);
  else return value;
  return undefined;
}

/** Checks one row's cells on their own and turns names into ids. */
function resolveCells(cells: Cells, ctx: ImportContext, l: Lookups): Resolved {
  const problems: string[] = [];
  const fields: Partial<WorkerFields> = {};
  const picked: Resolved["picked"] = {};

  const en = cells.employeeNumber;
  if (!en) problems.push("Employee number is empty");
  else if (/^\d+(\.\d+)?e\+?\d+$/i.test(en)) {
    problems.push(`Employee number ${quoted(en)} looks like a spreadsheet turned it into a number: format the column as text and save the file again`);
  } else if (en.length > 20) problems.push(`Employee number ${quoted(en)} is longer than 20 characters`);
  else if (!/^[A-Za-z0-9-]+$/.test(en)) problems.push(`Employee number ${quoted(en)} can only contain letters, numbers and hyphens`);
  else fields.employeeNumber = en;

  fields.firstName = requiredText(cells.firstName, "First name", 80, problems);
  fields.lastName = requiredText(cells.lastName, "Last name", 80, problems);
  fields.jobTitle = requiredText(cells.jobTitle, "Job title", 120, problems);

  const pick = (
    field: "professionId" | "bandId" | "careSettingId" | "stageId",
    raw: string,
    index: Map<string, RefValue>,
    key: (s: string) => string,
    unknown: string,
  ) => {
    if (!raw) return;
    const found = index.get(key(raw));
    if (!found) problems.push(unknown);
    else {
      fields[field] = found.id;
      picked[field] = found;
    }
  };

  if (!cells.profession) problems.push("Profession is empty");
  pick("professionId", cells.profession, l.professions, looseKey, `Profession ${quoted(cells.profession)} is not one Pathways knows: use a name from the list on the import page, like Physiotherapy`);
  if (!cells.band) fields.bandId = null;
  pick("bandId", cells.band, l.bands, bandKey, `Band ${quoted(cells.band)} is not an Agenda for Change band Pathways knows: use the number or name, like 3 or Band 3`);
  if (!cells.careSetting) fields.careSettingId = null;
  pick("careSettingId", cells.careSetting, l.careSettings, looseKey, `Care setting ${quoted(cells.careSetting)} is not one Pathways knows: use a name from the list on the import page`);
  pick("stageId", cells.role, l.stages, looseKey, `Role ${quoted(cells.role)} is not one Pathways knows: use a role from the list on the import page, like Support worker`);

  const fte = cells.fte.replace(",", ".");
  if (!cells.fte) problems.push("FTE is empty");
  else if (!/^\d*\.?\d+$/.test(fte)) problems.push(`FTE ${quoted(cells.fte)} is not a number: use a number from 0.01 to 1, like 0.8`);
  else {
    const n = Number(fte);
    const rounded = Math.round(n * 100) / 100;
    if (n <= 0) problems.push(`FTE ${cells.fte} must be more than 0`);
    else if (n > 1) problems.push(`FTE ${cells.fte} must be 1 or less (1 is full time)`);
    else if (rounded === 0) problems.push(`FTE ${cells.fte} is too small: the smallest is 0.01`);
    else fields.fte = rounded;
  }

  let team: TeamRef | undefined;
  if (!cells.team) problems.push("Team is empty");
  else {
    team = l.teams.get(looseKey(cells.team));
    if (!team) problems.push(`There is no team called ${quoted(cells.team)}`);
    else fields.teamId = team.id;
  }

  const start = cells.contractStart;
  if (!start) problems.push("Start date is empty");
  else {
    const read = readDate(start);
    if ("problem" in read) {
      problems.push(
        read.problem === "two_digit_year"
          ? `Start date ${quoted(start)} has a two-digit year: use four digits, like 27/03/2024`
          : read.problem === "not_real"
            ? `Start date ${quoted(start)} is not a real date`
            : `Start date ${quoted(start)} is not a date Pathways can read: use 27/03/2024 or 2024-03-27`,
      );
    } else if (read.iso < "1950-01-01") problems.push(`Start date ${quoted(start)} is before 1950`);
    else if (read.iso > l.latestStart) problems.push(`Start date ${quoted(start)} is more than a year from now`);
    else fields.contractStart = read.iso;
  }

  let manager: ManagerRef | undefined;
  const email = cells.lineManagerEmail.toLowerCase();
  if (!email) fields.lineManagerId = null;
  else if (!EMAIL.test(email)) problems.push(`Line manager email ${quoted(cells.lineManagerEmail)} is not an email address`);
  else {
    manager = l.managers.get(email);
    if (!manager) problems.push(`No manager in Pathways has the email ${quoted(email)}`);
    else fields.lineManagerId = manager.id;
  }
  return { fields, problems, team, manager, picked };
}

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
  const before = existing?.record;

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

/** The CSV columns of the export: the import's, in its order, then what only the export carries. */
export const EXPORT_HEADINGS = [...COLUMN_KEYS.map((c) => IMPORT_COLUMNS[c].heading), "Status", "Line manager"] as const;
