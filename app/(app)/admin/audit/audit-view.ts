// The audit trail's filters as the address carries them, and each event as the page and its download word it.
import { isIsoDate } from "@/lib/rules/dates";
import { auditActionWords, AUDIT_RECORD_KINDS } from "@/lib/audit-words";
import type { AuditFilters, AuditRow } from "@/db/queries/audit-trail";

export type AuditSearch = { actor?: string; worker?: string; kind?: string; from?: string; to?: string; page?: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Only well-formed values are taken; anything else is no filter (the query scopes to the organisation anyway). */
export function parseAuditFilters(sp: AuditSearch): AuditFilters & { page: number } {
  const date = (v?: string) => (v && isIsoDate(v) ? v : null);
  const page = Number(sp.page);
  return {
    actor: sp.actor && ID.test(sp.actor) ? sp.actor : null,
    worker: sp.worker && ID.test(sp.worker) ? sp.worker : null,
    kind: sp.kind && AUDIT_RECORD_KINDS.some(([k]) => k === sp.kind) ? sp.kind : null,
    from: date(sp.from),
    to: date(sp.to),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The address of the trail (or its download) with these filters and, optionally, a page. */
export function auditQuery(f: AuditFilters, page?: number): string {
  const q = new URLSearchParams();
  for (const key of ["actor", "worker", "kind", "from", "to"] as const) if (f[key]) q.set(key, f[key]!);
  if (page && page > 1) q.set("page", String(page));
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** The record an event is about, in words: the worker's name, or the login's, or the kind of record. */
export function recordWords(r: AuditRow): string {
  return r.workerName ?? r.subjectName ?? "";
}

/** The summary's details in words: "reason: Wrong statement; version: 2". Values only as the log holds them. */
export function detailWords(summary: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return summary;
  }
  if (!parsed || typeof parsed !== "object") return "";
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

export const whatWords = (r: AuditRow) => auditActionWords(r.action, r.entityType);
