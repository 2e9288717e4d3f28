// Importing mandatory training completions from a learning system's or ESR's CSV file (decision record 0033): the
// columns it reads, how a subject named in the file is matched ("NHS|CSTF|Fire Safety - 2 Years|" is Fire safety),
// and the dry run: what each row would do (add a completion, leave one already recorded, or refuse) and why. Pure:
// db/queries/training-import.ts loads the context and stores and applies the plan.
import { expiryOf } from "./mandatory-training";
import { formatDate } from "./dates";
import { looseKey, readDate } from "./worker-import/check-row";
import { quoted } from "./worker-import/messages";
import type { ColumnSpec, ReadRowOf } from "./csv-columns";

/** The columns, by the heading Pathways names on the page and the headings ESR and learning systems write. */
export const TRAINING_IMPORT_COLUMNS = {
  // Not "Assignment number" nor a learning system's own user id: either would quietly name someone else.
  employeeNumber: { heading: "Employee number", required: true, aliases: ["Employee no", "Staff number", "Payroll number"] },
  subject: { heading: "Subject", required: true, aliases: ["Competence name", "Competence", "Course", "Course name", "Course title", "Training", "Module", "Learning", "Competency"] },
  completedOn: { heading: "Completed on", required: true, aliases: ["Completion date", "Date completed", "Achieved date", "Date achieved", "Completed", "Meets requirement date"] },
  expiresOn: { heading: "Expires on", required: false, aliases: ["Expiry date", "Expiry", "Expires", "Renewal date", "Valid until"] },
} as const satisfies ColumnSpec<string>;

export type TrainingColumn = keyof typeof TRAINING_IMPORT_COLUMNS;
export type TrainingCells = Record<TrainingColumn, string>;
export type TrainingReadRow = ReadRowOf<TrainingColumn>;

/**
 * A subject's name as the file and the list are compared: ESR's "NHS|CSTF|Fire Safety - 2 Years|" is its last part
 * without the renewal period ("Fire Safety"); then case, accents, punctuation and spacing aside, and "and" for "&".
 */
export function subjectKey(name: string): string {
  const parts = name.split("|").map((p) => p.trim()).filter(Boolean);
  const last = parts.length > 0 ? parts[parts.length - 1]! : name;
  const withoutPeriod = last.replace(/\s*-\s*\d+\s*(years?|months?|yrs?)\s*$/i, "");
  return looseKey(withoutPeriod.replace(/&/g, " and "));
}

export type SubjectRef = { id: string; name: string; renewalMonths: number | null };

/** A name as typed, case and spacing aside: how a file naming a subject exactly is matched first. */
export const exactKey = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** ESR's "no end date" (31/12/4712), and any year as far off: a completion that does not expire. */
const NO_END_YEAR = 4000;
export type WorkerRef = { id: string; name: string; left: boolean; mine: boolean };

export type TrainingImportContext = {
  today: string;
  /** Workers of the organisation by employee number; `mine` when the importer may change their record. */
  workers: ReadonlyMap<string, WorkerRef>;
  /** Current subjects by exactKey of their name and of their code. */
  exact: ReadonlyMap<string, SubjectRef>;
  /** Current subjects by subjectKey of their name and code: more than one when two read alike. */
  loose: ReadonlyMap<string, readonly SubjectRef[]>;
  /** Completions already recorded (not removed): `workerId|subjectId|completedOn`. */
  recorded: ReadonlySet<string>;
  /** Completions removed as recorded in error, by the same key: the day and the reason. */
  removed: ReadonlyMap<string, { on: string; reason: string }>;
};

type RowBase = { rowNumber: number; cells: TrainingCells; readProblems: string[]; employeeNumber: string; name: string };

export type PlannedCompletion =
  | (RowBase & { verdict: "rejected"; problems: string[] })
  | (RowBase & { verdict: "create"; workerId: string; subjectId: string; subject: string; completedOn: string; expiresOn: string | null; summary: string })
  | (RowBase & { verdict: "unchanged"; workerId: string; subjectId: string; subject: string; completedOn: string });

export const recordedKey = (workerId: string, subjectId: string, completedOn: string) => `${workerId}|${subjectId}|${completedOn}`;

const DATE_PROBLEMS = {
  format: (what: string, raw: string) => `The ${what} ${quoted(raw)} is not a date Pathways can read: write it as 31/01/2026, 2026-01-31 or 31-Jan-2026`,
  two_digit_year: (what: string, raw: string) => `The ${what} ${quoted(raw)} has a two-digit year: write the year in full, like 31/01/2026`,
  not_real: (what: string, raw: string) => `The ${what} ${quoted(raw)} is not a real date`,
};

/** What importing each row would do, and why; a row repeating an earlier one of the file is refused, naming it. */
export function planTrainingImport(rows: readonly TrainingReadRow[], ctx: TrainingImportContext): PlannedCompletion[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const c = row.cells;
    const problems = [...row.problems];
    const worker = c.employeeNumber ? ctx.workers.get(c.employeeNumber) : undefined;
    const base: RowBase = { rowNumber: row.rowNumber, cells: c, readProblems: row.problems, employeeNumber: c.employeeNumber, name: worker?.name ?? "" };
    if (!c.employeeNumber) problems.push("The employee number is missing");
    else if (!worker || !worker.mine) problems.push(`No worker with the employee number ${quoted(c.employeeNumber)} whose record you can change`);
    else if (worker.left) problems.push(`${worker.name} has left: their record can no longer be changed`);

    // The exact name (or code) first; else the loose reading, only when it names one subject alone.
    const alike = c.subject ? (ctx.loose.get(subjectKey(c.subject)) ?? []) : [];
    const subject = c.subject ? (ctx.exact.get(exactKey(c.subject)) ?? (alike.length === 1 ? alike[0] : undefined)) : undefined;
    if (!c.subject) problems.push("The subject is missing");
    else if (!subject && alike.length > 1) problems.push(`${quoted(c.subject)} could be ${alike.map((a) => a.name).join(" or ")}: name it exactly as the list does`);
    else if (!subject) problems.push(`No current subject called ${quoted(c.subject)}: name it as the mandatory training subjects list does, or add it there first`);

    let completedOn: string | undefined;
    if (!c.completedOn) problems.push("The date completed is missing");
    else {
      const read = readDate(c.completedOn);
      if ("iso" in read) {
        if (read.iso > ctx.today) problems.push(`The date completed ${quoted(c.completedOn)} is in the future`);
        else if (read.iso < "1950-01-01") problems.push(`The date completed ${quoted(c.completedOn)} is before 1950`);
        else completedOn = read.iso;
      } else problems.push(DATE_PROBLEMS[read.problem]("date completed", c.completedOn));
    }

    let expiresOn: string | null | undefined = undefined;
    if (c.expiresOn) {
      const read = readDate(c.expiresOn);
      if ("iso" in read) {
        if (Number(read.iso.slice(0, 4)) >= NO_END_YEAR) expiresOn = null;
        else if (completedOn && read.iso < completedOn) problems.push(`The expiry date ${quoted(c.expiresOn)} is before the date completed`);
        else expiresOn = read.iso;
      } else problems.push(DATE_PROBLEMS[read.problem]("expiry date", c.expiresOn));
    }

    if (problems.length > 0 || !worker || !subject || !completedOn) return { ...base, verdict: "rejected", problems };
    const key = recordedKey(worker.id, subject.id, completedOn);
    const earlier = seen.get(key);
    if (earlier !== undefined) return { ...base, verdict: "rejected", problems: [`The same completion as row ${earlier}`] };
    seen.set(key, row.rowNumber);
    if (ctx.recorded.has(key)) return { ...base, verdict: "unchanged", workerId: worker.id, subjectId: subject.id, subject: subject.name, completedOn };
    // A manager took this one off as wrong: a file does not put it back unasked.
    const removed = ctx.removed.get(key);
    if (removed) {
      return { ...base, verdict: "rejected", problems: [`This completion was removed on ${formatDate(removed.on)} as recorded in error (${removed.reason}). If it is right after all, record it by hand.`] };
    }
    // The file's expiry when it gives one (the learning system's word); else the subject's renewal period.
    const expiry = expiresOn === undefined ? expiryOf(completedOn, subject.renewalMonths) : expiresOn;
    return {
      ...base,
      verdict: "create",
      workerId: worker.id,
      subjectId: subject.id,
      subject: subject.name,
      completedOn,
      expiresOn: expiry,
      summary: `${subject.name}, completed ${formatDate(completedOn)}${expiry ? `, expires ${formatDate(expiry)}` : ", does not expire"}`,
    };
  });
}

/** How many rows would do what. */
export function countTrainingPlan(plan: readonly PlannedCompletion[]) {
  return {
    total: plan.length,
    create: plan.filter((r) => r.verdict === "create").length,
    unchanged: plan.filter((r) => r.verdict === "unchanged").length,
    rejected: plan.filter((r) => r.verdict === "rejected").length,
  };
}

/** Whether a stored row would still be imported the same way (nothing shown has changed since the dry run). */
export function sameCompletion(a: PlannedCompletion, b: PlannedCompletion | undefined): boolean {
  if (!b || a.verdict !== b.verdict) return false;
  if (a.verdict === "create" && b.verdict === "create") return a.workerId === b.workerId && a.subjectId === b.subjectId && a.completedOn === b.completedOn && a.expiresOn === b.expiresOn;
  if (a.verdict === "unchanged" && b.verdict === "unchanged") return a.workerId === b.workerId && a.subjectId === b.subjectId && a.completedOn === b.completedOn;
  return a.verdict === "rejected";
}

