// Reading an uploaded staff list: its encoding, its header row, and each row's cells by column (lib/rules/csv-columns.ts
// reads any import's file). Checks the file's shape only; plan.ts checks what the cells say.
import { IMPORT_COLUMNS, type Cells, type ImportColumn } from "./columns";
import { readColumns, readColumnsFromBytes, type FileWords, type ReadColumns, type ReadRowOf } from "../csv-columns";

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "../csv-columns";

export type ReadRow = ReadRowOf<ImportColumn> & { cells: Cells };
export type ReadResult = { ok: true; rows: ReadRow[]; notes: string[]; hasRoleColumn: boolean } | { ok: false; message: string };

const WORDS: FileWords = { empty: "The file is empty. Choose the CSV file of your staff list.", noRows: "The file has a header row but no workers below it." };

function withRoleNote(read: ReadColumns<ImportColumn>): ReadResult {
  if (!read.ok) return read;
  const hasRoleColumn = read.seen.has("role");
  const notes = [...read.notes];
  if (!hasRoleColumn) notes.push("The file has no Role column, so each new worker's role follows their band: band 2 support worker, band 3 senior support worker, band 4 assistant practitioner.");
  return { ok: true, rows: read.rows, notes, hasRoleColumn };
}

/** Reads an uploaded file: its encoding, its header row, and each row's cells by column. */
export function readWorkerCsv(bytes: Uint8Array): ReadResult {
  return withRoleNote(readColumnsFromBytes(bytes, IMPORT_COLUMNS, WORDS));
}

export function readWorkerCsvText(text: string): ReadResult {
  return withRoleNote(readColumns(text, IMPORT_COLUMNS, WORDS));
}
