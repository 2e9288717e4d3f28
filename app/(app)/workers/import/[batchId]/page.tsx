import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { importBatchFor, importRowsFor } from "@/db/queries/worker-import";
import { formatDateTime } from "@/lib/rules/dates";
import type { ImportVerdict } from "@/lib/vocabulary";
import type { PlannedRow } from "@/lib/rules/worker-import/plan";
import { Stat } from "@/components/stat";
import { ImportRows } from "@/components/import-rows";
import { confirmImportAction } from "../actions";
import { ConfirmForm } from "@/components/import-confirm-form";

export const metadata: Metadata = { title: "Check the import" };

const SHOW = {
  all: { label: "All rows", verdict: undefined },
  problems: { label: "Problems", verdict: "rejected" },
  new: { label: "New", verdict: "create" },
  updated: { label: "Updates", verdict: "update" },
  unchanged: { label: "Unchanged", verdict: "unchanged" },
} as const satisfies Record<string, { label: string; verdict: ImportVerdict | undefined }>;
type Show = keyof typeof SHOW;

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** "adds 3 new workers and updates 1 worker", leaving out a part that is zero. */
function whatItDoes(create: number, update: number, words: { add: string; update: string }) {
  const parts = [create > 0 ? `${words.add} ${n(create, "new worker")}` : "", update > 0 ? `${words.update} ${n(update, "worker")}` : ""];
  return parts.filter(Boolean).join(" and ");
}

function Details({ row }: { row: PlannedRow }) {
  switch (row.verdict) {
    case "rejected":
      return (
        <ul className="list-disc space-y-1 pl-5">
          {row.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      );
    case "create":
      return <>{row.summary}</>;
    case "update":
      return (
        <ul className="space-y-1">
          {row.changes.map((c) => (
            <li key={c.field}>
              <span className="font-semibold">{c.label}:</span> {c.from} <span aria-hidden="true">→</span>
              <span className="sr-only">changes to</span> {c.to}
            </li>
          ))}
        </ul>
      );
    case "unchanged":
      return <span className="text-nhs-secondary">Matches the record in Pathways</span>;
  }
}

export default async function ImportCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ batchId: string }>;
  searchParams: Promise<{ show?: string; page?: string }>;
}) {
  const user = await requireRole("manager", "admin");
  const { batchId } = await params;
  const batch = await importBatchFor(user, batchId);
  if (!batch) notFound();
  const sp = await searchParams;
  const show: Show = sp.show && Object.hasOwn(SHOW, sp.show) ? (sp.show as Show) : batch.rejected > 0 && batch.status === "checked" ? "problems" : "all";
  const pageAsked = Number.parseInt(sp.page ?? "1", 10);
  const { rows, page, pages } = await importRowsFor(user, batchId, { verdict: SHOW[show].verdict, page: Number.isFinite(pageAsked) ? pageAsked : 1 });
  const applied = batch.status === "applied";
  const toImport = batch.toCreate + batch.toUpdate;
  const counts: Record<Show, number> = {
    all: batch.totalRows,
    problems: batch.rejected,
    new: batch.toCreate,
    updated: batch.toUpdate,
    unchanged: batch.unchanged,
  };
  const href = (s: Show, p = 1) => `/workers/import/${batchId}?show=${s}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <p className="mb-2">
        <Link href="/workers/import">{applied ? "Import another file" : "Back to import"}</Link>
      </p>
      <h1 className="mb-2">{applied ? "Import complete" : "Check the import"}</h1>
      <p className="mb-6 break-words text-nhs-secondary">
        {batch.fileName} · {n(batch.totalRows, "row")} · checked {formatDateTime(batch.createdAt)}
      </p>

      {applied ? (
        <div role="status" className="mb-6 border-l-8 border-nhs-green bg-white p-4">
          <p className="font-semibold">
            Imported {formatDateTime(batch.appliedAt)}: {whatItDoes(batch.toCreate, batch.toUpdate, { add: "added", update: "updated" })}.
            {batch.rejected > 0 ? ` ${n(batch.rejected, "row")} with problems ${batch.rejected === 1 ? "was" : "were"} left out.` : ""}
          </p>
          <p className="mt-2">
            <Link href="/workers">See the workers list</Link>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="summary-heading" className="mb-6">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label={applied ? "Added" : "New workers"} value={batch.toCreate.toLocaleString("en-GB")} />
          <Stat label={applied ? "Updated" : "Updates"} value={batch.toUpdate.toLocaleString("en-GB")} />
          <Stat label="Unchanged" value={batch.unchanged.toLocaleString("en-GB")} />
          <Stat label="Problems" value={batch.rejected.toLocaleString("en-GB")} note={batch.rejected > 0 ? (applied ? "Left out" : "Will be left out") : undefined} />
        </div>
      </section>

      {batch.notes.length > 0 ? (
        <section aria-labelledby="notes-heading" className="mb-6 border-l-8 border-nhs-blue bg-white p-4">
          <h2 id="notes-heading" className="mb-2 text-lg">
            About the file
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {batch.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {!applied ? (
        <section aria-labelledby="confirm-heading" className="card mb-8">
          <h2 id="confirm-heading" className="mb-2">
            {toImport > 0 && !batch.expired ? "Confirm the import" : "Nothing to import"}
          </h2>
          {batch.expired ? (
            <p>
              This check is more than an hour old, so the register may have changed since. <Link href="/workers/import">Upload the file again</Link> to check it
              against the register as it is now.
            </p>
          ) : toImport === 0 ? (
            <p>
              {batch.rejected > 0 ? "Every row either matches the record already or has a problem. Fix the problems in the file and " : "Every row matches the record already. "}
              {batch.rejected > 0 ? <Link href="/workers/import">upload it again</Link> : null}
              {batch.rejected > 0 ? "." : null}
            </p>
          ) : (
            <>
              <p className="mb-2">
                Importing {whatItDoes(batch.toCreate, batch.toUpdate, { add: "adds", update: "updates" })}, all together or not at all.
              </p>
              {batch.rejected > 0 ? (
                <p className="mb-4">
                  The {n(batch.rejected, "row")} with problems {batch.rejected === 1 ? "is" : "are"} left out. Fix {batch.rejected === 1 ? "it" : "them"} in the
                  file and import it again afterwards: the rows imported now will then show as unchanged.
                </p>
              ) : (
                <div className="mb-4" />
              )}
              <ConfirmForm
                action={confirmImportAction.bind(null, batch.id)}
                label={`Import ${n(toImport, "row")}`}
                pendingText={`Importing ${n(toImport, "row")}…`}
              />
            </>
          )}
        </section>
      ) : null}

      <ImportRows
        heading={applied ? "What was in the file" : "Row by row"}
        shows={SHOW}
        show={show}
        counts={counts}
        href={href}
        rows={rows}
        page={page}
        pages={pages}
        details={(row) => <Details row={row} />}
      />
    </>
  );
}
