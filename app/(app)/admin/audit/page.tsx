// /admin/audit: the organisation's audit trail for an administrator. Every event in words (who did what to which
// record, linked), filtered by person, worker, kind of record and dates, a page of 50 at a time, as a CSV download,
// and whether the log's hash chain verifies (db/audit-chain.ts).
import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { formatDateTime, todayInLondon } from "@/lib/rules/dates";
import { AUDIT_RECORD_KINDS } from "@/lib/audit-words";
import { auditChainStatus, auditFilterChoices, auditTrail, auditWorkerName, AUDIT_DOWNLOAD_LIMIT } from "@/db/queries/audit-trail";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Pagination } from "@/components/pagination";
import { ScrollRegion } from "@/components/scroll-region";
import { auditQuery, detailWords, parseAuditFilters, whatWords, type AuditSearch } from "./audit-view";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const user = await requireRole("admin");
  const { page, ...filters } = parseAuditFilters(await searchParams);
  const trail = (await auditTrail(user, filters, page))!;
  const choices = (await auditFilterChoices(user))!;
  const chain = (await auditChainStatus(user))!;
  const workerName = filters.worker ? await auditWorkerName(user, filters.worker) : undefined;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <p className="text-nhs-secondary">
        <Link href="/admin">Administration</Link>
      </p>
      <h1 className="mb-4">Audit trail</h1>
      <p className="mb-4 max-w-3xl">
        Everything done in Pathways in your organisation: who did what to which record, when and from where, including sign-ins, downloads, print views
        and who opened sensitive records. Nobody can change or remove an entry.
      </p>

      {chain.ok ? (
        <p className="card mb-6 max-w-3xl border-l-8 border-nhs-green" role="status">
          <strong>The audit log verifies.</strong> All {chain.rows.toLocaleString("en-GB")} entries are as they were written
          {chain.beforeChain ? ` (the first ${chain.beforeChain.toLocaleString("en-GB")}, from before this check began, are not covered)` : ""}. Its latest
          entry is number {chain.head.seq.toLocaleString("en-GB")}, fingerprint <code className="break-all">{chain.head.hash?.slice(0, 16) ?? "none"}</code>: note
          it in your records to show later that nothing before it was rewritten.
        </p>
      ) : (
        <div className="card mb-6 max-w-3xl border-l-8 border-nhs-red" role="alert">
          <p>
            <strong>The audit log does not verify.</strong> Entry number {chain.firstBroken.toLocaleString("en-GB")} is the first that does not match:{" "}
            {chain.reason}. Someone has changed the database outside Pathways. Keep a copy of the database as it is and tell your information governance lead.
          </p>
        </div>
      )}

      <form method="get" action="/admin/audit" className="card mb-6 no-print" aria-label="Filter the audit trail">
        <div className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField name="actor" label="Who" options={choices.people.map((p) => [p.id, p.name] as const)} placeholder="Anyone" defaultValue={filters.actor ?? ""} />
          <SelectField name="kind" label="Kind of record" options={AUDIT_RECORD_KINDS} placeholder="Any" defaultValue={filters.kind ?? ""} />
          <TextField name="from" label="From" type="date" max={todayInLondon()} defaultValue={filters.from ?? ""} />
          <TextField name="to" label="To" type="date" max={todayInLondon()} defaultValue={filters.to ?? ""} />
        </div>
        {filters.worker ? <input type="hidden" name="worker" value={filters.worker} /> : null}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn mb-0!">
            Show the entries
          </button>
          {filtered ? <Link href="/admin/audit">Clear the filters</Link> : null}
        </div>
      </form>

      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-4">
        <h2 className="text-lg" id="entries">
          {trail.total.toLocaleString("en-GB")} {trail.total === 1 ? "entry" : "entries"}
          {workerName ? ` about ${workerName}` : ""}
        </h2>
        <a href={`/admin/audit/csv${auditQuery(filters)}`} download>
          Download these entries as CSV
          {trail.total > AUDIT_DOWNLOAD_LIMIT ? ` (the latest ${AUDIT_DOWNLOAD_LIMIT.toLocaleString("en-GB")})` : ""}
        </a>
      </div>
      {trail.rows.length === 0 ? (
        <p className="card">No entries match these filters.</p>
      ) : (
        <ScrollRegion label="Audit trail entries">
          <table className="table" aria-labelledby="entries">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Record</th>
                <th scope="col">Details</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {trail.rows.map((r) => (
                <tr key={r.seq}>
                  <td className="whitespace-nowrap">{formatDateTime(r.at)}</td>
                  <td>{r.actorId ? <Link href={`/admin/audit${auditQuery({ ...filters, actor: r.actorId })}`}>{r.actorLabel}</Link> : r.actorLabel}</td>
                  <td>{whatWords(r)}</td>
                  <td>
                    {r.workerId && r.workerName ? (
                      <>
                        <Link href={`/workers/${r.workerId}`}>{r.workerName}</Link>{" "}
                        <Link href={`/admin/audit${auditQuery({ ...filters, worker: r.workerId })}`} className="text-sm" aria-label={`entries about ${r.workerName}`}>
                          (entries)
                        </Link>
                      </>
                    ) : r.subjectName ? (
                      <Link href={`/admin/users/${r.entityId}`}>{r.subjectName}</Link>
                    ) : null}
                  </td>
                  <td className="max-w-md text-sm break-words">{detailWords(r.summary)}</td>
                  <td className="text-sm whitespace-nowrap">{r.address ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={trail.page} pages={trail.pages} hrefFor={(p) => `/admin/audit${auditQuery(filters, p)}`} />
    </>
  );
}
