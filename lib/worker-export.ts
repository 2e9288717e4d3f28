// The workers list as CSV. Its first columns are the import's, with the same headings and values it reads, so an
// exported file, edited, imports back cleanly; Status and Line manager (name) follow for reading only.
import { csvLines, toCsv } from "./csv";
import { EXPORT_HEADINGS } from "./rules/worker-import/columns";
import { workerStatusWords, type WorkerStatus } from "./vocabulary";
import { filtersToQuery, type WorkerFilters } from "./worker-filters";

export type ExportableWorker = {
  employeeNumber: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  profession: string;
  band: string | null;
  fte: number;
  teamName: string;
  careSetting: string | null;
  contractStart: string;
  lineManagerEmail: string | null;
  stage: string;
  status: WorkerStatus;
  lineManagerName: string | null;
};

export function workersCsv(rows: readonly ExportableWorker[]): string {
  return toCsv([EXPORT_HEADINGS, ...rows.map(exportRow)]);
}

/** The file's start (the byte-order mark and the headings), then its rows a part at a time: the same file as workersCsv. */
export const workersCsvHead = (): string => toCsv([EXPORT_HEADINGS]);
export const workersCsvPart = (rows: readonly ExportableWorker[]): string => csvLines(rows.map(exportRow));

function exportRow(w: ExportableWorker) {
  return [
    w.employeeNumber,
    w.firstName,
    w.lastName,
    w.jobTitle,
    w.profession,
    w.band,
    w.fte,
    w.teamName,
    w.careSetting,
    w.contractStart,
    w.lineManagerEmail,
    w.stage,
    workerStatusWords.label(w.status),
    w.lineManagerName,
  ];
}

/** "pathways-workers-2026-11-22.csv", or "...-filtered.csv" when a search or filter narrowed the list. */
export function exportFileName(today: string, filters: WorkerFilters): string {
  const narrowed = filtersToQuery({ ...filters, sort: "name", dir: "asc", page: 1 }) !== "";
  return `pathways-workers-${today}${narrowed ? "-filtered" : ""}.csv`;
}
