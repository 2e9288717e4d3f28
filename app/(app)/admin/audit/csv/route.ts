// GET /admin/audit/csv?<filters>: the audit trail as the administrator filtered it, newest first, as a CSV file. The
// download is itself recorded in the trail, with its filters and row count.
import { requireRole } from "@/lib/auth";
import { formatDateTime } from "@/lib/rules/dates";
import { csvFileName, csvResponse } from "@/lib/tables";
import { toCsv } from "@/lib/csv";
import { auditTrailForDownload, recordAccess } from "@/db/queries/audit-trail";
import { detailWords, parseAuditFilters, recordWords, whatWords } from "../audit-view";

export async function GET(request: Request) {
  const user = await requireRole("admin");
  const { page: _page, ...filters } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams.entries()));
  const rows = await auditTrailForDownload(user, filters) ?? [];
  await recordAccess(user, { action: "audit_trail.download", entityType: "audit_trail", entityId: user.orgId, summary: { filters, rows: rows.length } });
  const body = toCsv([
    ["Number", "When", "Who", "What", "Record", "Details", "Address", "Action code"],
    ...rows.map((r) => [r.seq, formatDateTime(r.at), r.actorLabel, whatWords(r), recordWords(r), detailWords(r.summary), r.address ?? "", r.action]),
  ]);
  return csvResponse(body, csvFileName(["audit-trail", filters.from, filters.to]));
}
