// Reading an uploaded CSV file by its columns, for every import (a staff list, a learning system's completions): its
// encoding, its header row matched to the columns the import knows (by heading or alias, ignoring case, spaces and
// punctuation), and each row's cells by column. Checks the file's shape only; each import checks what the cells say.
import { decodeCsvBytes, splitCsv, unguardCell, type TextEncoding } from "../csv";
import { formatBytes, listWords, quoted } from "./worker-import/messages";
import { withoutHiddenCharacters } from "../form-text";

/** 5 MB is about 40,000 rows of a typical file; the row limit bites first. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type ColumnSpec<K extends string> = Record<K, { heading: string; required: boolean; aliases: readonly string[] }>;

export type ReadRowOf<K extends string> = { rowNumber: number; cells: Record<K, string>; problems: string[] };
export type ReadColumns<K extends string> = { ok: true; rows: ReadRowOf<K>[]; notes: string[]; seen: ReadonlySet<K> } | { ok: false; message: string };

/** What an import calls its file and its rows, in its messages. */
export type FileWords = {
  /** "The file is empty. Choose the CSV file of your staff list." */
  empty: string;
  /** "The file has a header row but no workers below it." */
  noRows: string;
};

export const headingKey = (s: string) =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const ENCODING_NOTE: Partial<Record<TextEncoding, string>> = {
  "windows-1252": "The file was not saved as UTF-8, so it was read as Windows-1252 (what Excel's plain “CSV” uses). Check that accented names look right below.",
  "utf-16le": "The file was saved as Unicode (UTF-16) text and was read as such.",
  "utf-16be": "The file was saved as Unicode (UTF-16) text and was read as such.",
};

/** Reads an uploaded file's bytes: its size, its encoding (noted when not UTF-8), then its columns. */
export function readColumnsFromBytes<K extends string>(bytes: Uint8Array, spec: ColumnSpec<K>, words: FileWords): ReadColumns<K> {
  if (bytes.length === 0) return { ok: false, message: words.empty };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `The file is ${formatBytes(bytes.length)}. The largest file Pathways can import is ${formatBytes(MAX_IMPORT_BYTES)}: split it into smaller files.`,
    };
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const result = readColumns(decoded.text, spec, words);
  const note = ENCODING_NOTE[decoded.encoding];
  if (result.ok && note) result.notes.unshift(note);
  return result;
}

/** Reads a file's text: its header row against the columns, then each row's cells (blank lines left out). */
export function readColumns<K extends string>(text: string, spec: ColumnSpec<K>, words: FileWords): ReadColumns<K> {
  const keys = Object.keys(spec) as K[];
  const lookup = new Map<string, K>(keys.flatMap((k) => [spec[k].heading, ...spec[k].aliases].map((h) => [headingKey(h), k] as const)));
  if (text.replace(/^\ufeff/, "").trim() === "") return { ok: false, message: words.empty };
  const table = splitCsv(text);
  if (!table.ok) {
    return {
      ok: false,
      message: `Row ${table.unclosedQuoteAtRow} has a quotation mark (") that is never closed, so the rest of the file cannot be read. Check that row in the file.`,
    };
  }
  const [header = [], ...body] = table.rows;
  const headings = header.map((h) => h.trim());

  const columnAt: (K | null)[] = [];
  const seen = new Map<K, string>();
  const unknown: string[] = [];
  let untitled = 0;
  for (const heading of headings) {
    const column = lookup.get(headingKey(heading)) ?? null;
    if (column && seen.has(column)) {
      return {
        ok: false,
        message: `The columns ${quoted(seen.get(column)!)} and ${quoted(heading)} both give the ${spec[column].heading.toLowerCase()}. Keep one of them.`,
      };
    }
    if (column) seen.set(column, heading);
    else if (heading) unknown.push(heading);
    else untitled++;
    columnAt.push(column);
  }

  const missing = keys.filter((c) => spec[c].required && !seen.has(c)).map((c) => spec[c].heading);
  if (missing.length > 0) {
    const parts = [
      `The file is missing ${missing.length === 1 ? "the column" : "the columns"} ${listWords(missing.map(quoted))}.`,
      unknown.length > 0 ? `Pathways does not recognise ${unknown.length === 1 ? "the column" : "the columns"} ${listWords(unknown.map(quoted))}.` : "",
      "The first row must name the columns, as in the list on this page.",
    ];
    return { ok: false, message: parts.filter(Boolean).join(" ") };
  }

  const rows: ReadRowOf<K>[] = [];
  body.forEach((raw, index) => {
    if (raw.every((cell) => cell.trim() === "")) return; // blank lines (and the one after the last line break)
    const cells = Object.fromEntries(keys.map((c) => [c, ""])) as Record<K, string>;
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

  if (rows.length === 0) return { ok: false, message: words.noRows };
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
  return { ok: true, rows, notes, seen: new Set(seen.keys()) };
}
