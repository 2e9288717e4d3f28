// CSV in and out: decoding the bytes spreadsheets save, splitting rows (papaparse), and writing cells that open
// safely in Excel. Knows nothing of workers; lib/rules/worker-import/read-file.ts reads the columns.
import Papa from "papaparse";

export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export type DecodedFile = { ok: true; text: string; encoding: TextEncoding } | { ok: false; message: string };

const starts = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * The file's text. Excel saves "CSV UTF-8" with a byte-order mark, plain "CSV" in Windows-1252 and "Unicode text"
 * in UTF-16, so all of those are read; a workbook or other binary file is refused with a message saying what to do.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  if (starts(bytes, 0xff, 0xfe)) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (starts(bytes, 0xfe, 0xff)) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return {
      ok: false,
      message: "This is an Excel workbook, not a CSV file. In Excel choose File, Save As, and “CSV UTF-8 (Comma delimited)”, then upload that file.",
    };
  }
  if (bytes.includes(0)) return { ok: false, message: "This does not look like a CSV file: it contains data that is not text." };
  try {
    // TextDecoder drops a leading byte-order mark by default.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { ok: true, text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** Comma, semicolon (Excel in much of Europe) or tab, whichever the header line uses most. */
export function guessDelimiter(text: string): "," | ";" | "\t" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [",", ";", "\t"] as const;
  let best: "," | ";" | "\t" = ",";
  for (const c of candidates) if (count(c) > count(best)) best = c;
  return best;
}

export type CsvTable = { ok: true; rows: string[][] } | { ok: false; unclosedQuoteAtRow: number };

/** Splits text into rows of cells (RFC 4180: quoted commas, doubled quotes, line breaks inside quotes, CRLF). */
export function splitCsv(text: string): CsvTable {
  const clean = text.startsWith("\ufeff") ? text.slice(1) : text;
  const result = Papa.parse<string[]>(clean, { delimiter: guessDelimiter(clean), skipEmptyLines: false });
  // An unclosed quote swallows the rest of the file into one cell, so nothing after it can be trusted.
  const unclosed = result.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) return { ok: false, unclosedQuoteAtRow: (unclosed.row ?? 0) + 1 };
  return { ok: true, rows: result.data };
}

// A cell starting with one of these is run as a formula by Excel and its kin (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when it must be, with a leading apostrophe when a spreadsheet would run it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Undoes csvCell's apostrophe, so a file Pathways wrote reads back as the values it held. */
export function unguardCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A whole file: a byte-order mark so Excel reads it as UTF-8, CRLF line ends as RFC 4180 says. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Rows as CSV lines, each ending in CRLF, without the byte-order mark: a later part of a file toCsv would write. */
export function csvLines(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
