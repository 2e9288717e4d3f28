// Reading an uploaded staff list: its encoding, its header row, and each row's cells by column. Checks the file's
// shape only; plan.ts checks what the cells say.
import { decodeCsvBytes, splitCsv, unguardCell, type TextEncoding } from "../../csv";
import { COLUMN_KEYS, IMPORT_COLUMNS, type Cells, type ImportColumn } from "./columns";
import { formatBytes, listWords, quoted } from "./messages";
import { withoutHiddenCharacters } from "../../form-text";

/** 5 MB is about 40,000 rows of a typical staff list; the row limit bites first. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

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
      // A cell loses the control, bidirectional and zero-width characters a form's field would (lib/form-text.ts).
      if (column) cells[column] = unguardCell(withoutHiddenCharacters(raw[i] ?? "").trim());
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
