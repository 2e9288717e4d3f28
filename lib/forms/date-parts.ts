// A date as people type it: day, month and year in three boxes (the GOV.UK date input, decision record 0022). Pure, so
// that the form that shows the boxes and the step that reads them agree on what was typed and what is wrong with it.
import { isIsoDate } from "../rules/dates";

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Record<DatePart, string>;

/** How a date is written in the hints and messages: the way people write one, not the way it is stored. */
export const DATE_EXAMPLE = "27 3 2026";

/** The name a part is sent under: `targetDate-day`, `targetDate-month`, `targetDate-year`. */
export const partName = (name: string, part: DatePart) => `${name}-${part}`;

/** What three typed parts say: nothing, a real date, or what is wrong with them. */
export type DateReading =
  | { kind: "blank" }
  | { kind: "date"; iso: string }
  | { kind: "incomplete"; missing: DatePart[] }
  | { kind: "short_year" }
  | { kind: "not_real" };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A month as a number from its digits or its English name ("3", "03", "Mar", "March", "Sept"); undefined otherwise. */
function monthNumber(raw: string): number | undefined {
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const word = raw.toLowerCase().replace(/\.$/, "");
  const i = MONTHS.findIndex((m) => word === m || word === m.slice(0, 3) || (m === "september" && word === "sept"));
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Reads three typed parts. Anything that is not a day, a month and a four-figure year making a real date says why. */
export function readParts(typed: DateParts): DateReading {
  const p = { day: typed.day.trim(), month: typed.month.trim(), year: typed.year.trim() };
  const missing = DATE_PARTS.filter((part) => p[part] === "");
  if (missing.length === DATE_PARTS.length) return { kind: "blank" };
  if (missing.length > 0) return { kind: "incomplete", missing };
  const month = monthNumber(p.month);
  if (!/^\d{1,2}$/.test(p.day) || month === undefined || !/^\d+$/.test(p.year)) return { kind: "not_real" };
  if (p.year.length < 4) return { kind: "short_year" };
  if (p.year.length > 4) return { kind: "not_real" };
  const iso = `${p.year}-${pad(month)}-${pad(Number(p.day))}`;
  return isIsoDate(iso) ? { kind: "date", iso } : { kind: "not_real" };
}

// A date that does not read is passed on as its parts with this between them, so the schema can still say what is
// wrong (a missing month, a short year). A part holding the separator itself splits into more than three pieces,
// which reads as "not a real date", as such a part would anyway.
const SEPARATOR = "/";

/**
 * The one value a date field sends on: "" when all three parts are blank, the ISO date when they make a real one, and
 * otherwise the parts as typed, which `readDateValue` reads back for its message.
 */
export function joinParts(typed: DateParts): string {
  const reading = readParts(typed);
  if (reading.kind === "blank") return "";
  if (reading.kind === "date") return reading.iso;
  return DATE_PARTS.map((part) => typed[part].trim()).join(SEPARATOR);
}

/** Reads a date field's value: an ISO date (checked to be real), or the parts `joinParts` passed on. */
export function readDateValue(value: string): DateReading {
  const v = value.trim();
  if (v === "") return { kind: "blank" };
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return isIsoDate(v) ? { kind: "date", iso: v } : { kind: "not_real" };
  const pieces = v.split(SEPARATOR);
  if (pieces.length !== DATE_PARTS.length) return { kind: "not_real" };
  const [day = "", month = "", year = ""] = pieces;
  return readParts({ day, month, year });
}

/** The parts of an ISO date as a person would type them ("2026-03-07" → 7, 3, 2026); blank parts for anything else. */
export function partsOfIso(iso: string | undefined): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim()) : null;
  if (!m) return { day: "", month: "", year: "" };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

/**
 * What a date field shows: the parts typed (sent back after an error, so nothing typed is lost), or else the field's
 * ISO value, or else `fallback` (a page's default, like today).
 */
export function typedParts(values: Record<string, string | undefined>, name: string, fallback?: string): DateParts {
  if (DATE_PARTS.some((part) => values[partName(name, part)] !== undefined)) {
    return { day: values[partName(name, "day")] ?? "", month: values[partName(name, "month")] ?? "", year: values[partName(name, "year")] ?? "" };
  }
  return partsOfIso(values[name] ?? fallback);
}

/** The parts to mark when the field has an error: the missing ones, the year when it is short, otherwise all three. */
export function partsInError(typed: DateParts): DatePart[] {
  const reading = readParts(typed);
  if (reading.kind === "incomplete") return reading.missing;
  if (reading.kind === "short_year") return ["year"];
  return [...DATE_PARTS];
}
