// Checking one row's cells on their own against the reference lists, teams and managers, turning names into ids.
import { addMonths, isIsoDate } from "../dates";
import type { WorkerFields } from "../../forms/worker";
import type { Cells } from "./columns";
import { quoted } from "./messages";

export type RefValue = { id: string; code: string; name: string; retired: boolean };
export type TeamRef = { id: string; name: string; archived: boolean; /** The user may place workers in it. */ manageable: boolean };
export type ManagerRef = { id: string; email: string; active: boolean };
export type ExistingWorker = {
  id: string;
  status: "in_post" | "left";
  record: WorkerFields;
  /** When the position that began on their start date ended (null while it is still open, or if there is none). */
  firstPositionEnd: string | null;
  /** The worker's own login, if they have one: never their own line manager. */
  userId: string | null;
  /** The record is the importing user's own, which nobody changes themselves (db/separation.ts). */
  own: boolean;
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
export function lookups(ctx: ImportContext) {
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
export type Lookups = ReturnType<typeof lookups>;

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

export type Resolved = {
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
export function resolveCells(cells: Cells, ctx: ImportContext, l: Lookups): Resolved {
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
