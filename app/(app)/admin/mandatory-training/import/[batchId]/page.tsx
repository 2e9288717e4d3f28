import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { trainingImportBatch, trainingImportRows } from "@/db/queries/training-import";
import { formatDateTime } from "@/lib/rules/dates";
import type { ImportVerdict } from "@/lib/vocabulary";
import type { PlannedCompletion } from "@/lib/rules/training-import";
import { Stat } from "@/components/stat";
import { ImportRows } from "@/components/import-rows";
import { ConfirmForm } from "@/components/import-confirm-form";
import { confirmTrainingImportAction } from "../actions";

export const metadata: Metadata = { title: "Check the completions" };

const SHOW = {
  all: { label: "All rows", verdict: undefined },
  problems: { label: "Problems", verdict: "rejected" },
  new: { label: "New", verdict: "create" },
  unchanged: { label: "Already recorded", verdict: "unchanged" },
} as const satisfies Record<string, { label: string; verdict: ImportVerdict | undefined }>;
type Show = keyof typeof SHOW;

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

function Details({ row }: { row: PlannedCompletion }) {
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
    case "unchanged":
      return <span className="text-nhs-secondary">{row.subject}: already recorded on that day</span>;
  }
}

export default async function TrainingImportCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ batchId: string }>;
  searchParams: Promise<{ show?: string; page?: string }>;
}) {
  const admin = await requireRole("admin");
  const { batchId } = await params;
  const batch = await trainingImportBatch(admin, batchId);
  if (!batch) notFound();
  const sp = await searchParams;
  const show: Show = sp.show && Object.hasOwn(SHOW, sp.show) ? (sp.show as Show) : batch.rejected > 0 && batch.status === "checked" ? "problems" : "all";
  const pageAsked = Number.parseInt(sp.page ?? "1", 10);
  const { rows, page, pages } = await trainingImportRows(admin, batchId, { verdict: SHOW[show].verdict, page: Number.isFinite(pageAsked) ? pageAsked : 1 });
  const applied = batch.status === "applied";
  const counts: Record<Show, number> = { all: batch.totalRows, problems: batch.rejected, new: batch.toCreate, unchanged: batch.unchanged };
  const href = (s: Show, p = 1) => `/admin/mandatory-training/import/${batchId}?show=${s}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/mandatory-training/import">{applied ? "Import another file" : "Back to import"}</Link>
      </p>
      <h1 className="mb-2">{applied ? "Completions imported" : "Check the completions"}</h1>
      <p className="mb-6 break-words text-nhs-secondary">
        {batch.fileName} · {n(batch.totalRows, "row")} · checked {formatDateTime(batch.createdAt)}
      </p>

      {applied ? (
        <div role="status" className="mb-6 border-l-8 border-nhs-green bg-white p-4">
          <p className="font-semibold">
            Imported {formatDateTime(batch.appliedAt)}: added {n(batch.toCreate, "completion")}.
            {batch.rejected > 0 ? ` ${n(batch.rejected, "row")} with problems ${batch.rejected === 1 ? "was" : "were"} left out.` : ""}
          </p>
          <p className="mt-2">
            <Link href="/admin/mandatory-training">Back to mandatory training subjects</Link>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="summary-heading" className="mb-6">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          <Stat label={applied ? "Added" : "New completions"} value={batch.toCreate.toLocaleString("en-GB")} />
          <Stat label="Already recorded" value={batch.unchanged.toLocaleString("en-GB")} />
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
            {batch.toCreate > 0 && !batch.expired ? "Confirm the import" : "Nothing to import"}
          </h2>
          {batch.expired ? (
            <p>
              This check is more than an hour old, so the records may have changed since.{" "}
              <Link href="/admin/mandatory-training/import">Upload the file again</Link> to check it against the records as they are now.
            </p>
          ) : batch.toCreate === 0 ? (
            <p>
              {batch.rejected > 0 ? "Every row is either recorded already or has a problem. Fix the problems in the file and " : "Every row is recorded already. "}
              {batch.rejected > 0 ? <Link href="/admin/mandatory-training/import">upload it again</Link> : null}
              {batch.rejected > 0 ? "." : null}
            </p>
          ) : (
            <>
              <p className="mb-4">
                Importing adds {n(batch.toCreate, "completion")}, all together or not at all.
                {batch.rejected > 0
                  ? ` The ${n(batch.rejected, "row")} with problems ${batch.rejected === 1 ? "is" : "are"} left out; fix ${batch.rejected === 1 ? "it" : "them"} in the file and import it again afterwards.`
                  : ""}
              </p>
              <ConfirmForm
                action={confirmTrainingImportAction.bind(null, batch.id)}
                label={`Import ${n(batch.toCreate, "completion")}`}
                pendingText={`Importing ${n(batch.toCreate, "completion")}…`}
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
