import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { UploadForm } from "@/components/csv-upload-form";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/rules/csv-columns";
import { TRAINING_IMPORT_COLUMNS, type TrainingColumn } from "@/lib/rules/training-import";
import { subjectsForAdmin } from "@/db/queries/mandatory-training";

export const metadata: Metadata = { title: "Import mandatory training completions" };

const WHAT_GOES_IN: Record<TrainingColumn, string> = {
  employeeNumber: "The worker's employee number, as on their record in Pathways.",
  subject: "The subject, as the list below names it. ESR's competence names, like NHS|CSTF|Fire Safety - 2 Years|, are read as the subject they name.",
  completedOn: "Like 27/03/2026 (day first), 2026-03-27 or 27-Mar-2026. Not in the future.",
  expiresOn: "Optional column. When given, the completion runs out then; without it, after the subject's renewal period.",
};

export default async function ImportTrainingPage({ searchParams }: { searchParams: Promise<{ refused?: string }> }) {
  const admin = await requireRole("admin");
  const refused = (await searchParams).refused === "1";
  const subjects = (await subjectsForAdmin(admin)).filter((s) => !s.retiredAt);
  const columns = Object.keys(TRAINING_IMPORT_COLUMNS) as TrainingColumn[];

  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <Link href="/admin/mandatory-training">Back to mandatory training subjects</Link>
      </p>
      <h1 className="mb-4">Import mandatory training completions</h1>
      <p className="mb-2">
        Upload completions saved as CSV from ESR or your learning system. Pathways checks every row and shows you what it would add. Nothing is saved until you
        confirm.
      </p>
      <p className="mb-6">A completion already recorded is left as it is, so the same file, or a later one that overlaps it, can be imported again safely.</p>

      {refused ? (
        <div role="alert" className="mb-6 border-4 border-nhs-red bg-white p-4">
          <h2 className="text-xl">The file could not be imported</h2>
          <p className="mt-2">Check that it is a CSV file of up to 5 MB whose first row names the columns below, then upload it again.</p>
        </div>
      ) : null}

      <div className="card mb-8">
        <UploadForm
          maxBytes={MAX_IMPORT_BYTES}
          uploadUrl="/admin/mandatory-training/import/upload"
          resultPrefix="/admin/mandatory-training/import/"
          emptyMessage="The file is empty. Choose the CSV file of completions."
        />
      </div>

      <h2 className="mb-2">The columns</h2>
      <p className="mb-4">
        The first row names the columns, in any order. Capitals, spaces and punctuation in the names do not matter. Other columns are ignored. Up to{" "}
        {MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows at a time.
      </p>
      <dl className="mb-6 divide-y divide-nhs-grey-4 border-y border-nhs-grey-4 bg-white">
        {columns.map((c) => {
          const col = TRAINING_IMPORT_COLUMNS[c];
          return (
            <div key={c} className="grid gap-1 px-3 py-3 sm:grid-cols-[16rem_1fr] sm:gap-4">
              <dt>
                <span className="font-semibold">{col.heading}</span>
                {col.aliases.length > 0 ? <span className="block text-sm text-nhs-secondary">or {col.aliases.join(", ")}</span> : null}
              </dt>
              <dd>{WHAT_GOES_IN[c]}</dd>
            </div>
          );
        })}
      </dl>

      <details className="card">
        <summary className="cursor-pointer font-semibold text-nhs-blue">Subjects Pathways recognises</summary>
        <ul className="mt-4 list-disc pl-6">
          {subjects.map((s) => (
            <li key={s.id}>{s.name}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
